/**
 * Telegram Stars packs and invoice payloads, pure: what the operator sells, what an invoice
 * carries, and whether a pre-checkout still matches what is sold.
 */
import { parseMoney } from './money.js';

/** Stars in, credit (minor units) out. */
export interface StarsPack {
  stars: number;
  credit: number;
}

/** Telegram's bounds for one XTR invoice (Bot API: 1–10000 Stars). */
export const MAX_STARS_PER_INVOICE = 10_000;

export type PacksParse = { ok: true; packs: StarsPack[] } | { ok: false; problem: string };

/**
 * `50:1.00,250:5.50` (Stars:credit in CURRENCY); `off` sells nothing. Sorted by Stars, one pack
 * per Stars amount, because the amount is what the keyboard and the payload name.
 */
export function parseStarsPacks(text: string, decimals: number): PacksParse {
  const trimmed = text.trim();
  if (trimmed === '' || trimmed.toLowerCase() === 'off') return { ok: true, packs: [] };
  const packs: StarsPack[] = [];
  for (const part of trimmed.split(/[\s,]+/).filter(Boolean)) {
    const [starsText = '', creditText = '', extra] = part.split(':');
    const stars = Number(starsText);
    if (extra !== undefined || creditText === '' || !/^\d+$/.test(starsText)) {
      return { ok: false, problem: `"${part}" is not Stars:credit (e.g. 50:1.00)` };
    }
    if (stars < 1 || stars > MAX_STARS_PER_INVOICE) {
      return { ok: false, problem: `"${part}": Stars must be 1–${MAX_STARS_PER_INVOICE}` };
    }
    const credit = parseMoney(creditText, decimals);
    if (!credit.ok) return { ok: false, problem: `"${part}": the credit is ${credit.error}` };
    if (packs.some((p) => p.stars === stars)) {
      return { ok: false, problem: `"${part}": ${stars} Stars is listed twice` };
    }
    packs.push({ stars, credit: credit.value });
  }
  return { ok: true, packs: packs.sort((a, b) => a.stars - b.stars) };
}

/** What an invoice promises: this many Stars buy this credit, for this user. */
export interface StarsPayload {
  stars: number;
  credit: number;
  userId: number;
}

const PAYLOAD_RE = /^st1:(\d{1,5}):(\d{1,13}):(\d{1,16})$/;

export const encodePayload = (p: StarsPayload): string => `st1:${p.stars}:${p.credit}:${p.userId}`;

/** Undefined for anything this bot did not write (another bot's or a forged payload). */
export function decodePayload(payload: string): StarsPayload | undefined {
  const m = PAYLOAD_RE.exec(payload);
  if (!m) return undefined;
  return { stars: Number(m[1]), credit: Number(m[2]), userId: Number(m[3]) };
}

export type CheckoutVerdict =
  | { ok: true; payload: StarsPayload }
  | {
      ok: false;
      reason: 'malformed' | 'not_yours' | 'changed' | 'gone' | 'wrong_amount' | 'wrong_currency';
    };

/**
 * Answers a pre_checkout_query: the payload must be ours and the payer's, the amount the invoice's,
 * and the pack must still be sold at that credit (an old invoice after a price change is refused,
 * so nobody pays for a credit we no longer give).
 */
export function checkCheckout(
  query: { currency: string; total_amount: number; invoice_payload: string; fromId: number },
  packs: readonly StarsPack[],
): CheckoutVerdict {
  const payload = decodePayload(query.invoice_payload);
  if (!payload) return { ok: false, reason: 'malformed' };
  if (query.currency !== 'XTR') return { ok: false, reason: 'wrong_currency' };
  if (payload.userId !== query.fromId) return { ok: false, reason: 'not_yours' };
  if (query.total_amount !== payload.stars) return { ok: false, reason: 'wrong_amount' };
  const pack = packs.find((p) => p.stars === payload.stars);
  if (!pack) return { ok: false, reason: 'gone' };
  if (pack.credit !== payload.credit) return { ok: false, reason: 'changed' };
  return { ok: true, payload };
}
