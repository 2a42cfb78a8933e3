import { randomBytes } from 'node:crypto';
import type {
  Chat,
  InlineQuery,
  Message,
  PhotoSize,
  ReplyKeyboardMarkup,
  Update,
  User,
} from 'grammy/types';
import { type CallRecord, summarize } from './calls.js';
import { stripReply } from './compose.js';
import type { CallbackAnswer, Core } from './core.js';
import { makePng, mimeFromName } from './image.js';
import { INLINE_LIMITS, type InlineAnswer } from './inline.js';
import {
  type BotReply,
  buttonsOf,
  matcherToPredicate,
  type ReplyMatcher,
  type ReplyPredicate,
} from './matcher.js';
import { postPaymentMessage } from './methods/payments.js';
import { type CheckoutAnswer, newQueryId } from './stars.js';
import { commandEntities } from './text.js';
import type { ChatAction, ChatState } from './world.js';

export interface UserOptions {
  id?: number;
  first_name?: string;
  last_name?: string;
  username?: string;
  language_code?: string;
  /** false: the user never opened the bot, so the bot gets 403 writing to them. Default true. */
  started?: boolean;
}

/** Photo input: real image bytes, or a size for a generated PNG. */
export type PhotoInput = Uint8Array | { width?: number; height?: number; bytes?: Uint8Array };

export interface PressOptions {
  timeoutMs?: number;
  /**
   * Hands the tap's update to this instead of the bot's queue: another instance behind a load
   * balancer (`app.bot.handleUpdate`). The stand-in still knows the query, so it can be answered.
   */
  via?: (update: Update) => void;
}

export interface PayOptions {
  /** How long to wait for answerPreCheckoutQuery (default: the stand-in's 10 s). */
  timeoutMs?: number;
}

/**
 * How a payment went: paid (the bot got successful_payment), declined by the bot's
 * answerPreCheckoutQuery, not answered in time, or never started for lack of Stars.
 */
export type PayResult =
  | { ok: true; chargeId: string; message: Message; update: Update }
  | { ok: false; reason: 'declined'; errorMessage: string }
  | { ok: false; reason: 'timeout' | 'insufficient_stars'; errorMessage?: undefined };

export interface InlineQueryOptions {
  /** The next_offset of an earlier answer, to read the next page. Default ''. */
  offset?: string;
  /**
   * Where the user is typing. Default: 'sender' in the user's own chat with the bot, the
   * group's type in a group (Telegram's own values).
   */
  chatType?: InlineQuery['chat_type'];
  /** How long to wait for answerInlineQuery (default: the stand-in's 10 s). */
  timeoutMs?: number;
}

export interface SendOptions {
  caption?: string;
  replyTo?: Message | number;
}

/** Acts as one user in one chat (private chat, group, or forum topic). */
export class ChatDriver {
  private readonly consumed = new Set<number>();

  constructor(
    protected readonly core: Core,
    readonly user: User,
    protected readonly state: ChatState,
    readonly threadId?: number,
    /** Posts carry this sender_chat (an anonymous admin posts as the group). */
    private readonly senderChat?: Chat,
  ) {}

  get chat(): Chat {
    return this.state.chat;
  }

  get chatId(): number {
    return this.state.chat.id;
  }

  // ---- user actions (each queues an update for the bot) ----

  send(text: string, options: { replyTo?: Message | number } = {}): Message {
    const entities = commandEntities(text);
    return this.post({ text, ...(entities.length ? { entities } : {}) }, options.replyTo);
  }

  sendPhoto(photo: PhotoInput = {}, options: SendOptions = {}): Message {
    return this.post(
      { photo: this.storePhoto(photo), ...captionOf(options.caption) },
      options.replyTo,
    );
  }

  /** Several photos with one media_group_id, the caption on the first, like a client sends an album. */
  sendAlbum(photos: PhotoInput[], options: { caption?: string } = {}): Message[] {
    const groupId = String(BigInt(Date.now()) * 1000n + BigInt(Math.floor(Math.random() * 1000)));
    return photos.map((p, i) =>
      this.post({
        photo: this.storePhoto(p),
        media_group_id: groupId,
        ...(i === 0 ? captionOf(options.caption) : {}),
      }),
    );
  }

