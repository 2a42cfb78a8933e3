import type { BotCommand, ChatFullInfo, File, ForumTopic, MenuButton } from 'grammy/types';
import { commitBotMessage } from '../compose.js';
import { type Core, commandsKey, type Handler } from '../core.js';
import { badRequest, TEXTS } from '../errors.js';
import { bool, chatIdParam, int, isRecord, json, str } from '../params.js';
import { codePoints } from '../text.js';
import type { ChatState } from '../world.js';

const getMe: Handler = (core) => core.botInfo;

const getUpdates: Handler = (core, call) => {
  const allowed = json(call.params, 'allowed_updates');
  return core.queue.getUpdates(
    {
      ...(int(call.params, 'offset') !== undefined ? { offset: int(call.params, 'offset') } : {}),
      ...(int(call.params, 'limit') !== undefined ? { limit: int(call.params, 'limit') } : {}),
      ...(int(call.params, 'timeout') !== undefined
        ? { timeout: int(call.params, 'timeout') }
        : {}),
      ...(Array.isArray(allowed) ? { allowed: allowed.map(String) } : {}),
    },
    call.signal,
  );
};

const setWebhook: Handler = (core, call) => {
  const url = str(call.params, 'url') ?? '';
  const allowed = json(call.params, 'allowed_updates');
  const dropPending = bool(call.params, 'drop_pending_updates');
  if (url === '') {
    core.queue.deleteWebhook(dropPending);
    return true;
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw badRequest('bad webhook: invalid URL specified');
  }
  // Telegram needs HTTPS; the stand-in only reaches loopback, where plain HTTP is fine.
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(parsed.hostname)) {
    throw badRequest('bad webhook: Failed to resolve host: Name or service not known');
  }
  const secret = str(call.params, 'secret_token');
  if (secret !== undefined && secret.length > 256) throw badRequest('secret token is too long');
  if (secret !== undefined && !/^[A-Za-z0-9_-]*$/.test(secret)) {
    throw badRequest('secret token contains unallowed characters');
  }
  core.queue.setWebhook(
    {
      url,
      ...(secret ? { secretToken: secret } : {}),
      maxConnections: int(call.params, 'max_connections') ?? 40,
    },
    dropPending,
    Array.isArray(allowed) ? allowed.map(String) : undefined,
  );
  return true;
};

const deleteWebhook: Handler = (core, call) => {
  core.queue.deleteWebhook(bool(call.params, 'drop_pending_updates'));
  return true;
};

const getWebhookInfo: Handler = (core) => core.queue.webhookInfo();

const answerCallbackQuery: Handler = (core, call) => {
  const id = str(call.params, 'callback_query_id') ?? '';
  const q = core.queries.get(id);
  const text = str(call.params, 'text');
  if (text !== undefined && codePoints(text) > 200) throw badRequest('MESSAGE_TOO_LONG');
  if (!q || q.answered || core.options.now() - q.createdAt > core.options.callbackQueryTimeoutMs) {
    throw badRequest(TEXTS.queryTooOld);
  }
  q.answered = true;
  const url = str(call.params, 'url');
  const cacheTime = int(call.params, 'cache_time');
  q.resolve({
    ...(text !== undefined ? { text } : {}),
    ...(call.params.show_alert !== undefined
      ? { show_alert: bool(call.params, 'show_alert') }
      : {}),
    ...(url !== undefined ? { url } : {}),
    ...(cacheTime !== undefined ? { cache_time: cacheTime } : {}),
  });
  return true;
};

const getFile: Handler = (core, call) => {
  const id = str(call.params, 'file_id') ?? '';
  if (id === '') throw badRequest('file_id not specified');
  const f = core.files.get(id);
  if (!f) throw badRequest('wrong file_id or the file is temporarily unavailable');
  if (f.bytes.byteLength > core.options.downloadLimitBytes) throw badRequest('file is too big');
  const file: File = {
    file_id: f.file_id,
    file_unique_id: f.file_unique_id,
    file_size: f.bytes.byteLength,
    file_path: f.file_path,
  };
  return file;
};

