import type { IncomingMessage, ServerResponse } from 'node:http';
import type {
  BotCommand,
  BotCommandScope,
  MenuButton,
  Message,
  StarTransaction,
  Update,
  UserFromGetMe,
  WebhookInfo,
} from 'grammy/types';
import { type CallPredicate, type CallRecord, summarize } from './calls.js';
import { Core, commandsKey, resolveOptions, type StandInOptions } from './core.js';
import { ChatDriver, type UserOptions } from './driver.js';
import type { ApiErrorBody } from './errors.js';
import type { FloodConfig, FloodStats } from './flood.js';
import { Front, parseRequest, readBody, sendJson } from './http.js';
import type { InlineAnswer } from './inline.js';
import { postPaymentMessage, refundedPaymentOf } from './methods/payments.js';
import { TestGroup, TestUser } from './people.js';
import { execute } from './pipeline.js';
import type { InvoiceRecord } from './stars.js';
import type { NewUpdate } from './updates.js';
import type { ChatAction } from './world.js';

export interface GroupOptions {
  title: string;
  /** A forum is always a supergroup. */
  forum?: boolean;
  /** Defaults to 'supergroup'. */
  type?: 'group' | 'supergroup';
  members?: (TestUser | number)[];
  username?: string;
}

/** A Telegram Bot API server on 127.0.0.1 plus the controls tests need. */
export class TelegramStandIn {
  readonly token: string;
  readonly botInfo: UserFromGetMe;
  /** @internal */
  readonly core: Core;
  private readonly front: Front;
  private readonly consumed = new Set<number>();
  /** Methods whose answers wait (the call is executed and visible at once): see holdAnswers. */
  private readonly holds = new Map<string, Promise<void>>();
  private closed = false;

  /** @internal use startTelegramStandIn */
  constructor(options: StandInOptions) {
    const o = resolveOptions(options);
    this.token = o.token;
    const bot = options.bot ?? { id: 123456789, username: 'genbot_test_bot', first_name: 'GenBot' };
    this.botInfo = botInfoOf(bot);
    this.core = new Core(o, this.botInfo, async (method, params) => {
      await execute(this.core, method, params, new Map(), AbortSignal.timeout(60_000));
    });
    this.front = new Front((req, res) => void this.handle(req, res));
  }

  /** @internal */
  async listen(): Promise<void> {
    await this.front.listen(this.core.options.port);
  }

  get apiRoot(): string {
    return `http://127.0.0.1:${this.front.port}`;
  }

  // ---- call log ----

  get calls(): readonly CallRecord[] {
    return this.core.log.calls;
  }

  callsTo(method: string): CallRecord[] {
    const m = method.toLowerCase();
    return this.core.log.calls.filter((c) => c.method.toLowerCase() === m);
  }

  /**
   * The next call to `method` matching `predicate` that no earlier waitForCall
   * returned; calls made before this wait began count too.
   */
  waitForCall(method: string, predicate?: CallPredicate, timeoutMs = 5_000): Promise<CallRecord> {
    const m = method.toLowerCase();
    return this.core.log.wait(
      (c) => c.method.toLowerCase() === m && (predicate?.(c) ?? true),
      this.consumed,
      timeoutMs,
      () => `${method}; recent calls:\n${this.core.log.calls.slice(-8).map(summarize).join('\n')}`,
    );
  }

  /** Bytes behind any file_id the stand-in issued (uploads, user photos, URL fetches). */
  fileBytes(fileId: string): Uint8Array | undefined {
    return this.core.files.get(fileId)?.bytes;
  }

  /** Every update generated so far (delivered or not). */
  get updates(): readonly Update[] {
    return this.core.queue.log;
  }

  pendingUpdates(): number {
    return this.core.queue.pendingCount();
  }

  /** Queues a raw update (update_id is assigned). */
  pushUpdate(update: NewUpdate): Update {
    return this.core.queue.push(update);
  }

  /** Sends an update the bot already had once more, same update_id (see UpdateQueue.redeliver). */
  redeliver(update: Update): void {
    this.core.queue.redeliver(update);
  }

  /** Every inline answer Telegram accepted, oldest first. */
  inlineAnswers(): InlineAnswer[] {
    return [...this.core.inlineQueries.values()].flatMap((q) => (q.answer ? [q.answer] : []));
  }

  // ---- people and chats ----

  user(options: UserOptions = {}): TestUser {
    const state = this.core.world.addUser(options);
    return new TestUser(this.core, state.user);
  }

  group(options: GroupOptions): TestGroup {
    const members = (options.members ?? []).map((m) => (typeof m === 'number' ? m : m.id));
    const kind = options.forum ? 'supergroup' : (options.type ?? 'supergroup');
    const chat = this.core.world.addGroup(options.title, kind, options.forum === true, members);
    if (options.username && chat.chat.type === 'supergroup')
      chat.chat = { ...chat.chat, username: options.username };
    return new TestGroup(this.core, chat);
  }

