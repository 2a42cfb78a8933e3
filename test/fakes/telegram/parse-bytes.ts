import type { MessageEntity } from 'grammy/types';
import { badRequest } from './errors.js';

/** What tdlib answers for markup it cannot parse. */
export const fail = (msg: string): never => {
  throw badRequest(`can't parse entities: ${msg}`);
};

// tdlib's is_space treats NUL as space, which is how its loops stop at the end of input.
export const isSpace = (c: number): boolean =>
  c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0a || c === 0x00 || c === 0x0b;

/**
 * The state every parse mode starts from: the input as UTF-8 bytes, a reader that answers 0 past
 * the end (as tdlib's NUL-terminated strings do), and the output bytes and entities, empty.
 */
export function byteInput(input: string): {
  src: Buffer;
  n: number;
  at: (i: number) => number;
  out: number[];
  entities: MessageEntity[];
} {
  const src = Buffer.from(input, 'utf8');
  const n = src.length;
  return { src, n, at: (i) => (i < n ? (src[i] ?? 0) : 0), out: [], entities: [] };
}
