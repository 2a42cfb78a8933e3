import { isDeepStrictEqual } from 'node:util';
import type { Message } from 'grammy/types';
import { captionContent, mediaContent, textContent } from '../compose.js';
import type { Core, Handler, MethodCall } from '../core.js';
import { badRequest, TEXTS } from '../errors.js';
import type { FileKind } from '../files.js';
import { parseMarkup } from '../markup.js';
import { resolveMedia } from '../media.js';
import { chatIdParam, int, isRecord, json, type Params } from '../params.js';
import { caption, captionFrom, messageText } from '../text.js';
import type { ChatState } from '../world.js';

interface Editable {
  chat: ChatState;
  msg: Message;
}

function findEditable(core: Core, p: Params): Editable {
  if (p.inline_message_id !== undefined) throw badRequest('message to edit not found');
  const chat = core.world.writableChat(chatIdParam(p));
  const msg = chat.messages.get(int(p, 'message_id') ?? -1);
  if (!msg) throw badRequest('message to edit not found');
  if (msg.from?.id !== core.botInfo.id) throw badRequest("message can't be edited");
  return { chat, msg };
}

/** An edit replaces the whole reply markup: omitting it removes the keyboard, as in Telegram. */
function newMarkup(p: Params): Message['reply_markup'] {
  return parseMarkup(p)?.inline;
}

const MEDIA_KEYS = ['photo', 'video', 'document', 'animation', 'audio', 'sticker'] as const;
const hasMedia = (m: Message): boolean => MEDIA_KEYS.some((k) => m[k] !== undefined);

/** Stores the edited message (a new object, so earlier snapshots stay intact). */
function apply(core: Core, call: MethodCall, e: Editable, next: Message): Message {
  const compare = (m: Message) => {
    const { edit_date: _d, ...rest } = m;
    return rest;
  };
  if (isDeepStrictEqual(compare(next), compare(e.msg))) throw badRequest(TEXTS.notModified);
  const edited: Message = { ...next, edit_date: core.world.date() };
  e.chat.messages.set(edited.message_id, edited);
  call.produced.push(edited);
  return edited;
}

function withoutKeys(m: Message, keys: readonly string[]): Message {
  const copy: Record<string, unknown> = { ...m };
  for (const k of keys) delete copy[k];
  return copy as unknown as Message;
}

const editMessageText: Handler = (core, call) => {
  const e = findEditable(core, call.params);
  if (e.msg.text === undefined) throw badRequest('there is no text in the message to edit');
  const text = messageText(call.params);
  const markup = newMarkup(call.params);
  const next = {
    ...withoutKeys(e.msg, ['entities', 'reply_markup']),
    ...textContent(text),
    ...(markup ? { reply_markup: markup } : {}),
  };
  return apply(core, call, e, next);
};

const editMessageCaption: Handler = (core, call) => {
  const e = findEditable(core, call.params);
  if (!hasMedia(e.msg)) throw badRequest('there is no caption in the message to edit');
  const markup = newMarkup(call.params);
  const next = {
    ...withoutKeys(e.msg, ['caption', 'caption_entities', 'reply_markup']),
    ...captionContent(caption(call.params)),
    ...(markup ? { reply_markup: markup } : {}),
  };
  return apply(core, call, e, next);
};

const editMessageReplyMarkup: Handler = (core, call) => {
  const e = findEditable(core, call.params);
  const markup = newMarkup(call.params);
  const next = {
    ...withoutKeys(e.msg, ['reply_markup']),
    ...(markup ? { reply_markup: markup } : {}),
  };
  return apply(core, call, e, next);
};

const editMessageMedia: Handler = async (core, call) => {
  const e = findEditable(core, call.params);
  if (!hasMedia(e.msg)) throw badRequest('there is no media in the message to edit');
  const media = json(call.params, 'media', 'input media JSON object');
  if (!isRecord(media)) throw badRequest("can't parse input media JSON object");
  const kind = String(media.type) as FileKind;
  if (!['photo', 'video', 'document', 'animation', 'audio'].includes(kind)) {
    throw badRequest(`can't parse InputMedia: type "${kind}" is not supported`);
  }
  const cap = captionFrom(
    typeof media.caption === 'string' ? media.caption : undefined,
    typeof media.parse_mode === 'string' ? media.parse_mode : undefined,
    media.caption_entities,
  );
  const resolved = await resolveMedia(core, call, media.media, kind);
  const markup = newMarkup(call.params);
  const next = {
    ...withoutKeys(e.msg, [...MEDIA_KEYS, 'caption', 'caption_entities', 'reply_markup']),
    ...mediaContent(kind, resolved, media),
    ...captionContent(cap),
    ...(markup ? { reply_markup: markup } : {}),
  };
  return apply(core, call, e, next);
};

function deleteOne(chat: ChatState, id: number): boolean {
  return chat.messages.delete(id);
}

const deleteMessage: Handler = (core, call) => {
  const chat = core.world.findChat(chatIdParam(call.params));
  if (!chat) throw badRequest('chat not found');
  if (!deleteOne(chat, int(call.params, 'message_id') ?? -1))
    throw badRequest('message to delete not found');
  return true;
};

const deleteMessages: Handler = (core, call) => {
  const chat = core.world.findChat(chatIdParam(call.params));
  if (!chat) throw badRequest('chat not found');
  const ids = json(call.params, 'message_ids');
  if (!Array.isArray(ids) || ids.length === 0)
    throw badRequest('message identifiers are not specified');
  let any = false;
  for (const id of ids) any = deleteOne(chat, Number(id)) || any;
  if (!any) throw badRequest('message to delete not found');
  return true;
};

export const editMethods: Record<string, Handler> = {
  editMessageText,
  editMessageCaption,
  editMessageReplyMarkup,
  editMessageMedia,
  deleteMessage,
  deleteMessages,
};
