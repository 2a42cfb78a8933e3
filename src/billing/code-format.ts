import { randomInt } from 'node:crypto';

/*
 * Redeem code format: 23 random symbols + 1 check symbol, shown as 6 groups of 4:
 *   7KQX-M3VA-PT9H-2WNC-RZE4-BYD8
 * The alphabet drops 0/O/1/I/L, leaving 31 symbols — a prime, which is what makes the check
 * symbol strong: with weights 1..24 the code is valid iff Σ i·v(i) ≡ 0 (mod 31). A single
 * substitution changes the sum by i·Δ (i < 31, Δ ≠ 0 ⇒ nonzero mod a prime); swapping the
 * neighbours a,b at i,i+1 changes it by a−b ≠ 0. So every such typo is caught.
 * Randomness: 23·log2(31) ≈ 113.9 bits.
 */

export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const BASE = CODE_ALPHABET.length; // 31, prime
export const CODE_RANDOM_LENGTH = 23;
export const CODE_LENGTH = CODE_RANDOM_LENGTH + 1;
const GROUP = 4;

const VALUE = new Map([...CODE_ALPHABET].map((c, i) => [c, i]));

function weightedSum(symbols: string): number {
  let sum = 0;
  for (let i = 0; i < symbols.length; i++) sum += (i + 1) * (VALUE.get(symbols[i] ?? '') ?? 0);
  return sum % BASE;
}

/** The symbol that makes Σ i·v(i) ≡ 0 (mod 31) over the full code. */
export function checkSymbol(body: string): string {
  const s = weightedSum(body);
  const w = body.length + 1; // weight of the check position
  // v = −s · w⁻¹ (mod 31); w⁻¹ by Fermat: w^(31−2).
  let inv = 1;
  for (let i = 0; i < BASE - 2; i++) inv = (inv * w) % BASE;
  const v = (((BASE - s) % BASE) * inv) % BASE;
  return CODE_ALPHABET[v] as string;
}

/** A fresh code in display form (`XXXX-XXXX-XXXX-XXXX-XXXX-XXXX`). */
export function generateCode(): string {
  let body = '';
  for (let i = 0; i < CODE_RANDOM_LENGTH; i++) body += CODE_ALPHABET[randomInt(BASE)];
  return formatCode(body + checkSymbol(body));
}

/** Groups a compact 24-symbol code for display. */
export function formatCode(compact: string): string {
  return compact.match(new RegExp(`.{1,${GROUP}}`, 'g'))?.join('-') ?? compact;
}

// Look-alikes that phones and other keyboard layouts produce (Cyrillic/Greek capitals).
const HOMOGLYPHS: Record<string, string> = {
  А: 'A',
  В: 'B',
  Е: 'E',
  З: '3',
  К: 'K',
  М: 'M',
  Н: 'H',
  Р: 'P',
  С: 'C',
  Т: 'T',
  У: 'Y',
  Х: 'X',
  Α: 'A',
  Β: 'B',
  Ε: 'E',
  Ζ: 'Z',
  Η: 'H',
  Κ: 'K',
  Μ: 'M',
  Ν: 'N',
  Ρ: 'P',
  Τ: 'T',
  Υ: 'Y',
  Χ: 'X',
};
// Group separators, including the dashes iOS substitutes for '-' and invisible spaces.
const SEPARATORS = /[\s\-‐‑‒–—―_.·\u200b-\u200d\u2060\ufeff]/g;

/**
 * Canonical compact form: NFKC (full-width → ASCII), upper case, look-alike letters mapped,
 * separators removed. The result may still be invalid; see `parseCode`.
 */
export function normalizeCode(input: string): string {
  const upper = input.normalize('NFKC').toUpperCase().replace(SEPARATORS, '');
  let out = '';
  for (const ch of upper) out += HOMOGLYPHS[ch] ?? ch;
  return out;
}

export type ParsedCode =
  | { ok: true; code: string }
  | { ok: false; reason: 'malformed' | 'bad_checksum' };

/** Normalises and validates shape and check symbol, without touching the database. */
export function parseCode(input: string): ParsedCode {
  const code = normalizeCode(input);
  if (code.length !== CODE_LENGTH) return { ok: false, reason: 'malformed' };
  for (const ch of code) if (!VALUE.has(ch)) return { ok: false, reason: 'malformed' };
  if (weightedSum(code) !== 0) return { ok: false, reason: 'bad_checksum' };
  return { ok: true, code };
}

const PASTED = /^[\p{L}\p{N}]{4}(?:[\s\-‐‑‒–—―_.]?[\p{L}\p{N}]{4}){5}$/u;

/**
 * Whether a whole message looks like a pasted code (so the bot can redeem it without a command).
 * Shape only: a mistyped code still counts, so the user gets "wrong checksum" instead of being
 * treated as a prompt. A separator-less token must contain a digit, to spare 24-letter words.
 */
export function looksLikeCode(text: string): boolean {
  const trimmed = text.normalize('NFKC').trim();
  if (!PASTED.test(trimmed)) return false;
  const compact = normalizeCode(trimmed);
  if (compact.length !== CODE_LENGTH || !/^[A-Z0-9]+$/.test(compact)) return false;
  return compact.length !== trimmed.length || /\d/.test(compact);
}
