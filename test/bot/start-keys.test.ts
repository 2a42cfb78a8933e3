import type { Update } from 'grammy/types';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, createApp } from '../../src/app.js';
import { startTestBot, type TestBot } from '../helpers/bot-harness.js';
import { balanceOf, fund, jobsOf, waitForJob } from './images/helpers.js';
import { pause } from './operator-helpers.js';
import { FAST_ASYNC, openVideo } from './video/helpers.js';

/** The update that carried this text from the user (the stand-in logs every update). */
const updateWith = (bot: TestBot, text: string): Update => {
  const hit = bot.tg.updates.filter((u) => u.message?.text === text).at(-1);
  if (!hit) throw new Error(`no update with ${text}`);
  return hit;
};

const queuedMessages = (bot: TestBot, chatId: number) =>
  bot.tg.calls.filter(
    (c) =>
      c.method === 'sendMessage' &&
      Number(c.params.chat_id) === chatId &&
      /Queued/.test(String(c.params.text)),
  ).length;

describe('one paid job per Telegram start, whatever is delivered twice (bot level)', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startTestBot({ app: FAST_ASYNC });
  });
  afterAll(() => bot.close());

  it('an /imagine redelivered after a restart (same update_id, memory de-dup gone) starts nothing', async () => {
    const user = bot.tg.user({ language_code: 'en' });
    fund(bot.app, user.id, 100);
    user.send('/imagine a lighthouse at dusk');
    await user.waitFor({ photo: true });
    const first = await waitForJob(bot.app, user.id, (j) => j.status === 'done');
    const update = updateWith(bot, '/imagine a lighthouse at dusk');

    await bot.stopBot();
    bot = await startTestBot({
      reuse: { tg: bot.tg, gateway: bot.gateway, dataDir: bot.dataDir },
      app: FAST_ASYNC,
    });
    bot.tg.redeliver(update);
    // The same message again under a new update_id, as a webhook retry to another instance is.
    bot.tg.pushUpdate({ message: update.message } as Omit<Update, 'update_id'>);
    await pause(300);
    expect(bot.tg.pendingUpdates()).toBe(0);
    expect(jobsOf(bot.app, user.id).map((j) => j.id)).toEqual([first.id]);
    expect(balanceOf(bot.app, user.id)).toBe(100 - first.price);
    expect(queuedMessages(bot, user.id)).toBe(1);
  });

  it('a new message with the same text is a new job (the key is the message, not the prompt)', async () => {
    const user = bot.tg.user({ language_code: 'en' });
    fund(bot.app, user.id, 100);
    for (let i = 0; i < 2; i++) {
      user.send('/imagine a red kite');
      await user.waitFor({ photo: true });
    }
    await waitForJob(bot.app, user.id, (j) => j.status === 'done');
    expect(jobsOf(bot.app, user.id)).toHaveLength(2);
  });

  describe('two instances on one database whose chat lock did not hold', () => {
    let other: App;
    beforeAll(() => {
      // Only handles the updates handed to it: its workers stay off, A runs the jobs.
      other = createApp(bot.app.config, {
        botInfo: bot.tg.botInfo,
        logger: pino({ level: 'silent' }),
        instanceId: 'other',
      });
    });
    afterAll(() => other.stop());

    it('a double tap on the video confirm, one tap on each instance, reserves once', async () => {
      const user = bot.tg.user({ language_code: 'en' });
      fund(bot.app, user.id, 10_000);
      const screen = await openVideo(user, 'a paper boat on a river');
      await Promise.all([
        user.press(screen, /Generate/),
        user.press(screen, /Generate/, { via: (u) => void other.bot.handleUpdate(u) }),
      ]);
      await pause(300);
      const jobs = jobsOf(bot.app, user.id);
      expect(jobs).toHaveLength(1);
      expect(balanceOf(bot.app, user.id)).toBe(10_000 - (jobs[0]?.price ?? 0));
      await user.waitFor({ method: 'sendVideo' }, { timeoutMs: 10_000 });
    });
  });
});
