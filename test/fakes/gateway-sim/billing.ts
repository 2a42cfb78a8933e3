/** Token-auth info routes: /v1/dashboard/billing/*, /v1/models, and /api/user/topup's refusal of sk- keys. */
import { keyOf, type SimContext, type SimRequest } from './context.js';
import { json, type SimResponse } from './http.js';

/** $1 = 500 000 quota units (QuotaPerUnit). */
export const QUOTA_PER_UNIT = 500_000;
const UNLIMITED_USD = 100_000_000;

export function subscription(_ctx: SimContext, req: SimRequest): SimResponse {
  const key = keyOf(req);
  const hard = key.unlimited ? UNLIMITED_USD : (key.quota + key.usedQuota) / QUOTA_PER_UNIT;
  return json(200, {
    object: 'billing_subscription',
    has_payment_method: true,
    soft_limit_usd: hard,
    hard_limit_usd: hard,
    system_hard_limit_usd: hard,
    access_until: 0,
  });
}

export function usage(_ctx: SimContext, req: SimRequest): SimResponse {
  const key = keyOf(req);
  return json(200, { object: 'list', total_usage: (key.usedQuota / QUOTA_PER_UNIT) * 100 });
}

export function models(ctx: SimContext, req: SimRequest): SimResponse {
  const key = keyOf(req);
  const ids = key.models ?? ctx.opts.catalog;
  const data = ids.map((id) => ({
    id,
    object: 'model',
    created: 1626777600,
    owned_by: id.startsWith('mj_') ? 'midjourney' : 'custom',
    permission: [],
    root: id,
    parent: null,
  }));
  return ctx.opts.modelsShape === 'oneapi'
    ? json(200, { object: 'list', data })
    : json(200, { success: true, data });
}

/** Redemption needs user auth (access token + New-Api-User), which an sk- key can never provide. */
export function topup(_ctx: SimContext, req: SimRequest): SimResponse {
  if (req.headers['new-api-user'] === undefined) {
    return json(401, { success: false, message: '无权进行此操作，未提供 New-Api-User' });
  }
  return json(200, { success: false, message: '无权进行此操作，access token 无效' });
}
