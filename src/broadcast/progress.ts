// Broadcast, domain side (store, pacing, worker; no grammY). Its Telegram side is src/bot/broadcast.
/** Broadcast progress: the numbers shown to the admin and how often to edit them. */

export interface ProgressCounts {
  total: number;
  sent: number;
  blocked: number;
  failed: number;
}

export interface ProgressView {
  done: number;
  /** Whole percent, 0–100 (100 only when nothing is left). */
  percent: number;
  /** Recipients counted at creation who were never tried (they blocked or were banned meanwhile). */
  skipped: number;
}

export function progressView(c: ProgressCounts, finished = false): ProgressView {
  const done = c.sent + c.blocked + c.failed;
  const total = Math.max(c.total, done);
  const percent = total === 0 || finished ? 100 : Math.min(99, Math.floor((done / total) * 100));
  return { done, percent, skipped: finished ? Math.max(0, c.total - done) : 0 };
}

/** Seconds left at the rate so far; undefined until there is a rate to go by. */
export function etaSeconds(c: ProgressCounts, startedAt: number, now: number): number | undefined {
  const done = c.sent + c.blocked + c.failed;
  const elapsed = now - startedAt;
  if (done === 0 || elapsed <= 0) return undefined;
  return Math.ceil((Math.max(0, c.total - done) * elapsed) / done / 1000);
}

/**
 * Edits count against the same flood limits as the broadcast itself, so the progress message
 * changes at most every `intervalMs`.
 */
export class ProgressThrottle {
  private last = Number.NEGATIVE_INFINITY;

  constructor(private readonly intervalMs: number) {}

  /** True (and remembers `now`) when an edit is due. */
  take(now: number): boolean {
    if (now - this.last < this.intervalMs) return false;
    this.last = now;
    return true;
  }
}
