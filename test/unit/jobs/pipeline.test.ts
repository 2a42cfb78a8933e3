import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getBalance } from '../../../src/billing/ledger.js';
import type { Db } from '../../../src/db/client.js';
import { ledger } from '../../../src/db/schema.js';
import { type ExecutorOptions, SyncExecutor, type SyncRunner } from '../../../src/jobs/executor.js';
import { cancelJob, createJob, failJob, type JobRequest } from '../../../src/jobs/lifecycle.js';
import { recoverJobs } from '../../../src/jobs/recovery.js';
import type { ResultStore } from '../../../src/jobs/result-store.js';
import { getJob, transition } from '../../../src/jobs/store.js';
import { tempDb } from '../../helpers/temp-db.js';
import { addUser, RecordingNotifier, silentLogger, tempResults } from './harness.js';

const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489',
  'hex',
);

class Refused extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}

const request = (over: Partial<JobRequest> = {}): JobRequest => ({
  userId: 1,
  chatId: 1,
  family: 'image',
  kind: 'generate',
  model: 'flux-pro',
  params: { prompt: 'a fox' },
  price: 30,
  payer: 'balance',
  ...over,
});

describe('job pipeline', () => {
  let db: Db;
  let cleanupDb: () => void;
  let results: ResultStore;
  let cleanupResults: () => void;
  let notifier: RecordingNotifier;

  beforeEach(() => {
    ({ db, cleanup: cleanupDb } = tempDb());
    ({ results, cleanup: cleanupResults } = tempResults());
    notifier = new RecordingNotifier();
    addUser(db, 1, 100);
  });
  afterEach(() => {
    cleanupDb();
    cleanupResults();
  });

  const executor = (runner: SyncRunner, over: Partial<ExecutorOptions> = {}) =>
    new SyncExecutor({
      db,
      logger: silentLogger,
      notifier,
      results,
      runners: { image: runner },
      openResult: async () => ({ stream: Readable.from([PNG]), mime: 'image/png' }),
      laneOf: (job) => (job.payer === 'own_key' ? `user:${job.userId}` : 'operator'),
      toFailure: (err) => ({ code: err instanceof Refused ? err.code : 'unknown' }),
      isTransient: (f) => f.code === 'rate_limited',
      concurrency: 4,
      laneConcurrency: 2,
      maxResultBytes: 1024 * 1024,
      resultBudgetBytes: 1024 * 1024,
      downloadTimeoutMs: 5_000,
      instanceId: 'test',
      retryDelaysMs: [1, 1],
      sleep: async () => {},
      ...over,
    });

  it('creates the job and reserves its price in one step; a short balance writes nothing', () => {
    const created = createJob(db, request({ price: 30 }));
    expect(created.ok).toBe(true);
    expect(getBalance(db, 1)).toBe(70);
    const refused = createJob(db, request({ price: 500 }));
    expect(refused).toEqual({ ok: false, reason: 'insufficient_funds', balance: 70, price: 500 });
    expect(db.select().from(ledger).all()).toHaveLength(2); // the top-up and one charge
  });

  it('runs a job to done, storing the files before delivery', async () => {
    const created = createJob(db, request());
    if (!created.ok) throw new Error('not created');
    const ex = executor(async () => ({
      files: [
        { kind: 'bytes', data: PNG, mime: 'image/png' },
        { kind: 'url', url: 'http://x/1.png' },
      ],
    }));
    ex.enqueue(created.job.id);
    await ex.drain();
    const done = getJob(db, created.job.id);
    expect(done?.status).toBe('done');
    expect(notifier.delivered).toHaveLength(1);
    const files = notifier.delivered[0]?.result?.files as Array<{ path: string; size: number }>;
    expect(files).toHaveLength(2);
    expect(files.every((f) => f.size === PNG.length)).toBe(true);
    expect(done?.result?.messageIds).toEqual([1]);
    expect(getBalance(db, 1)).toBe(70);
  });

  it('fails and refunds exactly once, and tells the user', async () => {
    const created = createJob(db, request());
    if (!created.ok) throw new Error('not created');
    const ex = executor(async () => {
      throw new Refused('content_policy');
    });
    ex.enqueue(created.job.id);
    await ex.drain();
    expect(getJob(db, created.job.id)?.status).toBe('failed');
    expect(getJob(db, created.job.id)?.errorCode).toBe('content_policy');
    expect(getBalance(db, 1)).toBe(100);
    expect(notifier.failures).toEqual([expect.objectContaining({ refunded: true })]);
    // A second failure path racing the first changes nothing.
    expect(
      failJob(db, created.job.id, ['submitting', 'delivering'], { code: 'timeout' }),
    ).toBeUndefined();
    expect(getBalance(db, 1)).toBe(100);
  });

  it('tries again after a transient refusal, then gives up with a refund', async () => {
    const created = createJob(db, request());
    if (!created.ok) throw new Error('not created');
    let calls = 0;
    const ex = executor(async () => {
      calls++;
      throw new Refused('rate_limited');
    });
    ex.enqueue(created.job.id);
    await ex.drain();
    expect(calls).toBe(3);
    expect(getJob(db, created.job.id)?.errorCode).toBe('rate_limited');
    expect(getBalance(db, 1)).toBe(100);
  });

  it('bounds concurrency globally and per gateway key', async () => {
    addUser(db, 2, 0);
    let active = 0;
    let peak = 0;
    const perLane = new Map<string, number>();
    let lanePeak = 0;
    const ex = executor(async (job) => {
      const lane = job.payer === 'own_key' ? `user:${job.userId}` : 'operator';
      active++;
      perLane.set(lane, (perLane.get(lane) ?? 0) + 1);
      peak = Math.max(peak, active);
      lanePeak = Math.max(lanePeak, perLane.get(lane) ?? 0);
      await new Promise((r) => setTimeout(r, 5));
      active--;
      perLane.set(lane, (perLane.get(lane) ?? 1) - 1);
      return { files: [{ kind: 'bytes', data: PNG, mime: 'image/png' }] };
    });
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) {
      const c = createJob(
        db,
        i % 2 ? request({ price: 1 }) : request({ userId: 2, payer: 'own_key' }),
      );
      if (c.ok) ids.push(c.job.id);
    }
    for (const id of ids) ex.enqueue(id);
    await ex.drain();
    expect(ids.map((id) => getJob(db, id)?.status)).toEqual(ids.map(() => 'done'));
    expect(peak).toBeLessThanOrEqual(4);
    expect(lanePeak).toBe(2);
  });

  it('lets the owner cancel a queued job with a refund, but not someone else', () => {
    const created = createJob(db, request());
    if (!created.ok) throw new Error('not created');
    expect(cancelJob(db, created.job.id, 999)).toBeUndefined();
    expect(cancelJob(db, created.job.id, 1)?.status).toBe('cancelled');
    expect(getBalance(db, 1)).toBe(100);
    expect(cancelJob(db, created.job.id, 1)).toBeUndefined();
  });

  it('retries a failed delivery, and refunds when it never gets through', async () => {
    const created = createJob(db, request());
    if (!created.ok) throw new Error('not created');
    notifier.failDeliveries = 10;
    const ex = executor(
      async () => ({ files: [{ kind: 'bytes', data: PNG, mime: 'image/png' }] }),
      {
        maxDeliveryAttempts: 3,
      },
    );
    ex.enqueue(created.job.id);
    await ex.drain();
    expect(getJob(db, created.job.id)?.status).toBe('delivering');
    ex.sweepDelivering(Date.now() + 3_600_000);
    await ex.drain();
    ex.sweepDelivering(Date.now() + 3_600_000);
    await ex.drain();
    expect(getJob(db, created.job.id)?.status).toBe('failed');
    expect(getJob(db, created.job.id)?.errorCode).toBe('delivery_failed');
    expect(getBalance(db, 1)).toBe(100);
  });

  it('recovers after a crash: mid-call refunds, delivering delivers again, queued runs', async () => {
    const midCall = createJob(db, request());
    const delivering = createJob(db, request());
    const queued = createJob(db, request());
    if (!midCall.ok || !delivering.ok || !queued.ok) throw new Error('not created');
    transition(db, midCall.job.id, 'queued', 'submitting');
    transition(db, delivering.job.id, 'queued', 'submitting');
    const file = await results.save(delivering.job.id, 0, PNG, 'image/png');
    transition(db, delivering.job.id, 'submitting', 'delivering', { result: { files: [file] } });
    expect(getBalance(db, 1)).toBe(10);

    const ex = executor(async () => ({ files: [{ kind: 'bytes', data: PNG, mime: 'image/png' }] }));
    const report = await recoverJobs({ db, logger: silentLogger, notifier, executor: ex });
    await ex.drain();
    expect(report).toEqual({ requeued: 1, refunded: 1, redelivered: 1, resumed: 0 });
    expect(getJob(db, midCall.job.id)?.status).toBe('failed');
    expect(getJob(db, midCall.job.id)?.errorCode).toBe('interrupted');
    expect(getJob(db, delivering.job.id)?.status).toBe('done');
    expect(getJob(db, queued.job.id)?.status).toBe('done');
    expect(getBalance(db, 1)).toBe(40);
  });

  it('recovery resumes an async job once, and only when its lease holder is gone', async () => {
    const held = createJob(db, request({ family: 'midjourney', kind: 'imagine' }));
    const free = createJob(db, request({ family: 'midjourney', kind: 'imagine' }));
    if (!held.ok || !free.ok) throw new Error('not created');
    for (const [job, owner] of [
      [held.job, 'dead'],
      [free.job, null],
    ] as const) {
      transition(db, job.id, 'queued', 'submitting');
      transition(db, job.id, 'submitting', 'running', {
        upstreamId: `task-${job.id}`,
        nextPollAt: Date.now() + 60_000,
        leaseOwner: owner,
        leaseUntil: owner ? Date.now() + 600_000 : null,
      });
    }
    const ex = executor(async () => ({ files: [] }));
    // As the Redis sweep asks: leased by an instance no longer alive (a free job is nobody's).
    const dead = (job: { leaseOwner: string | null }) => job.leaseOwner === 'dead';
    const deps = { db, logger: silentLogger, notifier, executor: ex };
    expect((await recoverJobs(deps, dead)).resumed).toBe(1);
    const resumed = getJob(db, held.job.id);
    expect(resumed?.leaseOwner).toBeNull();
    // Its poll time is kept: the poller looks when it was due anyway.
    expect(resumed?.nextPollAt ?? 0).toBeGreaterThan(Date.now());
    // The next sweep finds nothing to resume: the job is the poller's again.
    expect((await recoverJobs(deps, dead)).resumed).toBe(0);
  });
});
