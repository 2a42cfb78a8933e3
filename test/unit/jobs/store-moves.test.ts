import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../src/db/client.js';
import { claimDue, getJob, moveJob, transition } from '../../../src/jobs/store.js';
import { tempDb } from '../../helpers/temp-db.js';
import { addUser, queuedJobId } from './harness.js';

describe('job store: status moves and claims', () => {
  let db: Db;
  let cleanup: () => void;
  beforeEach(() => {
    ({ db, cleanup } = tempDb());
    addUser(db, 1, 1_000);
  });
  afterEach(() => cleanup());

  const queuedJob = () =>
    queuedJobId(db, {
      userId: 1,
      chatId: 1,
      family: 'midjourney',
      kind: 'imagine',
      model: 'mj_fast',
      params: { op: 'imagine', prompt: 'a fox', mode: 'fast', botType: 'MID_JOURNEY' },
      price: 10,
      payer: 'balance',
    });

  it('moveJob moves like transition, reports whether it did, and keeps the state machine', () => {
    const id = queuedJob();
    expect(moveJob(db, id, 'queued', 'submitting', {}, 5)).toBe(true);
    expect(moveJob(db, id, 'queued', 'submitting')).toBe(false);
    expect(() => moveJob(db, id, 'queued', 'done')).toThrow(/illegal/);
    expect(moveJob(db, id, ['queued', 'submitting'], 'failed', { errorCode: 'x' }, 9)).toBe(true);
    expect(getJob(db, id)).toMatchObject({
      status: 'failed',
      errorCode: 'x',
      finishedAt: 9,
      updatedAt: 9,
      leaseOwner: null,
    });
  });

  it('claimDue leases due running jobs and returns only what polling needs', () => {
    const id = queuedJob();
    transition(db, id, 'queued', 'submitting');
    transition(db, id, 'submitting', 'running', {
      upstreamId: 'task-1',
      nextPollAt: 100,
      deadlineAt: 1_000,
    });
    expect(claimDue(db, { owner: 'p', now: 50, leaseMs: 10, limit: 5 })).toEqual([]);
    expect(claimDue(db, { owner: 'p', now: 100, leaseMs: 10, limit: 5 })).toEqual([
      {
        id,
        userId: 1,
        payer: 'balance',
        family: 'midjourney',
        kind: 'imagine',
        upstreamId: 'task-1',
        progress: null,
        nextPollAt: 100,
        deadlineAt: 1_000,
      },
    ]);
    // Leased: not claimed again until the lease runs out.
    expect(claimDue(db, { owner: 'q', now: 105, leaseMs: 10, limit: 5 })).toEqual([]);
    expect(getJob(db, id)).toMatchObject({ leaseOwner: 'p', leaseUntil: 110 });
  });
});
