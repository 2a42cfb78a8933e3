import type { Chat, ForumTopic, Message, User } from 'grammy/types';
import type { Core } from './core.js';
import { ChatDriver } from './driver.js';
import type { ChatState } from './world.js';

/** A Telegram user with a private chat with the bot. */
export class TestUser extends ChatDriver {
  constructor(core: Core, user: User) {
    const chat = core.world.chats.get(user.id);
    if (!chat) throw new Error(`no private chat for user ${user.id}`);
    super(core, user, chat);
  }

  get id(): number {
    return this.user.id;
  }

  /** This user acting in a group (optionally inside a forum topic). */
  inGroup(group: TestGroup | number, options: { threadId?: number } = {}): ChatDriver {
    const id = typeof group === 'number' ? group : group.id;
    const chat = this.core.world.chats.get(id);
    if (!chat) throw new Error(`unknown group ${id}`);
    chat.members.add(this.user.id);
    return new ChatDriver(this.core, this.user, chat, options.threadId);
  }
}

/** The account Telegram posts anonymous admins' messages from (its real id). */
const ANONYMOUS_ADMIN: User = {
  id: 1_087_968_824,
  is_bot: true,
  first_name: 'Group',
  username: 'GroupAnonymousBot',
};

/** A group, supergroup or forum the bot is a member of. */
export class TestGroup {
  constructor(
    private readonly core: Core,
    private readonly state: ChatState,
  ) {}

  get id(): number {
    return this.state.chat.id;
  }

  get chat(): Chat {
    return this.state.chat;
  }

  /** A topic created by a member (the bot gets the forum_topic_created service message). */
  createTopic(name: string, by: TestUser, iconColor = 0x6fb9f0): ForumTopic {
    if (this.state.chat.type !== 'supergroup' || !this.state.chat.is_forum)
      throw new Error('not a forum');
    const id = this.core.world.takeMessageId(this.state);
    const msg: Message = {
      message_id: id,
      message_thread_id: id,
      is_topic_message: true,
      from: by.user,
      chat: this.state.chat,
      date: this.core.world.date(),
      forum_topic_created: { name, icon_color: iconColor },
    };
    this.state.messages.set(id, msg);
    const topic: ForumTopic = { message_thread_id: id, name, icon_color: iconColor };
    this.state.topics.set(id, { ...topic, closed: false });
    this.core.queue.push({ message: msg } as never);
    return topic;
  }

  /** Gives a member admin rights (as an owner does in the chat's settings). */
  promote(user: TestUser, rank: 'creator' | 'administrator' = 'administrator'): void {
    this.state.members.add(user.id);
    this.state.admins.set(user.id, rank);
  }

  demote(user: TestUser): void {
    this.state.admins.delete(user.id);
  }

  /**
   * An admin with "Remain anonymous": their messages come from GroupAnonymousBot with the
   * group itself as sender_chat, so nobody (the bot included) can tell which admin wrote.
   */
  anonymousAdmin(options: { threadId?: number } = {}): ChatDriver {
    return new ChatDriver(
      this.core,
      ANONYMOUS_ADMIN,
      this.state,
      options.threadId,
      this.state.chat,
    );
  }

  topics(): (ForumTopic & { closed: boolean })[] {
    return [...this.state.topics.values()].map((t) => ({ ...t }));
  }

  messages(threadId?: number): Message[] {
    const all = this.core.world.history(this.state);
    return threadId === undefined ? all : all.filter((m) => m.message_thread_id === threadId);
  }

  pinned(): Message | undefined {
    return this.state.pinned !== undefined ? this.state.messages.get(this.state.pinned) : undefined;
  }
}
