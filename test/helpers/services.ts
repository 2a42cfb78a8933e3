import { randomBytes } from 'node:crypto';
import net from 'node:net';
import { Redis } from 'ioredis';
import pg from 'pg';
import { describe, it } from 'vitest';

/*
 * External services for tests. Locally a missing Redis or PostgreSQL skips its tests with a
 * message; with CI=true it is a failure, so CI cannot go green without having exercised them.
 */

export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
/** A server where tests may create and drop databases (trust auth on this machine kind). */
export const PG_ADMIN_URL =
  process.env.TEST_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
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

async function probePostgres(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

export const redisAvailable: boolean = await probeRedis(REDIS_URL);
const postgresAvailable: boolean = await probePostgres(PG_ADMIN_URL);

function describeWith(service: string, url: string, available: boolean) {
  return (name: string, fn: () => void): void => {
    if (available) {
      describe(name, fn);
    } else if (inCi) {
      describe(name, () => {
        it(`needs ${service}`, () => {
          throw new Error(`${service} is unreachable at ${url} and CI=true requires it`);
        });
      });
    } else {
      console.warn(`[tests] ${service} unreachable at ${url}: skipping "${name}"`);
      describe.skip(name, fn);
    }
  };
}

/** `describe` for suites that need Redis: runs, skips with a message, or fails under CI. */
export const describeRedis = describeWith('Redis', REDIS_URL, redisAvailable);
/** `describe` for suites that need PostgreSQL, likewise. */
export const describePostgres = describeWith('PostgreSQL', PG_ADMIN_URL, postgresAvailable);

/** A database of its own for one test file, dropped by `drop()` (connections are ended first). */
export async function freshPgDatabase(
  name: string,
): Promise<{ url: string; drop(): Promise<void> }> {
  const database = `genbot_${name.replace(/\W/g, '_')}_${process.pid}_${randomBytes(3).toString('hex')}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: PG_ADMIN_URL });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`create database "${database}"`);
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${database}`;
  return {
    url: url.toString(),
    drop: () => admin(`drop database if exists "${database}" with (force)`),
  };
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
