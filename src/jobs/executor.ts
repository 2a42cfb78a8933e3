import type { Readable } from 'node:stream';
import { jobFamilies } from '../db/schema.js';
import { GatewayError } from '../gateway/errors.js';
import { sniffKind } from '../gateway/mime.js';
import { KeyedSemaphore, Semaphore } from '../infra/semaphore.js';
import { deliverResult, failAndTell, type JobEnds } from './job-ends.js';
import type { JobFailure } from './lifecycle.js';
import type { ProducedFile, StoredFile } from './ports.js';
import { QueuedJobWorker } from './queued-worker.js';
import { DEFAULT_RETRY_DELAYS_MS, retryRefusals } from './refusal-retry.js';
import type { ResultStore } from './result-store.js';
import { isAsyncFamily } from './state.js';
import {
  claimLease,
  getJob,
  getJobHead,
  type JobHead,
  type JobRow,
  jobsInStatus,
  takeLease,
  transition,
} from './store.js';

/** Runs one synchronous generation against the gateway and returns what it produced. */
/** What a runner made: the files, and what the model said about them (untrusted text). */
export interface RunnerOutput {
  files: ProducedFile[];
  note?: string;
}

export type SyncRunner = (job: JobRow, signal: AbortSignal) => Promise<RunnerOutput>;

export interface ExecutorOptions extends JobEnds {
  results: ResultStore;
  runners: Partial<Record<JobRow['family'], SyncRunner>>;
  /**
   * Opens a URL result (the gateway client's openStream: never keyed, sniffed as an image,
   * size-capped, ending with `timeout` past its total deadline).
   */
  openResult: (url: string, limits: ResultLimits) => Promise<{ stream: Readable; mime: string }>;
  /** Which gateway key a job spends: lanes limit concurrent calls per key. */
  laneOf: (job: Pick<JobRow, 'payer' | 'userId'>) => string;
  /** Turns whatever a runner threw into a failure code the user is told about. */
  toFailure: (err: unknown) => JobFailure;
  /** Failures worth another attempt (the gateway rejected the call before doing any work). */
  isTransient?: (failure: JobFailure) => boolean;
  concurrency: number;
  laneConcurrency: number;
  /** Largest single file (what the Bot API server accepts). */
  maxResultBytes: number;
  /** What one job's files may add up to. */
  resultBudgetBytes: number;
  /** How long one job's result downloads may take together (each also has an idle limit). */
  downloadTimeoutMs: number;
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

export interface ResultLimits {
  maxBytes: number;
  timeoutMs: number;
  signal: AbortSignal;
}

/** A delivery (uploads with auto-retry waits included) is over well within this. */
const DELIVERY_LEASE_MS = 15 * 60_000;

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

  protected async process(jobId: string, pastCall: () => void): Promise<void> {
    // Thousands may wait for a slot: each holds its head, the row is read when its turn comes.
    const queued = getJobHead(this.o.db, jobId);
    if (!queued) return;
    if (queued.status === 'delivering') {
      pastCall(); // no gateway call left to make
      const job = getJob(this.o.db, jobId);
      return job && this.deliver(job);
    }
    if (queued.status !== 'queued') return;
    const delivering = await this.runWhenFree(queued, pastCall);
    if (delivering) await this.deliver(delivering);
  }

  /**
   * Waits for a slot (the job stays `queued`, so it can still be cancelled), runs the call, then
   * stores its results with the slots given back: the gateway call holds a slot, the downloads
   * of what it produced (from hosts the answer named) do not. Returns the job once it is ready
   * to deliver.
   */
  private async runWhenFree(queued: JobHead, pastCall: () => void): Promise<JobRow | undefined> {
    let job: JobRow | undefined;
    const beat = this.heartbeat();
    try {
      const produced = await this.global.run(() =>
        this.lanes.run(this.o.laneOf(queued), async () => {
          if (this.stopping) return undefined;
          job = transition(this.o.db, queued.id, 'queued', 'submitting', {
            attempts: queued.attempts + 1,
            leaseOwner: this.o.instanceId,
            leaseUntil: Date.now() + 15 * 60_000,
          });
          if (!job) return undefined; // cancelled meanwhile, or another instance took it
          beat.start(job);
          return this.call(job);
        }),
      );
      pastCall();
      if (!job || !produced) return undefined;
      const files = await this.store(job, produced.files);
      const result = { files, ...(produced.note ? { note: produced.note } : {}) };
      return transition(this.o.db, job.id, 'submitting', 'delivering', { result });
    } catch (err) {
      if (!job) throw err;
      const failure = this.o.toFailure(err);
      // An unclassified failure is a bug or a gateway we do not understand: keep what was thrown.
      const cause = failure.code === 'unknown' ? { err } : {};
      this.o.logger.warn({ job: job.id, failure, ...cause }, 'generation failed');
      await failAndTell(this.o, job, 'submitting', failure);
      return undefined;
    } finally {
      beat.stop();
    }
  }

