import type { Update, WebhookInfo } from 'grammy/types';
import { ApiError } from './errors.js';

/** Update types Telegram delivers when allowed_updates is empty or never set. */
const NOT_BY_DEFAULT = new Set(['chat_member', 'message_reaction', 'message_reaction_count']);

export type NewUpdate = Omit<Update, 'update_id'>;

export interface Webhook {
  url: string;
  secretToken?: string;
  maxConnections: number;
  lastErrorDate?: number;
  lastErrorMessage?: string;
}

interface Poller {
  resolve: (result: Update[] | ApiError) => void;
  limit: number;
}

export interface QueueOptions {
  now: () => number;
  webhookRetryMs: number;
  webhookTimeoutMs: number;
  /** Runs a webhook reply ({ method, ...params }) as if the bot had called the API. */
  onWebhookReply: (method: string, params: Record<string, unknown>) => Promise<void>;
}

/** The chat an update belongs to; Telegram serialises webhook delivery per chat. */
function chatKey(u: Update): string {
  const msg = u.message ?? u.edited_message ?? u.channel_post ?? u.edited_channel_post;
  if (msg) return `chat:${msg.chat.id}`;
  if (u.callback_query)
    return `chat:${u.callback_query.message?.chat.id ?? u.callback_query.from.id}`;
  if (u.my_chat_member) return `chat:${u.my_chat_member.chat.id}`;
  if (u.chat_member) return `chat:${u.chat_member.chat.id}`;
  return `update:${u.update_id}`;
}

export const updateType = (u: Update | NewUpdate): string =>
  Object.keys(u).find((k) => k !== 'update_id') ?? 'unknown';

/**
 * Pending updates with Telegram's confirmation semantics: an update stays
 * pending until getUpdates is called with an offset above its id.
 */
export class UpdateQueue {
  /** Every update ever created, for assertions. */
  readonly log: Update[] = [];
  private pending: Update[] = [];
  private nextId = 100_000_001;
  private allowed: string[] | undefined;
  private poller: Poller | undefined;
  /** Chats with a webhook request in flight. */
  private readonly inFlight = new Set<string>();
  private closed = false;
  webhook: Webhook | undefined;

  constructor(private readonly opts: QueueOptions) {}

  /** An update id for an update delivered some other way (PressOptions.via). */
  takeId(): number {
    return this.nextId++;
  }

  push(partial: NewUpdate): Update {
    const update = { update_id: this.takeId(), ...partial } as Update;
    this.log.push(update);
    const type = updateType(update);
    const allowed = this.allowed ? this.allowed.includes(type) : !NOT_BY_DEFAULT.has(type);
    if (!allowed) return update;
    this.pending.push(update);
    this.wakePoller();
    this.deliver();
    return update;
  }

  /**
   * Delivers an update again with its own update_id, as Telegram does when the bot never
   * confirmed it (a crash before the next getUpdates, a webhook answered too late).
   */
  redeliver(update: Update): void {
    this.pending.push(update);
    this.wakePoller();
    this.deliver();
  }

  pendingCount(): number {
    return this.pending.length;
  }

  async getUpdates(
    q: { offset?: number; limit?: number; timeout?: number; allowed?: string[] },
    signal: AbortSignal,
  ): Promise<Update[]> {
    if (this.webhook) {
      throw new ApiError(
        409,
        "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
      );
    }
    if (q.allowed) this.allowed = q.allowed.length > 0 ? q.allowed : undefined;
    if (q.offset !== undefined) this.confirm(q.offset);
    // Like Telegram, a second concurrent poll ends the first one with 409.
    this.poller?.resolve(
      new ApiError(
        409,
        'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running',
      ),
    );
    this.poller = undefined;
    const limit = Math.min(Math.max(q.limit ?? 100, 1), 100);
    const timeoutMs = Math.max(0, q.timeout ?? 0) * 1000;
    if (this.pending.length > 0 || timeoutMs === 0 || this.closed)
      return this.pending.slice(0, limit);
    const result = await new Promise<Update[] | ApiError>((resolve) => {
      const poller: Poller = {
        limit,
        resolve: (r) => {
          clearTimeout(timer);
          signal.removeEventListener('abort', onAbort);
          if (this.poller === poller) this.poller = undefined;
          resolve(r);
        },
      };
      const timer = setTimeout(() => poller.resolve([]), timeoutMs);
      const onAbort = (): void => poller.resolve([]);
      signal.addEventListener('abort', onAbort, { once: true });
      this.poller = poller;
    });
    if (result instanceof ApiError) throw result;
    return result;
  }

