import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getJob, jobsInStatus } from '../../../src/jobs/store.js';
import { startTestBot, type TestBot, useTestBot } from '../../helpers/bot-harness.js';
import { balanceOf, fund, generationCalls, until, waitForJob } from './helpers.js';

describe('restarts: interrupted and undelivered jobs (bot level)', () => {
  let first: TestBot;
  let second: TestBot | undefined;
  let third: TestBot | undefined;
  beforeAll(async () => {
    first = await startTestBot({ app: { executor: { shutdownGraceMs: 100 } } });
  });
  afterAll(async () => {
    await third?.close();
    await first.tg.close();
    await first.gateway.close();
    fs.rmSync(first.dataDir, { recursive: true, force: true });
  });

  it('a call interrupted by a stop is failed and refunded, the user told; a job stuck in delivering is delivered after the restart', async () => {
    const interrupted = first.tg.user({ language_code: 'en' });
    const undelivered = first.tg.user({ language_code: 'en' });
    fund(first.app, interrupted.id, 100);
    fund(first.app, undelivered.id, 100);

    // Delivery refused once (not a photo problem, not a 5xx that auto-retry repeats).
    first.tg.failNext('sendPhoto', {
      error_code: 400,
      description: 'Bad Request: not enough rights to send photos to the chat',
    });
    undelivered.send('a parcel');
    const stuck = await waitForJob(
      first.app,
      undelivered.id,
      (j) => j.status === 'delivering' && j.attempts > 0,
    );
    expect(stuck.result?.files).toHaveLength(1);

    first.gateway.inject({ route: '/v1/images/generations', hang: true });
    interrupted.send('a long story');
    await interrupted.waitFor({ edit: true, text: /Generating/ });
    const job = await waitForJob(first.app, interrupted.id, (j) => j.status === 'submitting');
    expect(balanceOf(first.app, interrupted.id)).toBe(97);

    await first.stopBot();
    const told = await interrupted.waitFor({ text: /restarted while it was working/ });
    expect(told.message?.text).toContain('returned to your balance');

    second = await startTestBot({
      reuse: { tg: first.tg, gateway: first.gateway, dataDir: first.dataDir },
    });
    const failed = getJob(second.app.deps.db, job.id);
    expect(failed?.status).toBe('failed');
    expect(failed?.errorCode).toBe('interrupted');
    expect(balanceOf(second.app, interrupted.id)).toBe(100);

    // Recovery at start delivered the stored result without calling the gateway again.
    const photo = await undelivered.waitFor({ photo: true, text: /a parcel/ });
    expect(photo.message?.reply_markup?.inline_keyboard.flat()).toHaveLength(3);
    const restartedDb = second.app.deps.db;
    await until(
      () => getJob(restartedDb, stuck.id)?.status === 'done',
      5_000,
      'delivered job done',
    );
    expect(balanceOf(second.app, undelivered.id)).toBe(97);
    expect(
      first.gateway.requests.filter((r) => (r.body as { prompt?: string })?.prompt === 'a parcel'),
    ).toHaveLength(1);

    // And the bot works as before.
    interrupted.send('a short story');
    await interrupted.waitFor({ photo: true, text: /a short story/ });
  });

  it('a crash mid-call leaves the job in submitting: the next start fails it, refunds and tells the user', async () => {
    const crashing = second as TestBot;
    const user = crashing.tg.user({ language_code: 'ru' });
    fund(crashing.app, user.id, 100);
    crashing.gateway.inject({ route: '/v1/images/generations', hang: true });
    user.send('лунный свет');
    await user.waitFor({ edit: true, text: /Генерирую/ });
    const job = await waitForJob(crashing.app, user.id, (j) => j.status === 'submitting');
    await crashing.crashBot();

    third = await startTestBot({
      reuse: { tg: crashing.tg, gateway: crashing.gateway, dataDir: crashing.dataDir },
    });
    const told = await user.waitFor({ text: /перезапустился во время работы/ });
    expect(told.message?.text).toContain('возвращены на баланс');
    const failed = getJob(third.app.deps.db, job.id);
    expect(failed?.status).toBe('failed');
    expect(failed?.errorCode).toBe('interrupted');
    expect(balanceOf(third.app, user.id)).toBe(100);
    // The status message was turned into the failure, not left saying "generating".
    expect(told.call.method).toBe('editMessageText');
  });
});

describe('a slow gateway never blocks the bot (bot level)', () => {
  const bot = useTestBot({
    env: { JOB_CONCURRENCY: '64', KEY_CONCURRENCY: '64' },
    // A manual clock holds every image call until advance(): as slow as the test needs.
    gateway: { manualClock: true, timings: { imageLatencyMs: 60_000 } },
  });

  it('while 50 generations are in flight, another user’s /start is answered at once', async () => {
    const { db } = bot.app.deps;
    const visitor = bot.tg.user({ first_name: 'Vera', language_code: 'en' });
    const greet = async () => {
      const t0 = Date.now();
      visitor.send('/start');
      await visitor.waitFor({ text: /Hi, Vera/ }, { timeoutMs: 10_000 });
      return Date.now() - t0;
    };
    const idle = await greet();

    const users = Array.from({ length: 50 }, () => {
      const u = bot.tg.user({ language_code: 'en' });
      fund(bot.app, u.id, 100);
      return u;
    });
    for (const [i, u] of users.entries()) u.send(`/imagine busy picture ${i}`);
    // Every handler answered (status message recorded) and every call reached the gateway,
    // which holds them all. Polled in the database: 50 chat waiters would cost the stand-in
    // more than the bot.
    await until(
      () => {
        const live = jobsInStatus(db, ['submitting']);
        return live.length === 50 && live.every((j) => j.statusMessageId !== null);
      },
      20_000,
      '50 calls in flight',
    );
    await until(
      () => generationCalls(bot.gateway).length === 50,
      5_000,
      'the gateway to hold 50 calls',
    );

    const latencies: number[] = [];
    for (let i = 0; i < 5; i++) latencies.push(await greet());
    // Answered while all 50 calls were still held: nothing waited for the gateway.
    expect(jobsInStatus(db, ['submitting'])).toHaveLength(50);
    expect(jobsInStatus(db, ['delivering', 'done'])).toHaveLength(0);
    // Generous for a loaded CI machine; the benchmark measures the real figures.
    expect(Math.max(...latencies), `idle ${idle} ms, busy ${latencies.join(', ')} ms`).toBeLessThan(
      idle + 1_000,
    );

    bot.gateway.advance(60_000);
    await until(() => jobsInStatus(db, ['done']).length === 50, 20_000, 'all 50 delivered');
  });
});