  /** The user blocks the bot: sends to them answer 403, and the bot gets a my_chat_member update. */
  block(userId: number): void {
    const u = this.core.world.users.get(userId);
    this.core.world.blocked.add(userId);
    const chat = this.core.world.chats.get(userId);
    if (u && chat) {
      this.core.queue.push({
        my_chat_member: {
          chat: chat.chat,
          from: u.user,
          date: this.core.world.date(),
          old_chat_member: { status: 'member', user: this.botInfo },
          new_chat_member: { status: 'kicked', user: this.botInfo, until_date: 0 },
        },
      });
    }
  }

  unblock(userId: number): void {
    this.core.world.blocked.delete(userId);
  }

  /** A chat's live history (edits applied, deletions removed). */
  messages(chatId: number): Message[] {
    const chat = this.core.world.chats.get(chatId);
    return chat ? this.core.world.history(chat) : [];
  }

  chatActions(chatId: number): ChatAction[] {
    return [...(this.core.world.chats.get(chatId)?.actions ?? [])];
  }

  /** A driver for any chat the stand-in knows, acting as `userId`. */
  driver(chatId: number, userId: number, threadId?: number): ChatDriver {
    const chat = this.core.world.chats.get(chatId);
    const user = this.core.world.users.get(userId);
    if (!chat || !user) throw new Error(`unknown chat ${chatId} or user ${userId}`);
    return new ChatDriver(this.core, user.user, chat, threadId);
  }

  // ---- Telegram Stars ----

  /** A user's Stars (each user starts with `initialStars`, default 1000). */
  starBalance(userId: number): number {
    return this.core.stars.balance(userId);
  }

  setStarBalance(userId: number, stars: number): void {
    this.core.stars.setBalance(userId, stars);
  }

  /** The bot's Stars: payments minus refunds (what getMyStarBalance answers). */
  botStarBalance(): number {
    return this.core.stars.botBalance();
  }

  /** What the stand-in privately keeps about an invoice message (its payload, currency, total). */
  invoice(chatId: number, messageId: number): InvoiceRecord | undefined {
    const r = this.core.stars.invoice(chatId, messageId);
    return r ? { ...r } : undefined;
  }

  /** The bot's Star transactions, newest first (as getStarTransactions answers). */
  starTransactions(): StarTransaction[] {
    return this.core.stars.newestFirst();
  }

  /** Whether the charge exists and was refunded (undefined: no such charge). */
  isRefunded(chargeId: string): boolean | undefined {
    return this.core.stars.charges.get(chargeId)?.refunded;
  }

  /**
   * Delivers a payment's successful_payment update again, same update_id, as Telegram does
   * when the bot did not confirm it (crash before the next getUpdates, a late webhook answer).
   */
  redeliverPayment(chargeId: string): Update {
    const update = this.core.stars.charges.get(chargeId)?.update;
    if (!update) throw new Error(`no successful_payment update for charge ${chargeId}`);
    this.core.queue.redeliver(update);
    return update;
  }

  /**
   * A refund made on Telegram's side (support, a dispute): the Stars go back to the user, the
   * refund is recorded as a StarTransaction and the bot gets a refunded_payment message.
   * Throws the Bot API error (CHARGE_NOT_FOUND, CHARGE_ALREADY_REFUNDED) for a bad charge.
   */
  refundFromTelegram(userId: number, chargeId: string): Message {
    const charge = this.core.stars.refund(userId, chargeId, this.core.world.date());
    return postPaymentMessage(this.core, charge, { refunded_payment: refundedPaymentOf(charge) })
      .message;
  }

  /**
   * A Stars payment the bot never heard of (its successful_payment was lost): the user is
   * debited and the transaction is in getStarTransactions, but no update is sent.
   * Returns the telegram_payment_charge_id.
   */
  plantStarPayment(
    userId: number,
    payment: { amount: number; payload: string; chatId?: number },
  ): string {
    const user = this.core.world.users.get(userId);
    if (!user) throw new Error(`unknown user ${userId}`);
    return this.core.stars.charge(user.user, payment.chatId ?? userId, {
      amount: payment.amount,
      payload: payment.payload,
      date: this.core.world.date(),
    }).id;
  }

  // ---- bot settings ----

  /** What setMyCommands stored for this scope and language (undefined if none). */
  commands(scope?: BotCommandScope, languageCode?: string): BotCommand[] | undefined {
    return this.core.commands.get(commandsKey(scope, languageCode));
  }

  menuButton(chatId?: number): MenuButton {
    if (chatId === undefined) return this.core.defaultMenuButton;
    return this.core.world.chats.get(chatId)?.menuButton ?? this.core.defaultMenuButton;
  }