  private confirm(offset: number): void {
    if (offset < 0) {
      this.pending = this.pending.slice(offset);
    } else {
      this.pending = this.pending.filter((u) => u.update_id >= offset);
    }
  }

  private wakePoller(): void {
    const p = this.poller;
    if (p && this.pending.length > 0) p.resolve(this.pending.slice(0, p.limit));
  }

  /** Answers a pending long poll with what it has (used by close/restart/setWebhook). */
  endPoll(error?: ApiError): void {
    this.poller?.resolve(error ?? []);
  }

  setWebhook(hook: Webhook, dropPending: boolean, allowed?: string[]): void {
    if (dropPending) this.pending = [];
    if (allowed) this.allowed = allowed.length > 0 ? allowed : undefined;
    this.endPoll(new ApiError(409, 'Conflict: terminated by setWebhook request'));
    this.webhook = hook;
    this.deliver();
  }

  deleteWebhook(dropPending: boolean): void {
    if (dropPending) this.pending = [];
    this.webhook = undefined;
  }

  webhookInfo(): WebhookInfo {
    const h = this.webhook;
    return {
      url: h?.url ?? '',
      has_custom_certificate: false,
      pending_update_count: this.pending.length,
      ...(h ? { max_connections: h.maxConnections, ip_address: '127.0.0.1' } : {}),
      ...(h?.lastErrorDate ? { last_error_date: h.lastErrorDate } : {}),
      ...(h?.lastErrorMessage ? { last_error_message: h.lastErrorMessage } : {}),
      ...(this.allowed ? { allowed_updates: this.allowed as WebhookInfo['allowed_updates'] } : {}),
    };
  }

  close(): void {
    this.closed = true;
    this.endPoll();
  }

  reopen(): void {
    this.closed = false;
    this.deliver();
  }

  /**
   * Posts pending updates like Telegram: one request at a time per chat (the
   * next update of a chat waits for the current one), chats in parallel up to
   * max_connections; failures are retried after webhookRetryMs.
   */
  private deliver(): void {
    const hook = this.webhook;
    if (!hook || this.closed) return;
    for (const update of this.pending) {
      if (this.inFlight.size >= hook.maxConnections) return;
      const key = chatKey(update);
      if (this.inFlight.has(key)) continue;
      this.inFlight.add(key);
      void this.deliverOne(hook, update, key);
    }
  }

  private async deliverOne(hook: Webhook, update: Update, key: string): Promise<void> {
    try {
      for (;;) {
        if (this.webhook !== hook || this.closed || !this.pending.includes(update)) return;
        const error = await this.post(hook, update);
        if (error === undefined) {
          this.pending = this.pending.filter((u) => u !== update);
          return;
        }
        hook.lastErrorDate = Math.floor(this.opts.now() / 1000);
        hook.lastErrorMessage = error;
        await new Promise((r) => setTimeout(r, this.opts.webhookRetryMs));
      }
    } finally {
      this.inFlight.delete(key);
      this.deliver();
    }
  }

  private async post(hook: Webhook, update: Update): Promise<string | undefined> {
    try {
      const res = await fetch(hook.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(hook.secretToken ? { 'x-telegram-bot-api-secret-token': hook.secretToken } : {}),
        },
        body: JSON.stringify(update),
        signal: AbortSignal.timeout(this.opts.webhookTimeoutMs),
      });
      const body = await res.text();
      if (!res.ok) return `Wrong response from the webhook: ${res.status} ${res.statusText}`;
      await this.webhookReply(body);
      return undefined;
    } catch (e) {
      const cause = e instanceof Error && e.cause instanceof Error ? e.cause.message : String(e);
      return /ECONNREFUSED/.test(cause) ? 'Connection refused' : cause;
    }
  }

  private async webhookReply(body: string): Promise<void> {
    if (!body.trim().startsWith('{')) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      return;
    }
    if (typeof parsed !== 'object' || parsed === null) return;
    const { method, ...params } = parsed as Record<string, unknown>;
    if (typeof method === 'string') await this.opts.onWebhookReply(method, params);
  }
}
