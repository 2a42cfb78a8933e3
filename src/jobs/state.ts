import type { JobFamily, JobStatus } from '../db/schema.js';

export type { JobFamily, JobStatus };

/**
 * queued → submitting → running → delivering → done, or → failed (refunded) / cancelled.
 * Sync families skip `running` (the gateway answers the call itself); async ones sit in
 * `running` while the poller follows the upstream task.
 */
const NEXT: Record<JobStatus, readonly JobStatus[]> = {
  queued: ['submitting', 'failed', 'cancelled'],
  submitting: ['running', 'delivering', 'failed'],
  running: ['running', 'delivering', 'failed'],
  delivering: ['done', 'failed'],
  done: [],
  failed: [],
  cancelled: [],
};

export function canTransition(from: JobStatus, to: JobStatus): boolean {
  return NEXT[from].includes(to);
}

export const TERMINAL: readonly JobStatus[] = ['done', 'failed', 'cancelled'];
export const isTerminal = (status: JobStatus) => TERMINAL.includes(status);

/**
 * Whether a job's result buttons work: from the moment the result is stored. In `delivering`
 * the result may already be on screen (Telegram has it, the answer has not come back yet), and
 * a crash delivers it again rather than losing it, so a press then is as good as one later.
 */
export const resultUsable = (status: JobStatus) => status === 'delivering' || status === 'done';

export const ASYNC_FAMILIES: readonly JobFamily[] = ['midjourney', 'video'];
export const isAsyncFamily = (family: JobFamily) => ASYNC_FAMILIES.includes(family);

export type RecoveryAction =
  | 'requeue'
  | 'resume_polling'
  | 'fail_and_refund'
  | 'redeliver'
  | 'none';

/**
 * What a job a crash interrupted becomes at start. Each state was written before the side effect
 * it allows, so the state alone says what may have happened upstream.
 */
export function recoveryAction(job: {
  status: JobStatus;
  family: JobFamily;
  upstreamId: string | null;
}): RecoveryAction {
  switch (job.status) {
    case 'queued':
      return 'requeue';
    case 'submitting':
      // The call may or may not have reached the gateway. An async job with an upstream id was
      // accepted; anything else is unknowable, so the user gets their money back.
      return isAsyncFamily(job.family) && job.upstreamId ? 'resume_polling' : 'fail_and_refund';
    case 'running':
      return isAsyncFamily(job.family) && job.upstreamId ? 'resume_polling' : 'fail_and_refund';
    case 'delivering':
      // A rare duplicate beats a lost result.
      return 'redeliver';
    default:
      return 'none';
  }
}
