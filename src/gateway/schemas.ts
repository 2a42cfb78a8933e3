/**
 * Lenient zod building blocks for gateway responses. The gateway family is inconsistent:
 * ids arrive as strings or numbers, keys go missing, `null` and `""` both mean "absent".
 */
import { z } from 'zod';
import { GatewayError } from './errors.js';

/** string | finite number → string; anything else, and blank strings, → undefined. */
export function toText(v: unknown): string | undefined {
  if (typeof v === 'string') return v.trim() === '' ? undefined : v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return undefined;
}

/** finite number | numeric string → number; anything else → undefined. */
export function toNumber(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v === 'string' && v.trim() !== '') {
    const n = Number(v);
    return Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}

/** string | number | null | "" | missing → string | undefined (empty means absent). */
export const text = z.unknown().transform(toText).optional();

/** number | numeric string | null | missing → number | undefined. */
export const num = z.unknown().transform(toNumber).optional();

/** A JSON object (not an array, not null). */
export const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Any JSON object (or absent/null → undefined), unknown keys kept. */
export const record = z
  .unknown()
  .transform((v) => (isRecord(v) ? v : undefined))
  .optional();

/** Validates a boundary value; a mismatch is a `malformed` gateway error naming the route. */
export function parseBody<T extends z.ZodType>(
  schema: T,
  value: unknown,
  route: string,
): z.output<T> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
  throw new GatewayError('malformed', `Unexpected response from ${route}${where}`);
}
