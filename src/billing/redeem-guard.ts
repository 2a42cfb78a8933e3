import type { Db } from '../db/client.js';
import type { RateLimiter, RateRule } from '../infra/rate-limit.js';
import { type RedeemFailureReason, type RedeemResult, redeemCode } from './redeem-codes.js';

/** Default policy: 5 wrong codes per user, then locked until 15 minutes after the first one. */
export const REDEEM_FAILURE_RULE: RateRule = { limit: 5, windowMs: 15 * 60_000 };

/**
 * Only failures a guesser produces count. `expired`, `used_up`, `disabled` and
 * `already_redeemed` require holding a real code, so they say nothing about brute force.
 */
const GUESS_FAILURES: ReadonlySet<RedeemFailureReason> = new Set([
  'malformed',
  'bad_checksum',
  'not_found',
]);

export type GuardedRedeemResult =
  | Extract<RedeemResult, { ok: true }>
  | {
      ok: false;
      reason: RedeemFailureReason;
      /** Wrong attempts left before the lock (only for counted failures). */
      attemptsLeft?: number;
      /** Set when this failure used the last attempt: how long the lock lasts. */
      lockedForMs?: number;
    }
  | { ok: false; reason: 'rate_limited'; retryAfterMs: number };

const keyOf = (userId: number) => `redeem-fail:${userId}`;

/**
 * redeemCode behind a per-user failure limit. A locked user is refused before the database is
 * touched, with the time left so the bot can say "try again in 12 min".
 */
export async function redeemWithLimit(
  db: Db,
  limiter: RateLimiter,
  input: { userId: number; code: string; now?: number },
  rule: RateRule = REDEEM_FAILURE_RULE,
): Promise<GuardedRedeemResult> {
  const key = keyOf(input.userId);
  const gate = await limiter.peek(key, rule);
  if (!gate.allowed) return { ok: false, reason: 'rate_limited', retryAfterMs: gate.retryAfterMs };

  const result = redeemCode(db, input);
  if (result.ok || !GUESS_FAILURES.has(result.reason)) return result;

  const after = await limiter.hit(key, rule);
  return after.remaining === 0
    ? { ...result, attemptsLeft: 0, lockedForMs: after.retryAfterMs }
    : { ...result, attemptsLeft: after.remaining };
}

/** Admin: lift a user's redeem lock. */
export function resetRedeemLimit(limiter: RateLimiter, userId: number): Promise<void> {
  return limiter.reset(keyOf(userId));
}
