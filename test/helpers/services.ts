import { randomBytes } from 'node:crypto';
import net from 'node:net';
import { Redis } from 'ioredis';
import { describe, it } from 'vitest';

/*
 * External services for tests. Locally a missing Redis skips its tests with a message; with
 * CI=true it is a failure, so CI cannot go green without having exercised the Redis paths.
 */

export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const inCi = process.env.CI === 'true';

function probeRedis(url: string, timeoutMs = 500): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname, port: Number(port || 6379) });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    // +PONG, or -NOAUTH when a password is needed: either way a Redis server is there.
    socket.once('data', (chunk) => done(/^[+-]/.test(chunk.toString())));
  });
}

export const redisAvailable: boolean = await probeRedis(REDIS_URL);

/** `describe` for suites that need Redis: runs, skips with a message, or fails under CI. */
export function describeRedis(name: string, fn: () => void): void {
  if (redisAvailable) {
    describe(name, fn);
  } else if (inCi) {
    describe(name, () => {
      it('needs Redis', () => {
        throw new Error(`Redis is unreachable at ${REDIS_URL} and CI=true requires it`);
      });
    });
  } else {
    console.warn(`[tests] Redis unreachable at ${REDIS_URL}: skipping "${name}"`);
    describe.skip(name, fn);
  }
}

/** A client that fails fast instead of retrying forever. */
export function connectRedis(): Redis {
  return new Redis(REDIS_URL, {
    maxRetriesPerRequest: 1,
    connectTimeout: 1000,
    lazyConnect: false,
  });
}

/** A key prefix no other test run shares; delete `${prefix}*` when done. */
export function uniquePrefix(name: string): string {
  return `test:${name}:${process.pid}:${randomBytes(4).toString('hex')}:`;
}

/** Removes every key under a prefix (SCAN, not KEYS, to be polite to a shared server). */
export async function deleteByPrefix(redis: Redis, prefix: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 200);
    if (keys.length > 0) await redis.del(...keys);
    cursor = next;
  } while (cursor !== '0');
}