  /** What setMyName / setMyDescription / setMyShortDescription stored ('' language = default). */
  botProfile(
    field: 'name' | 'description' | 'short_description',
    languageCode = '',
  ): string | undefined {
    return this.core.profile.get(`${field}|${languageCode}`);
  }

  webhookInfo(): WebhookInfo {
    return this.core.queue.webhookInfo();
  }

  // ---- chaos ----

  setFlood(config: FloodConfig): void {
    this.core.flood.set(config);
  }

  get flood(): FloodStats {
    return { throttled: this.core.flood.throttled, violations: this.core.flood.violations };
  }

  /** Calls that came back before their retry_after elapsed; should be 0. */
  get violations(): number {
    return this.core.flood.violations;
  }

  failNext(method: string, error: ApiErrorBody, times = 1): void {
    this.core.faults.failNext(method, error, times);
  }

  failEvery(method: string, n: number, error: ApiErrorBody): void {
    this.core.faults.failEvery(method, n, error);
  }

  clearFaults(): void {
    this.core.faults.clear();
  }

  /**
   * From now on calls to `method` are executed at once (the user sees the message) but their
   * HTTP answers wait until the returned function is called: the window in which the bot has
   * sent something and does not know it yet.
   */
  holdAnswers(method: string): () => void {
    const key = method.toLowerCase();
    let release = () => {};
    this.holds.set(
      key,
      new Promise<void>((resolve) => {
        release = () => {
          this.holds.delete(key);
          resolve();
        };
      }),
    );
    return release;
  }

  /** Drops every connection (pending long polls included) and listens again on the same port; state is kept. */
  async restart(): Promise<void> {
    this.core.queue.endPoll();
    await this.front.close();
    await this.front.listen(this.front.port);
    this.core.queue.reopen();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.core.queue.close();
    // Let ended long polls flush their empty answers before the sockets go.
    await new Promise((r) => setImmediate(r));
    await this.front.close();
  }

  // ---- HTTP ----

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const file = /^\/file\/bot([^/]+)\/(.+)$/.exec(url.pathname);
    if (file && this.core.options.localDir === undefined)
      return this.download(res, file[1] ?? '', decodeURIComponent(file[2] ?? ''));
    const api = /^\/bot([^/]*)\/([A-Za-z]+)\/?$/.exec(url.pathname);
    if (!api) return sendJson(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
    if (api[1] !== this.token) {
      req.resume();
      return sendJson(res, 401, { ok: false, error_code: 401, description: 'Unauthorized' });
    }
    const o = this.core.options;
    const body = await readBody(req, Math.max(o.uploadLimitBytes, o.photoLimitBytes) + 1024 * 1024);
    if (!body)
      return sendJson(res, 413, {
        ok: false,
        error_code: 413,
        description: 'Request Entity Too Large',
      });
    let parsed: Awaited<ReturnType<typeof parseRequest>>;
    try {
      parsed = await parseRequest(req, body, url);
    } catch {
      return sendJson(res, 400, {
        ok: false,
        error_code: 400,
        description: "Bad Request: can't parse request body",
      });
    }
    const abort = new AbortController();
    res.on('close', () => {
      if (!res.writableFinished) abort.abort();
    });
    const out = await execute(this.core, api[2] ?? '', parsed.params, parsed.files, abort.signal);
    await this.holds.get((api[2] ?? '').toLowerCase());
    sendJson(res, out.status, out.body);
  }

  private download(res: ServerResponse, token: string, path: string): void {
    if (token !== this.token) {
      sendJson(res, 401, { ok: false, error_code: 401, description: 'Unauthorized' });
      return;
    }
    const f = this.core.files.byFilePath(path);
    if (!f) {
      sendJson(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
      return;
    }
    res.writeHead(200, { 'content-type': f.mime, 'content-length': f.bytes.byteLength });
    res.end(Buffer.from(f.bytes));
  }
}

/** getMe's answer for a bot that may not join or read groups beyond what it is sent. */
export function botInfoOf(bot: {
  id: number;
  username: string;
  first_name: string;
}): UserFromGetMe {
  return {
    id: bot.id,
    is_bot: true,
    first_name: bot.first_name,
    username: bot.username,
    can_join_groups: true,
    can_read_all_group_messages: false,
    supports_inline_queries: false,
    can_connect_to_business: false,
    has_main_web_app: false,
    has_topics_enabled: false,
    allows_users_to_create_topics: false,
    can_manage_bots: false,
    supports_join_request_queries: false,
  };
}

export async function startTelegramStandIn(options: StandInOptions = {}): Promise<TelegramStandIn> {
  const standIn = new TelegramStandIn(options);
  await standIn.listen();
  return standIn;
}
