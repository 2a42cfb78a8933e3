import { randomInt } from 'node:crypto';

// No look-alikes: ids are typed back by users in /jobs and support messages.
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** 10 characters ≈ 49 bits: unique enough, and short in callback_data (`j:<id>:…`). */
export function newJobId(length = 10): string {
  let id = '';
  for (let i = 0; i < length; i++) id += ALPHABET[randomInt(ALPHABET.length)];
  return id;
}

export function isJobId(text: string): boolean {
  return /^[a-hjkmnp-z2-9]{10}$/.test(text);
}