  sendDocument(
    bytes: Uint8Array,
    options: { filename: string; mime?: string; caption?: string; replyTo?: Message | number },
  ): Message {
    const mime = options.mime ?? mimeFromName(options.filename);
    const f = this.core.files.add(bytes, 'document', { mime, filename: options.filename });
    return this.post(
      {
        document: {
          file_id: f.file_id,
          file_unique_id: f.file_unique_id,
          file_name: options.filename,
          mime_type: mime,
          file_size: bytes.byteLength,
        },
        ...captionOf(options.caption),
      },
      options.replyTo,
    );
  }

  /** A video message (MP4 by default), as a phone sends a clip; the caption may be a command. */
  sendVideo(
    bytes: Uint8Array,
    options: { caption?: string; replyTo?: Message; mime?: string } = {},
  ): Message {
    const mime = options.mime ?? 'video/mp4';
    const f = this.core.files.add(bytes, 'video', { mime });
    return this.post(
      {
        video: {
          file_id: f.file_id,
          file_unique_id: f.file_unique_id,
          width: 640,
          height: 360,
          duration: 5,
          mime_type: mime,
          file_size: bytes.byteLength,
        },
        ...captionOf(options.caption),
      },
      options.replyTo,
    );
  }

  /** A music file (`audio`, with its title) or a voice note (`voice`: OGG Opus, no name). */
  sendAudio(
    bytes: Uint8Array,
    options: {
      voice?: boolean;
      filename?: string;
      mime?: string;
      title?: string;
      replyTo?: Message;
    },
  ): Message {
    const kind = options.voice ? 'voice' : 'audio';
    const mime = options.mime ?? (options.voice ? 'audio/ogg' : 'audio/mpeg');
    const f = this.core.files.add(bytes, kind, {
      mime,
      ...(options.filename ? { filename: options.filename } : {}),
    });
    const file = {
      file_id: f.file_id,
      file_unique_id: f.file_unique_id,
      mime_type: mime,
      file_size: bytes.byteLength,
      duration: 3,
    };
    return this.post(
      options.voice
        ? { voice: file }
        : {
            audio: {
              ...file,
              ...(options.filename ? { file_name: options.filename } : {}),
              ...(options.title ? { title: options.title } : {}),
            },
          },
      options.replyTo,
    );
  }

  sendSticker(options: { emoji?: string } = {}): Message {
    const bytes = Buffer.concat([Buffer.from('RIFF\0\0\0\0WEBPVP8X', 'latin1'), Buffer.alloc(16)]);
    const f = this.core.files.add(bytes, 'sticker', {
      mime: 'image/webp',
      width: 512,
      height: 512,
    });
    return this.post({
      sticker: {
        file_id: f.file_id,
        file_unique_id: f.file_unique_id,
        type: 'regular',
        width: 512,
        height: 512,
        is_animated: false,
        is_video: false,
        emoji: options.emoji ?? '👍',
        file_size: bytes.byteLength,
      },
    });
  }

  /** Replies to a message with text or a photo. */
  reply(
    to: Message | number,
    content: string | PhotoInput,
    options: { caption?: string } = {},
  ): Message {
    if (typeof content === 'string') return this.send(content, { replyTo: to });
    return this.sendPhoto(content, { ...options, replyTo: to });
  }

  /** Edits one of this user's messages; the bot gets an edited_message update. */
  edit(message: Message | number, text: string): Message {
    const id = typeof message === 'number' ? message : message.message_id;
    const current = this.state.messages.get(id);
    if (!current || current.from?.id !== this.user.id)
      throw new Error(`message ${id} is not this user's`);
    const entities = commandEntities(text);
    const edited: Message = {
      ...current,
      text,
      edit_date: this.core.world.date(),
      ...(entities.length ? { entities } : { entities: undefined }),
    };
    if (!entities.length) delete edited.entities;
    this.state.messages.set(id, edited);
    this.core.queue.push({ edited_message: edited } as never);
    return edited;
  }

