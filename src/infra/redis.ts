import { createRequire } from 'node:module';
import type { Redis } from 'ioredis';
import type { Logger } from './logger.js';

export type { Redis };

/**
 * ioredis (with its tracing and parser modules, ~20 MB of resident memory) is loaded only when
 * REDIS_URL is set: the embedded mode never needs it. It is CommonJS, so a synchronous require
 * keeps createRuntime synchronous.
 */
const loadIoredis = () => createRequire(import.meta.url)('ioredis') as typeof import('ioredis');

/** Thrown at start-up when REDIS_URL is set but no server answers there. */
export class RedisUnavailableError extends Error {
  constructor(url: string, cause: unknown) {
    const why = cause instanceof Error ? cause.message : String(cause);
    super(
      `Redis is unreachable at ${redactUrl(url)} (${why}). Start Redis, fix REDIS_URL, or unset ` +
        'REDIS_URL to run as a single instance without it.',
    );
    this.name = 'RedisUnavailableError';
  }
}

/** The URL without its password, for messages and logs. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'redis://…';
  }
}

export interface RedisConnectionOptions {
  logger?: Logger;
  /** How long the first connection may take before start-up fails. Default 5 s. */
  connectTimeoutMs?: number;
}

/**
 * One client per process, created lazily (no socket until `connect()`), so building the app in
 * tests costs nothing. Commands fail after one retry instead of queueing forever while Redis is
 * away: a handler then errors (and the update is retried by Telegram) rather than hanging.
 */
export function createRedis(url: string, options: RedisConnectionOptions = {}): Redis {
  const redis = new (loadIoredis().Redis)(url, {
    lazyConnect: true,
    connectTimeout: options.connectTimeoutMs ?? 5_000,
    maxRetriesPerRequest: 1,
    // Reconnect with a capped back-off: a Redis restart must not take the bot down.
    retryStrategy: (times) => Math.min(times * 200, 2_000),
  });
  let warned = false;
  redis.on('error', (err: Error) => {
    // ioredis emits an error per failed reconnect; one warning per outage is enough.
    if (warned) return;
    warned = true;
    options.logger?.warn({ err, redis: redactUrl(url) }, 'Redis connection error');
  });
  redis.on('ready', () => {
    if (warned) options.logger?.info({ redis: redactUrl(url) }, 'Redis connection restored');
    warned = false;
  });
  return redis;
}

/** Connects and PINGs once; a clear error when nothing answers. */
export async function connectRedis(redis: Redis, url: string): Promise<void> {
  try {
    if (redis.status === 'wait') await redis.connect();
    await redis.ping();
  } catch (err) {
    redis.disconnect();
    throw new RedisUnavailableError(url, err);
  }
}

/** QUIT politely, but never hang a shutdown on a dead server. */
export async function closeRedis(redis: Redis): Promise<void> {
  if (redis.status === 'end' || redis.status === 'wait') return;
  await Promise.race([
    redis.quit().catch(() => undefined),
    new Promise((resolve) => setTimeout(resolve, 1_000).unref()),
  ]);
  redis.disconnect();
}
