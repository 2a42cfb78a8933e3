import type { Message } from 'grammy/types';
import {
  captionContent,
  commitBotMessage,
  mediaContent,
  sendTarget,
  textContent,
} from '../compose.js';
import type { Handler } from '../core.js';
import { badRequest } from '../errors.js';
import type { FileKind } from '../files.js';
import { resolveMedia } from '../media.js';
import { int, isRecord, json, str } from '../params.js';
import { caption, captionFrom, messageText } from '../text.js';

const sendMessage: Handler = (core, call) => {
  const target = sendTarget(core, call.params);
  const text = messageText(call.params);
  const link = json(call.params, 'link_preview_options');
  const msg = commitBotMessage(core, target, {
    ...textContent(text),
    ...(isRecord(link) ? { link_preview_options: link } : {}),
  });
  call.produced.push(msg);
  return msg;
};

function sendFile(kind: FileKind): Handler {
  return async (core, call) => {
    const target = sendTarget(core, call.params);
    const cap = caption(call.params);
    const media = await resolveMedia(core, call, call.params[kind], kind);
    const msg = commitBotMessage(core, target, {
      ...mediaContent(kind, media, call.params),
      ...captionContent(cap),
      ...(call.params.has_spoiler === true || call.params.has_spoiler === 'true'
        ? { has_media_spoiler: true }
        : {}),
    });
    call.produced.push(msg);
    return msg;
  };
}

const sendSticker: Handler = async (core, call) => {
  const target = sendTarget(core, call.params);
  const media = await resolveMedia(core, call, call.params.sticker, 'sticker');
  const f = media.file;
  const msg = commitBotMessage(core, target, {
    sticker: {
      file_id: f.file_id,
      file_unique_id: f.file_unique_id,
      type: 'regular',
      width: f.width ?? 512,
      height: f.height ?? 512,
      is_animated: false,
      is_video: false,
      file_size: f.bytes.byteLength,
      ...(str(call.params, 'emoji') ? { emoji: str(call.params, 'emoji') } : {}),
    },
  });
  call.produced.push(msg);
  return msg;
};

const GROUPABLE = new Set(['photo', 'video', 'document', 'audio']);

const sendMediaGroup: Handler = async (core, call) => {
  const target = sendTarget(core, call.params, { markup: false });
  const media = json(call.params, 'media', 'media JSON object');
  if (!Array.isArray(media)) throw badRequest('expected an Array of InputMedia');
  if (media.length === 0) throw badRequest('there are no messages to send');
  if (media.length > 10) throw badRequest('too many messages to send as an album');
  // Telegram's documented minimum; one item must go through sendPhoto/sendVideo/sendDocument.
  if (media.length < 2)
    throw badRequest('wrong number of media: media group must contain 2-10 items');
  const types = media.map((m) => (isRecord(m) ? String(m.type) : ''));
  for (const t of types) {
    if (!GROUPABLE.has(t)) {
      throw badRequest(`can't parse InputMedia: type "${t}" can't be used in sendMediaGroup`);
    }
  }
  for (const lone of ['document', 'audio']) {
    if (types.includes(lone) && types.some((t) => t !== lone)) {
      throw badRequest(`${lone} can't be mixed with other media types`);
    }
  }
  const items = media as Record<string, unknown>[];
  const captions = items.map((m) =>
    captionFrom(
      typeof m.caption === 'string' ? m.caption : undefined,
      typeof m.parse_mode === 'string' ? m.parse_mode : undefined,
      m.caption_entities,
    ),
  );
  const resolved = [];
  for (const m of items)
    resolved.push(await resolveMedia(core, call, m.media, String(m.type) as FileKind));
  const groupId = String(
    BigInt(core.options.now()) * 1000n + BigInt(Math.floor(Math.random() * 1000)),
  );
  const messages = resolved.map((r, i) => {
    const item = items[i] ?? {};
    return commitBotMessage(core, target, {
      ...mediaContent(String(item.type), r, item),
      ...captionContent(captions[i]),
      media_group_id: groupId,
    });
  });
  call.produced.push(...messages);
  return messages;
};

const copyOrForward =
  (mode: 'copy' | 'forward'): Handler =>
  (core, call) => {
    const p = call.params;
    const from = core.world.findChat(
      typeof p.from_chat_id === 'number' ? p.from_chat_id : Number(str(p, 'from_chat_id')),
    );
    if (!from) throw badRequest('chat not found');
    const target = sendTarget(core, p);
    const source = from.messages.get(int(p, 'message_id') ?? -1);
    if (!source) throw badRequest(`message to ${mode} not found`);
    const content = pickContent(source);
    if (mode === 'copy' && p.caption !== undefined && !source.text) {
      const cap = caption(p);
      delete content.caption;
      delete content.caption_entities;
      Object.assign(content, captionContent(cap));
    }
    const msg = commitBotMessage(core, target, {
      ...content,
      ...(mode === 'forward'
        ? {
            forward_origin: source.from
              ? { type: 'user' as const, sender_user: source.from, date: source.date }
              : { type: 'hidden_user' as const, sender_user_name: 'Unknown', date: source.date },
          }
        : {}),
    });
    call.produced.push(msg);
    return mode === 'copy' ? { message_id: msg.message_id } : msg;
  };

const CONTENT_KEYS = [
  'text',
  'entities',
  'caption',
  'caption_entities',
  'photo',
  'video',
  'document',
  'animation',
  'sticker',
  'audio',
  'voice',
  'has_media_spoiler',
] as const;

function pickContent(m: Message): Partial<Message> {
  const out: Record<string, unknown> = {};
  for (const k of CONTENT_KEYS) if (m[k] !== undefined) out[k] = m[k];
  return out as Partial<Message>;
}

const ACTIONS = new Set([
  'typing',
  'upload_photo',
  'record_video',
  'upload_video',
  'record_voice',
  'upload_voice',
  'upload_document',
  'choose_sticker',
  'find_location',
  'record_video_note',
  'upload_video_note',
]);

const sendChatAction: Handler = (core, call) => {
  const target = sendTarget(core, call.params, { markup: false });
  const action = str(call.params, 'action') ?? '';
  if (!ACTIONS.has(action)) throw badRequest('wrong parameter action in request');
  target.chat.actions.push({
    action,
    at: core.options.now(),
    ...(target.threadId !== undefined ? { message_thread_id: target.threadId } : {}),
  });
  return true;
};

export const sendMethods: Record<string, Handler> = {
  sendMessage,
  sendPhoto: sendFile('photo'),
  sendVideo: sendFile('video'),
  sendDocument: sendFile('document'),
  sendAnimation: sendFile('animation'),
  sendAudio: sendFile('audio'),
  sendVoice: sendFile('voice'),
  sendSticker,
  sendMediaGroup,
  copyMessage: copyOrForward('copy'),
  forwardMessage: copyOrForward('forward'),
  sendChatAction,
};

/** Methods that post a message and count against flood limits. */
export const FLOOD_METHODS = new Set(
  [
    'sendMessage',
    'sendPhoto',
    'sendVideo',
    'sendDocument',
    'sendAnimation',
    'sendAudio',
    'sendVoice',
    'sendSticker',
    'sendInvoice',
    'sendMediaGroup',
    'copyMessage',
    'forwardMessage',
    'editMessageText',
    'editMessageCaption',
    'editMessageMedia',
    'editMessageReplyMarkup',
  ].map((m) => m.toLowerCase()),
);
