import { setMaxListeners } from 'node:events';
import type { JobFamily } from '../db/schema.js';
import { KeyedSemaphore, Semaphore } from '../infra/semaphore.js';
import { type AsyncFamily, type AsyncWorkerOptions, progressKey } from './async-family.js';
import { failAndTell } from './job-ends.js';
import { getJob, type JobRow, jobsInStatus, transition } from './store.js';
import { WorkTracker } from './work-tracker.js';

export interface SubmitterOptions extends AsyncWorkerOptions {
  /** First look at a fresh task (the poller's back-off takes over after it). */
  firstPollMs: number;
  concurrency: number;
  laneConcurrency: number;
}

/**
 * Sends queued asynchronous jobs to the gateway: queued → submitting (written before the call)
 * → running with the upstream id and the first poll time, or failed and refunded when the
 * gateway refuses. A billed submit is never retried: after a crash mid-call the job is refunded.
 */
export class AsyncSubmitter {
  private readonly families = new Map<JobFamily, AsyncFamily>();
  private readonly global: Semaphore;
  private readonly lanes: KeyedSemaphore;
  private readonly work: WorkTracker;
  private readonly abort = new AbortController();
  private stopping = false;

  constructor(private readonly o: SubmitterOptions) {
    for (const f of o.families) this.families.set(f.family, f);
    setMaxListeners(0, this.abort.signal);
    this.global = new Semaphore(o.concurrency);
    this.lanes = new KeyedSemaphore(o.laneConcurrency);
    this.work = new WorkTracker(o.logger);
  }

  handles(family: JobFamily): boolean {
    return this.families.has(family);
  }

  /** Schedules a queued job; returns at once. Safe to call twice for one job. */
  enqueue(jobId: string): void {
    if (this.stopping) return;
    this.work.start(jobId, () => this.process(jobId), 'async submit crashed');
  }

  /** Picks up queued jobs of its families this process does not know about (restarts). */
  sweepQueued(): number {
    let picked = 0;
    for (const job of jobsInStatus(this.o.db, ['queued'], [...this.families.keys()])) {
      if (this.work.has(job.id)) continue;
      this.enqueue(job.id);
      picked++;
    }
    return picked;
  }

  drain(): Promise<void> {
    return this.work.drain();
  }

  async stop(graceMs = 10_000): Promise<void> {
    this.stopping = true;
    await this.work.drainWithin(graceMs, this.abort);
  }

  private now(): number {
    return (this.o.now ?? Date.now)();
  }

  private async process(jobId: string): Promise<void> {
    const queued = getJob(this.o.db, jobId);
    if (queued?.status !== 'queued') return;
    const family = this.families.get(queued.family);
    if (!family) return;
    await this.global.run(() =>
      this.lanes.run(this.o.laneOf(queued), async () => {
        if (this.stopping) return;
        const job = transition(this.o.db, jobId, 'queued', 'submitting', {
          attempts: queued.attempts + 1,
          leaseOwner: this.o.instanceId,
          leaseUntil: this.now() + 15 * 60_000,
        });
        if (!job) return; // cancelled meanwhile, or another instance took it
        await this.submit(family, job);
      }),
    );
  }

  private async submit(family: AsyncFamily, job: JobRow): Promise<void> {
    let submitted: Awaited<ReturnType<AsyncFamily['submit']>>;
    try {
      submitted = await family.submit(job, this.abort.signal);
    } catch (err) {
      const failure = this.o.toFailure(err);
      this.o.logger.info({ job: job.id, failure }, 'async submit refused');
      await failAndTell(this.o, job, 'submitting', failure);
      return;
    }
    const now = this.now();
    const running = transition(this.o.db, job.id, 'submitting', 'running', {
      upstreamId: submitted.upstreamId,
      nextPollAt: now + this.o.firstPollMs,
      deadlineAt: now + family.deadlineMs(job),
      leaseOwner: null,
      leaseUntil: null,
      progress: submitted.progress ? progressKey(submitted.progress) : null,
    });
    // Gone meanwhile (the user cancelled): the upstream task ends by the gateway's own timeout.
    if (!running) return;
    if (submitted.progress)
      await this.o.notifier.progress(running, submitted.progress).catch(() => {});
    if (submitted.input !== undefined) await family.awaitInput?.(running, submitted.input);
  }
}
