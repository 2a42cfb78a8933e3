/**
 * Argument parsing for the money commands (`/codes`, `/credit`, `/user`). Pure: no grammY, no
 * database. Amounts are typed in the display currency's major units (`5`, `2.50`) and come back
 * in integer minor units.
 */
import { MAX_AMOUNT, type ParseMoneyError, parseMoney } from '../../billing/money.js';
import { MAX_CODE_USES, MAX_MINT_COUNT } from '../../billing/redeem-codes.js';

/** The largest amount an admin may type in one command, in major units (a typo guard). */
export const ADMIN_MAX_MAJOR = 1_000_000;

/** ADMIN_MAX_MAJOR in minor units for a currency with `decimals` digits. */
export function adminMaxAmount(decimals: number): number {
  return Math.min(ADMIN_MAX_MAJOR * 10 ** decimals, MAX_AMOUNT);
}

/** Codes may expire at most this far ahead. */
export const MAX_EXPIRY_MS = 10 * 365 * 86_400_000;

const DAY_MS = 86_400_000;
const UNIT_MS: Record<string, number> = {
  m: 60_000,
  min: 60_000,
  h: 3_600_000,
  d: DAY_MS,
  w: 7 * DAY_MS,
};
const DURATION_RE = /^(\d{1,6})(m|min|h|d|w)$/i;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const NEVER_RE = /^(?:never|none|-|0)$/i;

export type ExpiryResult = { ok: true; expiresAt: number | null } | { ok: false };

/**
 * `30d`, `12h`, `90m`, `2w`: that long from `now`. `2026-12-31`: valid through that day (UTC),
 * so it expires at the following midnight UTC. `never` (or `-`): no expiry. Anything in the past,
 * zero-length or more than ten years ahead is refused.
 */
export function parseExpiry(text: string, now: number): ExpiryResult {
  const value = text.trim();
  if (NEVER_RE.test(value)) return { ok: true, expiresAt: null };
  let expiresAt: number | undefined;
  const duration = DURATION_RE.exec(value);
  if (duration) {
    const unit = UNIT_MS[(duration[2] ?? '').toLowerCase()];
    const n = Number(duration[1]);
    if (unit !== undefined && n > 0) expiresAt = now + n * unit;
  }
  const date = DATE_RE.exec(value);
  if (date) {
    const [y, m, d] = [Number(date[1]), Number(date[2]), Number(date[3])];
    const start = Date.UTC(y, m - 1, d);
    const check = new Date(start);
    // Rejects 2026-02-30 and friends, which Date.UTC would roll over into March.
    if (check.getUTCFullYear() === y && check.getUTCMonth() === m - 1 && check.getUTCDate() === d)
      expiresAt = start + DAY_MS;
  }
  if (expiresAt === undefined || expiresAt <= now || expiresAt > now + MAX_EXPIRY_MS)
    return { ok: false };
  return { ok: true, expiresAt };
}

/** Splits command arguments on any whitespace. */
export function splitArgs(text: string): string[] {
  return text.trim().split(/\s+/).filter(Boolean);
}

const WHOLE_RE = /^\d{1,9}$/;

export interface CodesArgs {
  count: number;
  /** Minor units per redemption. */
  amount: number;
  maxUses: number;
  expiresAt: number | null;
}

export type CodesArgsError =
  | { error: 'usage' }
  | { error: 'count' }
  | { error: 'amount'; reason: ParseMoneyError; value: string }
  | { error: 'uses' }
  | { error: 'expiry'; value: string };

/**
 * `/codes <count> <amount> [uses] [expiry]`. With three arguments the third is the number of uses
 * when it is a whole number, else the expiry (`/codes 10 5 30d`).
 */
export function parseCodesArgs(
  text: string,
  decimals: number,
  now: number,
): { ok: true; value: CodesArgs } | ({ ok: false } & CodesArgsError) {
  const args = splitArgs(text);
  if (args.length < 2 || args.length > 4) return { ok: false, error: 'usage' };
  const [countText = '', amountText = '', third, fourth] = args;

  const count = WHOLE_RE.test(countText) ? Number(countText) : Number.NaN;
  if (!(count >= 1 && count <= MAX_MINT_COUNT)) return { ok: false, error: 'count' };

  const amount = parseMoney(amountText, decimals, { max: adminMaxAmount(decimals) });
  if (!amount.ok) return { ok: false, error: 'amount', reason: amount.error, value: amountText };

  let usesText: string | undefined;
  let expiryText: string | undefined;
  if (fourth !== undefined) {
    usesText = third;
    expiryText = fourth;
  } else if (third !== undefined) {
    if (/^\d+$/.test(third)) usesText = third;
    else expiryText = third;
  }

  let maxUses = 1;
  if (usesText !== undefined) {
    maxUses = WHOLE_RE.test(usesText) ? Number(usesText) : Number.NaN;
    if (!(maxUses >= 1 && maxUses <= MAX_CODE_USES)) return { ok: false, error: 'uses' };
  }

  let expiresAt: number | null = null;
  if (expiryText !== undefined) {
    const expiry = parseExpiry(expiryText, now);
    if (!expiry.ok) return { ok: false, error: 'expiry', value: expiryText };
    expiresAt = expiry.expiresAt;
  }
  return { ok: true, value: { count, amount: amount.value, maxUses, expiresAt } };
}

/** Notes longer than this are cut (the ledger keeps 500). */
export const MAX_NOTE_LENGTH = 200;

export interface CreditArgs {
  /** As typed: an id, `@username`, `username` or a t.me link (resolved by findUser). */
  user: string;
  /** Minor units, non-zero; negative takes money away. */
  amount: number;
  note?: string;
}

export type CreditArgsError =
  | { error: 'usage' }
  | { error: 'amount'; reason: ParseMoneyError; value: string };

/** `/credit <user> <amount> [note]`: the note is the rest of the line, kept as typed. */
export function parseCreditArgs(
  text: string,
  decimals: number,
): { ok: true; value: CreditArgs } | ({ ok: false } & CreditArgsError) {
  const match = /^(\S+)\s+(\S+)(?:\s+([\s\S]*))?$/.exec(text.trim());
  if (!match) return { ok: false, error: 'usage' };
  const [, user = '', amountText = '', rest = ''] = match;
  const amount = parseMoney(amountText, decimals, {
    allowNegative: true,
    max: adminMaxAmount(decimals),
  });
  if (!amount.ok) return { ok: false, error: 'amount', reason: amount.error, value: amountText };
  const note = [...rest.trim()].slice(0, MAX_NOTE_LENGTH).join('');
  return {
    ok: true,
    value: { user, amount: amount.value, ...(note ? { note } : {}) },
  };
}
