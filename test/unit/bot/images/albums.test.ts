import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AlbumCollector, type Timers } from '../../../../src/bot/images/albums.js';
import {
  type AlbumStore,
  MemoryAlbumStore,
  RedisAlbumStore,
} from '../../../../src/infra/album-store.js';
import type { Redis } from '../../../../src/infra/redis.js';
import {
  connectRedis,
  deleteByPrefix,
  describeRedis,
  uniquePrefix,
} from '../../../helpers/services.js';

/** Timers driven by hand: `tick(ms)` fires what is due, then lets the store answer. */
function manualTimers() {
  let now = 0;
  let seq = 0;
  const due = new Map<number, { at: number; fn: () => void }>();
  const timers: Timers = {
    set: (fn, ms) => {
      seq += 1;
      due.set(seq, { at: now + ms, fn });
      return seq;
    },
    clear: (handle) => {
      due.delete(handle as number);
    },
  };
  const tick = async (ms: number) => {
    now += ms;
    for (const [id, t] of [...due].sort((a, b) => a[1].at - b[1].at)) {
      if (t.at <= now) {
        due.delete(id);
        t.fn();
      }
    }
    await new Promise((r) => setTimeout(r, 20));
  };
  return { timers, tick, pending: () => due.size };
}

/** A collector on `store`; `done` records [key, items, the last add's local value]. */
function collector(store: AlbumStore, o: { maxItems?: number } = {}) {
  const clock = manualTimers();
  const done: Array<[string, string[], string]> = [];
  const albums = new AlbumCollector<string, string>({
    windowMs: 1000,
    timers: clock.timers,
    store,
    onComplete: (key, items, local) => done.push([key, items, local]),
    onError: (err) => {
      throw err;
    },
    ...o,
  });
  return { ...clock, done, albums };
}

function collectorContract(name: string, makeStore: () => AlbumStore) {
  describe(`album collector (${name})`, () => {
    it('hands a group over once, after the window passed with no new item', async () => {
      const { albums, tick, done, pending } = collector(makeStore());
      await albums.add('a', '1', 'ctx1');
      await tick(600);
      await albums.add('a', '2', 'ctx2');
      await tick(600);
      expect(done).toEqual([]);
      expect(await albums.add('a', '3', 'ctx3')).toEqual(['1', '2', '3']);
      await tick(999);
      expect(done).toEqual([]);
      await tick(1);
      expect(done).toEqual([['a', ['1', '2', '3'], 'ctx3']]);
      expect(await albums.has('a')).toBe(false);
      expect(pending()).toBe(0);
      await tick(5000);
      expect(done).toHaveLength(1);
    });

    it('keeps groups apart', async () => {
      const { albums, tick, done } = collector(makeStore());
      await albums.add('a', 'a1', 'x');
      await albums.add('b', 'b1', 'y');
      await albums.add('a', 'a2', 'z');
      await tick(1000);
      expect(done).toEqual([
        ['b', ['b1'], 'y'],
        ['a', ['a1', 'a2'], 'z'],
      ]);
    });

    it('drops items past the maximum (Telegram albums have at most 10)', async () => {
      const { albums, tick, done } = collector(makeStore(), { maxItems: 2 });
      expect(await albums.add('a', '1', '')).toEqual(['1']);
      expect(await albums.add('a', '2', '')).toEqual(['1', '2']);
      expect(await albums.add('a', '3', '')).toBeUndefined();
      await tick(1000);
      expect(done).toEqual([['a', ['1', '2'], '']]);
    });

    it('with a shared store, only the instance that got the last photo hands the album over', async () => {
      const store = makeStore();
      const one = collector(store);
      const two = collector(store);
      await one.albums.add('album', 'p1', 'one');
      await two.albums.add('album', 'p2', 'two');
      await one.albums.add('album', 'p3', 'one');
      expect(await two.albums.has('album')).toBe(true);
      await two.tick(1000);
      await one.tick(1000);
      expect(two.done).toEqual([]);
      expect(one.done).toEqual([['album', ['p1', 'p2', 'p3'], 'one']]);
    });
  });
}

collectorContract('memory', () => new MemoryAlbumStore());

describe('memory album store', () => {
  it('forgets a group nobody took after a minute', async () => {
    let now = 0;
    const store = new MemoryAlbumStore(() => now);
    await store.append('lost', 'x', 10);
    now = 61_000;
    await store.append('new', 'y', 10);
    expect(await store.has('lost')).toBe(false);
    expect(store.size).toBe(1);
  });
});

describeRedis('album store in Redis (real Redis)', () => {
  let redis: Redis;
  const prefix = uniquePrefix('album');
  beforeAll(() => {
    redis = connectRedis();
  });
  afterAll(async () => {
    await deleteByPrefix(redis, prefix);
    await redis.quit();
  });

  collectorContract('Redis', () => new RedisAlbumStore(redis, `${prefix}${Math.random()}:`));

  it('expires a group nobody took', async () => {
    const store = new RedisAlbumStore(redis, prefix);
    await store.append('ttl', 'x', 10);
    const keys = await redis.keys(`${prefix}*ttl*`);
    expect(keys).toHaveLength(2);
    for (const key of keys) expect(await redis.pttl(key)).toBeGreaterThan(0);
  });
});
