import type { Transformer } from 'grammy';

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

/** A queue wait beyond this makes a progress edit pointless: it would arrive stale. */
const CONGESTED_AFTER_MS = 2_000;

/**
 * A call unanswered this long (a large upload) is taken as counted by then, so one slow call
 * cannot hold every other send back.
 */
const IN_FLIGHT_CAP_MS = 5_000;

/**
 * Marks a call made through an update's own API (a reply): it goes before queued bulk sends.
 * A symbol key is invisible to the JSON and multipart encoders, so Telegram never sees it.
 */
const REPLY = Symbol('reply to an update');

type ChatId = number | string | undefined;

interface Waiter {
  weight: number;
  chat: string | undefined;
  resolve: (finish: () => void) => void;
}

/** One released call; `answeredAt` stays undefined while it is in flight. */
interface Slot {
  releasedAt: number;
  answeredAt: number | undefined;
}

/** The latest Telegram can have counted the call. */
const countedBy = (slot: Slot): number => slot.answeredAt ?? slot.releasedAt + IN_FLIGHT_CAP_MS;

/**
 * Telegram's limits per bot: about 30 messages a second in all, 20 a minute in one group. An
 * instance given part of the first (several instances share a bot) takes the same part of the
 * second.
 */
const BOT_RATE = 30;
const GROUP_PER_MINUTE = 20;

/**
 * At most `limit` calls counted by Telegram in any `windowMs`, judged by when they were answered
 * (Telegram counts a call no later than it answers it).
 */
class CountWindow {
  private readonly slots: Slot[] = [];

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** The earliest time `weight` more calls may go: a window after all but the newest `limit - weight`. */
  opensAt(weight: number): number {
    let at = Number.NEGATIVE_INFINITY;
    const older = this.slots.length - Math.max(0, this.limit - weight);
    for (let i = 0; i < older; i++) {
      at = Math.max(at, countedBy(this.slots[i] as Slot) + this.windowMs);
    }
    return at;
  }

  add(slot: Slot, weight: number, now: number): void {
    this.prune(now);
    for (let i = 0; i < weight; i++) this.slots.push(slot);
  }

  /** Drops calls counted a whole window ago (they bind nothing); true when none is left. */
  prune(now: number): boolean {
    while (this.slots[0] && countedBy(this.slots[0]) + this.windowMs <= now) this.slots.shift();
    return this.slots.length === 0;
  }
}

/** Group and supergroup chats (and channels) have negative ids. */
const isGroupChat = (chat: string | undefined): chat is string => chat?.startsWith('-') === true;

const chatOf = (payload: unknown): string | undefined => {
  const id = (payload as { chat_id?: unknown } | undefined)?.chat_id;
  return typeof id === 'number' || typeof id === 'string' ? String(id) : undefined;
};

/**
 * Spaces every message-sending call of this process so the total stays under Telegram's bulk
 * limit, instead of firing 1,000 deliveries at once and living on 429s. Replies to users jump
 * the queue of background deliveries, so a busy delivery backlog does not slow /start down.
 *
 * Telegram counts a message when it arrives, which is some time after this process lets it go
 * (a busy event loop, a slow upload) but never after its answer is back. So a call goes only a
 * full second after the answer to the call `rate` places before it: however late earlier calls
 * left, no second at Telegram's end sees more than `rate`. An even cadence sits on top.
 *
 * A 429 that still comes back holds that chat for its retry_after; a second chat answered 429
 * while the first is held means the bot-wide limit, and everything holds (otherwise every send
 * in the closed window would earn its own 429). The limit is per bot token: with N instances
 * give each rate/N.
 */
