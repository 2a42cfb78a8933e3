import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  MemoryRateLimiter,
  type RateLimiter,
  RedisRateLimiter,
} from '../../../src/infra/rate-limit.js';
import {
  connectRedis,
  deleteByPrefix,
  describeRedis,
  uniquePrefix,
} from '../../helpers/services.js';
import { sleep } from '../../helpers/time.js';

/** Behaviour both implementations share; `advance` moves their clock forward. */
function sharedContract(
  make: () => RateLimiter,
  advance: (ms: number) => Promise<void>,
  windowMs: number,
) {
  const rule = { limit: 3, windowMs };
  let n = 0;
  const key = () => `k${++n}`;

  it('allows `limit` hits per window, then reports the wait', async () => {
    const rl = make();
    const k = key();
    expect(await rl.hit(k, rule)).toEqual({ allowed: true, remaining: 2, retryAfterMs: 0 });
    expect(await rl.hit(k, rule)).toEqual({ allowed: true, remaining: 1, retryAfterMs: 0 });
    const last = await rl.hit(k, rule);
    expect(last).toMatchObject({ allowed: true, remaining: 0 });
    expect(last.retryAfterMs).toBeGreaterThan(0);
    expect(last.retryAfterMs).toBeLessThanOrEqual(windowMs);
    const denied = await rl.hit(k, rule);
    expect(denied).toMatchObject({ allowed: false, remaining: 0 });
    expect(denied.retryAfterMs).toBeGreaterThan(0);
    expect(denied.retryAfterMs).toBeLessThanOrEqual(windowMs);
  });

  it('peek answers like the next hit without counting', async () => {
    const rl = make();
    const k = key();
    expect(await rl.peek(k, rule)).toEqual({ allowed: true, remaining: 3, retryAfterMs: 0 });
    await rl.hit(k, rule);
    expect(await rl.peek(k, rule)).toEqual({ allowed: true, remaining: 2, retryAfterMs: 0 });
    expect(await rl.peek(k, rule)).toEqual({ allowed: true, remaining: 2, retryAfterMs: 0 });
    await rl.hit(k, rule);
    await rl.hit(k, rule);
    const locked = await rl.peek(k, rule);
    expect(locked.allowed).toBe(false);
    expect(locked.retryAfterMs).toBeGreaterThan(0);
  });

  it('opens a new window after the old one expires', async () => {
    const rl = make();
    const k = key();
    for (let i = 0; i < 4; i++) await rl.hit(k, rule);
    expect((await rl.peek(k, rule)).allowed).toBe(false);
    await advance(windowMs + 5);
    expect(await rl.peek(k, rule)).toEqual({ allowed: true, remaining: 3, retryAfterMs: 0 });
    expect(await rl.hit(k, rule)).toEqual({ allowed: true, remaining: 2, retryAfterMs: 0 });
  });

  it('keeps keys apart and resets one', async () => {
    const rl = make();
    const [a, b] = [key(), key()];
    for (let i = 0; i < 4; i++) await rl.hit(a, rule);
    expect((await rl.hit(b, rule)).allowed).toBe(true);
    await rl.reset(a);
    expect(await rl.peek(a, rule)).toEqual({ allowed: true, remaining: 3, retryAfterMs: 0 });
  });

  it('rejects nonsensical rules', async () => {
    await expect(make().hit(key(), { limit: 0, windowMs: 10 })).rejects.toThrow(RangeError);
    await expect(make().hit(key(), { limit: 1, windowMs: 0 })).rejects.toThrow(RangeError);
  });
}

