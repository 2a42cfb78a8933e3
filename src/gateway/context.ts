/** Shared plumbing for the endpoint modules: the transport, the key, and 200-with-error checks. */
import type { FormData } from 'undici';
import { GatewayError } from './errors.js';
import type { Transport } from './http.js';

export type KeyRejection = 'bad_key' | 'key_exhausted';

export interface GatewayContext {
  transport: Transport;
  apiKey: string;
  /** Told when the gateway rejected this context's key: the only place that knows which key failed. */
  onKeyRejected?: (kind: KeyRejection) => void;
}

/** Runs a keyed call and reports a rejection of the key it carried, then rethrows. */
export async function reportingKey<T>(ctx: GatewayContext, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    if (err instanceof GatewayError && (err.kind === 'bad_key' || err.kind === 'key_exhausted'))
      ctx.onKeyRejected?.(err.kind);
    throw err;
  }
}

export interface CallOptions {
  signal?: AbortSignal;
  /** Overrides the client's total timeout for this call. */
  timeoutMs?: number;
  /** Overrides the client's retries of this (non-billed) call; 0 for callers that retry themselves. */
  retries?: number;
}

interface Send extends CallOptions {
  route: string;
  path: string;
  billed: boolean;
  json?: unknown;
  form?: FormData;
  /** Extra 2xx error shapes for this route (added to the generic envelopes). */
  errorBody?: (body: unknown) => boolean;
}

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * True for the error envelopes a gateway may send with HTTP 200 (§5 billing, §8 steps 2/4/5).
 * A body that looks like a task/resource (`id`, `task_id`, `status`, `object`) is not an
 * envelope even when it has an `error` field: failed video tasks carry `error.message`.
 */
export function carriesError(body: unknown): boolean {
  if (!isObj(body)) return false;
  if ('id' in body || 'task_id' in body || 'status' in body || 'object' in body) return false;
  const e = body.error;
  if (isObj(e) && typeof e.message === 'string' && e.message !== '') return true;
  if (typeof e === 'string' && e !== '') return true;
  if (typeof body.code === 'string' && body.code !== 'success' && 'message' in body) return true;
  return body.success === false;
}

async function send(ctx: GatewayContext, method: 'GET' | 'POST', s: Send): Promise<unknown> {
  const { transport } = ctx;
  const res = await reportingKey(ctx, () =>
    transport.json({
      method,
      url: transport.url(s.path),
      route: s.route,
      apiKey: ctx.apiKey,
      billed: s.billed,
      errorBody: s.errorBody ? (b) => carriesError(b) || (s.errorBody?.(b) ?? false) : carriesError,
      ...(s.json === undefined ? {} : { json: s.json }),
      ...(s.form ? { form: s.form } : {}),
      ...(s.signal ? { signal: s.signal } : {}),
      ...(s.timeoutMs === undefined ? {} : { timeoutMs: s.timeoutMs }),
      ...(s.retries === undefined ? {} : { retries: s.retries }),
    }),
  );
  return res.body;
}

export const getJson = (
  ctx: GatewayContext,
  s: Omit<Send, 'billed' | 'json' | 'form' | 'errorBody'>,
) => send(ctx, 'GET', { ...s, billed: false });

export const postJson = (ctx: GatewayContext, s: Send) => send(ctx, 'POST', s);
