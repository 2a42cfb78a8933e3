/**
 * Money is an integer count of minor units everywhere; only these two functions see decimals.
 * Arithmetic goes through BigInt/strings so no float rounding can create or lose a cent.
 */

/** Largest amount a single ledger operation may move, in minor units (well below 2^53). */
export const MAX_AMOUNT = 1_000_000_000_000;

export interface MoneyFormat {
  /** Shown after the number, as configured by the operator (`USD`, `credits`, `⭐`). */
  currency: string;
  /** Minor-unit digits: 2 means 1250 → 12.50. */
  decimals: number;
  /** BCP 47 locale for grouping and the decimal separator; default `en`. */
  locale?: string;
}

const separators = new Map<string, { decimal: string; integer: Intl.NumberFormat }>();

function localeParts(locale: string): { decimal: string; integer: Intl.NumberFormat } {
  let parts = separators.get(locale);
  if (!parts) {
    const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
    const decimal =
      new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === 'decimal')?.value ??
      '.';
    parts = { decimal, integer };
    separators.set(locale, parts);
  }
  return parts;
}

// ICU's lookup costs more than the rest of a format; the tags come from Telegram clients, so the
// cache is bounded.
const resolved = new Map<string, string>();

function resolveLocale(locale: string | undefined): string {
  if (!locale) return 'en';
  let tag = resolved.get(locale);
  if (tag === undefined) {
    try {
      tag = Intl.NumberFormat.supportedLocalesOf([locale])[0] ?? 'en';
    } catch {
      tag = 'en'; // malformed tag from a Telegram client
    }
    if (resolved.size >= 256) resolved.clear();
    resolved.set(locale, tag);
  }
  return tag;
}

/** `formatMoney(1250, { currency: 'USD', decimals: 2 })` → `12.50 USD`; `ru` → `12,50 USD`. */
export function formatMoney(amount: number, format: MoneyFormat): string {
  if (!Number.isSafeInteger(amount)) throw new RangeError(`amount ${amount} is not an integer`);
  const decimals = checkDecimals(format.decimals);
  const { decimal, integer } = localeParts(resolveLocale(format.locale));
  const abs = BigInt(Math.abs(amount));
  const unit = 10n ** BigInt(decimals);
  let text = integer.format(abs / unit);
  if (decimals > 0) text += decimal + (abs % unit).toString().padStart(decimals, '0');
  const sign = amount < 0 ? '-' : '';
  return format.currency ? `${sign}${text} ${format.currency}` : `${sign}${text}`;
}

export type ParseMoneyError =
  | 'empty'
  | 'not_a_number'
  | 'negative'
  | 'zero'
  | 'too_many_decimals'
  /** `1,000` / `1.000`: grouping or decimals? Refused rather than guessed. */
  | 'ambiguous'
  | 'too_large';

export type ParseMoneyResult = { ok: true; value: number } | { ok: false; error: ParseMoneyError };

export interface ParseMoneyOptions {
  allowNegative?: boolean;
  allowZero?: boolean;
  /** Largest absolute value in minor units; default MAX_AMOUNT. */
  max?: number;
}

// Group separators people type: spaces (incl. no-break and thin), underscores, apostrophes.
const GROUPING = /[\s\u00a0\u202f_'’]/g;
const NUMBER = /^([+-]?)(\d*)(?:[.,](\d*))?$/;

/**
 * Parses what an admin or user typed (`12.5`, `12,50`, `1 000`, `-3`) into minor units.
 * `.` and `,` are both decimal separators; grouping is spaces, `_` or apostrophes. A separator
 * followed by exactly three digits (`1,000`, `1.000`) reads as grouping in half the world, so
 * unless the currency has 3 decimals it is refused as `ambiguous`: a wrong guess moves 1000×.
 */
export function parseMoney(
  text: string,
  decimals: number,
  options: ParseMoneyOptions = {},
): ParseMoneyResult {
  checkDecimals(decimals);
  const compact = text.trim().replace(GROUPING, '').replace(/^−/, '-');
  if (compact === '') return { ok: false, error: 'empty' };
  const match = NUMBER.exec(compact);
  if (!match) return { ok: false, error: 'not_a_number' };
  const [, sign = '', whole = '', rawFraction = ''] = match;
  if (whole === '' && rawFraction === '') return { ok: false, error: 'not_a_number' };
  if (rawFraction.length === 3 && whole !== '' && decimals !== 3) {
    return { ok: false, error: 'ambiguous' };
  }
  const fraction = rawFraction.replace(/0+$/, ''); // 12.5000 is 12.50
  if (fraction.length > decimals) return { ok: false, error: 'too_many_decimals' };
  if (whole.replace(/^0+/, '').length > 16) return { ok: false, error: 'too_large' };
  const minor =
    BigInt(whole || '0') * 10n ** BigInt(decimals) + BigInt(fraction.padEnd(decimals, '0') || '0');
  const max = BigInt(options.max ?? MAX_AMOUNT);
  if (minor > max) return { ok: false, error: 'too_large' };
  if (minor === 0n)
    return options.allowZero ? { ok: true, value: 0 } : { ok: false, error: 'zero' };
  if (sign === '-') {
    return options.allowNegative
      ? { ok: true, value: -Number(minor) }
      : { ok: false, error: 'negative' };
  }
  return { ok: true, value: Number(minor) };
}

function checkDecimals(decimals: number): number {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 6) {
    throw new RangeError(`decimals must be an integer 0..6, got ${decimals}`);
  }
  return decimals;
}
