import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';

/*
 * Fixed windows anchored at the first hit: the first event for a key opens a window of
 * `windowMs`; up to `limit` events fit in it; the window (and the count) ends windowMs after
 * that first event. For "5 failures → locked for the rest of 15 minutes" that is exactly the
 * wanted semantics, and it needs one counter per key (cheap in memory and in Redis).
 */

export interface RateRule {
  limit: number;
  windowMs: number;
}

export interface RateDecision {
  /** hit(): this event was within the limit. peek(): the next event would be. */
  allowed: boolean;
  /** Events still allowed in the current window. */
  remaining: number;
  /** Milliseconds until the next event would be allowed; 0 when it would be now. */
  retryAfterMs: number;
}

export interface RateLimiter {
  /** Records one event for `key` and says whether it fit. Keys should name their rule. */
  hit(key: string, rule: RateRule): Promise<RateDecision>;
  /** Same answer as the next hit would get, without recording anything. */
  peek(key: string, rule: RateRule): Promise<RateDecision>;
  reset(key: string): Promise<void>;
}

function checkRule(rule: RateRule): void {
  if (!Number.isSafeInteger(rule.limit) || rule.limit < 1)
    throw new RangeError('limit must be ≥ 1');
  if (!Number.isSafeInteger(rule.windowMs) || rule.windowMs < 1)
    throw new RangeError('windowMs must be ≥ 1');
}

/** Turns (count after the event, time left in the window) into a decision. */
function decide(rule: RateRule, count: number, ttlMs: number, isPeek: boolean): RateDecision {
  const full = count >= rule.limit;
  return {
    allowed: isPeek ? !full : count <= rule.limit,
    remaining: Math.max(0, rule.limit - count),
    retryAfterMs: full ? Math.max(1, ttlMs) : 0,
  };
}

export interface MemoryRateLimiterOptions {
  /** Injected clock (tests). */
  now?: () => number;
  /** Hard cap on tracked keys; the oldest windows are dropped first. Default 100 000. */
  maxKeys?: number;
}

/** For the embedded single-process mode. Memory stays bounded: expired windows are swept. */
export class MemoryRateLimiter implements RateLimiter {
  private readonly windows = new Map<string, { count: number; resetAt: number }>();
  private readonly now: () => number;
  private readonly maxKeys: number;

  constructor(options: MemoryRateLimiterOptions = {}) {
    this.now = options.now ?? Date.now;
    this.maxKeys = options.maxKeys ?? 100_000;
  }

  get size(): number {
    return this.windows.size;
  }

  async hit(key: string, rule: RateRule): Promise<RateDecision> {
    checkRule(rule);
    const now = this.now();
    this.sweep(now, 2);
    let w = this.windows.get(key);
    if (!w || w.resetAt <= now) {
      // Re-insert so Map order stays roughly "oldest window first" for the sweeps.
      this.windows.delete(key);
      w = { count: 0, resetAt: now + rule.windowMs };
      this.windows.set(key, w);
      if (this.windows.size > this.maxKeys) this.evict(now);
    }
    w.count++;
    return decide(rule, w.count, w.resetAt - now, false);
  }

  async peek(key: string, rule: RateRule): Promise<RateDecision> {
    checkRule(rule);
    const now = this.now();
    const w = this.windows.get(key);
    if (!w || w.resetAt <= now) return decide(rule, 0, 0, true);
    return decide(rule, w.count, w.resetAt - now, true);
  }

  async reset(key: string): Promise<void> {
    this.windows.delete(key);
  }

  /** Amortised cleanup: look at a few of the oldest entries on every hit. */
  private sweep(now: number, budget: number): void {
    for (const [key, w] of this.windows) {
      if (budget-- <= 0) return;
      if (w.resetAt <= now) this.windows.delete(key);
    }
  }

  private evict(now: number): void {
    for (const [key, w] of this.windows) if (w.resetAt <= now) this.windows.delete(key);
    for (const key of this.windows.keys()) {
      if (this.windows.size <= this.maxKeys) break;
      this.windows.delete(key);
    }
  }
}

// INCR and set the expiry in one atomic step; PTTL < 0 also repairs a key that lost its TTL.
const HIT_SCRIPT = `
local c = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {c, ttl}`;

const PEEK_SCRIPT = `
local c = tonumber(redis.call('GET', KEYS[1]) or '0')
local ttl = redis.call('PTTL', KEYS[1])
return {c, ttl}`;

const sha1 = (s: string) => createHash('sha1').update(s).digest('hex');

/** Shared across instances; windows are timed by the Redis server's clock. */
export class RedisRateLimiter implements RateLimiter {
  private readonly prefix: string;

  constructor(
    private readonly redis: Redis,
    options: { prefix?: string } = {},
  ) {
    this.prefix = options.prefix ?? 'rl:';
  }

  async hit(key: string, rule: RateRule): Promise<RateDecision> {
    checkRule(rule);
    const [count, ttl] = await this.run(HIT_SCRIPT, key, rule.windowMs);
    return decide(rule, count, ttl, false);
  }

  async peek(key: string, rule: RateRule): Promise<RateDecision> {
    checkRule(rule);
    const [count, ttl] = await this.run(PEEK_SCRIPT, key, rule.windowMs);
    return decide(rule, count, ttl, true);
  }

  async reset(key: string): Promise<void> {
    await this.redis.del(this.prefix + key);
  }

  /** EVALSHA first (the script is cached by the server), EVAL once on NOSCRIPT. */
  private async run(script: string, key: string, windowMs: number): Promise<[number, number]> {
    const fullKey = this.prefix + key;
    let reply: unknown;
    try {
      reply = await this.redis.evalsha(sha1(script), 1, fullKey, windowMs);
    } catch (err) {
      if (!(err instanceof Error) || !err.message.includes('NOSCRIPT')) throw err;
      reply = await this.redis.eval(script, 1, fullKey, windowMs);
    }
    if (!Array.isArray(reply) || reply.length !== 2) throw new Error('unexpected rate-limit reply');
    const [count, ttl] = reply.map(Number) as [number, number];
    return [count, ttl];
  }
}