export class SendPacer {
  private readonly intervalMs: number;
  private nextAt = Number.NEGATIVE_INFINITY;
  /** The bot-wide window (a media group takes one slot per item). */
  private readonly window: CountWindow;
  /** Each group chat's own window, while it has recent calls. */
  private readonly groupWindows = new Map<string, CountWindow>();
  private readonly groupPerMinute: number;
  private readonly queues: { fast: Waiter[]; bulk: Waiter[] } = { fast: [], bulk: [] };
  private readonly chatHolds = new Map<string, number>();
  private globalHoldUntil = Number.NEGATIVE_INFINITY;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    readonly ratePerSecond: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    if (!(ratePerSecond > 0)) throw new RangeError('ratePerSecond must be positive');
    this.intervalMs = 1000 / ratePerSecond;
    this.window = new CountWindow(ratePerSecond, 1000);
    this.groupPerMinute = Math.max(1, Math.floor((GROUP_PER_MINUTE * ratePerSecond) / BOT_RATE));
  }

  get queued(): number {
    return this.queues.fast.length + this.queues.bulk.length;
  }

  /**
   * True while a send to `chat` would wait: a 429 hold (the chat's or everyone's), a full group
   * window, or seconds of queue. Optional messages (progress edits) are skipped then, not queued
   * behind results.
   */
  congested(chat?: ChatId): boolean {
    const now = this.now();
    if (this.globalHoldUntil > now || this.queued * this.intervalMs > CONGESTED_AFTER_MS) {
      return true;
    }
    if (chat === undefined) return false;
    return this.chatOpensAt(String(chat), 1) > now;
  }

  /**
   * Resolves when the call may go (`weight` slots: a media group counts each item), with a
   * function to call once its answer is back or it failed.
   */
  acquire(weight = 1, urgent = false, chat?: ChatId): Promise<() => void> {
    return new Promise((resolve) => {
      (urgent ? this.queues.fast : this.queues.bulk).push({
        weight,
        chat: chat === undefined ? undefined : String(chat),
        resolve,
      });
      // The timer may be waiting out a hold this waiter is not under.
      this.repump();
    });
  }

  /** Telegram answered 429 for `chat` (or for no chat: then everything holds). */
  penalize(chat: ChatId, retryAfterSeconds: number): void {
    const now = this.now();
    const until = now + Math.max(1, retryAfterSeconds) * 1000;
    const key = chat === undefined ? undefined : String(chat);
    const otherHeld = [...this.chatHolds].some(([c, t]) => c !== key && t > now);
    if (key === undefined || otherHeld) {
      this.globalHoldUntil = Math.max(this.globalHoldUntil, until);
    }
    if (key !== undefined) this.chatHolds.set(key, Math.max(this.chatHolds.get(key) ?? 0, until));
    this.repump();
  }

  private repump(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.pump();
  }

  private pump(): void {
    while (this.queued > 0) {
      const now = this.now();
      this.expireHolds(now);
      const picked = this.pick(now);
      const at =
        'waiter' in picked
          ? Math.max(this.globalHoldUntil, this.nextAt, this.window.opensAt(picked.waiter.weight))
          : picked.wakeAt;
      if (!('waiter' in picked) || at > now) {
        // An answer that moves `at` earlier pumps again.
        this.timer = setTimeout(() => this.repump(), Math.max(1, at - now));
        return;
      }
      picked.queue.splice(picked.index, 1);
      picked.waiter.resolve(this.release(now, picked.waiter));
    }
  }

  /** When this waiter's own chat lets it go: after a 429 hold, and within a group's limit. */
  private chatOpensAt(chat: string | undefined, weight: number): number {
    if (chat === undefined) return Number.NEGATIVE_INFINITY;
    const held = this.chatHolds.get(chat) ?? Number.NEGATIVE_INFINITY;
    return Math.max(held, this.groupWindows.get(chat)?.opensAt(weight) ?? held);
  }

  /**
   * The first waiter its chat lets go now, replies before bulk sends; with none, when the first
   * of them may go.
   */
  private pick(
    now: number,
  ): { queue: Waiter[]; index: number; waiter: Waiter } | { wakeAt: number } {
    let wakeAt = Number.POSITIVE_INFINITY;
    for (const queue of [this.queues.fast, this.queues.bulk]) {
      for (const [index, waiter] of queue.entries()) {
        const at = this.chatOpensAt(waiter.chat, waiter.weight);
        if (at <= now) return { queue, index, waiter };
        wakeAt = Math.min(wakeAt, at);
      }
    }
    return { wakeAt };
  }

  private release(now: number, { weight, chat }: Waiter): () => void {
    // Keep the cadence when a timer fires a little late (a busy event loop would otherwise
    // stretch every interval by its lateness and lose a tenth of the rate) but bank no idle
    // time, and never go closer than 80% of an interval.
    const base = now - this.nextAt > this.intervalMs ? now : this.nextAt;
    this.nextAt = Math.max(base + this.intervalMs * weight, now + this.intervalMs * 0.8 * weight);
    const slot: Slot = { releasedAt: now, answeredAt: undefined };
    this.window.add(slot, weight, now);
    if (isGroupChat(chat)) {
      let group = this.groupWindows.get(chat);
      if (!group) {
        group = new CountWindow(this.groupPerMinute, 60_000);
        this.groupWindows.set(chat, group);
      }
      group.add(slot, weight, now);
    }
    return () => {
      if (slot.answeredAt !== undefined) return;
      slot.answeredAt = this.now();
      this.repump();
    };
  }

  private expireHolds(now: number): void {
    for (const [chat, until] of this.chatHolds) if (until <= now) this.chatHolds.delete(chat);
    for (const [chat, group] of this.groupWindows)
      if (group.prune(now)) this.groupWindows.delete(chat);
  }

  /** The Bot API transformer (installed under auto-retry, so retries are paced too). */
  transformer(): Transformer {
    return async (prev, method, payload, signal) => {
      if (!PACED.has(method.toLowerCase())) return prev(method, payload, signal);
      const media = (payload as { media?: unknown }).media;
      const chat = chatOf(payload);
      const finish = await this.acquire(
        method === 'sendMediaGroup' && Array.isArray(media) ? media.length : 1,
        (payload as Record<symbol, unknown>)[REPLY] === true,
        chat,
      );
      try {
        const result = await prev(method, payload, signal);
        if (!result.ok && result.error_code === 429) {
          this.penalize(chat, result.parameters?.retry_after ?? 1);
        }
        return result;
      } finally {
        finish();
      }
    };
  }

  /**
   * Installed last on an update's (or a conversation's) own API: its calls are replies. Work
   * that outlives the update (deliveries, broadcasts) uses the bot's API and queues as bulk.
   */
  readonly replyTransformer: Transformer = (prev, method, payload, signal) =>
    prev(method, PACED.has(method.toLowerCase()) ? { ...payload, [REPLY]: true } : payload, signal);
}
