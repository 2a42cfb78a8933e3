import pino from 'pino';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type App, type AppOptions, createApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import type { Redis } from '../../src/infra/redis.js';
import { balanceOf, fund, jobsOf, until } from '../bot/images/helpers.js';
import { startTestBot, type TestBot } from '../helpers/bot-harness.js';
import {
  connectRedis,
  deleteByPrefix,
  describeRedis,
  REDIS_URL,
  uniquePrefix,
} from '../helpers/services.js';

/*
 * Production timing scaled down 25×: sweeps every 5 s → 200 ms, a failed send waits 30 s × the
 * attempts → 1.2 s × the attempts (five attempts over 12 s instead of 5 min). The outage lasts
 * 2.5 s, the scaled 60 s: far longer than the 4–5 sweeps (~1 s, the old ~25 s) in which an
 * orphan sweep that ignored the back-off used up every attempt.
 */
const SWEEP_MS = 200;
const STEP_MS = 1_200;
const OUTAGE_MS = 2_500;
const USERS = 4;

describeRedis('chaos: Telegram down for a while, two instances on one Redis', () => {
  let bot: TestBot;
  let other: App;
  let redis: Redis;
  const prefix = uniquePrefix('outage');
  const app: Omit<AppOptions, 'botInfo' | 'logger'> = {
    runtime: { prefix },
    executor: { sweepMs: SWEEP_MS, deliveryRetryStepMs: STEP_MS },
  };
  const env = { REDIS_URL, GENERATION_RATE_PER_MINUTE: '100' };

  beforeAll(async () => {
    redis = connectRedis();
    bot = await startTestBot({ env, app });
    // A second live instance on the same database and Redis: its sweeps run, it gets no updates.
    other = createApp(
      loadConfig({
        BOT_TOKEN: bot.tg.token,
        BOT_API_ROOT: bot.tg.apiRoot,
        GATEWAY_BASE_URL: bot.gateway.url,
        GATEWAY_API_KEY: 'sk-test-unlimited',
        DATABASE_PATH: `${bot.dataDir}/bot.sqlite`,
        LOG_LEVEL: 'silent',
        TELEGRAM_SEND_RATE: '1000',
        ...env,
      }),
      { ...app, botInfo: bot.tg.botInfo, logger: pino({ level: 'silent' }) },
    );
    await other.startWorkers();
  });
  afterAll(async () => {
    await other?.stop();
    await bot?.close();
    await deleteByPrefix(redis, prefix);
    await redis.quit();
  });

  it('every result is delivered once after the outage; nothing is refunded', async () => {
    const db = bot.app.deps.db;
    bot.tg.failEvery('sendPhoto', 1, {
      error_code: 400,
      description: 'Bad Request: injected outage',
    });
    const people = Array.from({ length: USERS }, (_, i) => {
      const user = bot.tg.user({ language_code: 'en' });
      fund(bot.app, user.id, 100);
      user.send(`an outage fox ${i}`);
      return user;
    });
    const jobStates = () =>
      JSON.stringify(
        people.map((u) => {
          const job = jobsOf(bot.app, u.id)[0];
          return job && [job.status, job.attempts, job.leaseOwner, job.nextPollAt, job.errorCode];
        }),
      );
    // The outage starts with the first failed send of every result.
    await until(
      () => people.every((u) => (jobsOf(bot.app, u.id)[0]?.attempts ?? 0) >= 2),
      // A wait, not a timing claim: under a full parallel suite on two cores it took >30 s once.
      60_000,
      () => `a failed send of every result; jobs: ${jobStates()}`,
    );
    await new Promise((r) => setTimeout(r, OUTAGE_MS));
    expect(people.map((u) => jobsOf(bot.app, u.id)[0]?.status)).toEqual(
      people.map(() => 'delivering'),
    );
    bot.tg.clearFaults();

    await until(
      () => people.every((u) => jobsOf(bot.app, u.id)[0]?.status === 'done'),
      20_000,
      () => `every result delivered; jobs: ${jobStates()}`,
    );
    for (const user of people) {
      const [job] = jobsOf(bot.app, user.id);
      expect(job?.errorCode).toBeNull();
      expect(balanceOf(bot.app, user.id)).toBe(100 - (job?.price ?? 0));
      const photos = bot.tg.calls.filter(
        (c) => c.method === 'sendPhoto' && c.params.chat_id === user.id && c.response.ok,
      );
      expect(photos).toHaveLength(1);
    }
    const refunds = db.$client
      .prepare("SELECT count(*) AS n FROM ledger WHERE kind = 'refund'")
      .get() as { n: number };
    expect(refunds.n).toBe(0);
  }, 120_000);
});