  /**
   * Presses an inline button (by text, RegExp on text, or exact callback_data)
   * on the current version of `message`. Resolves with the bot's
   * answerCallbackQuery; rejects if the bot does not answer in time.
   */
  press(
    message: Message | number,
    button: string | RegExp,
    options: PressOptions = {},
  ): Promise<CallbackAnswer> {
    const current = this.current(message);
    if (current instanceof Error) return Promise.reject(current);
    const all = buttonsOf(current);
    const hit = all.find((b) =>
      typeof button === 'string'
        ? b.text === button || ('callback_data' in b && b.callback_data === button)
        : button.test(b.text),
    );
    if (!hit || !('callback_data' in hit) || hit.callback_data === undefined) {
      const have = all
        .map((b) => `${b.text}${'callback_data' in b ? ` [${b.callback_data}]` : ''}`)
        .join(', ');
      return Promise.reject(
        new Error(
          `no callback button ${String(button)} on message ${current.message_id}; buttons: ${have || 'none'}`,
        ),
      );
    }
    return this.sendCallback(current, hit.callback_data, options);
  }

  /** The current version of `message` in this chat, or the error a press on it fails with. */
  private current(message: Message | number): Message | Error {
    const id = typeof message === 'number' ? message : message.message_id;
    return (
      this.state.messages.get(id) ??
      new Error(`message ${id} is not in chat ${this.chatId} (deleted?)`)
    );
  }

  /**
   * Sends a callback query with any data, as a forged or stale client would: the button need
   * not exist on the message.
   */
  pressData(
    message: Message | number,
    data: string,
    options: PressOptions = {},
  ): Promise<CallbackAnswer> {
    const current = this.current(message);
    if (current instanceof Error) return Promise.reject(current);
    return this.sendCallback(current, data, options);
  }

