import type { Redis } from './redis.js';

/*
 * Telegram delivers updates at least once: a webhook answered late or a poll cut short comes
 * again, and behind a load balancer the copy may reach another instance. An update is claimed
 * for a short "processing" window, marked done once handled, and released again when its
 * handler threw, so a crash mid-update never turns into a lost update: after the window the
 * redelivery is handled.
 */

export interface UpdateDeduper {
  /** True when this process should handle the update (nobody handled or is handling it). */
  claim(updateId: number): Promise<boolean>;
  /** The update was handled: later copies are dropped for `doneTtlMs`. */
  done(updateId: number): Promise<void>;
  /** Handling failed: a redelivery may try again. */
  release(updateId: number): Promise<void>;
}

export interface DedupTimings {
  /** How long a claim holds while the handler runs (a crashed holder frees it after this). */
  processingTtlMs?: number;
  /** How long a handled update id is remembered. Telegram stops redelivering long before. */
  doneTtlMs?: number;
}

const PROCESSING_MS = 60_000;
const DONE_MS = 24 * 3600_000;

/** One process: a bounded map (oldest ids dropped first), so memory stays flat forever. */
export class MemoryDeduper implements UpdateDeduper {
  private readonly seen = new Map<number, number>();
  private readonly processingMs: number;
  private readonly doneMs: number;

  constructor(
    private readonly maxSize = 50_000,
    timings: DedupTimings = {},
    private readonly now: () => number = Date.now,
  ) {
    this.processingMs = timings.processingTtlMs ?? PROCESSING_MS;
    this.doneMs = timings.doneTtlMs ?? DONE_MS;
  }

  get size(): number {
    return this.seen.size;
  }

  async claim(updateId: number): Promise<boolean> {
    const now = this.now();
    const until = this.seen.get(updateId);
    if (until !== undefined && until > now) return false;
    this.seen.delete(updateId);
    this.seen.set(updateId, now + this.processingMs);
    // Map keeps insertion order: the first keys are the oldest claims.
    while (this.seen.size > this.maxSize) {
      const oldest = this.seen.keys().next().value;
      if (oldest === undefined) break;
      this.seen.delete(oldest);
    }
    return true;
  }

  async done(updateId: number): Promise<void> {
    if (this.seen.has(updateId)) this.seen.set(updateId, this.now() + this.doneMs);
  }

  async release(updateId: number): Promise<void> {
    this.seen.delete(updateId);
  }
}

/** Shared by every instance: `SET key NX PX`, so exactly one of them wins an update. */
export class RedisDeduper implements UpdateDeduper {
  private readonly processingMs: number;
  private readonly doneMs: number;

  constructor(
    private readonly redis: Redis,
    private readonly prefix = 'update:',
    timings: DedupTimings = {},
  ) {
    this.processingMs = timings.processingTtlMs ?? PROCESSING_MS;
    this.doneMs = timings.doneTtlMs ?? DONE_MS;
  }

  async claim(updateId: number): Promise<boolean> {
    const reply = await this.redis.set(
      this.prefix + updateId,
      'processing',
      'PX',
      this.processingMs,
      'NX',
    );
    return reply === 'OK';
  }

  async done(updateId: number): Promise<void> {
    await this.redis.set(this.prefix + updateId, 'done', 'PX', this.doneMs);
  }

  async release(updateId: number): Promise<void> {
    await this.redis.del(this.prefix + updateId);
  }
}
