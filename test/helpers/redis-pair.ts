import pino from 'pino';
import { afterAll, beforeAll } from 'vitest';
import { type App, type AppOptions, createApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import type { Redis } from '../../src/infra/redis.js';
import { startTestBot, type TestBot } from './bot-harness.js';
import { connectRedis, deleteByPrefix, REDIS_URL, uniquePrefix } from './services.js';

/** A test bot and a second instance on the same database and Redis; filled in by beforeAll. */
export interface RedisPair {
  bot: TestBot;
  /** The second instance: its workers run, it gets no updates (fed by hand, if at all). */
  other: App;
  redis: Redis;
  /** The Redis key prefix both instances share. */
  prefix: string;
}

export interface RedisPairOptions {
  /** Names the unique key prefix. */
  name: string;
  /** Environment for both instances, on top of REDIS_URL. */
  env?: Record<string, string>;
  /** Environment for the second instance only. */
  otherEnv?: Record<string, string>;
  /** App options for both instances (the runtime prefix is added). */
  app?: Omit<AppOptions, 'botInfo' | 'logger' | 'runtime'>;
}

/** Two bot instances on one SQLite file and one real Redis, cleaned up (keys too) afterwards. */
export function useRedisPair(options: RedisPairOptions): RedisPair {
  const pair = { prefix: uniquePrefix(options.name) } as RedisPair;
  const env = { REDIS_URL, ...options.env };
  const app = { ...options.app, runtime: { prefix: pair.prefix } };

  beforeAll(async () => {
    pair.redis = connectRedis();
    pair.bot = await startTestBot({ env, app });
    const { bot } = pair;
    pair.other = createApp(
      loadConfig({
        BOT_TOKEN: bot.tg.token,
        BOT_API_ROOT: bot.tg.apiRoot,
        GATEWAY_BASE_URL: bot.gateway.url,
        GATEWAY_API_KEY: 'sk-test-unlimited',
        DATABASE_PATH: `${bot.dataDir}/bot.sqlite`,
        LOG_LEVEL: 'silent',
        ...options.otherEnv,
        ...env,
      }),
      { ...app, botInfo: bot.tg.botInfo, logger: pino({ level: 'silent' }) },
    );
    await pair.other.startWorkers();
  });
  afterAll(async () => {
    await pair.other?.stop();
    await pair.bot?.close();
    await deleteByPrefix(pair.redis, pair.prefix);
    await pair.redis.quit();
  });

  return pair;
}
