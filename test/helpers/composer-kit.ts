/**
 * One composer (or middleware) on a bot of its own, without HTTP: every API call is recorded
 * and answered with a plausible result, updates are built here and handed in directly. For the
 * feature's own logic; the whole app over real HTTP is bot-harness.ts.
 */
import { Bot, type Middleware } from 'grammy';
import type { Chat, Message, Update, User, UserFromGetMe } from 'grammy/types';
import type { BotContext } from '../../src/bot/context.js';
import type { BotDeps } from '../../src/bot/deps.js';
import { botInfoOf } from '../fakes/telegram/index.js';

/** An update without its id, its payload as loosely typed as tests write it. */
export type UpdateBody = Partial<Record<Exclude<keyof Update, 'update_id'>, unknown>>;

export interface RecordedCall {
  method: string;
  payload: Record<string, unknown>;
}

export interface MountedComposer {
  bot: Bot<BotContext>;
  /** Every API call the composer made, in order. */
  calls: RecordedCall[];
  /** The updates that went past the composer (it called next). */
  passedOn: Update[];
  send(update: UpdateBody): Promise<void>;
}

export const KIT_BOT: UserFromGetMe = botInfoOf({
  id: 42,
  username: 'gen_bot',
  first_name: 'Gen',
});

let messageIds = 1_000;

/** What Telegram would answer: a message for the send methods, true for the rest. */
function answerFor(method: string, payload: Record<string, unknown>): unknown {
  if (!method.startsWith('send') && method !== 'copyMessage') return true;
  const chatId = Number(payload.chat_id);
  return {
    message_id: messageIds++,
    date: Math.floor(Date.now() / 1000),
    chat: { id: chatId, type: chatId < 0 ? 'supergroup' : 'private' },
    ...(typeof payload.text === 'string' ? { text: payload.text } : {}),
  };
}

export function mountComposer(
  middleware: Middleware<BotContext>,
  o: { deps?: Partial<BotDeps>; botInfo?: UserFromGetMe } = {},
): MountedComposer {
  const bot = new Bot<BotContext>('1:composer-kit', { botInfo: o.botInfo ?? KIT_BOT });
  const calls: RecordedCall[] = [];
  const passedOn: Update[] = [];
  bot.api.config.use(async (_prev, method, payload) => {
    const recorded = { ...(payload as Record<string, unknown>) };
    calls.push({ method, payload: recorded });
    return { ok: true, result: answerFor(method, recorded) } as never;
  });
  bot.use((ctx, next) => {
    ctx.deps = o.deps as BotDeps;
    return next();
  });
  bot.use(middleware);
  bot.use((ctx) => {
    passedOn.push(ctx.update);
  });
  let updateId = 1;
  return {
    bot,
    calls,
    passedOn,
    send: (update) => bot.handleUpdate({ update_id: updateId++, ...update } as Update),
  };
}

const someone: User = { id: 7, is_bot: false, first_name: 'U' };
const privateChat = (user: User): Chat.PrivateChat => ({
  id: user.id,
  type: 'private',
  first_name: user.first_name,
});

/** A text message (a leading /command gets its entity), in a private chat unless told. */
export function textMessage(text: string, extra: Partial<Message> = {}): Message {
  const command = /^\/\S+/.exec(text)?.[0];
  const from = extra.from ?? someone;
  return {
    message_id: messageIds++,
    date: 0,
    chat: privateChat(from),
    from,
    text,
    ...(command ? { entities: [{ type: 'bot_command', offset: 0, length: command.length }] } : {}),
    ...extra,
  } as Message;
}

/** A tap on a button of `message`. */
export function callbackQuery(data: string, message: Message, from: User = someone): UpdateBody {
  return {
    callback_query: { id: String(messageIds++), from, chat_instance: 'kit', data, message },
  };
}
