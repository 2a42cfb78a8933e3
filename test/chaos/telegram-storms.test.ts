import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getJob, type JobRow, listUserJobs } from '../../src/jobs/store.js';
import type { TestUser } from '../fakes/telegram/index.js';
import { startTestBot, type TestBot } from '../helpers/bot-harness.js';
import { assertBooksBalanced, fund, jobLedger, until } from './helpers.js';

const tooMany = (seconds: number) => ({
  error_code: 429,
  description: `Too Many Requests: retry after ${seconds}`,
  parameters: { retry_after: seconds },
});

/** Telegram misbehaves: throttling, blocked users, no-op edits, a server restart mid-run. */
describe('chaos: Telegram storms (bot level)', () => {
  let bot: TestBot;
  const db = () => bot.app.deps.db;

  beforeAll(async () => {
    bot = await startTestBot({
      env: { GENERATION_RATE_PER_MINUTE: '1000' },
      app: { executor: { heartbeatMs: 200 } },
    });
  });
  afterAll(async () => {
    await bot.close();
  });

  const newUsers = (n: number) =>
    Array.from({ length: n }, () => {
      const user = bot.tg.user({ language_code: 'en' });
      fund(db(), user.id, 100);
      return user;
    });
  const jobOf = (user: TestUser) => listUserJobs(db(), user.id, 1)[0] as JobRow;
  const photosOf = (user: TestUser) => bot.tg.messages(user.id).filter((m) => m.photo).length;

  async function allDelivered(users: TestUser[], what: string) {
    await until(
      () => users.every((u) => jobOf(u)?.status === 'done'),
      60_000,
      `${what}: every job done`,
    );
    for (const u of users) {
      expect(photosOf(u), `photos of ${u.id}`).toBe(1);
      expect(jobLedger(db(), jobOf(u).id).map((e) => e.kind)).toEqual(['charge']);
    }
  }

  it('429 on every second send: everything arrives, each once, and no retry comes early', {
    timeout: 90_000,
  }, async () => {
    for (const method of ['sendPhoto', 'sendMessage']) bot.tg.failEvery(method, 2, tooMany(1));
    const users = newUsers(8);
    for (const [i, u] of users.entries()) u.send(`throttled picture ${i}`);
    await allDelivered(users, '429 storm');
    bot.tg.clearFaults();
    expect(bot.tg.violations).toBe(0);
    const metrics = (await bot.app.runtime.metrics.render()).body;
    expect(metrics).toMatch(/^genbot_telegram_429_total\{method="sendPhoto"\} [1-9]/m);
  });

  it('403 from users who blocked the bot: their jobs end without retries, the others are served', async () => {
    const [blocker, other] = newUsers(2) as [TestUser, TestUser];
    bot.gateway.inject({ route: '/v1/images/generations', delayMs: 500, times: 1 });
    blocker.send('a picture nobody will see');
    await until(() => jobOf(blocker)?.status === 'submitting', 5_000, 'mid-call');
    bot.tg.block(blocker.id);
    other.send('a picture for someone');
    await until(() => jobOf(blocker)?.status === 'done', 15_000, 'blocked job ended');
    expect(getJob(db(), jobOf(blocker).id)?.errorCode).toBe('unreachable');
    // One refused upload (at most a fallback), then never again.
    const attempts = () =>
      bot.tg.calls.filter(
        (c) => c.method.startsWith('send') && Number(c.params.chat_id) === blocker.id,
      ).length;
    const seen = attempts();
    expect(seen).toBeLessThanOrEqual(3);
    await new Promise((r) => setTimeout(r, 1_000));
    expect(attempts()).toBe(seen);
    await allDelivered([other], 'the other user');
  });

  it('400 "message is not modified" on every status edit: results still arrive', async () => {
    bot.tg.failEvery('editMessageText', 1, {
      error_code: 400,
      description:
        'Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message',
    });
    const users = newUsers(4);
    for (const [i, u] of users.entries()) u.send(`unchanged status ${i}`);
    await allDelivered(users, 'not modified');
    bot.tg.clearFaults();
  });

  it('the Bot API server restarts mid-run: polling resumes and every job is delivered once', async () => {
    bot.gateway.inject({ route: '/v1/images/generations', delayMs: 400, times: 6 });
    const users = newUsers(6);
    for (const [i, u] of users.entries()) u.send(`restart picture ${i}`);
    await until(() => users.every((u) => jobOf(u) !== undefined), 10_000, 'jobs queued');
    await bot.tg.restart();
    const late = newUsers(2);
    for (const [i, u] of late.entries()) u.send(`after restart ${i}`);
    await allDelivered([...users, ...late], 'restart');
  });

  it('leaves the books balanced', async () => {
    await bot.app.executor.drain();
    assertBooksBalanced(db());
  });
});
