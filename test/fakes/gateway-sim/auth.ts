/** Token keys: lookup, validation (401/403 of §1.3), model limits and quota accounting. */
import type { IncomingHttpHeaders } from 'node:http';
import type { SimContext } from './context.js';
import { modelDeniedMessage, openAiError } from './errors.js';
import type { SimResponse } from './http.js';
import type { KeyView, SimKey } from './types.js';

export interface KeyState extends KeyView {
  name: string;
  unlimited: boolean;
  quota: number;
  usedQuota: number;
}

export class KeyStore {
  readonly #keys = new Map<string, KeyState>();

  add(name: string, spec: SimKey): KeyState {
    // A key with neither `unlimited` nor `quota` is treated as unlimited: tests that only restrict models
    // should not trip over quota.
    const unlimited = spec.unlimited ?? spec.quota === undefined;
    const state: KeyState = {
      ...spec,
      name,
      unlimited,
      quota: spec.quota ?? 0,
      usedQuota: spec.usedQuota ?? 0,
    };
    this.#keys.set(name, state);
    return state;
  }

  get(name: string): KeyState | undefined {
    return this.#keys.get(name);
  }
}

/** Extracts the token: `Authorization: Bearer sk-…`, or on /mj/* `mj-api-secret` when Authorization is empty or "midjourney-proxy". */
export function tokenFrom(headers: IncomingHttpHeaders, mj: boolean): string {
  let auth = (headers.authorization ?? '').trim();
  if (auth.toLowerCase().startsWith('bearer ')) auth = auth.slice(7).trim();
  if (mj && (auth === '' || auth === 'midjourney-proxy')) {
    const secret = headers['mj-api-secret'];
    auth = (Array.isArray(secret) ? secret[0] : secret)?.trim() ?? '';
  }
  return auth;
}

export function lookupKey(ctx: SimContext, token: string): KeyState | undefined {
  if (token === '') return undefined;
  return ctx.keys.get(token) ?? ctx.keys.get(`sk-${token}`);
}

/** TokenAuth middleware: 401 for missing/unknown/disabled/expired/exhausted keys, on every route. */
export function authenticate(
  ctx: SimContext,
  headers: IncomingHttpHeaders,
  mj: boolean,
): KeyState | SimResponse {
  const key = lookupKey(ctx, tokenFrom(headers, mj));
  if (!key) return openAiError(ctx, 401, '无效的令牌');
  if (key.disabled) return openAiError(ctx, 401, '该令牌状态不可用');
  if (key.expired) return openAiError(ctx, 401, '该令牌已过期');
  if (!key.unlimited && key.quota <= 0) return openAiError(ctx, 401, '该令牌额度已用尽');
  return key;
}

/** Distributor model limit: 403 with the one-api / new-api wording. */
export function checkModel(ctx: SimContext, key: KeyState, model: string): SimResponse | null {
  if (key.models !== undefined && !key.models.includes(model)) {
    return openAiError(ctx, 403, modelDeniedMessage(ctx, model, key.models.length > 0));
  }
  return null;
}

/** Pre-consume: a charge above the key's remaining quota is "exhausted" (401), above the wallet 403. */
export function checkFunds(ctx: SimContext, key: KeyState, price: number): SimResponse | null {
  if (!key.unlimited && price > key.quota) return openAiError(ctx, 401, '该令牌额度已用尽');
  if (key.userQuota !== undefined && price > key.userQuota) {
    return openAiError(ctx, 403, 'user quota is not enough', { code: 'insufficient_user_quota' });
  }
  return null;
}

export function authorizeCall(
  ctx: SimContext,
  key: KeyState,
  model: string,
  price: number,
): SimResponse | null {
  return checkModel(ctx, key, model) ?? checkFunds(ctx, key, price);
}

export function charge(key: KeyState, price: number): void {
  if (!key.unlimited) key.quota -= price;
  if (key.userQuota !== undefined) key.userQuota -= price;
  key.usedQuota += price;
}

export function refund(key: KeyState, price: number): void {
  if (!key.unlimited) key.quota += price;
  if (key.userQuota !== undefined) key.userQuota += price;
  key.usedQuota -= price;
}
