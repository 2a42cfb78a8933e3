import { afterAll, beforeAll, expect, it } from 'vitest';
import { RedisChatLock } from '../../../src/infra/chat-lock.js';
import type { Redis } from '../../../src/infra/redis.js';
import { createRedis } from '../../../src/infra/redis.js';
import {
  connectRedis,
  deleteByPrefix,
  describeRedis,
  uniquePrefix,
} from '../../helpers/services.js';
import { sleep } from '../../helpers/time.js';

describeRedis('chat lock across instances (real Redis)', () => {
  let redis: Redis;
  let redis2: Redis;
  const prefix = uniquePrefix('lock');

  beforeAll(() => {
    redis = connectRedis();
    redis2 = connectRedis();
  });
  afterAll(async () => {
    await deleteByPrefix(redis, prefix);
    await redis.quit();
    await redis2.quit();
  });

  /** Runs `n` 20 ms sections under `key` from two "instances" at once; returns their spans. */
  async function contend(a: RedisChatLock, b: RedisChatLock, keys: [string, string]) {
    const spans: [number, number][] = [];
    const section = async () => {
      const start = performance.now();
      await sleep(20);
      spans.push([start, performance.now()]);
    };
    await Promise.all(
      Array.from({ length: 6 }, (_, i) => (i % 2 ? a : b).run(keys[i % 2] as string, section)),
    );
    return spans.sort((x, y) => x[0] - y[0]);
  }

  it('two instances take turns on one chat', async () => {
    const a = new RedisChatLock({ redis, prefix });
    const b = new RedisChatLock({ redis: redis2, prefix });
    const spans = await contend(a, b, ['chat:1', 'chat:1']);
    for (let i = 1; i < spans.length; i++) {
      expect((spans[i] as [number, number])[0]).toBeGreaterThanOrEqual(
        (spans[i - 1] as [number, number])[1] - 1,
      );
    }
    expect(await redis.keys(`${prefix}*`)).toEqual([]);
  });

  it('different chats do not wait for each other', async () => {
    const a = new RedisChatLock({ redis, prefix });
    const b = new RedisChatLock({ redis: redis2, prefix });
    const spans = await contend(a, b, ['chat:2', 'chat:3']);
    // Two chats at once: some section starts before the one before it ended.
    expect(spans.some((s, i) => i > 0 && s[0] < (spans[i - 1] as [number, number])[1])).toBe(true);
  });

  it('a holder that died frees the chat after the TTL; a wait too long goes ahead unlocked', async () => {
    await redis.set(`${prefix}chat:4`, 'dead-instance', 'PX', 300);
    const skipped: string[] = [];
    const lock = new RedisChatLock({ redis, prefix, onSkip: (_k, why) => skipped.push(why) });
    const t0 = performance.now();
    expect(await lock.run('chat:4', async () => 'ran')).toBe('ran');
    expect(performance.now() - t0).toBeGreaterThanOrEqual(250);
    expect(skipped).toEqual([]);

    await redis.set(`${prefix}chat:5`, 'stuck', 'PX', 60_000);
    const impatient = new RedisChatLock({
      redis,
      prefix,
      maxWaitMs: 200,
      onSkip: (_k, why) => skipped.push(why),
    });
    expect(await impatient.run('chat:5', async () => 'ran anyway')).toBe('ran anyway');
    expect(skipped).toEqual(['timeout']);
    // Not ours: left alone.
    expect(await redis.get(`${prefix}chat:5`)).toBe('stuck');
  });

  it('handles the update unlocked when Redis does not answer', async () => {
    const down = createRedis('redis://127.0.0.1:1', {});
    const skipped: string[] = [];
    const lock = new RedisChatLock({
      redis: down,
      prefix,
      onSkip: (_k, why) => skipped.push(why),
    });
    expect(await lock.run('chat:6', async () => 'ran')).toBe('ran');
    expect(skipped).toEqual(['unavailable']);
    down.disconnect();
  });
});
