import { describe, expect, it } from 'vitest';
import { ledger } from '../../../src/db/schema.js';
import { getJob, type JobRow } from '../../../src/jobs/store.js';
import type { TestUser } from '../../fakes/telegram/index.js';
import {
  balanceOf,
  fundedUser,
  jobAppears,
  type MjHarness,
  mjSubmits,
  pump,
  useMjBot,
  waitForResult,
} from './helpers.js';

const refundsOf = (h: MjHarness, jobId: string) =>
  h.bot.app.deps.db
    .select()
    .from(ledger)
    .all()
    .filter((e) => e.jobId === jobId && e.kind === 'refund');

async function imagine(h: MjHarness, user: TestUser, prompt: string): Promise<JobRow> {
  user.send(`/mj ${prompt}`);
  await user.waitFor({ text: /Queued|В очереди/ });
  return jobAppears(h, user.id, (j) => j.kind === 'imagine' && j.params.prompt === prompt);
}

const settle = (h: MjHarness, job: JobRow, status: JobRow['status'], what: string) =>
  pump(h, () => getJob(h.bot.app.deps.db, job.id)?.status === status, { what });

/** Imagines `prompt` and waits until the gateway holds its task. */
async function imagineUpstream(h: MjHarness, user: TestUser, prompt: string) {
  const job = await imagine(h, user, prompt);
  await pump(h, () => !!getJob(h.bot.app.deps.db, job.id)?.upstreamId);
  const task = h.sim.mjTask(getJob(h.bot.app.deps.db, job.id)?.upstreamId ?? '');
  if (!task) throw new Error('no task');
  return { job, task };
}

function expectRefundedOnce(h: MjHarness, user: TestUser, job: JobRow): void {
  expect(balanceOf(h, user.id)).toBe(100);
  expect(refundsOf(h, job.id)).toHaveLength(1);
}

