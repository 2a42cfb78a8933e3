import { expect, it } from 'vitest';
import { kv } from '../../src/db/schema.js';
import { useRedisPair } from '../helpers/redis-pair.js';
import { describeRedis } from '../helpers/services.js';
import { fund, until } from './images/helpers.js';

describeRedis('Redis mode (bot level, real Redis)', () => {
  const pair = useRedisPair({ name: 'bot', env: { GENERATION_RATE_PER_MINUTE: '2' } });

  it('keeps conversations in Redis with a TTL, not in SQLite', async () => {
    const user = pair.bot.tg.user({ language_code: 'en' });
    user.send('/key');
    await user.waitFor({ text: /Send me your API key/ });
    // Written when the handler returns, just after the reply went out.
    let keys: string[] = [];
    for (let i = 0; i < 50 && keys.length === 0; i++) {
      keys = await pair.redis.keys(`${pair.prefix}conv:*`);
      if (keys.length === 0) await new Promise((r) => setTimeout(r, 20));
    }
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) {
      const ttl = await pair.redis.pttl(key);
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(24 * 3600_000);
    }
    expect(
      pair.bot.app.deps.db
        .select()
        .from(kv)
        .all()
        .filter((r) => r.key.startsWith('conv:')),
    ).toEqual([]);
    user.send('/cancel');
    await user.waitFor({ text: /cancel/i });
  });

  it('the other instance drops an update this one already handled', async () => {
    const user = pair.bot.tg.user({ first_name: 'Dup', language_code: 'en' });
    user.send('/start');
    await user.waitFor({ text: /Hi, Dup/ });
    const update = pair.bot.tg.updates.at(-1);
    if (!update) throw new Error('no update');
    const key = `${pair.prefix}update:${update.update_id}`;
    for (let i = 0; i < 50 && (await pair.redis.get(key)) !== 'done'; i++)
      await new Promise((r) => setTimeout(r, 20));
    expect(await pair.redis.get(key)).toBe('done');
    const before = pair.bot.tg.callsTo('sendMessage').length;
    await pair.other.bot.handleUpdate(update);
    await new Promise((r) => setTimeout(r, 200));
    expect(pair.bot.tg.callsTo('sendMessage').length).toBe(before);
    expect(await pair.other.runtime.metrics.duplicates.get()).toMatchObject({
      values: [{ value: 1 }],
    });
  });

  it('shares the per-user generation limit between instances', async () => {
    const user = pair.bot.tg.user({ language_code: 'en' });
    fund(pair.bot.app, user.id, 100);
    user.send('a red fox');
    user.send('a blue fox');
    await user.waitFor({ photo: true, text: /a red fox/ });
    await user.waitFor({ photo: true, text: /a blue fox/ });
    // The third request of the minute reaches the other instance: refused there, not charged.
    const third = pair.bot.tg.driver(user.id, user.id);
    const sent = third.send('a green fox');
    const update = pair.bot.tg.updates.find((u) => u.message?.message_id === sent.message_id);
    if (!update) throw new Error('no update');
    // Let the polling instance see it too: whoever gets it first refuses it.
    await until(() => pair.bot.tg.pendingUpdates() === 0, 5_000, 'the update taken');
    await pair.other.bot.handleUpdate(update);
    await user.waitFor({ text: /2 generation requests in a minute/ });
    expect(
      pair.bot.app.deps.db.$client
        .prepare('SELECT count(*) AS n FROM jobs WHERE user_id = ?')
        .get(user.id),
    ).toEqual({ n: 2 });
  });

  it("one chat's updates take turns across instances (the chat lock)", async () => {
    const user = pair.bot.tg.user({ first_name: 'Turns', language_code: 'en' });
    // Another instance is in the middle of this chat's update.
    const lock = `${pair.prefix}lock:chat:${user.id}`;
    await pair.redis.set(lock, 'another-instance', 'PX', 30_000);
    const sent = pair.bot.tg.driver(user.id, user.id).send('/start');
    const update = pair.bot.tg.updates.find((u) => u.message?.message_id === sent.message_id);
    if (!update) throw new Error('no update');
    await until(() => pair.bot.tg.pendingUpdates() === 0, 5_000, 'the update taken');
    await new Promise((r) => setTimeout(r, 300));
    expect(user.messages().some((m) => /Hi, Turns/.test(m.text ?? ''))).toBe(false);
    await pair.redis.del(lock);
    await user.waitFor({ text: /Hi, Turns/ });
    // Released once the handler returns (just after the reply).
    for (let i = 0; i < 50 && (await pair.redis.get(lock)) !== null; i++) {
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(await pair.redis.get(lock)).toBeNull();
  });

  it('exactly one of the two instances holds the poller lease', () => {
    const leaders = [pair.bot.app.runtime.leader.isLeader(), pair.other.runtime.leader.isLeader()];
    expect(leaders.filter(Boolean)).toHaveLength(1);
  });
});
