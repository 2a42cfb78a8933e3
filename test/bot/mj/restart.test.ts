import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { jobs, ledger } from '../../../src/db/schema.js';
import { getJob, patchJob } from '../../../src/jobs/store.js';
import type { TestUser } from '../../fakes/telegram/index.js';
import { balanceOf, fundedUser, jobAppears, pump, useMjBot, waitForResult } from './helpers.js';

describe('Midjourney across restarts (bot level)', () => {
  // Slower steps, so the task is still running when the bot goes down.
  const h = useMjBot({ sim: { timings: { mjStepMs: 10_000 } } });

  const db = () => h.bot.app.deps.db;

  /** Result messages sent to the user (photos with the result caption). */
  const results = (user: TestUser) =>
    h.tg.calls.filter(
      (c) =>
        c.method === 'sendPhoto' &&
        Number(c.params.chat_id) === user.id &&
        String(c.params.caption ?? '').includes('Midjourney (fast)'),
    );

  async function startImagine(user: TestUser, prompt: string) {
    user.send(`/mj ${prompt}`);
    const job = await jobAppears(h, user.id, (j) => j.params.prompt === prompt);
    // Polled until Midjourney reports progress: the restart happens mid-poll.
    await pump(h, () => /%/.test(getJob(db(), job.id)?.progress ?? ''), { what: 'progress' });
    return job;
  }

  it('stopped and started again mid-poll: the result arrives exactly once', async () => {
    const user = fundedUser(h, 100);
    const job = await startImagine(user, 'a clock tower');
    expect(getJob(db(), job.id)?.status).toBe('running');
    await h.restart();
    await pump(h, () => getJob(db(), job.id)?.status === 'done', { what: 'the result' });
    await waitForResult(user);
    await pump(h, () => false, { maxSteps: 30 }).catch(() => {});
    expect(results(user)).toHaveLength(1);
    expect(balanceOf(h, user.id)).toBe(90);
  });

  it('killed while holding the lease: the next process takes the job at once', async () => {
    const user = fundedUser(h, 100);
    const job = await startImagine(user, 'a harbour at night');
    // The dead process's lease would block others for minutes.
    patchJob(db(), job.id, { leaseOwner: 'dead-instance', leaseUntil: h.sim.now() + 3_600_000 });
    await h.restart();
    expect(getJob(db(), job.id)?.leaseOwner).toBeNull();
    await pump(h, () => getJob(db(), job.id)?.status === 'done', { what: 'the result' });
    await waitForResult(user);
    await pump(h, () => false, { maxSteps: 30 }).catch(() => {});
    expect(results(user)).toHaveLength(1);
    expect(
      db()
        .select()
        .from(ledger)
        .all()
        .filter((e) => e.jobId === job.id),
    ).toHaveLength(1);
  });

  it('the task finished while the bot was down: delivered once when it is back', async () => {
    const user = fundedUser(h, 100);
    const job = await startImagine(user, 'a windmill');
    await h.bot.stopBot();
    h.sim.advance(120_000);
    const before = results(user).length;
    await h.restart();
    await pump(h, () => getJob(db(), job.id)?.status === 'done', { what: 'delivery' });
    await waitForResult(user);
    await pump(h, () => false, { maxSteps: 30 }).catch(() => {});
    expect(results(user).length - before).toBe(1);
    expect(balanceOf(h, user.id)).toBe(90);
  });

  it('a job left in delivering by a dead process is delivered once, not polled again', async () => {
    const user = fundedUser(h, 100);
    const job = await startImagine(user, 'a lighthouse keeper');
    await pump(h, () => getJob(db(), job.id)?.status === 'done', { what: 'the first result' });
    await waitForResult(user);
    // Rewind it to what a crash between storing the result and sending it leaves behind.
    db()
      .update(jobs)
      .set({ status: 'delivering', leaseOwner: 'dead', leaseUntil: h.sim.now() + 3_600_000 })
      .where(eq(jobs.id, job.id))
      .run();
    const polls = h.sim.requests.filter((r) => r.path === '/mj/task/list-by-condition').length;
    const sent = results(user).length;
    await h.restart();
    await pump(h, () => getJob(db(), job.id)?.status === 'done', { what: 'redelivery' });
    await pump(h, () => false, { maxSteps: 20 }).catch(() => {});
    expect(results(user).length - sent).toBe(1);
    expect(h.sim.requests.filter((r) => r.path === '/mj/task/list-by-condition').length).toBe(
      polls,
    );
  });
});
