import { jobFamilies } from '../db/schema.js';
import { KeyedSemaphore, Semaphore } from '../infra/semaphore.js';
import { deliverResult, failAndTell, type JobEnds } from './job-ends.js';
import type { JobFailure } from './lifecycle.js';
import type { ProducedFile, StoredFile } from './ports.js';
import { QueuedJobWorker } from './queued-worker.js';
import type { ResultStore } from './result-store.js';
import { isAsyncFamily } from './state.js';
import { claimLease, getJob, type JobRow, jobsInStatus, takeLease, transition } from './store.js';

/** Runs one synchronous generation against the gateway and returns what it produced. */
export type SyncRunner = (job: JobRow, signal: AbortSignal) => Promise<ProducedFile[]>;

export interface ExecutorOptions extends JobEnds {
  results: ResultStore;
  runners: Partial<Record<JobRow['family'], SyncRunner>>;
  /** Fetches a URL result with a size cap (the gateway client's download). */
  download: (
    url: string,
    maxBytes: number,
    signal: AbortSignal,
  ) => Promise<{ data: Buffer; mime: string }>;
  /** Which gateway key a job spends: lanes limit concurrent calls per key. */
  laneOf: (job: JobRow) => string;
  /** Turns whatever a runner threw into a failure code the user is told about. */
  toFailure: (err: unknown) => JobFailure;
  /** Failures worth another attempt (the gateway rejected the call before doing any work). */
  isTransient?: (failure: JobFailure) => boolean;
  concurrency: number;
  laneConcurrency: number;
  maxResultBytes: number;
  retryDelaysMs?: readonly number[];
  /** How often the status message is refreshed (elapsed time) while a call runs. */
  heartbeatMs?: number;
  /**
   * Ceiling on those refreshes over all running calls (edits count against Telegram's bulk
   * limits too): with many calls at once each status is refreshed less often. Default 10/s.
   */
  maxProgressEditsPerSecond?: number;
  /**
   * Results being sent to Telegram at once (default 8). Deliveries run after the call's slots
   * are given back, so a slow upload never holds a gateway slot, and a burst of finished jobs
   * neither floods Telegram nor starves the update handlers of the event loop.
   */
  deliveryConcurrency?: number;
  sleep?: (ms: number) => Promise<void>;
}

/** A delivery (uploads with auto-retry waits included) is over well within this. */
const DELIVERY_LEASE_MS = 15 * 60_000;

const defaultSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** When a running call first shows "generating… m:ss" (at most; sooner with a faster heartbeat). */
const FIRST_PROGRESS_MS = 1_500;

/**
 * Time to the next "generating… m:ss" refresh of one job: `baseMs`, or longer when `generating`
 * calls together would edit more than `maxPerSecond` status messages a second.
 */
export function heartbeatDelay(baseMs: number, generating: number, maxPerSecond: number): number {
  return Math.max(baseMs, Math.ceil((Math.max(1, generating) / maxPerSecond) * 1000));
}

/**
 * Runs image, chat-image and edit jobs outside the update handlers, with bounded concurrency
 * globally and per gateway key. Each state is written before the side effect it allows.
 */
export class SyncExecutor extends QueuedJobWorker {
  protected readonly families = jobFamilies.filter((f) => !isAsyncFamily(f));
  private readonly global: Semaphore;
  private readonly deliveries: Semaphore;
  private readonly lanes: KeyedSemaphore;
  /** Calls running now (for the progress edit budget). */
  private generating = 0;

  constructor(private readonly o: ExecutorOptions) {
    super(o, 'job processing crashed');
    this.global = new Semaphore(o.concurrency);
    this.deliveries = new Semaphore(o.deliveryConcurrency ?? 8);
    this.lanes = new KeyedSemaphore(o.laneConcurrency);
  }

  get activeCount(): number {
    return this.work.size;
  }

  protected async process(jobId: string): Promise<void> {
    const queued = getJob(this.o.db, jobId);
    if (!queued) return;
    if (queued.status === 'delivering') return this.deliver(queued);
    if (queued.status !== 'queued') return;
    const delivering = await this.runWhenFree(queued);
    if (delivering) await this.deliver(delivering);
  }

  /**
   * Waits for a slot (the job stays `queued`, so it can still be cancelled), then runs the call.
   * Returns the job once it is ready to deliver; the slots are free again by then.
   */
  private runWhenFree(queued: JobRow): Promise<JobRow | undefined> {
    return this.global.run(() =>
      this.lanes.run(this.o.laneOf(queued), async () => {
        if (this.stopping) return undefined;
        const job = transition(this.o.db, queued.id, 'queued', 'submitting', {
          attempts: queued.attempts + 1,
          leaseOwner: this.o.instanceId,
          leaseUntil: Date.now() + 15 * 60_000,
        });
        if (!job) return undefined; // cancelled meanwhile, or another instance took it
        return this.generate(job);
      }),
    );
  }

