import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getBalance } from '../../../src/billing/ledger.js';
import type { Db } from '../../../src/db/client.js';
import { ledger } from '../../../src/db/schema.js';
import { GatewayError } from '../../../src/gateway/errors.js';
import type { AsyncFamily, AsyncObservation } from '../../../src/jobs/async-family.js';
import { DEFAULT_BACKOFF, nextPollDelay } from '../../../src/jobs/backoff.js';
import { createJob, type JobRequest } from '../../../src/jobs/lifecycle.js';
import { AsyncPoller, type PollerOptions } from '../../../src/jobs/poller.js';
import { type DueJob, getJob, type JobRow, patchJob, transition } from '../../../src/jobs/store.js';
import { AsyncSubmitter } from '../../../src/jobs/submitter.js';
import { tempDb } from '../../helpers/temp-db.js';
import { addUser, RecordingNotifier, silentLogger } from './harness.js';

const T0 = 1_700_000_000_000;

/** A family whose tasks answer from a script: `script(job, look)` per look at that job. */
class ScriptedFamily implements AsyncFamily {
  readonly family = 'midjourney' as const;
  polls: string[][] = [];
  submits: string[] = [];
  inputs: string[] = [];
  collectFailures = 0;
  looks = new Map<string, number>();
  submitError: Error | undefined;
  /** Thrown by the next submits, one each, before `submitError`. */
  submitErrors: Error[] = [];
  deadline = 10 * 60_000;

  constructor(private readonly script: (job: DueJob, look: number) => AsyncObservation) {}

  deadlineMs(): number {
    return this.deadline;
  }

  async submit(job: JobRow) {
    this.submits.push(job.id);
    const next = this.submitErrors.shift();
    if (next) throw next;
    if (this.submitError) throw this.submitError;
    return { upstreamId: `task-${job.id}` };
  }

  async poll(jobs: readonly DueJob[]): Promise<Map<string, AsyncObservation>> {
    this.polls.push(jobs.map((j) => j.id));
    const out = new Map<string, AsyncObservation>();
    for (const job of jobs) {
      const look = (this.looks.get(job.id) ?? 0) + 1;
      this.looks.set(job.id, look);
      out.set(job.id, this.script(job, look));
    }
    return out;
  }

  async collect(job: JobRow, done: unknown): Promise<Record<string, unknown>> {
    if (this.collectFailures > 0) {
      this.collectFailures--;
      throw new Error('download failed');
    }
    return { taskId: job.upstreamId, done };
  }

  async awaitInput(job: JobRow): Promise<void> {
    this.inputs.push(job.id);
  }
}

const pending = (text: string): AsyncObservation => ({
  state: 'pending',
  progress: { stage: 'running', text },
});

describe('back-off policy', () => {
  it('stays at the minimum while a task moves and grows in proportion to the wait, capped', () => {
    const p = DEFAULT_BACKOFF;
    const mid = () => 0.5;
    expect(nextPollDelay(p, 0, mid)).toBe(p.minMs);
    expect(nextPollDelay(p, 10_000, mid)).toBe(p.minMs);
    expect(nextPollDelay(p, 40_000, mid)).toBe(10_000);
    expect(nextPollDelay(p, 10 * 60_000, mid)).toBe(p.maxMs);
    for (let t = 0; t < 3_600_000; t += 7_000) {
      const d = nextPollDelay(p, t);
      expect(d).toBeGreaterThanOrEqual(p.minMs * (1 - p.jitter / 2));
      expect(d).toBeLessThanOrEqual(p.maxMs * (1 + p.jitter / 2));
    }
  });

  it('jitter spreads equal waits by ± jitter/2', () => {
    const p = DEFAULT_BACKOFF;
    expect(nextPollDelay(p, 0, () => 0)).toBe(Math.round(p.minMs * (1 - p.jitter / 2)));
    expect(nextPollDelay(p, 0, () => 0.999_999)).toBe(Math.round(p.minMs * (1 + p.jitter / 2)));
  });
});

