import { badRequest } from './errors.js';

/** Method parameters as received: JSON values, or strings from forms and query strings. */
export type Params = Record<string, unknown>;

export function str(p: Params, key: string): string | undefined {
  const v = p[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}

export function int(p: Params, key: string): number | undefined {
  const v = p[key];
  if (v === undefined || v === null || v === '') return undefined;
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v) : Number.NaN;
  if (!Number.isInteger(n)) throw badRequest(`invalid ${key} specified`);
  return n;
}

export function bool(p: Params, key: string): boolean {
  const v = p[key];
  return v === true || v === 'true' || v === '1' || v === 1;
}

/** Objects arrive as JSON strings in multipart and query-string requests. */
export function json(p: Params, key: string, what = `${key} JSON object`): unknown {
  const v = p[key];
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v !== 'string') return v;
  try {
    return JSON.parse(v) as unknown;
  } catch {
    throw badRequest(`can't parse ${what}`);
  }
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** chat_id may be a number, a numeric string or an @username. */
export function chatIdParam(p: Params, key = 'chat_id'): number | string {
  const v = p[key];
  if (v === undefined || v === null || v === '') throw badRequest(`${key} is empty`);
  if (typeof v === 'number') return v;
  if (typeof v === 'string') {
    if (/^-?\d+$/.test(v)) return Number(v);
    return v;
  }
  throw badRequest(`${key} is empty`);
}
