import type { Db } from '../db/client.js';
import type { JobStatus } from '../db/schema.js';
import type { Logger } from '../infra/logger.js';
import { failJob, type JobFailure } from './lifecycle.js';
import type { JobNotifier } from './ports.js';
import { type JobRow, moveJob, releaseLease } from './store.js';

/** What every worker needs to end a job, whichever way it ends. */
export interface JobEnds {
  db: Db;
  notifier: JobNotifier;
  logger: Logger;
  /** The lease owner: a failed send frees the lease so any instance's sweep may try again. */
  instanceId: string;
  /** Called once when a job failed (e.g. to flag a user's rejected key). */
  onFailed?: (job: JobRow, failure: JobFailure) => void;
  maxDeliveryAttempts?: number;
  /** A failed send waits this long times the attempts so far (default DELIVERY_RETRY_STEP_MS). */
  deliveryRetryStepMs?: number;
  now?: () => number;
}

/**
 * A failed send waits this long times the attempts so far before a sweep tries again: five
 * attempts span five minutes, in both modes (the sweeps honour `nextPollAt`).
 */
export const DELIVERY_RETRY_STEP_MS = 30_000;

/**
 * Ends the job as failed (refunded exactly once), then tells the user, best effort. Undefined
 * when the job had already left `from` (cancelled, or another path ended it).
 */
export async function failAndTell(
  e: JobEnds,
  job: Pick<JobRow, 'id'>,
  from: JobStatus | readonly JobStatus[],
  failure: JobFailure,
): Promise<JobRow | undefined> {
  const failed = failJob(e.db, job.id, from, failure);
  if (!failed) return undefined;
  e.onFailed?.(failed, failure);
  await e.notifier.failed(failed, failed.price > 0).catch(() => {});
  return failed;
}

/**
 * Sends a finished job's result and marks it done. A failed send is tried again by the worker's
 * sweep, each time later; after `maxDeliveryAttempts` the job fails, refunded and told.
 */
export async function deliverResult(e: JobEnds, job: JobRow): Promise<void> {
  try {
    const receipt = await e.notifier.deliver(job);
    moveJob(e.db, job.id, 'delivering', 'done', {
      result: { ...(job.result ?? {}), ...(receipt.result ?? {}) },
      ...(receipt.unreachable ? { errorCode: 'unreachable' } : {}),
    });
  } catch (err) {
    const attempts = job.attempts + 1;
    e.logger.warn({ err, job: job.id, attempts }, 'delivery failed');
    if (attempts >= (e.maxDeliveryAttempts ?? 5)) {
      await failAndTell(e, job, 'delivering', { code: 'delivery_failed' });
      return;
    }
    releaseLease(e.db, job.id, e.instanceId, {
      attempts,
      nextPollAt:
        (e.now ?? Date.now)() + (e.deliveryRetryStepMs ?? DELIVERY_RETRY_STEP_MS) * attempts,
    });
  }
}