function validateCommands(raw: unknown): BotCommand[] {
  if (!Array.isArray(raw)) throw badRequest('expected an Array of BotCommand');
  if (raw.length > 100) throw badRequest('too many commands specified');
  return raw.map((c) => {
    if (!isRecord(c)) throw badRequest("can't parse BotCommand: expected an Object");
    const command = String(c.command ?? '').replace(/^\//, '');
    const description = String(c.description ?? '');
    if (!/^[a-z0-9_]{1,32}$/.test(command)) throw badRequest('BOT_COMMAND_INVALID');
    if (codePoints(description) < 1 || codePoints(description) > 256) {
      throw badRequest('BOT_COMMAND_DESCRIPTION_INVALID');
    }
    return { command, description };
  });
}

function scopeKey(core: Core, p: Record<string, unknown>): string {
  const scope = json(p, 'scope', 'BotCommandScope JSON object');
  const lang = str(p, 'language_code');
  if (lang && !/^[a-z]{2}$/.test(lang)) throw badRequest('invalid language code specified');
  if (
    isRecord(scope) &&
    scope.chat_id !== undefined &&
    !core.world.findChat(Number(scope.chat_id))
  ) {
    throw badRequest('chat not found');
  }
  return commandsKey(scope, lang || undefined);
}

const setMyCommands: Handler = (core, call) => {
  const commands = validateCommands(json(call.params, 'commands', 'commands JSON object'));
  const key = scopeKey(core, call.params);
  if (commands.length === 0) core.commands.delete(key);
  else core.commands.set(key, commands);
  return true;
};

const getMyCommands: Handler = (core, call) => core.commands.get(scopeKey(core, call.params)) ?? [];

const deleteMyCommands: Handler = (core, call) => {
  core.commands.delete(scopeKey(core, call.params));
  return true;
};

const setChatMenuButton: Handler = (core, call) => {
  const button = json(call.params, 'menu_button', 'menu button JSON object');
  const value: MenuButton = isRecord(button)
    ? (button as unknown as MenuButton)
    : { type: 'default' };
  if (call.params.chat_id === undefined) {
    core.defaultMenuButton = value;
    return true;
  }
  const chat = core.world.findChat(chatIdParam(call.params));
  if (chat?.chat.type !== 'private') throw badRequest('chat not found');
  chat.menuButton = value;
  return true;
};

const getChatMenuButton: Handler = (core, call) => {
  if (call.params.chat_id === undefined) return core.defaultMenuButton;
  const chat = core.world.findChat(chatIdParam(call.params));
  if (!chat) throw badRequest('chat not found');
  return chat.menuButton ?? core.defaultMenuButton;
};

const getChat: Handler = (core, call) => {
  const chat = core.world.findChat(chatIdParam(call.params));
  if (!chat) throw badRequest('chat not found');
  const pinned = chat.pinned !== undefined ? chat.messages.get(chat.pinned) : undefined;
  const info = {
    ...chat.chat,
    accent_color_id: 0,
    max_reaction_count: 11,
    accepted_gift_types: {
      unlimited_gifts: false,
      limited_gifts: false,
      unique_gifts: false,
      premium_subscription: false,
      gifts_from_channels: false,
    },
    ...(pinned ? { pinned_message: pinned } : {}),
  };
  return info as unknown as ChatFullInfo;
};

function forum(core: Core, p: Record<string, unknown>): ChatState {
  const chat = core.world.writableChat(chatIdParam(p));
  if (chat.chat.type !== 'supergroup' || !chat.chat.is_forum)
    throw badRequest('the chat is not a forum');
  return chat;
}

const createForumTopic: Handler = (core, call) => {
  const chat = forum(core, call.params);
  const name = str(call.params, 'name') ?? '';
  if (codePoints(name) < 1 || codePoints(name) > 128) throw badRequest('TOPIC_TITLE_EMPTY');
  const iconColor = int(call.params, 'icon_color') ?? 0x6fb9f0;
  const customEmoji = str(call.params, 'icon_custom_emoji_id');
  // The topic id is the id of its service "topic created" message.
  const service = commitBotMessage(
    core,
    { chat },
    {
      forum_topic_created: { name, icon_color: iconColor },
    },
  );
  const topic: ForumTopic = {
    message_thread_id: service.message_id,
    name,
    icon_color: iconColor,
    ...(customEmoji ? { icon_custom_emoji_id: customEmoji } : {}),
  };
  chat.messages.set(service.message_id, {
    ...service,
    message_thread_id: service.message_id,
    is_topic_message: true,
  });
  chat.topics.set(topic.message_thread_id, { ...topic, closed: false });
  return topic;
};

const setTopicClosed =
  (closed: boolean): Handler =>
  (core, call) => {
    const chat = forum(core, call.params);
    const topic = chat.topics.get(int(call.params, 'message_thread_id') ?? -1);
    if (!topic) throw badRequest('TOPIC_ID_INVALID');
    if (topic.closed === closed) throw badRequest('TOPIC_NOT_MODIFIED');
    topic.closed = closed;
    return true;
  };

const pinChatMessage: Handler = (core, call) => {
  const chat = core.world.writableChat(chatIdParam(call.params));
  const id = int(call.params, 'message_id') ?? -1;
  if (!chat.messages.has(id)) throw badRequest('message to pin not found');
  chat.pinned = id;
  return true;
};

const unpinChatMessage: Handler = (core, call) => {
  const chat = core.world.writableChat(chatIdParam(call.params));
  chat.pinned = undefined;
  return true;
};

export const miscMethods: Record<string, Handler> = {
  getMe,
  getUpdates,
  setWebhook,
  deleteWebhook,
  getWebhookInfo,
  answerCallbackQuery,
  getFile,
  setMyCommands,
  getMyCommands,
  deleteMyCommands,
  setChatMenuButton,
  getChatMenuButton,
  getChat,
  createForumTopic,
  closeForumTopic: setTopicClosed(true),
  reopenForumTopic: setTopicClosed(false),
  pinChatMessage,
  unpinChatMessage,
  logOut: () => true,
  close: () => true,
};