describe('async poller', () => {
  let db: Db;
  let cleanup: () => void;
  let notifier: RecordingNotifier;
  let now: number;

  beforeEach(() => {
    ({ db, cleanup } = tempDb());
    notifier = new RecordingNotifier();
    addUser(db, 1, 1_000);
    addUser(db, 2, 1_000);
    now = T0;
  });
  afterEach(() => cleanup());

  const request = (over: Partial<JobRequest> = {}): JobRequest => ({
    userId: 1,
    chatId: 1,
    family: 'midjourney',
    kind: 'imagine',
    model: 'mj_fast',
    params: { op: 'imagine', prompt: 'a fox', mode: 'fast', botType: 'MID_JOURNEY' },
    price: 10,
    payer: 'balance',
    ...over,
  });

  /** A job already submitted: running with an upstream id, first look due at `now + 3 s`. */
  function runningJob(over: Partial<JobRequest> = {}, deadlineMs = 10 * 60_000): JobRow {
    const created = createJob(db, request(over));
    if (!created.ok) throw new Error('no funds');
    const id = created.job.id;
    transition(db, id, 'queued', 'submitting');
    const job = transition(db, id, 'submitting', 'running', {
      upstreamId: `task-${id}`,
      nextPollAt: now + 3_000,
      deadlineAt: now + deadlineMs,
    });
    if (!job) throw new Error('no transition');
    return job;
  }

  const poller = (family: AsyncFamily, over: Partial<PollerOptions> = {}) =>
    new AsyncPoller({
      db,
      logger: silentLogger,
      notifier,
      families: [family],
      laneOf: (job) => (job.payer === 'own_key' ? `user:${job.userId}` : 'operator'),
      toFailure: () => ({ code: 'unknown' }),
      instanceId: 'p1',
      now: () => now,
      random: () => 0.5,
      ...over,
    });

  /** Runs ticks every `stepMs` of fake time until `until` holds (or `maxMs` passed). */
  async function runUntil(
    p: AsyncPoller,
    until: () => boolean,
    { stepMs = 1_000, maxMs = 30 * 60_000 } = {},
  ): Promise<void> {
    const end = now + maxMs;
    while (!until() && now < end) {
      now += stepMs;
      await p.tick(now);
    }
  }

  it('looks again sooner while progress moves and backs off while it does not', async () => {
    const job = runningJob();
    // 15% for 12 looks, then 46% forever.
    const family = new ScriptedFamily((_j, look) => pending(look <= 12 ? '15%' : '46%'));
    const p = poller(family);
    const lookTimes: number[] = [];
    let looks = 0;
    await runUntil(
      p,
      () => {
        const n = family.looks.get(job.id) ?? 0;
        if (n > looks) {
          looks = n;
          lookTimes.push(now);
        }
        return now >= T0 + 8 * 60_000;
      },
      { stepMs: 500 },
    );
    const gaps = lookTimes.slice(1).map((t, i) => t - (lookTimes[i] as number));
    // Unchanged progress: gaps grow, never beyond the cap, never below the minimum.
    expect(Math.max(...gaps)).toBeLessThanOrEqual(DEFAULT_BACKOFF.maxMs + 500);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(DEFAULT_BACKOFF.minMs);
    expect(gaps.at(-1)).toBeGreaterThanOrEqual(DEFAULT_BACKOFF.maxMs);
    // The change to 46% (13th look) resets the wait to the minimum.
    expect(gaps[12]).toBeLessThanOrEqual(DEFAULT_BACKOFF.minMs + 500);
    expect(gaps[11]).toBeGreaterThan(DEFAULT_BACKOFF.minMs + 500);
    // Progress is shown only when it changed: twice.
    expect(notifier.progressCalls.map((c) => c.progress.text)).toEqual(['15%', '46%']);
    expect(getJob(db, job.id)?.progress).toBe('46%');
    // A naive 3 s loop would have looked ~160 times in those 8 minutes.
    expect(looks).toBeLessThan(60);
  });

  it('delivers a finished task once, stores its result and keeps the charge', async () => {
    const job = runningJob();
    const family = new ScriptedFamily((_j, look) =>
      look < 3 ? pending(`${look * 30}%`) : { state: 'done', done: { url: 'x' } },
    );
    const p = poller(family);
    await runUntil(p, () => notifier.delivered.length > 0);
    await runUntil(p, () => false, { maxMs: 60_000 });
    expect(notifier.delivered.map((j) => j.id)).toEqual([job.id]);
    const done = getJob(db, job.id);
    expect(done?.status).toBe('done');
    expect(done?.result).toMatchObject({ taskId: job.upstreamId, done: { url: 'x' } });
    expect(done?.leaseOwner).toBeNull();
    expect(getBalance(db, 1)).toBe(990);
  });

  it('fails a job past its family deadline, refunds it once and tells the user once', async () => {
    const job = runningJob({}, 5 * 60_000);
    const family = new ScriptedFamily(() => pending('78%'));
    const p = poller(family);
    await runUntil(p, () => getJob(db, job.id)?.status === 'failed');
    const failed = getJob(db, job.id);
    expect(failed?.errorCode).toBe('deadline');
    expect(now - T0).toBeGreaterThanOrEqual(5 * 60_000);
    // No look was scheduled past the deadline: it fails within a tick or two of it.
    expect(now - T0).toBeLessThanOrEqual(5 * 60_000 + 2_000);
    await runUntil(p, () => false, { maxMs: 60_000 });
    expect(notifier.failures).toHaveLength(1);
    expect(notifier.failures[0]?.refunded).toBe(true);
    expect(getBalance(db, 1)).toBe(1_000);
    expect(
      db
        .select()
        .from(ledger)
        .all()
        .filter((e) => e.kind === 'refund'),
    ).toHaveLength(1);
  });

  it('a failed task is refunded with its reason', async () => {
    const job = runningJob();
    const family = new ScriptedFamily(() => ({
      state: 'failed',
      failure: { code: 'task_failed', message: '[Banned prompt] nope' },
    }));
    await runUntil(poller(family), () => getJob(db, job.id)?.status === 'failed');
    expect(getJob(db, job.id)).toMatchObject({
      errorCode: 'task_failed',
      errorMessage: '[Banned prompt] nope',
    });
    expect(getBalance(db, 1)).toBe(1_000);
  });

  it('looks for a task the gateway does not know twice more, then fails it as lost', async () => {
    const job = runningJob();
    const family = new ScriptedFamily(() => ({ state: 'missing' }));
    const p = poller(family);
    await runUntil(p, () => getJob(db, job.id)?.status === 'failed');
    expect(family.looks.get(job.id)).toBe(3);
    expect(getJob(db, job.id)?.errorCode).toBe('lost_task');
    expect(getBalance(db, 1)).toBe(1_000);
  });

  it('a task missing right after submit that then appears is not lost', async () => {
    const job = runningJob();
    const family = new ScriptedFamily((_j, look) =>
      look <= 2 ? { state: 'missing' } : look < 5 ? pending('15%') : { state: 'done', done: 1 },
    );
    await runUntil(poller(family), () => notifier.delivered.length > 0);
    expect(getJob(db, job.id)?.status).toBe('done');
  });

  it('batches by family and gateway key: one poll per lane per tick', async () => {
    const operator = Array.from({ length: 30 }, () => runningJob());
    const own = Array.from({ length: 5 }, () => runningJob({ userId: 2, payer: 'own_key' }));
    const family = new ScriptedFamily(() => pending('15%'));
    const p = poller(family);
    now = T0 + 3_000;
    await p.tick(now);
    expect(family.polls).toHaveLength(2);
    const sizes = family.polls.map((ids) => ids.length).sort((a, b) => a - b);
    expect(sizes).toEqual([own.length, operator.length]);
  });

  it('bounds the work of one tick; the rest is taken next tick, oldest first', async () => {
    for (let i = 0; i < 25; i++) runningJob();
    const family = new ScriptedFamily(() => pending('15%'));
    const p = poller(family, { maxJobsPerTick: 10 });
    now = T0 + 3_000;
    const first = await p.tick(now);
    const second = await p.tick(now);
    const third = await p.tick(now);
    expect([first.claimed, second.claimed, third.claimed]).toEqual([10, 10, 5]);
    expect(new Set(family.polls.flat()).size).toBe(25);
  });

  it('jobs submitted together drift apart instead of being polled in lock-step', async () => {
    for (let i = 0; i < 60; i++) runningJob();
    const family = new ScriptedFamily(() => pending('15%'));
    const p = poller(family, { random: Math.random });
    const perTick: number[] = [];
    for (let t = 0; t < 60; t++) {
      now += 1_000;
      perTick.push((await p.tick(now)).claimed);
    }
    // First look: all at once. A minute later no second carries them all.
    expect(perTick[2]).toBe(60);
    expect(Math.max(...perTick.slice(30))).toBeLessThan(45);
  });

  it('two pollers never look at the same job in one round, and deliver each job once', async () => {
    const all = Array.from({ length: 40 }, () => runningJob());
    const family = new ScriptedFamily((_j, look) =>
      look < 3 ? pending(`${look}0%`) : { state: 'done', done: look },
    );
    const a = poller(family, { instanceId: 'A', maxJobsPerTick: 15 });
    const b = poller(family, { instanceId: 'B', maxJobsPerTick: 15 });
    while (notifier.delivered.length < all.length && now < T0 + 10 * 60_000) {
      now += 1_000;
      const before = family.polls.length;
      await Promise.all([a.tick(now), b.tick(now)]);
      const round = family.polls.slice(before).flat();
      expect(new Set(round).size).toBe(round.length);
    }
    expect(notifier.delivered.map((j) => j.id).sort()).toEqual(all.map((j) => j.id).sort());
    expect(all.every((j) => getJob(db, j.id)?.status === 'done')).toBe(true);
  });

  it('a lease taken by another poller is respected until it expires', async () => {
    const job = runningJob();
    const family = new ScriptedFamily(() => pending('15%'));
    const a = poller(family, { instanceId: 'A', leaseMs: 60_000 });
    const b = poller(family, { instanceId: 'B' });
    now = T0 + 3_000;
    // A claims and "hangs" (simulated: lease written, never released).
    patchJob(db, job.id, { leaseOwner: 'A', leaseUntil: now + 60_000 });
    expect((await b.tick(now)).claimed).toBe(0);
    now += 60_001;
    expect((await b.tick(now)).claimed).toBe(1);
    expect(a).toBeDefined();
  });

  it('after a crash the new process frees dead leases and delivers exactly once', async () => {
    const running = runningJob();
    const delivering = runningJob();
    const family = new ScriptedFamily(() => ({ state: 'done', done: 'ok' }));
    now = T0 + 3_000;
    // The dead process held both; one was mid-delivery.
    patchJob(db, running.id, { leaseOwner: 'dead', leaseUntil: now + 60_000 });
    transition(db, delivering.id, 'running', 'delivering', {
      result: { taskId: 'x' },
      leaseOwner: 'dead',
      leaseUntil: now + 60_000,
    });
    const fresh = poller(family, { instanceId: 'new' });
    expect(fresh.releaseOrphans()).toBe(2);
    await fresh.tick(now);
    await runUntil(fresh, () => false, { maxMs: 30_000 });
    expect(notifier.delivered.map((j) => j.id).sort()).toEqual([running.id, delivering.id].sort());
    expect(getJob(db, running.id)?.status).toBe('done');
    expect(getJob(db, delivering.id)?.status).toBe('done');
  });

  it('a failed delivery is tried again later; too many failures refund the job', async () => {
    const job = runningJob();
    const family = new ScriptedFamily(() => ({ state: 'done', done: 1 }));
    notifier.failDeliveries = 1;
    const p = poller(family);
    await runUntil(p, () => getJob(db, job.id)?.status === 'done', { maxMs: 5 * 60_000 });
    expect(notifier.delivered).toHaveLength(1);

    const other = runningJob();
    notifier.failDeliveries = 100;
    await runUntil(p, () => getJob(db, other.id)?.status === 'failed', { maxMs: 30 * 60_000 });
    expect(getJob(db, other.id)?.errorCode).toBe('delivery_failed');
    expect(getBalance(db, 1)).toBe(990);
  });

  it('a download that keeps failing fails the job; one that recovers delivers', async () => {
    const job = runningJob();
    const family = new ScriptedFamily(() => ({ state: 'done', done: 1 }));
    family.collectFailures = 2;
    const p = poller(family);
    await runUntil(p, () => getJob(db, job.id)?.status === 'done');
    expect(notifier.delivered).toHaveLength(1);
    const other = runningJob();
    family.collectFailures = 10;
    await runUntil(p, () => getJob(db, other.id)?.status === 'failed');
    expect(getBalance(db, 1)).toBe(990);
  });

  it('a task waiting for input is not polled until its deadline', async () => {
    const job = runningJob({}, 4 * 60_000);
    const family = new ScriptedFamily(() => ({ state: 'needs_input', input: { x: 1 } }));
    const p = poller(family);
    await runUntil(p, () => getJob(db, job.id)?.status === 'failed');
    expect(family.inputs).toEqual([job.id]);
    expect(family.looks.get(job.id)).toBe(2); // once to see it, once at the deadline
    expect(getJob(db, job.id)?.errorCode).toBe('deadline');
  });

  it('skips ticks when it is not the leader', async () => {
    runningJob();
    const family = new ScriptedFamily(() => pending('1%'));
    const p = poller(family, { isLeader: () => false });
    now = T0 + 10_000;
    expect((await p.tick(now)).claimed).toBe(0);
    expect(family.polls).toHaveLength(0);
  });

  it('runs on its own loop and stops at a safe point', async () => {
    const job = runningJob();
    now = T0 + 3_000;
    const family = new ScriptedFamily(() => ({ state: 'done', done: 1 }));
    const p = poller(family, { intervalMs: 5 });
    p.start();
    const until = Date.now() + 5_000;
    while (getJob(db, job.id)?.status !== 'done' && Date.now() < until)
      await new Promise((r) => setTimeout(r, 10));
    await p.stop();
    expect(getJob(db, job.id)?.status).toBe('done');
  });
});

