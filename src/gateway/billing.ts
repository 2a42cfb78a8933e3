/** Key quota from `/v1/dashboard/billing/{subscription,usage}` (§5). */
import { z } from 'zod';
import { type CallOptions, type GatewayContext, getJson } from './context.js';
import { num, parseBody } from './schemas.js';

export interface Quota {
  unlimited: boolean;
  /** Limit in USD (for unlimited keys the gateway's sentinel, 1e8). */
  totalUsd: number;
  usedUsd: number;
  /** Never negative. */
  remainingUsd: number;
  accessUntil?: Date;
}

/** new-api reports an unlimited token as hard_limit_usd = 100000000. */
const UNLIMITED_USD = 1e8;

const subscription = z.looseObject({ hard_limit_usd: num, access_until: num });
const usage = z.looseObject({ total_usage: num });

/** Pure: combines the two billing bodies (usage is in cents). */
export function quotaFrom(sub: unknown, use: unknown): Quota {
  const s = parseBody(subscription, sub, 'GET /v1/dashboard/billing/subscription');
  const u = parseBody(usage, use, 'GET /v1/dashboard/billing/usage');
  const totalUsd = s.hard_limit_usd ?? 0;
  const usedUsd = (u.total_usage ?? 0) / 100;
  const quota: Quota = {
    unlimited: totalUsd >= UNLIMITED_USD,
    totalUsd,
    usedUsd,
    remainingUsd: Math.max(0, Math.round((totalUsd - usedUsd) * 1e6) / 1e6),
  };
  if (s.access_until !== undefined && s.access_until > 0) {
    quota.accessUntil = new Date(s.access_until * 1000);
  }
  return quota;
}

export async function getQuota(ctx: GatewayContext, opts: CallOptions = {}): Promise<Quota> {
  // getJson throws on an `error` envelope, which these endpoints send even with HTTP 200.
  const [sub, use] = await Promise.all([
    getJson(ctx, {
      ...opts,
      route: 'GET /v1/dashboard/billing/subscription',
      path: '/v1/dashboard/billing/subscription',
    }),
    getJson(ctx, {
      ...opts,
      route: 'GET /v1/dashboard/billing/usage',
      path: '/v1/dashboard/billing/usage',
    }),
  ]);
  return quotaFrom(sub, use);
}