  private sendCallback(
    current: Message,
    data: string,
    options: PressOptions,
  ): Promise<CallbackAnswer> {
    const timeoutMs = options.timeoutMs ?? 5_000;
    const queryId = BigInt(`0x${randomBytes(8).toString('hex')}`).toString();
    return new Promise<CallbackAnswer>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`bot did not answer callback query ${data} within ${timeoutMs} ms`)),
        timeoutMs,
      );
      this.core.queries.set(queryId, {
        id: queryId,
        userId: this.user.id,
        createdAt: this.core.options.now(),
        answered: false,
        resolve: (a) => {
          clearTimeout(timer);
          resolve(a);
        },
      });
      const update = {
        callback_query: {
          id: queryId,
          from: this.user,
          message: current,
          chat_instance: String(
            Math.abs(this.chatId * 7919 + this.user.id) % 9_007_199_254_740_991,
          ),
          data: data,
        },
      };
      if (options.via) options.via({ update_id: this.core.queue.takeId(), ...update } as Update);
      else this.core.queue.push(update);
    });
  }

  /**
   * Types `@bot <query>` in this chat, as a client does: the bot gets an inline_query from this
   * user. Resolves with the answer Telegram accepted (results, next_offset, button, timings);
   * rejects when none came in time, naming the answers Telegram refused meanwhile.
   */
  inlineQuery(query: string, options: InlineQueryOptions = {}): Promise<InlineAnswer> {
    if ([...query].length > INLINE_LIMITS.queryChars)
      return Promise.reject(
        new Error(`an inline query is at most ${INLINE_LIMITS.queryChars} characters`),
      );
    const timeoutMs = options.timeoutMs ?? this.core.options.inlineQueryTimeoutMs;
    const id = BigInt(`0x${randomBytes(8).toString('hex')}`).toString();
    const offset = options.offset ?? '';
    const chatType = options.chatType ?? this.inlineChatType();
    return new Promise<InlineAnswer>((resolve, reject) => {
      const timer = setTimeout(() => {
        const refused = pending.refusals;
        reject(
          new Error(
            `bot did not answer inline query ${JSON.stringify(query)} within ${timeoutMs} ms${refused.length ? `; refused: ${refused.join('; ')}` : ''}`,
          ),
        );
      }, timeoutMs);
      const pending = {
        id,
        userId: this.user.id,
        query,
        offset,
        chatType,
        createdAt: this.core.options.now(),
        refusals: [] as string[],
        resolve: (answer: InlineAnswer) => {
          clearTimeout(timer);
          resolve(answer);
        },
      };
      this.core.inlineQueries.set(id, pending);
      this.core.queue.push({
        inline_query: { id, from: this.user, query, offset, chat_type: chatType },
      });
    });
  }

  /** InlineQuery.chat_type for this driver's chat. */
  private inlineChatType(): InlineQuery['chat_type'] {
    const chat = this.state.chat;
    if (chat.type === 'private') return chat.id === this.user.id ? 'sender' : 'private';
    return chat.type;
  }

  /**
   * Pays an invoice message of this chat with Telegram Stars, as the Pay button does: the bot
   * gets a pre_checkout_query; if it answers ok, the user's Stars are debited, the charge is
   * recorded as a StarTransaction and the bot gets a message with successful_payment.
   */
  async pay(invoiceMessage: Message | number, options: PayOptions = {}): Promise<PayResult> {
    const id = typeof invoiceMessage === 'number' ? invoiceMessage : invoiceMessage.message_id;
    const stars = this.core.stars;
    const invoice = stars.invoice(this.chatId, id);
    if (!invoice) throw new Error(`message ${id} in chat ${this.chatId} is not an invoice`);
    if (invoice.currency === 'XTR' && stars.balance(this.user.id) < invoice.amount)
      return { ok: false, reason: 'insufficient_stars' };
    const timeoutMs = options.timeoutMs ?? this.core.options.preCheckoutTimeoutMs;
    const queryId = newQueryId();
    const answer = await new Promise<CheckoutAnswer | undefined>((resolve) => {
      const timer = setTimeout(() => {
        const c = stars.checkouts.get(queryId);
        if (c) c.closed = true;
        resolve(undefined);
      }, timeoutMs);
      stars.checkouts.set(queryId, {
        id: queryId,
        userId: this.user.id,
        closed: false,
        resolve: (a) => {
          clearTimeout(timer);
          resolve(a);
        },
      });
      this.core.queue.push({
        pre_checkout_query: {
          id: queryId,
          from: this.user,
          currency: invoice.currency,
          total_amount: invoice.amount,
          invoice_payload: invoice.payload,
        },
      });
    });
    if (!answer) return { ok: false, reason: 'timeout' };
    if (!answer.ok) return { ok: false, reason: 'declined', errorMessage: answer.errorMessage };
    const charge = stars.charge(this.user, this.chatId, {
      amount: invoice.amount,
      payload: invoice.payload,
      currency: invoice.currency,
      date: this.core.world.date(),
    });
    const { message, update } = postPaymentMessage(this.core, charge, {
      successful_payment: {
        currency: charge.currency,
        total_amount: charge.amount,
        invoice_payload: charge.payload,
        telegram_payment_charge_id: charge.id,
        provider_payment_charge_id: charge.providerChargeId,
      },
    });
    charge.update = update;
    return { ok: true, chargeId: charge.id, message, update };
  }

  // ---- what the user sees ----

  /**
   * The bot's next call to this chat matching `what` that this driver has not
   * returned before (earlier calls count, so there is no race with fast bots).
   */
  async waitFor(
    what: ReplyMatcher | ReplyPredicate = {},
    options: { timeoutMs?: number } = {},
  ): Promise<BotReply> {
    const predicate = typeof what === 'function' ? what : matcherToPredicate(what);
    const timeoutMs = options.timeoutMs ?? 5_000;
    const call = await this.core.log.wait(
      (c) => this.addressedHere(c) && predicate(c, c.messages[0]),
      this.consumed,
      timeoutMs,
      () => {
        const mine = this.core.log.calls.filter((c) => this.addressedHere(c)).slice(-8);
        return `${typeof what === 'function' ? 'predicate' : JSON.stringify(what, (_k, v) => (v instanceof RegExp ? String(v) : v))} in chat ${this.chatId}; calls to this chat:\n${mine.map(summarize).join('\n') || '(none)'}`;
      },
    );
    return { call, message: call.messages[0], messages: call.messages };
  }

  /** Marks every call so far as seen, so waitFor only returns later ones. */
  clearInbox(): void {
    for (const c of this.core.log.calls) this.consumed.add(c.seq);
  }

  /** The chat as the user sees it now: edits applied, deleted messages gone. */
  messages(): Message[] {
    const all = this.core.world.history(this.state);
    return this.threadId === undefined
      ? all
      : all.filter((m) => m.message_thread_id === this.threadId);
  }

  botMessages(): Message[] {
    return this.messages().filter((m) => m.from?.id === this.core.botInfo.id);
  }

  lastBotMessage(): Message | undefined {
    return this.botMessages().at(-1);
  }

  /** The reply keyboard currently shown, if any. */
  keyboard(): ReplyKeyboardMarkup | undefined {
    return this.state.replyKeyboard;
  }

  chatActions(): ChatAction[] {
    return [...this.state.actions];
  }

  private addressedHere(c: CallRecord): boolean {
    if (c.method === 'answerCallbackQuery') {
      const q = this.core.queries.get(String(c.params.callback_query_id));
      return q?.userId === this.user.id;
    }
    if (String(c.params.chat_id) !== String(this.chatId)) return false;
    if (this.threadId === undefined) return true;
    const msg = c.messages[0];
    return msg
      ? msg.message_thread_id === this.threadId
      : Number(c.params.message_thread_id) === this.threadId;
  }

  /** Writing to the bot starts it, and unblocks it if the user had blocked it (as in Telegram). */
  private reopenPrivateChat(): void {
    const world = this.core.world;
    const state = world.users.get(this.user.id);
    if (state) state.started = true;
    if (!world.blocked.delete(this.user.id)) return;
    this.core.queue.push({
      my_chat_member: {
        chat: this.state.chat,
        from: this.user,
        date: world.date(),
        old_chat_member: { status: 'kicked', user: this.core.botInfo, until_date: 0 },
        new_chat_member: { status: 'member', user: this.core.botInfo },
      },
    } as never);
  }

  private storePhoto(p: PhotoInput): PhotoSize[] {
    const bytes =
      p instanceof Uint8Array ? p : (p.bytes ?? makePng(p.width ?? 800, p.height ?? 600));
    return this.core.files.addPhoto(bytes);
  }

  private post(content: Partial<Message>, replyTo?: Message | number): Message {
    if (this.state.chat.type === 'private') this.reopenPrivateChat();
    const replyId = typeof replyTo === 'number' ? replyTo : replyTo?.message_id;
    const target = replyId !== undefined ? this.state.messages.get(replyId) : undefined;
    const msg: Message = {
      message_id: this.core.world.takeMessageId(this.state),
      from: this.user,
      ...(this.senderChat ? { sender_chat: this.senderChat } : {}),
      chat: this.state.chat,
      date: this.core.world.date(),
      ...(this.threadId !== undefined
        ? { message_thread_id: this.threadId, is_topic_message: true }
        : {}),
      ...(target ? { reply_to_message: stripReply(target) } : {}),
      ...content,
    };
    this.state.messages.set(msg.message_id, msg);
    this.core.queue.push({ message: msg } as never);
    return msg;
  }
}

export const captionOf = (caption: string | undefined): Partial<Message> =>
  caption
    ? {
        caption,
        ...(commandEntities(caption).length ? { caption_entities: commandEntities(caption) } : {}),
      }
    : {};