describe('MemoryRateLimiter', () => {
  let now = 1_000_000;
  const limiter = new MemoryRateLimiter({ now: () => now });
  sharedContract(
    () => limiter,
    async (ms) => {
      now += ms;
    },
    60_000,
  );

  it('reports the exact time left from the injected clock', async () => {
    let t = 0;
    const rl = new MemoryRateLimiter({ now: () => t });
    const rule = { limit: 2, windowMs: 10_000 };
    await rl.hit('x', rule);
    t = 4000;
    expect(await rl.hit('x', rule)).toEqual({ allowed: true, remaining: 0, retryAfterMs: 6000 });
    t = 9999;
    expect(await rl.hit('x', rule)).toEqual({ allowed: false, remaining: 0, retryAfterMs: 1 });
    t = 10_000;
    expect((await rl.hit('x', rule)).allowed).toBe(true);
  });

  it('keeps memory bounded: expired windows are swept, and a hard cap evicts the oldest', async () => {
    let t = 0;
    const rl = new MemoryRateLimiter({ now: () => t, maxKeys: 100 });
    const rule = { limit: 1, windowMs: 1000 };
    for (let i = 0; i < 1000; i++) await rl.hit(`user:${i}`, rule);
    expect(rl.size).toBe(100);
    // The survivors are the newest keys.
    expect((await rl.peek('user:999', rule)).allowed).toBe(false);
    expect((await rl.peek('user:0', rule)).allowed).toBe(true);

    t = 5000; // everything expired; ordinary traffic sweeps it away
    for (let i = 0; i < 60; i++) await rl.hit('busy', rule);
    expect(rl.size).toBe(1);
  });
});

describeRedis('RedisRateLimiter', () => {
  let redis: Redis;
  const prefix = uniquePrefix('rate-limit');
  beforeAll(() => {
    redis = connectRedis();
  });
  afterAll(async () => {
    await deleteByPrefix(redis, prefix);
    redis.disconnect();
  });

  // Redis times windows with its own clock, so expiry is tested with a short real window.
  sharedContract(
    () => new RedisRateLimiter(redis, { prefix }),
    (ms) => sleep(ms),
    250,
  );

  it('is atomic under concurrent hits from several clients', async () => {
    const clients = [redis, connectRedis(), connectRedis()];
    try {
      const limiters = clients.map((c) => new RedisRateLimiter(c, { prefix }));
      const rule = { limit: 10, windowMs: 10_000 };
      const results = await Promise.all(
        Array.from({ length: 60 }, (_, i) => (limiters[i % 3] as RateLimiter).hit('burst', rule)),
      );
      expect(results.filter((r) => r.allowed)).toHaveLength(10);
      const pttl = await redis.pttl(`${prefix}burst`);
      expect(pttl).toBeGreaterThan(0);
      expect(pttl).toBeLessThanOrEqual(10_000);
    } finally {
      for (const c of clients.slice(1)) c.disconnect();
    }
  });

  it('falls back to EVAL when the server has no cached script', async () => {
    // A client whose EVALSHA always misses (SCRIPT FLUSH would disturb other suites on this server).
    let evals = 0;
    const forgetful = {
      evalsha: async () => {
        throw new Error('NOSCRIPT No matching script. Please use EVAL.');
      },
      eval: (script: string, numKeys: number, key: string, arg: number) => {
        evals++;
        return redis.eval(script, numKeys, key, arg);
      },
    } as unknown as Redis;
    const rl = new RedisRateLimiter(forgetful, { prefix });
    const rule = { limit: 2, windowMs: 10_000 };
    expect(await rl.hit('noscript', rule)).toEqual({
      allowed: true,
      remaining: 1,
      retryAfterMs: 0,
    });
    expect(await rl.peek('noscript', rule)).toMatchObject({ allowed: true, remaining: 1 });
    expect(evals).toBe(2);
  });

  it('stores keys only under its prefix, with a TTL', async () => {
    const rl = new RedisRateLimiter(redis, { prefix });
    await rl.hit('ttl-check', { limit: 5, windowMs: 30_000 });
    const keys = await redis.keys(`${prefix}*`);
    expect(keys.every((k) => k.startsWith(prefix))).toBe(true);
    for (const k of keys) expect(await redis.pttl(k)).toBeGreaterThan(0);
  });
});
