/**
 * How many single task fetches one gateway lane may take per poller tick, adapted to the
 * gateway's answers like a TCP window: fast answers raise it by about one per tick's worth of
 * answers, a 429 halves it (once per `cutGapMs`, however many 429s one burst brings) and pauses
 * the lane for its Retry-After. Always within the operator's bounds. Pure: time is passed in.
 */
export interface FetchBudgetBounds {
  /** Fetches per tick at start. */
  start: number;
  min: number;
  max: number;
  /** An answer at most this slow counts as room to grow. */
  fastMs: number;
  /** Longest Retry-After obeyed; a longer one is cut to this (the gateway may name hours). */
  maxPauseMs: number;
}

export const DEFAULT_FETCH_BUDGET: FetchBudgetBounds = {
  start: 25,
  min: 2,
  max: 100,
  fastMs: 500,
  maxPauseMs: 60_000,
};

export type FetchOutcome = 'ok' | 'rate_limited' | 'error';

/** One poll's share of a lane's budget, bound to the tick's time: what a family spends. */
export interface FetchGrant {
  /** Fetches this poll may make; stop early once `refused` was called. */
  readonly allowance: number;
  answered(ms: number): void;
  refused(retryAfterMs?: number): void;
  failed(): void;
}

/** Halving again within this gap would count one overload twice (the answers were in flight). */
const CUT_GAP_MS = 1_000;

export class FetchBudget {
  private window: number;
  private pausedUntil = 0;
  private lastCut = Number.NEGATIVE_INFINITY;
  /** Fetches made, by outcome, since start (for /metrics). */
  readonly spent: Record<FetchOutcome, number> = { ok: 0, rate_limited: 0, error: 0 };
  /** When the lane last fetched: idle lanes are forgotten. */
  lastUsed: number;

  constructor(
    private readonly bounds: FetchBudgetBounds,
    now: number,
  ) {
    this.window = clamp(bounds.start, bounds.min, bounds.max);
    this.lastUsed = now;
  }

  /** Fetches allowed per tick right now (0 while a Retry-After runs); a scrape may ask. */
  allowance(now: number): number {
    return now < this.pausedUntil ? 0 : Math.floor(this.window);
  }

  /** This tick's grant: the allowance now, and the answers reported back at this time. */
  grant(now: number): FetchGrant {
    this.lastUsed = now;
    return {
      allowance: this.allowance(now),
      answered: (ms) => this.answered(ms),
      refused: (retryAfterMs) => this.refused(now, retryAfterMs),
      failed: () => this.failed(),
    };
  }

  /** The current window, whatever a pause says. */
  get perTick(): number {
    return Math.floor(this.window);
  }

  answered(ms: number): void {
    this.spent.ok++;
    if (ms <= this.bounds.fastMs)
      this.window = Math.min(this.bounds.max, this.window + 1 / Math.max(1, this.window));
  }

  /** A 429: half the window, and no fetch before `retryAfterMs` has passed. */
  refused(now: number, retryAfterMs = 0): void {
    this.spent.rate_limited++;
    if (now - this.lastCut >= CUT_GAP_MS) {
      this.window = Math.max(this.bounds.min, this.window / 2);
      this.lastCut = now;
    }
    const pause = Math.min(Math.max(0, retryAfterMs), this.bounds.maxPauseMs);
    this.pausedUntil = Math.max(this.pausedUntil, now + pause);
  }

  /** A network error or 5xx: counted, the window kept (it says nothing about our rate). */
  failed(): void {
    this.spent.error++;
  }
}

function clamp(v: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, v));
}
