import type { Db } from '../db/client.js';
import type { Logger } from '../infra/logger.js';
import type { SyncExecutor } from './executor.js';
import { failJob } from './lifecycle.js';
import type { JobNotifier } from './ports.js';
import { recoveryAction } from './state.js';
import { jobsInStatus, moveJob, takeLease } from './store.js';

export interface RecoveryReport {
  requeued: number;
  refunded: number;
  redelivered: number;
  resumed: number;
}

/**
 * Brings jobs a crash interrupted to a state the workers understand. Only for jobs whose lease
 * holder is gone: `isOrphan` says so (in one process, every leased job at start; with several
 * instances, jobs leased by an instance no longer alive). A job nobody leases is not touched:
 * the sweeps take it when its time comes, so a delivery's back-off holds in both modes.
 */
export async function recoverJobs(
  {
    db,
    logger,
    notifier,
    executor,
  }: { db: Db; logger: Logger; notifier: JobNotifier; executor: SyncExecutor },
  isOrphan: (job: { leaseUntil: number | null; leaseOwner: string | null }) => boolean = () => true,
): Promise<RecoveryReport> {
  const report: RecoveryReport = { requeued: 0, refunded: 0, redelivered: 0, resumed: 0 };
  for (const job of jobsInStatus(db, ['queued', 'submitting', 'running', 'delivering'])) {
    if (job.status !== 'queued' && !isOrphan(job)) continue;
    const action = recoveryAction(job);
    switch (action) {
      case 'requeue':
        if (job.family !== 'midjourney' && job.family !== 'video') {
          executor.enqueue(job.id);
          report.requeued++;
        }
        break;
      case 'fail_and_refund': {
        const failed = failJob(db, job.id, job.status, { code: 'interrupted' });
        if (failed) {
          report.refunded++;
          await notifier.failed(failed, failed.price > 0).catch(() => {});
        }
        break;
      }
      case 'redeliver':
        if (job.family !== 'midjourney' && job.family !== 'video') {
          // Several instances may recover at once: only the one that takes the lease delivers.
          const adopted = executor.adopt(job);
          if (!adopted) break;
          executor.redeliver(adopted);
          report.redelivered++;
        }
        break;
      case 'resume_polling': {
        // Freed from the dead owner (compare-and-swap: one instance counts it), so the poller
        // takes it at its next poll time instead of when the lease runs out.
        const free = { leaseOwner: null, leaseUntil: null };
        const resumed =
          job.status === 'submitting'
            ? moveJob(db, job.id, 'submitting', 'running', { nextPollAt: Date.now(), ...free })
            : takeLease(db, job.id, {
                status: job.status,
                from: job.leaseOwner,
                owner: null,
                until: null,
              });
        if (resumed) report.resumed++;
        break;
      }
      case 'none':
        break;
    }
  }
  if (Object.values(report).some((n) => n > 0)) logger.info(report, 'recovered interrupted jobs');
  return report;
}
