import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DbKvStorage } from '../../../src/db/kv-storage.js';
import { kv } from '../../../src/db/schema.js';
import { MemoryDeduper, RedisDeduper, type UpdateDeduper } from '../../../src/infra/dedup.js';
import { RedisLeaderLease } from '../../../src/infra/leader.js';
import { RedisPresence, SoloPresence } from '../../../src/infra/presence.js';
import type { Redis } from '../../../src/infra/redis.js';
import { RedisKvStorage } from '../../../src/infra/redis-storage.js';
import {
  connectRedis,
  deleteByPrefix,
  describeRedis,
  uniquePrefix,
} from '../../helpers/services.js';
import { testDatabase } from '../../helpers/temp-db.js';
import { sleep } from '../../helpers/time.js';

/** The contract both de-duplication stores keep. */
function dedupContract(
  name: string,
  make: (timings: { processingTtlMs: number }) => UpdateDeduper,
) {
  describe(`${name} de-duplication`, () => {
    it('lets the first copy of an update through and drops the others', async () => {
      const d = make({ processingTtlMs: 60_000 });
      expect(await d.claim(1)).toBe(true);
      expect(await d.claim(1)).toBe(false);
      await d.done(1);
      expect(await d.claim(1)).toBe(false);
      expect(await d.claim(2)).toBe(true);
    });

    it('lets a redelivery through when the handler failed', async () => {
      const d = make({ processingTtlMs: 60_000 });
      expect(await d.claim(7)).toBe(true);
      await d.release(7);
      expect(await d.claim(7)).toBe(true);
    });

    it('frees a claim whose holder died after the processing window', async () => {
      const d = make({ processingTtlMs: 80 });
      expect(await d.claim(9)).toBe(true);
      expect(await d.claim(9)).toBe(false);
      await sleep(150);
      expect(await d.claim(9)).toBe(true);
    });

    it('answers one claim among many concurrent copies', async () => {
      const d = make({ processingTtlMs: 60_000 });
      const wins = await Promise.all(Array.from({ length: 20 }, () => d.claim(42)));
      expect(wins.filter(Boolean)).toHaveLength(1);
    });
  });
}

dedupContract('memory', (t) => new MemoryDeduper(1000, t));

describe('memory de-duplication bounds', () => {
  it('never holds more than maxSize ids', async () => {
    const d = new MemoryDeduper(100);
    for (let i = 0; i < 5_000; i++) {
      await d.claim(i);
      await d.done(i);
    }
    expect(d.size).toBe(100);
    // The newest are still remembered.
    expect(await d.claim(4_999)).toBe(false);
  });
});

describe('database session storage (embedded twin)', () => {
  it('reads what it wrote, forgets after the TTL, deletes, and sweeps only expired rows', async () => {
    const t = await testDatabase();
    try {
      let now = 1_000;
      const s = new DbKvStorage<{ a: number }>(t.db, 'session:', 100, () => now);
      const kept = new DbKvStorage<{ a: number }>(t.db, 'conv:', undefined, () => now);
      await s.write('k', { a: 1 });
      await kept.write('k', { a: 9 });
      expect(await s.read('k')).toEqual({ a: 1 });
      now += 101;
      expect(await s.read('k')).toBeUndefined();
      expect(await t.db.$count(kv)).toBe(2);
      await s.sweep();
      expect(await t.db.$count(kv)).toBe(1);
      expect(await kept.read('k')).toEqual({ a: 9 });
      await s.write('k', { a: 2 });
      await s.write('k', { a: 3 });
      expect(await s.read('k')).toEqual({ a: 3 });
      await s.delete('k');
      expect(await s.read('k')).toBeUndefined();
    } finally {
      await t.cleanup();
    }
  });
});