  /** The gateway call, tried again while the gateway refuses before doing any work. */
  private call(job: JobRow): Promise<RunnerOutput> {
    const runner = this.o.runners[job.family];
    if (!runner) throw new Error(`no runner for family ${job.family}`);
    return this.withRetries(job, () => runner(job, this.abort.signal));
  }

  /** "generating… m:ss" refreshes from the call's start until its results are stored. */
  private heartbeat(): { start(job: JobRow): void; stop(): void } {
    let timer: NodeJS.Timeout | undefined;
    let running = false;
    const baseMs = this.o.heartbeatMs ?? 5_000;
    // Within the edit budget, and ±20% at random: calls started together would otherwise all
    // refresh in the same instant, a burst of edits that holds the event loop.
    const after = (ms: number) =>
      heartbeatDelay(ms, this.generating, this.o.maxProgressEditsPerSecond ?? 10) *
      (0.8 + Math.random() * 0.4);
    return {
      start: (job) => {
        const beat = () => {
          void this.o.notifier.progress(job, { stage: 'generating' }).catch(() => {});
          timer = setTimeout(beat, after(baseMs));
        };
        running = true;
        this.generating++;
        // The first refresh waits a moment: a fast call is delivered before it is due, which
        // saves an edit per job (and the flicker of "queued" → "generating" → result).
        timer = setTimeout(beat, after(Math.min(FIRST_PROGRESS_MS, baseMs)));
      },
      stop: () => {
        clearTimeout(timer);
        if (running) this.generating--;
        running = false;
      },
    };
  }

  private withRetries(job: JobRow, call: () => Promise<RunnerOutput>): Promise<RunnerOutput> {
    return retryRefusals(
      {
        delaysMs: this.o.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS,
        isTransient: this.o.isTransient ?? (() => false),
        toFailure: this.o.toFailure,
        logger: this.o.logger,
        ...(this.o.sleep ? { sleep: this.o.sleep } : {}),
      },
      job.id,
      this.abort.signal,
      call,
    );
  }

  /**
   * Keeps every file on disk, URL results downloaded at once (they expire). Each must be an
   * image; together they stay within the job's byte budget and download deadline. Anything else
   * makes the answer unusable, and nothing of it is kept.
   */
  private async store(job: JobRow, produced: ProducedFile[]): Promise<StoredFile[]> {
    if (produced.length === 0) throw new Error('the gateway returned no image');
    const until = Date.now() + this.o.downloadTimeoutMs;
    let left = this.o.resultBudgetBytes;
    const files: StoredFile[] = [];
    try {
      for (const [i, item] of produced.entries()) {
        const maxBytes = Math.min(this.o.maxResultBytes, left);
        const file =
          item.kind === 'bytes'
            ? await this.saveBytes(job, i, item.data, maxBytes)
            : await this.saveUrl(job, i, item.url, { maxBytes, until });
        left -= file.size;
        files.push(file);
      }
    } catch (err) {
      await this.o.results.discard(job.id).catch(() => {});
      throw err;
    }
    return files;
  }

  private saveBytes(job: JobRow, index: number, data: Buffer, maxBytes: number) {
    const mime = sniffKind(data, 'image');
    if (!mime) throw new GatewayError('malformed', 'An inline result is not an image');
    if (data.length > maxBytes)
      throw new GatewayError('too_large', `The results are larger than ${maxBytes} bytes`);
    return this.o.results.save(job.id, index, data, mime);
  }

  private async saveUrl(
    job: JobRow,
    index: number,
    url: string,
    limits: { maxBytes: number; until: number },
  ): Promise<StoredFile> {
    const timeoutMs = limits.until - Date.now();
    if (timeoutMs <= 0) throw new GatewayError('timeout', 'The result downloads took too long');
    const signal = this.abort.signal;
    const opened = await this.o.openResult(url, { maxBytes: limits.maxBytes, timeoutMs, signal });
    return this.o.results.saveStream(job.id, index, opened.stream, opened.mime, signal);
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
