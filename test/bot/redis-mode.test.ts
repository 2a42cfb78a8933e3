import pino from 'pino';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type App, createApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { kv } from '../../src/db/schema.js';
import type { Redis } from '../../src/infra/redis.js';
import { startTestBot, type TestBot } from '../helpers/bot-harness.js';
import {
  connectRedis,
  deleteByPrefix,
  describeRedis,
  REDIS_URL,
  uniquePrefix,
} from '../helpers/services.js';
import { fund, until } from './images/helpers.js';

describeRedis('Redis mode (bot level, real Redis)', () => {
  let bot: TestBot;
  let other: App;
  let redis: Redis;
  const prefix = uniquePrefix('bot');
  const env = { REDIS_URL, GENERATION_RATE_PER_MINUTE: '2' };

  beforeAll(async () => {
    redis = connectRedis();
    bot = await startTestBot({ env, app: { runtime: { prefix } } });
    // A second instance on the same database and Redis, fed by hand (it does not poll).
    other = createApp(
      loadConfig({
        BOT_TOKEN: bot.tg.token,
        BOT_API_ROOT: bot.tg.apiRoot,
        GATEWAY_BASE_URL: bot.gateway.url,
        GATEWAY_API_KEY: 'sk-test-unlimited',
        DATABASE_PATH: `${bot.dataDir}/bot.sqlite`,
        LOG_LEVEL: 'silent',
        ...env,
      }),
      { botInfo: bot.tg.botInfo, logger: pino({ level: 'silent' }), runtime: { prefix } },
    );
    await other.startWorkers();
  });
  afterAll(async () => {
    await other?.stop();
    await bot?.close();
    await deleteByPrefix(redis, prefix);
    await redis.quit();
  });

  it('keeps conversations in Redis with a TTL, not in SQLite', async () => {
    const user = bot.tg.user({ language_code: 'en' });
    user.send('/key');
    await user.waitFor({ text: /Send me your gateway key/ });
    // Written when the handler returns, just after the reply went out.
    let keys: string[] = [];
    for (let i = 0; i < 50 && keys.length === 0; i++) {
      keys = await redis.keys(`${prefix}conv:*`);
      if (keys.length === 0) await new Promise((r) => setTimeout(r, 20));
    }
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) {
      const ttl = await redis.pttl(key);
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(24 * 3600_000);
    }
    expect(
      bot.app.deps.db
        .select()
        .from(kv)
        .all()
        .filter((r) => r.key.startsWith('conv:')),
    ).toEqual([]);
    user.send('/cancel');
    await user.waitFor({ text: /cancel/i });
  });

  it('the other instance drops an update this one already handled', async () => {
    const user = bot.tg.user({ first_name: 'Dup', language_code: 'en' });
    user.send('/start');
    await user.waitFor({ text: /Hi, Dup/ });
    const update = bot.tg.updates.at(-1);
    if (!update) throw new Error('no update');
    const key = `${prefix}update:${update.update_id}`;
    for (let i = 0; i < 50 && (await redis.get(key)) !== 'done'; i++)
      await new Promise((r) => setTimeout(r, 20));
    expect(await redis.get(key)).toBe('done');
    const before = bot.tg.callsTo('sendMessage').length;
    await other.bot.handleUpdate(update);
    await new Promise((r) => setTimeout(r, 200));
    expect(bot.tg.callsTo('sendMessage').length).toBe(before);
    expect(await other.runtime.metrics.duplicates.get()).toMatchObject({ values: [{ value: 1 }] });
  });

  it('shares the per-user generation limit between instances', async () => {
    const user = bot.tg.user({ language_code: 'en' });
    fund(bot.app, user.id, 100);
    user.send('a red fox');
    user.send('a blue fox');
    await user.waitFor({ photo: true, text: /a red fox/ });
    await user.waitFor({ photo: true, text: /a blue fox/ });
    // The third request of the minute reaches the other instance: refused there, not charged.
    const third = bot.tg.driver(user.id, user.id);
    const sent = third.send('a green fox');
    const update = bot.tg.updates.find((u) => u.message?.message_id === sent.message_id);
    if (!update) throw new Error('no update');
    // Let the polling instance see it too: whoever gets it first refuses it.
    await until(() => bot.tg.pendingUpdates() === 0, 5_000, 'the update taken');
    await other.bot.handleUpdate(update);
    await user.waitFor({ text: /2 generation requests in a minute/ });
    expect(
      bot.app.deps.db.$client
        .prepare('SELECT count(*) AS n FROM jobs WHERE user_id = ?')
        .get(user.id),
    ).toEqual({ n: 2 });
  });

  it("one chat's updates take turns across instances (the chat lock)", async () => {
    const user = bot.tg.user({ first_name: 'Turns', language_code: 'en' });
    // Another instance is in the middle of this chat's update.
    const lock = `${prefix}lock:chat:${user.id}`;
    await redis.set(lock, 'another-instance', 'PX', 30_000);
    const sent = bot.tg.driver(user.id, user.id).send('/start');
    const update = bot.tg.updates.find((u) => u.message?.message_id === sent.message_id);
    if (!update) throw new Error('no update');
    await until(() => bot.tg.pendingUpdates() === 0, 5_000, 'the update taken');
    await new Promise((r) => setTimeout(r, 300));
    expect(user.messages().some((m) => /Hi, Turns/.test(m.text ?? ''))).toBe(false);
    await redis.del(lock);
    await user.waitFor({ text: /Hi, Turns/ });
    // Released once the handler returns (just after the reply).
    for (let i = 0; i < 50 && (await redis.get(lock)) !== null; i++) {
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(await redis.get(lock)).toBeNull();
  });

  it('exactly one of the two instances holds the poller lease', () => {
    const leaders = [bot.app.runtime.leader.isLeader(), other.runtime.leader.isLeader()];
    expect(leaders.filter(Boolean)).toHaveLength(1);
  });
});