describe('async submitter', () => {
  let db: Db;
  let cleanup: () => void;
  let notifier: RecordingNotifier;
  let sleeps: number[];
  const now = T0;

  beforeEach(() => {
    ({ db, cleanup } = tempDb());
    notifier = new RecordingNotifier();
    sleeps = [];
    addUser(db, 1, 100);
  });
  afterEach(() => cleanup());

  const submitter = (family: AsyncFamily, timeoutOf?: (job: JobRow) => number | undefined) =>
    new AsyncSubmitter({
      ...(timeoutOf ? { timeoutOf } : {}),
      db,
      logger: silentLogger,
      notifier,
      families: [family],
      laneOf: () => 'operator',
      toFailure: (err) => ({
        code: err instanceof GatewayError ? err.kind : err instanceof Error ? err.message : '?',
      }),
      instanceId: 's1',
      now: () => now,
      firstPollMs: 3_000,
      concurrency: 4,
      laneConcurrency: 2,
      isTransient: (f) => f.code === 'rate_limited',
      retryDelaysMs: [5, 7],
      sleep: async (ms) => {
        sleeps.push(ms);
      },
    });

  const queued = () => {
    const created = createJob(db, {
      userId: 1,
      chatId: 1,
      family: 'midjourney',
      kind: 'imagine',
      model: 'mj_fast',
      params: {},
      price: 10,
      payer: 'balance',
    });
    if (!created.ok) throw new Error('no funds');
    return created.job;
  };

  /** One queued job handed to a new submitter and drained. */
  const submitOne = async (family: AsyncFamily) => {
    const job = queued();
    const s = submitter(family);
    s.enqueue(job.id);
    await s.drain();
    return { job, s };
  };

  /** The job failed with `errorCode`, its user was told it was refunded, the balance is whole. */
  const expectRefundedFailure = (job: JobRow, errorCode: string) => {
    expect(getJob(db, job.id)).toMatchObject({ status: 'failed', errorCode });
    expect(notifier.failures.map((f) => f.refunded)).toEqual([true]);
    expect(getBalance(db, 1)).toBe(100);
  };

  it('writes submitting before the call, then running with the task id and schedule', async () => {
    const family = new ScriptedFamily(() => pending('1%'));
    const job = queued();
    const s = submitter(family);
    s.enqueue(job.id);
    s.enqueue(job.id);
    await s.drain();
    expect(family.submits).toEqual([job.id]);
    expect(getJob(db, job.id)).toMatchObject({
      status: 'running',
      upstreamId: `task-${job.id}`,
      nextPollAt: now + 3_000,
      deadlineAt: now + family.deadline,
      attempts: 1,
      leaseOwner: null,
    });
  });

  it('a model’s own timeout from the catalog sets the deadline instead of the family’s', async () => {
    const family = new ScriptedFamily(() => pending('1%'));
    const slow = queued();
    const usual = queued();
    const s = submitter(family, (job) => (job.id === slow.id ? 3_600_000 : undefined));
    s.enqueue(slow.id);
    s.enqueue(usual.id);
    await s.drain();
    expect(getJob(db, slow.id)?.deadlineAt).toBe(now + 3_600_000);
    expect(getJob(db, usual.id)?.deadlineAt).toBe(now + family.deadline);
  });

  it('a refused submit fails the job and refunds it, without a second try', async () => {
    const family = new ScriptedFamily(() => pending('1%'));
    family.submitError = new Error('queue_full');
    const { job, s } = await submitOne(family);
    s.sweepQueued();
    await s.drain();
    expect(family.submits).toEqual([job.id]);
    expectRefundedFailure(job, 'queue_full');
  });

  it('a 429 is tried again after each planned pause (or a longer Retry-After), then runs', async () => {
    const family = new ScriptedFamily(() => pending('1%'));
    family.submitErrors = [
      new Error('rate_limited'),
      new GatewayError('rate_limited', 'slow down', { retryAfterSec: 3 }),
    ];
    const { job } = await submitOne(family);
    expect(family.submits).toEqual([job.id, job.id, job.id]);
    expect(sleeps).toEqual([5, 3_000]);
    expect(getJob(db, job.id)?.status).toBe('running');
    expect(getBalance(db, 1)).toBe(90);
  });

  it('refusals past the planned retries fail the job, refunded once', async () => {
    const family = new ScriptedFamily(() => pending('1%'));
    family.submitError = new Error('rate_limited');
    const { job } = await submitOne(family);
    expect(family.submits).toHaveLength(3);
    expectRefundedFailure(job, 'rate_limited');
  });

  it('picks up queued jobs after a restart', async () => {
    const family = new ScriptedFamily(() => pending('1%'));
    const a = queued();
    const b = queued();
    const s = submitter(family);
    expect(s.sweepQueued()).toBe(2);
    await s.drain();
    expect(family.submits.sort()).toEqual([a.id, b.id].sort());
  });
});
