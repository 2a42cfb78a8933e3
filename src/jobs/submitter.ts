import type { JobFamily } from '../db/schema.js';
import { KeyedSemaphore, Semaphore } from '../infra/semaphore.js';
import { type AsyncFamily, type AsyncWorkerOptions, progressKey } from './async-family.js';
import { failAndTell } from './job-ends.js';
import type { JobFailure } from './lifecycle.js';
import { QueuedJobWorker } from './queued-worker.js';
import { DEFAULT_RETRY_DELAYS_MS, retryRefusals } from './refusal-retry.js';
import { getJobHead, type JobRow, transition } from './store.js';

export interface SubmitterOptions extends AsyncWorkerOptions {
  /** First look at a fresh task (the poller's back-off takes over after it). */
  firstPollMs: number;
  concurrency: number;
  laneConcurrency: number;
  /** Refusals worth another try (429, no channel): the task was not accepted, so none is billed. */
  isTransient: (failure: JobFailure) => boolean;
  retryDelaysMs?: readonly number[];
  sleep?: (ms: number) => Promise<void>;
  /** A model's own deadline (ms) from the catalog, over the family's. */
  timeoutOf?: (job: JobRow) => number | undefined;
}

/**
 * Sends queued asynchronous jobs to the gateway: queued → submitting (written before the call)
 * → running with the upstream id and the first poll time, or failed and refunded when the
 * gateway refuses. A refusal before any work (429, no channel) is tried again like a sync call;
 * a submit that may have reached the provider is never retried: after a crash mid-call the job
 * is refunded.
 */
export class AsyncSubmitter extends QueuedJobWorker {
  private readonly byFamily = new Map<JobFamily, AsyncFamily>();
  protected readonly families: readonly JobFamily[];
  private readonly global: Semaphore;
  private readonly lanes: KeyedSemaphore;

  constructor(private readonly o: SubmitterOptions) {
    super(o, 'async submit crashed');
    for (const f of o.families) this.byFamily.set(f.family, f);
    this.families = [...this.byFamily.keys()];
    this.global = new Semaphore(o.concurrency);
    this.lanes = new KeyedSemaphore(o.laneConcurrency);
  }

  handles(family: JobFamily): boolean {
    return this.byFamily.has(family);
  }

  private now(): number {
    return (this.o.now ?? Date.now)();
  }

  protected async process(jobId: string): Promise<void> {
    // Thousands may wait for a slot: each holds its head, the row comes with its transition.
    const queued = getJobHead(this.o.db, jobId);
    if (queued?.status !== 'queued') return;
    const family = this.byFamily.get(queued.family);
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
      submitted = await retryRefusals(
        {
          delaysMs: this.o.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS,
          isTransient: this.o.isTransient,
          toFailure: this.o.toFailure,
          logger: this.o.logger,
          ...(this.o.sleep ? { sleep: this.o.sleep } : {}),
        },
        job.id,
        this.abort.signal,
        () => family.submit(job, this.abort.signal),
      );
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
      deadlineAt: now + (this.o.timeoutOf?.(job) ?? family.deadlineMs(job)),
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
