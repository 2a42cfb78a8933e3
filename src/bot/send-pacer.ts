import { AsyncLocalStorage } from 'node:async_hooks';
import type { Context, MiddlewareFn, Transformer } from 'grammy';

/** Bot API methods Telegram counts toward its ~30 messages/second bulk limit. */
const PACED = new Set(
  [
    'sendMessage',
    'sendPhoto',
    'sendVideo',
    'sendDocument',
    'sendAnimation',
    'sendAudio',
    'sendVoice',
    'sendSticker',
    'sendMediaGroup',
    'copyMessage',
    'forwardMessage',
    'editMessageText',
    'editMessageCaption',
    'editMessageMedia',
    'editMessageReplyMarkup',
  ].map((m) => m.toLowerCase()),
);

/** Marks calls made while handling an update: they go before queued bulk sends. */
const interactive = new AsyncLocalStorage<boolean>();

/** Runs `fn` as background work (job deliveries started from a handler are not replies). */
export const asBackground = <T>(fn: () => T): T => interactive.exit(fn);

interface Waiter {
  weight: number;
  resolve: () => void;
}

/**
 * Spaces every message-sending call of this process so the total stays under Telegram's bulk
 * limit, instead of firing 1,000 deliveries at once and living on 429s. Replies to users jump
 * the queue of background deliveries, so a busy delivery backlog does not slow /start down.
 * The limit is per bot token: with N instances give each rate/N.
 */
export class SendPacer {
  private readonly intervalMs: number;
  private nextAt = Number.NEGATIVE_INFINITY;
  private readonly queues: { fast: Waiter[]; bulk: Waiter[] } = { fast: [], bulk: [] };
  private timer: NodeJS.Timeout | undefined;

  constructor(
    readonly ratePerSecond: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    if (!(ratePerSecond > 0)) throw new RangeError('ratePerSecond must be positive');
    this.intervalMs = 1000 / ratePerSecond;
  }

  get queued(): number {
    return this.queues.fast.length + this.queues.bulk.length;
  }

  /** Resolves when the call may go; `weight` slots (a media group counts each item). */
  acquire(weight = 1, urgent = interactive.getStore() === true): Promise<void> {
    return new Promise((resolve) => {
      (urgent ? this.queues.fast : this.queues.bulk).push({ weight, resolve });
      this.pump();
    });
  }

  private pump(): void {
    if (this.timer) return;
    for (;;) {
      const waiter = this.queues.fast[0] ?? this.queues.bulk[0];
      if (!waiter) return;
      const now = this.now();
      if (this.nextAt > now) {
        this.timer = setTimeout(() => {
          this.timer = undefined;
          this.pump();
        }, this.nextAt - now);
        return;
      }
      (this.queues.fast[0] === waiter ? this.queues.fast : this.queues.bulk).shift();
      // Keep the cadence when a timer fires a little late (a busy event loop would otherwise
      // stretch every interval by its lateness), but bank no idle time, and never let two
      // calls go closer than 80% of an interval: no bursts after a pause or a late timer.
      const base = now - this.nextAt > this.intervalMs ? now : this.nextAt;
      this.nextAt = Math.max(
        base + this.intervalMs * waiter.weight,
        now + this.intervalMs * 0.8 * waiter.weight,
      );
      waiter.resolve();
    }
  }

  /** The Bot API transformer (installed under auto-retry, so retries are paced too). */
  transformer(): Transformer {
    return async (prev, method, payload, signal) => {
      if (PACED.has(method.toLowerCase())) {
        const media = (payload as { media?: unknown }).media;
        await this.acquire(method === 'sendMediaGroup' && Array.isArray(media) ? media.length : 1);
      }
      return prev(method, payload, signal);
    };
  }

  /** Middleware marking everything below it as the handling of an update. */
  middleware<C extends Context>(): MiddlewareFn<C> {
    return (_ctx, next) => interactive.run(true, next);
  }
}
