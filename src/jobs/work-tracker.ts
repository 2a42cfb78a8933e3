import type { Logger } from '../infra/logger.js';

/**
 * What a worker is doing in this process: work per job (never two at once for one job) and side
 * work nobody awaits (progress edits, failure notes). Failures are logged, never thrown, and
 * shutdown or a test can wait for everything started so far.
 */
export class WorkTracker {
  private readonly byJob = new Map<string, Promise<void>>();
  private readonly side = new Set<Promise<void>>();

  constructor(private readonly logger: Logger) {}

  /** Jobs being worked on here. */
  get size(): number {
    return this.byJob.size;
  }

  has(jobId: string): boolean {
    return this.byJob.has(jobId);
  }

  /** Starts `work` for `jobId` unless this process already works on it; true when it started. */
  start(jobId: string, work: () => Promise<unknown>, failure: string): boolean {
    if (this.byJob.has(jobId)) return false;
    const run = this.settle((async () => work())(), failure, 'error', jobId).finally(() =>
      this.byJob.delete(jobId),
    );
    this.byJob.set(jobId, run);
    return true;
  }

  /** Side work: tracked until it settles; a failure is only worth a warning. */
  add(work: Promise<unknown> | undefined, failure: string): void {
    const run: Promise<void> = this.settle(work, failure, 'warn').finally(() =>
      this.side.delete(run),
    );
    this.side.add(run);
  }

  /** Resolves when everything started so far (and whatever that started) has settled. */
  async drain(): Promise<void> {
    while (this.byJob.size + this.side.size > 0) {
      await Promise.allSettled([...this.byJob.values(), ...this.side]);
    }
  }

  /** Waits as `drain` does; work still running after `graceMs` is told to stop via `abort`. */
  async drainWithin(graceMs: number, abort: AbortController): Promise<void> {
    const timer = setTimeout(() => abort.abort(new Error('shutting down')), graceMs);
    await this.drain();
    clearTimeout(timer);
  }

  private settle(
    work: Promise<unknown> | undefined,
    failure: string,
    level: 'error' | 'warn',
    job?: string,
  ) {
    return Promise.resolve(work).then(
      () => undefined,
      (err: unknown) => this.logger[level]({ err, ...(job ? { job } : {}) }, failure),
    );
  }
}
