import type { Animation, Document, Message, Video } from 'grammy/types';
import type { Core } from './core.js';
import { badRequest } from './errors.js';
import { type ParsedMarkup, parseMarkup } from './markup.js';
import type { ResolvedMedia } from './media.js';
import { int, isRecord, json, type Params } from './params.js';
import type { Formatted } from './text.js';
import type { ChatState } from './world.js';

/** Everything a send method checks before it creates a message. */
export interface SendTarget {
  chat: ChatState;
  threadId?: number;
  replyTo?: Message;
  markup?: ParsedMarkup;
}

export function sendTarget(core: Core, p: Params, opts: { markup?: boolean } = {}): SendTarget {
  const chatId = p.chat_id;
  if (chatId === undefined || chatId === null || chatId === '')
    throw badRequest('chat_id is empty');
  const chat = core.world.writableChat(
    typeof chatId === 'number' ? chatId : chatIdOf(String(chatId)),
  );
  const threadId = int(p, 'message_thread_id');
  if (threadId !== undefined && chat.chat.type === 'supergroup' && chat.chat.is_forum) {
    const topic = chat.topics.get(threadId);
    if (!topic) throw badRequest('message thread not found');
    if (topic.closed) throw badRequest('TOPIC_CLOSED');
  }
  const replyTo = replyTarget(chat, p);
  const markup = opts.markup === false ? undefined : parseMarkup(p);
  return {
    chat,
    ...(threadId !== undefined && chat.chat.type === 'supergroup' && chat.chat.is_forum
      ? { threadId }
      : {}),
    ...(replyTo ? { replyTo } : {}),
    ...(markup ? { markup } : {}),
  };
}

const chatIdOf = (s: string): number | string => (/^-?\d+$/.test(s) ? Number(s) : s);

function replyTarget(chat: ChatState, p: Params): Message | undefined {
  const rp = json(p, 'reply_parameters', 'reply parameters JSON object');
  const id = isRecord(rp) ? Number(rp.message_id) : int(p, 'reply_to_message_id');
  if (id === undefined || Number.isNaN(id)) return undefined;
  const allowMissing =
    (isRecord(rp) && rp.allow_sending_without_reply === true) ||
    p.allow_sending_without_reply === true;
  const target = chat.messages.get(id);
  if (!target && !allowMissing) throw badRequest('message to be replied not found');
  return target;
}

/** Creates a bot message in the target chat, stores it and returns it. */
export function commitBotMessage(core: Core, t: SendTarget, content: Partial<Message>): Message {
  const { chat } = t;
  if (t.markup?.reply) chat.replyKeyboard = t.markup.reply;
  if (t.markup?.remove) chat.replyKeyboard = undefined;
  const msg: Message = {
    message_id: core.world.takeMessageId(chat),
    from: core.botInfo,
    chat: chat.chat,
    date: core.world.date(),
    ...(t.threadId !== undefined ? { message_thread_id: t.threadId, is_topic_message: true } : {}),
    ...(t.replyTo ? { reply_to_message: stripReply(t.replyTo) } : {}),
    ...content,
    ...(t.markup?.inline ? { reply_markup: t.markup.inline } : {}),
  };
  chat.messages.set(msg.message_id, msg);
  return msg;
}

/** Telegram never nests reply_to_message more than one level. */
export function stripReply(m: Message): Message & { reply_to_message: undefined } {
  const { reply_to_message: _drop, ...rest } = m;
  return rest as Message & { reply_to_message: undefined };
}

export function textContent(f: Formatted): Partial<Message> {
  return { text: f.text, ...(f.entities ? { entities: f.entities } : {}) };
}

export function captionContent(f: Formatted | undefined): Partial<Message> {
  if (!f) return {};
  return { caption: f.text, ...(f.entities ? { caption_entities: f.entities } : {}) };
}

/** The message fields for a resolved media file of a given kind. */
export function mediaContent(kind: string, m: ResolvedMedia, p: Params): Partial<Message> {
  const f = m.file;
  const base = {
    file_id: f.file_id,
    file_unique_id: f.file_unique_id,
    file_size: f.bytes.byteLength,
  };
  const named = { ...(f.filename ? { file_name: f.filename } : {}), mime_type: f.mime };
  switch (kind) {
    case 'photo':
      return { photo: m.photo ?? [] };
    case 'video': {
      const video: Video = {
        ...base,
        ...named,
        width: int(p, 'width') ?? f.width ?? 1280,
        height: int(p, 'height') ?? f.height ?? 720,
        duration: int(p, 'duration') ?? 1,
        ...(f.thumbnail ? { thumbnail: f.thumbnail } : {}),
      };
      return { video };
    }
    case 'animation': {
      const animation: Animation = {
        ...base,
        ...named,
        width: int(p, 'width') ?? 480,
        height: int(p, 'height') ?? 480,
        duration: int(p, 'duration') ?? 1,
      };
      // Telegram also fills `document` for animations (older clients read it).
      const document: Document = { ...base, ...named };
      return { animation, document };
    }
    default: {
      const document: Document = { ...base, ...named };
      return { document };
    }
  }
}
