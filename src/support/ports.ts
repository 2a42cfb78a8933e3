// Support, domain side (tickets, relay; no grammY). Its Telegram side is src/bot/support.
/** How support code reaches Telegram. Implemented in bot/; nothing here imports grammY. */

export interface Placement {
  /** Forum topic to post into. */
  threadId?: number;
  /** Message (in the target chat) to reply to; sent anyway if it is gone. */
  replyTo?: number;
}

export interface SupportChannel {
  /** Whether the chat shows topics (a forum supergroup). */
  isForum(chatId: number): Promise<boolean>;
  /** Creates a topic and returns its thread id. */
  createTopic(chatId: number, name: string): Promise<number>;
  /** Reopens a closed topic; a topic that is already open is fine. */
  reopenTopic(chatId: number, threadId: number): Promise<void>;
  /** Closes a topic; a topic that is already closed is fine. */
  closeTopic(chatId: number, threadId: number): Promise<void>;
  /** Sends an HTML text; returns the new message id. */
  sendHtml(chatId: number, html: string, at?: Placement): Promise<number>;
  /**
   * Copies a message (any kind) to another chat; returns the copy's id. `replyButton` adds the
   * "reply to support" button (answers shown to users).
   */
  copy(
    from: { chatId: number; messageId: number },
    toChatId: number,
    at?: Placement & { replyButton?: boolean },
  ): Promise<number>;
}

export type ChannelFailure =
  /** The user blocked the bot, or the bot was removed from the support chat. */
  | 'unreachable'
  /** The forum topic was deleted. */
  | 'topic_gone'
  /** The forum topic is closed (someone closed it in Telegram). */
  | 'topic_closed'
  /** The message to copy no longer exists. */
  | 'source_gone'
  | 'other';

/** What a SupportChannel throws for Telegram refusals the support flow knows how to handle. */
export class ChannelError extends Error {
  override readonly name = 'ChannelError';
  constructor(
    readonly kind: ChannelFailure,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export const isChannelError = (err: unknown, kind?: ChannelFailure): err is ChannelError =>
  err instanceof ChannelError && (kind === undefined || err.kind === kind);
