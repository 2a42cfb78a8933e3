import type {
  Chat,
  ForumTopic,
  MenuButton,
  Message,
  ReplyKeyboardMarkup,
  User,
  UserFromGetMe,
} from 'grammy/types';
import { badRequest, forbidden } from './errors.js';

export interface TopicState extends ForumTopic {
  closed: boolean;
}

export interface ChatAction {
  action: string;
  at: number;
  message_thread_id?: number;
}

export interface ChatState {
  chat: Chat;
  members: Set<number>;
  /** Members with admin rights (getChatMember answers creator/administrator for them). */
  admins: Map<number, 'creator' | 'administrator'>;
  /** Live messages by id; edits replace the object, deletes remove it. */
  messages: Map<number, Message>;
  nextMessageId: number;
  topics: Map<number, TopicState>;
  pinned?: number;
  menuButton?: MenuButton;
  /** The reply keyboard the user currently sees (Message objects never carry it). */
  replyKeyboard?: ReplyKeyboardMarkup;
  actions: ChatAction[];
}

export interface UserState {
  user: User;
  /** Whether the user has opened the bot; a bot cannot message users who never did. */
  started: boolean;
}

/** Users, chats and their histories: the state a restart keeps. */
export class World {
  readonly users = new Map<number, UserState>();
  readonly chats = new Map<number, ChatState>();
  readonly blocked = new Set<number>();
  private nextUserId = 500_000_001;
  private nextGroupId = 1;

  constructor(
    readonly bot: UserFromGetMe,
    readonly now: () => number,
  ) {}

  /** Unix time in seconds, as in every Bot API date. */
  date(): number {
    return Math.floor(this.now() / 1000);
  }

  addUser(u: Partial<User> & { started?: boolean }): UserState {
    const id = u.id ?? this.nextUserId++;
    const user: User = {
      id,
      is_bot: false,
      first_name: u.first_name ?? `User${id % 1000}`,
      ...(u.last_name ? { last_name: u.last_name } : {}),
      ...(u.username !== undefined ? { username: u.username } : { username: `user_${id}` }),
      language_code: u.language_code ?? 'en',
    };
    const state: UserState = { user, started: u.started ?? true };
    this.users.set(id, state);
    if (!this.chats.has(id)) {
      this.chats.set(
        id,
        newChat({
          id,
          type: 'private',
          first_name: user.first_name,
          ...(user.last_name ? { last_name: user.last_name } : {}),
          ...(user.username ? { username: user.username } : {}),
        }),
      );
    }
    return state;
  }

  addGroup(
    title: string,
    kind: 'group' | 'supergroup',
    forum: boolean,
    memberIds: number[],
  ): ChatState {
    const n = this.nextGroupId++;
    // Supergroup ids are -100…; basic group ids are small negatives.
    const id = kind === 'supergroup' ? -1_001_000_000_000 - n : -4_000_000_000 - n;
    const chat: Chat =
      kind === 'supergroup'
        ? { id, type: 'supergroup', title, ...(forum ? { is_forum: true as const } : {}) }
        : { id, type: 'group', title };
    const state = newChat(chat);
    for (const m of memberIds) state.members.add(m);
    state.members.add(this.bot.id);
    this.chats.set(id, state);
    return state;
  }

  findChat(chatId: number | string): ChatState | undefined {
    if (typeof chatId === 'number') return this.chats.get(chatId);
    const name = chatId.replace(/^@/, '').toLowerCase();
    for (const c of this.chats.values()) {
      if (
        'username' in c.chat &&
        c.chat.username?.toLowerCase() === name &&
        c.chat.type !== 'private'
      )
        return c;
    }
    return undefined;
  }

  /** The chat a bot may write to, with Telegram's errors for the rest. */
  writableChat(chatId: number | string): ChatState {
    const chat = this.findChat(chatId);
    if (!chat) throw badRequest('chat not found');
    if (chat.chat.type === 'private') {
      if (this.blocked.has(chat.chat.id)) throw forbidden('bot was blocked by the user');
      if (this.users.get(chat.chat.id)?.started === false) {
        throw forbidden("bot can't initiate conversation with a user");
      }
    } else if (!chat.members.has(this.bot.id)) {
      throw forbidden('bot is not a member of the supergroup chat');
    }
    return chat;
  }

  takeMessageId(chat: ChatState): number {
    return chat.nextMessageId++;
  }

  /** Live messages in id order, as a client shows the chat. */
  history(chat: ChatState): Message[] {
    return [...chat.messages.values()].sort((a, b) => a.message_id - b.message_id);
  }
}

function newChat(chat: Chat): ChatState {
  return {
    chat,
    members: new Set(),
    admins: new Map(),
    messages: new Map(),
    nextMessageId: 1,
    topics: new Map(),
    actions: [],
  };
}
