import { setMaxListeners } from 'node:events';
import type { Db } from '../db/client.js';
import type { JobFamily } from '../db/schema.js';
import type { Logger } from '../infra/logger.js';
import { jobIdsInStatus } from './store.js';
import { WorkTracker } from './work-tracker.js';

/**
 * What the two workers that take queued jobs (the executor and the submitter) share: a job is
 * taken at most once in this process, a sweep picks up queued jobs this process does not know
 * about (restarts, other instances), and stopping waits for running work within a grace period,
 * then aborts it.
 *
 * At most twice the worker's concurrency of jobs wait for or hold a gateway slot (enough to keep
 * every slot fed); the rest of a backlog waits as ids, in order. A job that waited as work would
 * hold a dozen closures and promises: 10,000 queued jobs were 40 MB. A job past its gateway call
 * (storing, delivering) no longer counts, so a slow delivery never holds back the next call.
 */
export abstract class QueuedJobWorker {
  protected readonly work: WorkTracker;
  /** Every running call listens on this one signal: dozens at once are expected, not a leak. */
  protected readonly abort = new AbortController();
  protected stopping = false;

  /** Ids beyond the started work, oldest first, and the same as a set (for `has`). */
  private readonly backlog: string[] = [];
  private readonly inBacklog = new Set<string>();
  /** Started jobs not yet past their gateway call, and how many of those there may be. */
  private beforeCall = 0;
  private readonly maxBeforeCall: number;

  constructor(
    private readonly base: { db: Db; logger: Logger; concurrency: number },
    /** Logged when a job's processing throws (it never should). */
    private readonly crashed: string,
  ) {
    setMaxListeners(0, this.abort.signal);
    this.work = new WorkTracker(base.logger);
    this.maxBeforeCall = Math.max(1, base.concurrency * 2);
  }

  /** The families whose queued jobs this worker takes. */
  protected abstract readonly families: readonly JobFamily[];
  /** Works on a job; calls `pastCall` once it holds no gateway slot any more (else: at the end). */
  protected abstract process(jobId: string, pastCall: () => void): Promise<void>;

  /** Schedules a queued job; returns at once. Safe to call twice for one job. */
  enqueue(jobId: string): void {
    if (this.stopping || this.inBacklog.has(jobId) || this.work.has(jobId)) return;
    if (this.beforeCall >= this.maxBeforeCall) {
      this.backlog.push(jobId);
      this.inBacklog.add(jobId);
      return;
    }
    this.begin(jobId);
  }

  /** Jobs this process has taken: started, or waiting in the backlog. */
  get takenCount(): number {
    return this.work.size + this.backlog.length;
  }

  private begin(jobId: string): void {
    this.beforeCall++;
    let counted = true;
    const pastCall = () => {
      if (!counted) return;
      counted = false;
      this.beforeCall--;
      this.next();
    };
    // `pastCall` at the latest when the work ends: the next job starts before this one settles,
    // so `drain` never sees a gap.
    this.work.start(jobId, () => this.process(jobId, pastCall).finally(pastCall), this.crashed);
  }

  private next(): void {
    if (this.stopping) {
      // Left queued in the database: the next start (or another instance) takes them.
      this.backlog.length = 0;
      this.inBacklog.clear();
      return;
    }
    const id = this.backlog.shift();
    if (id === undefined) return;
    this.inBacklog.delete(id);
    this.begin(id);
  }

  /** Picks up queued jobs of its families this process does not know about; how many. */
  sweepQueued(): number {
    let picked = 0;
    for (const id of jobIdsInStatus(this.base.db, ['queued'], this.families)) {
      if (this.work.has(id) || this.inBacklog.has(id)) continue;
      this.enqueue(id);
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
