/**
 * How long to wait before looking at a task again. Proportional to how long it has shown no
 * change: a task that moves (progress every few seconds) is looked at every `minMs`, so its
 * result is seen within seconds; one that sits in a queue for minutes is looked at rarely, up to
 * `maxMs`. The wait never exceeds `ratio` of the time already waited, which bounds the extra
 * delay a slow task suffers to that fraction, and any change resets it.
 */
export interface BackoffPolicy {
  /** First look after submit. */
  firstMs: number;
  minMs: number;
  maxMs: number;
  /** Wait = ratio × time without change, clamped to [minMs, maxMs]. */
  ratio: number;
  /** After a failed look (network, 5xx). */
  errorMs: number;
  /**
   * Each wait is spread by ± jitter/2 of itself, so jobs submitted together do not stay in
   * lock-step and every tick carries a similar share of the load.
   */
  jitter: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = {
  firstMs: 3_000,
  minMs: 3_000,
  maxMs: 30_000,
  ratio: 0.25,
  errorMs: 10_000,
  jitter: 0.2,
};

/** `random` in [0, 1); 0.5 gives the wait without jitter. */
export function nextPollDelay(
  policy: BackoffPolicy,
  unchangedForMs: number,
  random: () => number = Math.random,
): number {
  const proportional = Math.round(Math.max(0, unchangedForMs) * policy.ratio);
  const base = Math.min(policy.maxMs, Math.max(policy.minMs, proportional));
  return Math.round(base * (1 + policy.jitter * (random() - 0.5)));
}
