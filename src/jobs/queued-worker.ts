import { setMaxListeners } from 'node:events';
import type { Db } from '../db/client.js';
import type { JobFamily } from '../db/schema.js';
import type { Logger } from '../infra/logger.js';
import { jobsInStatus } from './store.js';
import { WorkTracker } from './work-tracker.js';

/**
 * What the two workers that take queued jobs (the executor and the submitter) share: a job is
 * taken at most once in this process, a sweep picks up queued jobs this process does not know
 * about (restarts, other instances), and stopping waits for running work within a grace period,
 * then aborts it.
 */
export abstract class QueuedJobWorker {
  protected readonly work: WorkTracker;
  /** Every running call listens on this one signal: dozens at once are expected, not a leak. */
  protected readonly abort = new AbortController();
  protected stopping = false;

  constructor(
    private readonly base: { db: Db; logger: Logger },
    /** Logged when a job's processing throws (it never should). */
    private readonly crashed: string,
  ) {
    setMaxListeners(0, this.abort.signal);
    this.work = new WorkTracker(base.logger);
  }

  /** The families whose queued jobs this worker takes. */
  protected abstract readonly families: readonly JobFamily[];
  protected abstract process(jobId: string): Promise<void>;

  /** Schedules a queued job; returns at once. Safe to call twice for one job. */
  enqueue(jobId: string): void {
    if (this.stopping) return;
    this.work.start(jobId, () => this.process(jobId), this.crashed);
  }

  /** Picks up queued jobs of its families this process does not know about; how many. */
  sweepQueued(): number {
    let picked = 0;
    for (const job of jobsInStatus(this.base.db, ['queued'], this.families)) {
      if (this.work.has(job.id)) continue;
      this.enqueue(job.id);
      picked++;
    }
    return picked;
  }

  /** Resolves when every job scheduled so far has settled (tests, shutdown). */
  drain(): Promise<void> {
    return this.work.drain();
  }

  /** Stops taking jobs and waits for running ones (up to `graceMs`, then aborts them). */
  async stop(graceMs = 10_000): Promise<void> {
    this.stopping = true;
    await this.work.drainWithin(graceMs, this.abort);
  }
}
