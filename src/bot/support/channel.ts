// Support, Telegram side. Its domain side (tickets, relay) is src/support.
import { type Api, GrammyError, InlineKeyboard } from 'grammy';
import { ChannelError, type Placement, type SupportChannel } from '../../support/ports.js';
import { callbackData } from '../transport/callback-data.js';
import { replyParams } from '../transport/reply-params.js';

/** A supergroup can be turned into a forum at any time, so the answer is only kept a while. */
const FORUM_CACHE_MS = 5 * 60_000;

export type ForumCache = Map<number, { forum: boolean; at: number }>;

export const SUPPORT_REPLY_DATA = callbackData('support', 'reply');

/** Telegram refusals the support flow handles, as ChannelErrors; anything else as it came. */
function translate(err: unknown): unknown {
  if (!(err instanceof GrammyError)) return err;
  const d = err.description;
  const as = (kind: ConstructorParameters<typeof ChannelError>[0]) =>
    new ChannelError(kind, d, { cause: err });
  if (err.error_code === 403) return as('unreachable');
  if (err.error_code !== 400) return err;
  if (/TOPIC_CLOSED/i.test(d)) return as('topic_closed');
  if (/message thread not found|TOPIC_ID_INVALID|TOPIC_DELETED/i.test(d)) return as('topic_gone');
  if (/message to (copy|forward) not found/i.test(d)) return as('source_gone');
  if (/chat not found|group chat was upgraded|not enough rights/i.test(d)) return as('unreachable');
  return err;
}

async function call<T>(f: () => Promise<T>): Promise<T> {
  try {
    return await f();
  } catch (err) {
    throw translate(err);
  }
}

const placement = (at: Placement | undefined) => ({
  ...(at?.threadId !== undefined ? { message_thread_id: at.threadId } : {}),
  ...replyParams(at?.replyTo),
});

/** SupportChannel over the Bot API. `replyLabel` names the answer's button in the user's language. */
export class TelegramSupportChannel implements SupportChannel {
  constructor(
    private readonly api: Api,
    private readonly replyLabel: (userId: number) => Promise<string>,
    /** Shared by the channels of one bot (they are made per update). */
    private readonly forumCache: ForumCache = new Map(),
  ) {}

  async isForum(chatId: number): Promise<boolean> {
    const cached = this.forumCache.get(chatId);
    if (cached && Date.now() - cached.at < FORUM_CACHE_MS) return cached.forum;
    const chat = await call(() => this.api.getChat(chatId));
    const forum = chat.type === 'supergroup' && chat.is_forum === true;
    this.forumCache.set(chatId, { forum, at: Date.now() });
    return forum;
  }

  async createTopic(chatId: number, name: string): Promise<number> {
    try {
      const topic = await call(() => this.api.createForumTopic(chatId, name));
      return topic.message_thread_id;
    } catch (err) {
      this.forumCache.delete(chatId); // maybe no longer a forum
      throw err;
    }
  }

  async reopenTopic(chatId: number, threadId: number): Promise<void> {
    await this.setTopic(() => this.api.reopenForumTopic(chatId, threadId));
  }

  async closeTopic(chatId: number, threadId: number): Promise<void> {
    await this.setTopic(() => this.api.closeForumTopic(chatId, threadId));
  }

  async sendHtml(chatId: number, html: string, at?: Placement): Promise<number> {
    const msg = await call(() =>
      this.api.sendMessage(chatId, html, {
        parse_mode: 'HTML',
        link_preview_options: { is_disabled: true },
        ...placement(at),
      }),
    );
    return msg.message_id;
  }

  async copy(
    from: { chatId: number; messageId: number },
    toChatId: number,
    at?: Placement & { replyButton?: boolean },
  ): Promise<number> {
    const markup = at?.replyButton
      ? {
          reply_markup: new InlineKeyboard().text(
            await this.replyLabel(toChatId),
            SUPPORT_REPLY_DATA,
          ),
        }
      : {};
    const copied = await call(() =>
      this.api.copyMessage(toChatId, from.chatId, from.messageId, { ...placement(at), ...markup }),
    );
    return copied.message_id;
  }

  /** Opening an open topic (or closing a closed one) is "not modified": that is success. */
  private async setTopic(f: () => Promise<unknown>): Promise<void> {
    try {
      await f();
    } catch (err) {
      if (err instanceof GrammyError && /TOPIC_NOT_MODIFIED/i.test(err.description)) return;
      throw translate(err);
    }
  }
}
