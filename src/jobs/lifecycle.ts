import { refundJob, reserveForJob } from '../billing/ledger.js';
import type { Db } from '../db/client.js';
import type { JobFamily, JobStatus } from '../db/schema.js';
import { newJobId } from './ids.js';
import { getJob, getJobByStartKey, insertJob, type JobRow, patchJob, transition } from './store.js';

export interface JobRequest {
  userId: number;
  chatId: number;
  family: JobFamily;
  kind: string;
  model: string;
  params: Record<string, unknown>;
  price: number;
  payer: 'balance' | 'own_key';
  parentJobId?: string;
  replyToMessageId?: number;
  deadlineAt?: number;
  /** What started it in Telegram (see jobs.startKey): a second start with it finds this job. */
  startKey?: string;
}

export type CreateJobResult =
  /** `existing`: the start key had started this job before; nothing was reserved again. */
  | { ok: true; job: JobRow; existing?: true }
  | { ok: false; reason: 'insufficient_funds'; balance: number; price: number };

/**
 * Inserts the job and reserves its price in one transaction: a job never exists without its
 * charge, and a charge never exists without its job.
 */
export function createJob(db: Db, request: JobRequest): CreateJobResult {
  const id = newJobId();
  const price = request.payer === 'balance' ? request.price : 0;
  // The connection itself inside the callback (one synchronous session): prepared statements.
  return db.transaction(
    (): CreateJobResult => {
      // Inside the write transaction: a second instance with the same key waits, then finds it.
      const earlier = request.startKey ? getJobByStartKey(db, request.startKey) : undefined;
      if (earlier) return { ok: true, job: earlier, existing: true };
      // Reserve first: when the balance is short nothing at all is written.
      if (price > 0) {
        const reserved = reserveForJob(db, { userId: request.userId, jobId: id, amount: price });
        if (!reserved.ok)
          return { ok: false, reason: 'insufficient_funds', balance: reserved.balance, price };
      }
      const job = insertJob(db, {
        id,
        userId: request.userId,
        chatId: request.chatId,
        family: request.family,
        kind: request.kind,
        model: request.model,
        params: request.params,
        price,
        payer: request.payer,
        parentJobId: request.parentJobId ?? null,
        replyToMessageId: request.replyToMessageId ?? null,
        deadlineAt: request.deadlineAt ?? null,
        startKey: request.startKey ?? null,
      });
      return { ok: true, job };
    },
    { behavior: 'immediate' },
  );
}

export interface JobFailure {
  /** A GatewayError kind, or one of the pipeline's own: deadline, lost_task, cancelled, input_*. */
  code: string;
  message?: string;
}

/**
 * Ends a job as failed and gives the reservation back, once: the status change is conditional
 * and the refund is idempotent by reference, so racing failure paths refund exactly once.
 * Returns the failed row, or undefined when the job had already left `from`.
 */
export function failJob(
  db: Db,
  id: string,
  from: JobStatus | readonly JobStatus[],
  failure: JobFailure,
): JobRow | undefined {
  return db.transaction(
    (tx) => {
      const failed = transition(tx, id, from, 'failed', {
        errorCode: failure.code,
        errorMessage: failure.message?.slice(0, 1000) ?? null,
      });
      if (failed) refundJob(tx, id);
      return failed;
    },
    { behavior: 'immediate' },
  );
}

/** A queued job can still be called off by its owner; it is refunded like a failure. */
export function cancelJob(db: Db, id: string, userId: number): JobRow | undefined {
  const job = getJob(db, id);
  if (!job || job.userId !== userId) return undefined;
  return db.transaction(
    (tx) => {
      const cancelled = transition(tx, id, 'queued', 'cancelled', { errorCode: 'cancelled' });
      if (cancelled) refundJob(tx, id);
      return cancelled;
    },
    { behavior: 'immediate' },
  );
}

export function setStatusMessage(db: Db, id: string, messageId: number): void {
  patchJob(db, id, { statusMessageId: messageId });
}