describe('Midjourney failures (bot level)', () => {
  const h = useMjBot({ asyncJobs: { mjDeadlines: { imagine: 60_000 } } });

  it('a banned prompt is refused (code 24) with the word shown, and refunded', async () => {
    const user = fundedUser(h, 100);
    const job = await imagine(h, user, 'a nude statue');
    await settle(h, job, 'failed', 'the refusal');
    const told = await user.waitFor({ text: /forbidden word/ });
    expect(told.message?.text).toContain('“nude”');
    expect(told.message?.text).toMatch(/returned to your balance/);
    expect(getJob(h.bot.app.deps.db, job.id)).toMatchObject({
      errorCode: 'banned_prompt',
      upstreamId: null,
    });
    expectRefundedOnce(h, user, job);
  });

  it.each([
    {
      reason: '[Invalid parameter] Invalid value for --ar: 100:1',
      lang: 'en',
      code: 'mj_invalid_parameter',
      text: 'Midjourney did not accept a parameter of the prompt: Invalid value for --ar: 100:1. Fix it',
    },
    {
      reason:
        '[Banned prompt detected] Sorry! Our AI moderator thinks this prompt is probably against our community standards.',
      lang: 'ru',
      code: 'mj_moderation',
      text: 'Midjourney задержал или отклонил этот запрос по правилам сообщества',
    },
    {
      reason: '[Credits exhausted] You have run out of fast hours',
      lang: 'en',
      code: 'mj_account',
      text: "the service's Midjourney account cannot take jobs right now",
    },
    {
      reason: '[Something new] the sky fell',
      lang: 'en',
      code: 'task_failed',
      text: 'the model could not finish it. Try again, or choose another model in /settings. The model said: “[Something new] the sky fell”.',
    },
  ])('a task that fails with $code is explained ($lang) and refunded once', async (c) => {
    const user = fundedUser(h, 100, c.lang);
    h.sim.failNextMjTask(c.reason);
    const job = await imagine(h, user, `a perfectly fine prompt (${c.code})`);
    await settle(h, job, 'failed', 'the failure');
    const told = await user.waitFor({ text: c.text });
    expect(told.message?.text).toMatch(/returned to your balance|возвращены на баланс/);
    expect(getJob(h.bot.app.deps.db, job.id)?.errorCode).toBe(c.code);
    await pump(h, () => false, { maxSteps: 10 }).catch(() => {});
    expectRefundedOnce(h, user, job);
  });

  it('a task held for review ("Action needed to continue") is explained in the status line, then ends at the deadline, refunded once', async () => {
    const user = fundedUser(h, 100);
    const { job, task } = await imagineUpstream(h, user, 'a held prompt');
    task.heldAs = 'Action needed to continue';
    await pump(
      h,
      () => getJob(h.bot.app.deps.db, job.id)?.progress === 'Action needed to continue',
      {
        what: 'the hold',
      },
    );
    await user.waitFor({
      edit: true,
      text: /Midjourney is holding this prompt for review \(Action needed to continue\)/,
    });
    expect(getJob(h.bot.app.deps.db, job.id)?.status).toBe('running');
    await settle(h, job, 'failed', 'the deadline');
    expect(getJob(h.bot.app.deps.db, job.id)?.errorCode).toBe('deadline');
    expectRefundedOnce(h, user, job);
  });

  it('a task that never finishes fails at the family deadline and is refunded once', async () => {
    const user = fundedUser(h, 100);
    const { job, task } = await imagineUpstream(h, user, 'a never ending story');
    task.neverFinish = true;
    await settle(h, job, 'failed', 'the deadline');
    const failed = getJob(h.bot.app.deps.db, job.id);
    expect(failed?.errorCode).toBe('deadline');
    await user.waitFor({ text: /did not finish in time/ });
    await pump(h, () => false, { maxSteps: 10 }).catch(() => {});
    expectRefundedOnce(h, user, job);
  });

  it('a task the gateway lost (task_no_found) is looked for twice more, then refunded', async () => {
    const user = fundedUser(h, 100);
    h.sim.inject({ route: '/mj/task/list-by-condition', status: 200, body: [], times: 3 });
    const job = await imagine(h, user, 'a vanishing act');
    await settle(h, job, 'failed', 'the lost task');
    expect(getJob(h.bot.app.deps.db, job.id)?.errorCode).toBe('lost_task');
    await user.waitFor({ text: /lost track/ });
    expect(balanceOf(h, user.id)).toBe(100);
  });

  it('without list-by-condition the poller falls back to one fetch per task', async () => {
    const user = fundedUser(h, 100);
    h.sim.inject({
      route: '/mj/task/list-by-condition',
      status: 404,
      body: '404 page not found',
      contentType: 'text/plain',
    });
    const job = await imagine(h, user, 'a fallback cat');
    await settle(h, job, 'done', 'the result');
    await waitForResult(user);
    const upstream = getJob(h.bot.app.deps.db, job.id)?.upstreamId;
    expect(h.sim.requests.some((r) => r.path === `/mj/task/${upstream}/fetch`)).toBe(true);
    expect(balanceOf(h, user.id)).toBe(90);
  });
});

describe('Midjourney queue answers (bot level)', () => {
  // Raw proxy codes (new-api would rewrite 22 to 1): one running slot, one queue place.
  const h = useMjBot({ sim: { mjMode: 'proxy', mjQueue: { coreSize: 1, queueSize: 1 } } });

  it('code 22 (queued) is accepted and delivered; code 23 (queue full) is refunded', async () => {
    const user = fundedUser(h, 100);
    const first = await imagine(h, user, 'first in line');
    const second = await imagine(h, user, 'second in line');
    const third = await imagine(h, user, 'third in line');
    await settle(h, third, 'failed', 'the queue-full refusal');
    expect(getJob(h.bot.app.deps.db, third.id)?.errorCode).toBe('queue_full');
    await user.waitFor({ text: /queue is full/ });
    expect(h.sim.requests.filter((r) => r.path.endsWith('/submit/imagine'))).toHaveLength(3);

    await settle(h, second, 'done', 'the queued one');
    expect(getJob(h.bot.app.deps.db, first.id)?.status).toBe('done');
    expect(mjSubmits(h.sim, 'imagine')).toHaveLength(3);
    // 10 + 10 charged, the refused one refunded.
    expect(balanceOf(h, user.id)).toBe(80);
  });
});
