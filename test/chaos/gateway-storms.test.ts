import type { Message } from 'grammy/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getJob, type JobRow, listUserJobs } from '../../src/jobs/store.js';
import type { FaultPreset } from '../fakes/gateway-sim/index.js';
import type { TestUser } from '../fakes/telegram/index.js';
import { startTestBot, type TestBot } from '../helpers/bot-harness.js';
import { assertBooksBalanced, fund, jobLedger, until } from './helpers.js';

const FINAL = /❌|⚠️|restarted/;

/**
 * The gateway misbehaves in every way the protocol notes list; the bot keeps answering, every
 * job ends (done, or failed and refunded exactly once) and the user always hears how it ended.
 * Timings are scaled: "503 for a minute" is a few seconds against retry pauses of 100–200 ms.
 */
describe('chaos: gateway storms (bot level)', () => {
  let bot: TestBot;
  const db = () => bot.app.deps.db;

  beforeAll(async () => {
    bot = await startTestBot({
      env: { GATEWAY_TIMEOUT_MS: '1000', GENERATION_RATE_PER_MINUTE: '1000' },
      app: { executor: { retryDelaysMs: [100, 200], heartbeatMs: 200, shutdownGraceMs: 200 } },
    });
  });
  afterAll(async () => {
    await bot.close();
  });

  const newUser = () => {
    const user = bot.tg.user({ language_code: 'en' });
    fund(db(), user.id, 100);
    return user;
  };
  const jobOf = (user: TestUser) => listUserJobs(db(), user.id, 1)[0] as JobRow;
  const settled = (user: TestUser) => {
    const job = listUserJobs(db(), user.id, 1)[0];
    return job !== undefined && (job.status === 'done' || job.status === 'failed');
  };

  /** Done and charged once, or failed and refunded once; the user told either way. */
  async function expectEnded(user: TestUser): Promise<JobRow> {
    await until(() => settled(user), 20_000, `job of ${user.id} settled`);
    const job = getJob(db(), jobOf(user).id) as JobRow;
    const kinds = jobLedger(db(), job.id)
      .map((e) => e.kind)
      .sort();
    if (job.status === 'done') {
      expect(kinds).toEqual(['charge']);
      await user.waitFor({ photo: true }, { timeoutMs: 10_000 });
    } else {
      expect(kinds).toEqual(['charge', 'refund']);
      await user.waitFor({ text: FINAL }, { timeoutMs: 10_000 });
    }
    return job;
  }

  it('503 on every call for a (scaled) minute: jobs in the storm fail and are refunded, the bot keeps answering, later jobs work', async () => {
    bot.gateway.inject({ route: '/v1/images/generations', preset: 'no-channel', times: Infinity });
    const inStorm = Array.from({ length: 6 }, newUser);
    for (const [i, u] of inStorm.entries()) u.send(`storm picture ${i}`);
    // Interactive commands do not wait for the gateway.
    const visitor = bot.tg.user({ first_name: 'Vic', language_code: 'en' });
    visitor.send('/start');
    await visitor.waitFor({ text: /Hi, Vic/ }, { timeoutMs: 5_000 });
    await new Promise((r) => setTimeout(r, 2_000));
    bot.gateway.clearFaults();
    const after = Array.from({ length: 3 }, newUser);
    for (const [i, u] of after.entries()) u.send(`calm picture ${i}`);
    const ended = await Promise.all(inStorm.map(expectEnded));
    expect(ended.every((j) => j.status === 'failed')).toBe(true);
    const calm = await Promise.all(after.map(expectEnded));
    expect(calm.every((j) => j.status === 'done')).toBe(true);
  });

  it('429 with an empty body: the call is tried again and succeeds', async () => {
    bot.gateway.inject({ route: '/v1/images/generations', preset: 'rate-limit-empty', times: 2 });
    const user = newUser();
    user.send('busy lane picture');
    expect((await expectEnded(user)).status).toBe('done');
  });

  it('a call that hangs past the timeout fails, is refunded once and explained', async () => {
    bot.gateway.inject({ route: '/v1/images/generations', hang: true, times: 1 });
    const user = newUser();
    user.send('hanging picture');
    const job = await expectEnded(user);
    expect(job.status).toBe('failed');
    expect(job.errorCode).toMatch(/timeout/);
  });

  it.each<FaultPreset>(['malformed-json', 'html-502', 'html-504'])(
    '%s answers end the job cleanly (done after a retry, or refunded)',
    async (preset) => {
      bot.gateway.inject({ route: '/v1/images/generations', preset, times: 1 });
      const user = newUser();
      user.send(`picture through ${preset}`);
      await expectEnded(user);
    },
  );

  it('Midjourney polls failing with HTML error pages for a while: the job still ends once, charged once', async () => {
    const user = newUser();
    bot.gateway.inject({ route: /^\/mj\/task\//, preset: 'html-502', times: Infinity });
    user.send('/mj a lighthouse in the storm');
    await until(() => Boolean(jobOf(user)?.upstreamId), 10_000, 'MJ submitted');
    await new Promise((r) => setTimeout(r, 2_500));
    bot.gateway.clearFaults();
    await until(() => settled(user), 60_000, 'MJ job settled');
    const job = getJob(db(), jobOf(user).id) as JobRow;
    expect(job.status).toBe('done');
    expect(jobLedger(db(), job.id).map((e) => e.kind)).toEqual(['charge']);
    const grids = bot.tg.calls.filter(
      (c) =>
        c.method === 'sendPhoto' &&
        Number(c.params.chat_id) === user.id &&
        String(c.params.caption ?? '').includes('lighthouse'),
    );
    expect(grids).toHaveLength(1);
  });

  it.each([
    ['Midjourney', /\/mj\/submit\/imagine$/, '/mj a harbour at rush hour'],
    ['video', /^\/v1\/video\/generations$/, '/video a harbour at rush hour'],
  ])(
    'a 429 on a %s submit is tried again: the task is made once, charged once',
    async (_, route, text) => {
      const before = bot.gateway.requests.length;
      bot.gateway.inject({ route, method: 'POST', preset: 'rate-limit-json', times: 2 });
      const user = newUser();
      user.send(text);
      if (text.startsWith('/video')) {
        const screen = await user.waitFor({ button: /Generate/ });
        await user.press(screen.message as Message, /Generate/);
      }
      await until(() => Boolean(jobOf(user)?.upstreamId), 10_000, 'submitted after the 429s');
      const submits = bot.gateway.requests
        .slice(before)
        .filter((r) => r.method === 'POST' && route.test(r.path));
      expect(submits).toHaveLength(3);
      await until(() => settled(user), 30_000, 'job settled');
      const job = getJob(db(), jobOf(user).id) as JobRow;
      expect(job.status).toBe('done');
      expect(jobLedger(db(), job.id).map((e) => e.kind)).toEqual(['charge']);
    },
  );

  it('leaves the books balanced and counts errors by class', async () => {
    await bot.app.executor.drain();
    assertBooksBalanced(db());
    const metrics = (await bot.app.runtime.metrics.render()).body;
    expect(metrics).toMatch(
      /genbot_gateway_errors_total\{route="[^"]*images[^"]*",class="[a-z_]+"\} [1-9]/,
    );
  });
});
