/** Raw-fetch helpers for the simulator self-tests. */
import { afterEach } from 'vitest';
import type { GatewaySim } from '../../../fakes/gateway-sim/index.js';

export const KEY = 'sk-test-unlimited';

/** Closes the file's simulator (whatever `current()` holds then) after each test. */
export function closeAfterEach(current: () => GatewaySim | undefined): void {
  afterEach(async () => {
    await current()?.close();
  });
}

export interface Reply {
  status: number;
  text: string;
  body: unknown;
  headers: Headers;
}

export async function call(
  sim: GatewaySim,
  method: string,
  path: string,
  body?: unknown,
  key: string | null = KEY,
  headers: Record<string, string> = {},
): Promise<Reply> {
  const h: Record<string, string> = { ...headers };
  if (key !== null) h.authorization = `Bearer ${key}`;
  let payload: string | FormData | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    payload = JSON.stringify(body);
    h['content-type'] = 'application/json';
  }
  const res = await fetch(`${sim.url}${path}`, { method, headers: h, body: payload ?? null });
  const text = await res.text();
  let parsed: unknown;
  try {
    parsed = text === '' ? undefined : JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  return { status: res.status, text, body: parsed, headers: res.headers };
}

/** Narrow helper: read a nested property path from an unknown JSON value. */
export function at(v: unknown, ...path: Array<string | number>): unknown {
  let cur: unknown = v;
  for (const p of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[p];
  }
  return cur;
}

/** POST /v1/images/generations for `model` (prompt "x") with the given key. */
export const generate = (sim: GatewaySim, model: string, key: string): Promise<Reply> =>
  call(sim, 'POST', '/v1/images/generations', { model, prompt: 'x' }, key);

export const errMsg = (r: Reply): string => String(at(r.body, 'error', 'message') ?? '');
