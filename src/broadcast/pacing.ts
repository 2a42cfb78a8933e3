// Broadcast, domain side (store, pacing, worker; no grammY). Its Telegram side is src/bot/broadcast.
/**
 * Spacing between broadcast sends. Telegram allows about 30 messages a second in bulk; the
 * pacer keeps starts at least 1/rate apart, so a sequential sender never goes faster than
 * `ratePerSecond`, and a pause (a 429's retry_after) never turns into a burst afterwards.
 */
export interface Clock {
  now(): number;
  /** Resolves after `ms`, or early (without throwing) when `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve) => {
      if (signal?.aborted || ms <= 0) return resolve();
      const done = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      signal?.addEventListener('abort', done, { once: true });
    }),
};

export class Pacer {
  private readonly intervalMs: number;
  private nextAt = Number.NEGATIVE_INFINITY;

  constructor(
    ratePerSecond: number,
    private readonly clock: Clock = realClock,
  ) {
    if (!(ratePerSecond > 0)) throw new RangeError('ratePerSecond must be positive');
    this.intervalMs = 1000 / ratePerSecond;
  }

  /** Waits for the next send slot. */
  async wait(signal?: AbortSignal): Promise<void> {
    const now = this.clock.now();
    const at = Math.max(now, this.nextAt);
    this.nextAt = at + this.intervalMs;
    if (at > now) await this.clock.sleep(at - now, signal);
  }
}
