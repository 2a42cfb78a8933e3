import type {
  ChatFullInfo,
  ChatMember,
  ChatMemberAdministrator,
  ForumTopic,
  MenuButton,
  User,
} from 'grammy/types';
import { commitBotMessage } from '../compose.js';
import type { Core, Handler } from '../core.js';
import { badRequest } from '../errors.js';
import { chatIdParam, int, isRecord, json, str } from '../params.js';
import { codePoints } from '../text.js';
import type { ChatState } from '../world.js';

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

/** An administrator as Telegram describes one (the rights a support-desk admin usually has). */
function adminMember(user: User): ChatMemberAdministrator {
  return {
    status: 'administrator',
    user,
    can_be_edited: false,
    is_anonymous: false,
    can_manage_chat: true,
    can_delete_messages: true,
    can_manage_video_chats: false,
    can_restrict_members: true,
    can_promote_members: false,
    can_change_info: false,
    can_invite_users: true,
    can_post_stories: false,
    can_edit_stories: false,
    can_delete_stories: false,
    can_manage_topics: true,
    can_send_welcome_messages: false,
  };
}

const getChatMember: Handler = (core, call) => {
  const chat = core.world.findChat(chatIdParam(call.params));
  if (!chat) throw badRequest('chat not found');
  const userId = int(call.params, 'user_id') ?? -1;
  const user = userId === core.botInfo.id ? core.botInfo : core.world.users.get(userId)?.user;
  if (!user) throw badRequest('user not found');
  const rank = chat.admins.get(userId);
  if (rank === 'creator') return { status: 'creator', user, is_anonymous: false };
  if (rank === 'administrator') return adminMember(user);
  const member: ChatMember =
    chat.chat.type === 'private' || chat.members.has(userId)
      ? { status: 'member', user }
      : { status: 'left', user };
  return member;
};

const leaveChat: Handler = (core, call) => {
  const chat = core.world.writableChat(chatIdParam(call.params));
  chat.members.delete(core.botInfo.id);
  return true;
};

export const chatMethods: Record<string, Handler> = {
  setChatMenuButton,
  getChatMenuButton,
  getChat,
  getChatMember,
  leaveChat,
  createForumTopic,
  closeForumTopic: setTopicClosed(true),
  reopenForumTopic: setTopicClosed(false),
  pinChatMessage,
  unpinChatMessage,
};