  /** The gateway call and the stored files; the job in `delivering`, or undefined if it failed. */
  private async generate(job: JobRow): Promise<JobRow | undefined> {
    const runner = this.o.runners[job.family];
    let heartbeat: NodeJS.Timeout | undefined;
    const baseMs = this.o.heartbeatMs ?? 5_000;
    // Within the edit budget, and ±20% at random: calls started together would otherwise all
    // refresh in the same instant, a burst of edits that holds the event loop.
    const after = (ms: number) =>
      heartbeatDelay(ms, this.generating, this.o.maxProgressEditsPerSecond ?? 10) *
      (0.8 + Math.random() * 0.4);
    const beat = () => {
      void this.o.notifier.progress(job, { stage: 'generating' }).catch(() => {});
      heartbeat = setTimeout(beat, after(baseMs));
    };
    this.generating++;
    // The first refresh waits a moment: a fast call is delivered before it is due, which saves an
    // edit per job (and the flicker of "queued" → "generating" → result).
    heartbeat = setTimeout(beat, after(Math.min(FIRST_PROGRESS_MS, baseMs)));
    let files: StoredFile[];
    try {
      if (!runner) throw new Error(`no runner for family ${job.family}`);
      const produced = await this.withRetries(job, () => runner(job, this.abort.signal));
      files = await this.store(job, produced);
    } catch (err) {
      const failure = this.o.toFailure(err);
      this.o.logger.warn({ job: job.id, failure }, 'generation failed');
      await failAndTell(this.o, job, 'submitting', failure);
      return undefined;
    } finally {
      clearTimeout(heartbeat);
      this.generating--;
    }
    return transition(this.o.db, job.id, 'submitting', 'delivering', { result: { files } });
  }

  private async withRetries(
    job: JobRow,
    call: () => Promise<ProducedFile[]>,
  ): Promise<ProducedFile[]> {
    const delays = this.o.retryDelaysMs ?? [2_000, 6_000];
    for (let attempt = 0; ; attempt++) {
      try {
        return await call();
      } catch (err) {
        const failure = this.o.toFailure(err);
        const delay = delays[attempt];
        if (delay === undefined || !this.o.isTransient?.(failure) || this.abort.signal.aborted)
          throw err;
        this.o.logger.info({ job: job.id, failure, delay }, 'gateway busy, trying again');
        await (this.o.sleep ?? defaultSleep)(delay);
      }
    }
  }

  /** Downloads URL results at once (they expire) and keeps every file on disk. */
  private async store(job: JobRow, produced: ProducedFile[]): Promise<StoredFile[]> {
    if (produced.length === 0) throw new Error('the gateway returned no image');
    const files: StoredFile[] = [];
    for (const [i, item] of produced.entries()) {
      const { data, mime } =
        item.kind === 'bytes'
          ? item
          : await this.o.download(item.url, this.o.maxResultBytes, this.abort.signal);
      files.push(await this.o.results.save(job.id, i, data, mime));
    }
    return files;
  }

  /** Sends the result; a failed send is tried again by the sweep, then refunded. */
  deliver(job: JobRow): Promise<void> {
    return this.deliveries.run(() => deliverResult(this.o, job));
  }

  /**
   * Takes over a job whose owner died (recovery): compare-and-swap on the lease, so of several
   * instances adopting the same orphan only one delivers it.
   */
  adopt(job: JobRow): JobRow | undefined {
    return takeLease(this.o.db, job.id, {
      status: job.status,
      from: job.leaseOwner,
      owner: this.o.instanceId,
      until: Date.now() + DELIVERY_LEASE_MS,
    });
  }

  /**
   * Delivers a recovered job in the background (tracked like any other, so stop() waits for it):
   * a delivery can wait out a long 429, and start-up must not wait with it.
   */
  redeliver(job: JobRow): void {
    this.work.start(job.id, () => this.deliver(job), 'delivery crashed');
  }

  /** Delivers again jobs whose earlier delivery failed, once their retry time has come. */
  sweepDelivering(now = Date.now()): void {
    for (const job of jobsInStatus(this.o.db, ['delivering'])) {
      if (isAsyncFamily(job.family) || this.work.has(job.id)) continue;
      if ((job.nextPollAt ?? 0) > now) continue;
      // Another live instance may be delivering it right now: only a free or own lease is taken.
      const claimed = claimLease(this.o.db, job.id, {
        status: 'delivering',
        owner: this.o.instanceId,
        now,
        until: now + DELIVERY_LEASE_MS,
      });
      if (!claimed) continue;
      this.redeliver(claimed);
    }
  }
}