describeRedis('Redis-backed shared state', () => {
  let redis: Redis;
  let prefix: string;

  beforeAll(() => {
    redis = connectRedis();
  });
  afterEach(async () => {
    if (prefix) await deleteByPrefix(redis, prefix);
  });
  afterAll(async () => {
    await redis.quit();
  });
  const fresh = (name: string) => {
    prefix = uniquePrefix(name);
    return prefix;
  };
  /** A lease on `${p}leader` with a 500 ms TTL renewed every 100 ms. */
  const shortLease = (p: string, owner: string, on: Redis = redis) =>
    new RedisLeaderLease({ redis: on, key: `${p}leader`, owner, ttlMs: 500, renewMs: 100 });

  dedupContract('Redis', (t) => new RedisDeduper(redis, fresh('dedup'), t));

  it('de-duplicates across two clients (two instances)', async () => {
    const p = fresh('dedup2');
    const other = connectRedis();
    const a = new RedisDeduper(redis, p);
    const b = new RedisDeduper(other, p);
    const results = await Promise.all([a.claim(5), b.claim(5), a.claim(5), b.claim(5)]);
    expect(results.filter(Boolean)).toHaveLength(1);
    await other.quit();
  });

  it('stores sessions with a TTL, renewed on every write', async () => {
    const p = fresh('session');
    const s = new RedisKvStorage<{ awaiting?: string }>(redis, p, 60_000);
    expect(await s.read('1:1')).toBeUndefined();
    await s.write('1:1', { awaiting: 'prompt' });
    expect(await s.read('1:1')).toEqual({ awaiting: 'prompt' });
    const ttl = await redis.pttl(`${p}1:1`);
    expect(ttl).toBeGreaterThan(50_000);
    expect(ttl).toBeLessThanOrEqual(60_000);
    expect(await s.has('1:1')).toBe(true);
    await s.delete('1:1');
    expect(await s.read('1:1')).toBeUndefined();
  });

  it('expires a session after its TTL and survives a corrupt value', async () => {
    const p = fresh('session-ttl');
    const s = new RedisKvStorage<number>(redis, p, 50);
    await s.write('x', 3);
    await sleep(120);
    expect(await s.read('x')).toBeUndefined();
    await redis.set(`${p}y`, '{not json');
    expect(await s.read('y')).toBeUndefined();
  });

  it('elects exactly one leader and hands over when it stops', async () => {
    const p = fresh('leader');
    const changes: string[] = [];
    const make = (owner: string) =>
      new RedisLeaderLease({
        redis,
        key: `${p}leader`,
        owner,
        ttlMs: 1_500,
        renewMs: 200,
        onChange: (l) => changes.push(`${owner}:${l}`),
      });
    const a = make('a');
    const b = make('b');
    await a.start();
    await b.start();
    expect(a.isLeader()).toBe(true);
    expect(b.isLeader()).toBe(false);
    await sleep(300);
    expect(a.isLeader()).toBe(true);
    expect(b.isLeader()).toBe(false);
    // A clean stop releases the lease: b takes it at its next round, not after the TTL.
    await a.stop();
    expect(await redis.get(`${p}leader`)).not.toBe('a');
    const released = Date.now();
    while (!b.isLeader() && Date.now() - released < 1_200) await sleep(20);
    expect(b.isLeader()).toBe(true);
    expect(Date.now() - released).toBeLessThan(1_200);
    expect(changes.slice(0, 2)).toEqual(['a:true', 'a:false']);
    expect(changes.at(-1)).toBe('b:true');
    await b.stop();
  });

  it('takes over from a leader that died without releasing within the TTL', async () => {
    const p = fresh('leader-dead');
    const dead = connectRedis();
    const a = shortLease(p, 'a', dead);
    const b = shortLease(p, 'b');
    await a.start();
    await b.start();
    expect(a.isLeader()).toBe(true);
    // "SIGKILL": the connection goes, nothing is released.
    dead.disconnect();
    const started = Date.now();
    while (!b.isLeader() && Date.now() - started < 3_000) await sleep(20);
    expect(b.isLeader()).toBe(true);
    expect(Date.now() - started).toBeLessThan(1_500);
    // The cut-off leader stops calling itself leader once its last renewal is stale.
    expect(a.isLeader()).toBe(false);
    await a.stop();
    await b.stop();
  });

  it('never extends or deletes a lease another instance holds', async () => {
    const p = fresh('leader-cas');
    await redis.set(`${p}leader`, 'someone-else', 'PX', 10_000);
    const a = shortLease(p, 'a');
    await a.start();
    expect(a.isLeader()).toBe(false);
    await a.stop();
    expect(await redis.get(`${p}leader`)).toBe('someone-else');
  });

  it('tells live instances from dead ones', async () => {
    const p = fresh('presence');
    const a = new RedisPresence({ redis, prefix: p, self: 'a', ttlMs: 300 });
    const b = new RedisPresence({ redis, prefix: p, self: 'b', ttlMs: 300 });
    await a.start();
    await b.start();
    expect([...(await a.aliveAmong(['a', 'b', 'c']))].sort()).toEqual(['a', 'b']);
    await b.stop();
    expect([...(await a.aliveAmong(['a', 'b']))]).toEqual(['a']);
    await a.stop();
  });
});

describe('solo presence', () => {
  it('only the process itself is alive', async () => {
    const p = new SoloPresence('me');
    expect([...(await p.aliveAmong(['me', 'old']))]).toEqual(['me']);
  });
});
