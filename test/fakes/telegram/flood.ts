import { type ApiError, tooManyRequests } from './errors.js';

export interface FloodConfig {
  /** Messages per second per chat (Telegram: about 1). */
  perChat?: number;
  /** Messages per second over all chats (Telegram: about 30). */
  global?: number;
  /** Messages per minute per group chat (Telegram: 20). */
  groupPerMinute?: number;
  /** Fixed retry_after in seconds instead of the time until the window frees up. */
  retryAfter?: number;
}

export interface FloodStats {
  /** 429 answers sent. */
  throttled: number;
  /** Calls that came back before the retry_after they were given had elapsed. */
  violations: number;
}

// Timer jitter: a retry that arrives a few ms early still waited "exactly retry_after".
const TOLERANCE_MS = 30;

/**
 * Sliding-window flood control. After a 429 the scope stays closed until
 * retry_after elapses. A violation is the same request (same method and
 * params) coming back before its retry_after elapsed, i.e. an early retry;
 * other requests in the closed window just get 429 too.
 */
export class FloodControl implements FloodStats {
  config: FloodConfig = {};
  throttled = 0;
  violations = 0;
  private readonly windows = new Map<string, number[]>();
  private readonly closedUntil = new Map<string, number>();
  /** Request fingerprint -> time its retry becomes allowed. */
  private readonly retryAt = new Map<string, number>();

  constructor(private readonly now: () => number) {}

  set(config: FloodConfig): void {
    this.config = { ...config };
    this.windows.clear();
  }

  /** Returns the 429 to answer, or undefined and counts `weight` messages. */
  check(
    chatId: number | string | undefined,
    isGroup: boolean,
    weight: number,
    fingerprint: string,
  ): ApiError | undefined {
    const now = this.now();
    this.noteRetry(fingerprint, now);
    const scopes = ['global', ...(chatId !== undefined ? [`chat:${chatId}`] : [])];
    for (const scope of scopes) {
      const until = this.closedUntil.get(scope);
      if (until !== undefined && now < until - TOLERANCE_MS) {
        return this.reject(Math.max(1, Math.ceil((until - now) / 1000)), fingerprint, now);
      }
    }
    const limits: [string, number | undefined, number][] = [
      ['global', this.config.global, 1000],
      [`chat:${chatId}`, chatId !== undefined ? this.config.perChat : undefined, 1000],
      [`group:${chatId}`, isGroup ? this.config.groupPerMinute : undefined, 60_000],
    ];
    for (const [key, limit, windowMs] of limits) {
      if (limit === undefined) continue;
      const hits = this.hits(key, windowMs, now);
      if (hits.length >= limit) {
        const oldest = hits[0] ?? now;
        const wait =
          this.config.retryAfter ?? Math.max(1, Math.ceil((oldest + windowMs - now) / 1000));
        this.closedUntil.set(key === 'global' ? 'global' : `chat:${chatId}`, now + wait * 1000);
        return this.reject(wait, fingerprint, now);
      }
    }
    for (const [key, limit, windowMs] of limits) {
      if (limit === undefined) continue;
      const hits = this.hits(key, windowMs, now);
      for (let i = 0; i < weight; i++) hits.push(now);
    }
    return undefined;
  }

  /**
   * Closes a scope ('global' or 'chat:<id>') for `seconds` after an injected
   * 429, and expects this request not to come back earlier.
   */
  penalize(scope: string | undefined, seconds: number, fingerprint: string): void {
    const now = this.now();
    this.noteRetry(fingerprint, now);
    if (scope) this.closedUntil.set(scope, now + seconds * 1000);
    this.retryAt.set(fingerprint, now + seconds * 1000);
  }

  private noteRetry(fingerprint: string, now: number): void {
    const allowedAt = this.retryAt.get(fingerprint);
    if (allowedAt === undefined) return;
    if (now < allowedAt - TOLERANCE_MS) this.violations++;
    this.retryAt.delete(fingerprint);
  }

  private reject(wait: number, fingerprint: string, now: number): ApiError {
    this.throttled++;
    this.retryAt.set(fingerprint, now + wait * 1000);
    return tooManyRequests(wait);
  }

  private hits(key: string, windowMs: number, now: number): number[] {
    const list = (this.windows.get(key) ?? []).filter((t) => t > now - windowMs);
    this.windows.set(key, list);
    return list;
  }
}
