import type { RateRule } from '../../infra/rate-limit.js';
import type { BaseContext } from '../context.js';

/** Default pace of expensive commands per user (GENERATION_RATE_PER_MINUTE overrides it). */
export const DEFAULT_GENERATIONS_PER_MINUTE = 12;

export const generationRule = (perMinute: number): RateRule => ({
  limit: perMinute,
  windowMs: 60_000,
});

/**
 * Per-user pace of generation requests, shared by every instance in Redis mode. Called by the
 * submit path before anything is reserved; says so to the user when over the limit. When the
 * limiter itself is down the request goes through: the balance still guards the money.
 */
export async function allowGeneration(ctx: BaseContext): Promise<boolean> {
  const userId = ctx.from?.id;
  if (userId === undefined) return true;
  const perMinute = ctx.deps.config.GENERATION_RATE_PER_MINUTE;
  let decision: Awaited<ReturnType<BaseContext['deps']['limiter']['hit']>>;
  try {
    decision = await ctx.deps.limiter.hit(`gen:${userId}`, generationRule(perMinute));
  } catch (err) {
    ctx.log.warn({ err }, 'generation rate limit unavailable; letting the request through');
    return true;
  }
  if (decision.allowed) return true;
  const seconds = Math.max(1, Math.ceil(decision.retryAfterMs / 1000));
  await ctx.reply(ctx.t('generation-rate-limited', { seconds, limit: perMinute }));
  return false;
}
