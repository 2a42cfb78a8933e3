// Support, domain side (tickets, relay; no grammY). Its Telegram side is src/bot/support.
/**
 * Moves support messages between a user's private chat and the operator's support chat.
 * A forum gives each user a topic of their own (reused for later tickets); a plain group gets a
 * header and a copy per message. Every support-chat message is recorded with its ticket, so
 * replies still find their user after a restart.
 */
import { setBlockedBot } from '../accounts/users.js';
import type { Database } from '../db/engine.js';
import { isChannelError, type Placement, type SupportChannel } from './ports.js';
import {
  closeTicketRow,
  getTicket,
  lastThreadOf,
  messageInChat,
  messageOfUser,
  openTicket,
  recordMessage,
  setTicketThread,
  type Ticket,
  ticketByThread,
  ticketHasMessages,
  touchTicket,
} from './store.js';

export interface RelayDeps {
  db: Database;
  channel: SupportChannel;
  now?: () => number;
}

export interface ToSupportInput {
  supportChatId: number;
  userId: number;
  /** The user's message in their private chat (chat id == user id). */
  messageId: number;
  /** Renders the header shown above the message; `opened` for the first of a ticket. */
  header(ticket: { id: number; opened: boolean; forum: boolean }): string;
  topicName: string;
}

export type ToSupportResult =
  | { kind: 'sent'; ticketId: number; opened: boolean; threadId?: number }
  /** The same update came twice: it was already relayed. */
  | { kind: 'duplicate'; ticketId: number };

/** Relays one user message to the support chat. Throws ChannelError when that chat is unreachable. */
export async function relayToSupport(
  deps: RelayDeps,
  input: ToSupportInput,
): Promise<ToSupportResult> {
  const { db, channel } = deps;
  const now = deps.now ?? Date.now;
  const seen = await messageOfUser(db, input.userId, input.messageId, 'in');
  if (seen) return { kind: 'duplicate', ticketId: seen.ticketId };

  const opened = await openTicket(db, input.userId, input.supportChatId, now());
  const { ticket } = opened;
  // A ticket whose first message never arrived (support chat unreachable) still opens now.
  const created = opened.created || !(await ticketHasMessages(db, ticket.id));
  const forum = await channel.isForum(input.supportChatId);
  const record = (chatMessageId: number) =>
    recordMessage(db, {
      ticketId: ticket.id,
      userId: input.userId,
      direction: 'in',
      chatId: input.supportChatId,
      chatMessageId,
      userMessageId: input.messageId,
    });
  const from = { chatId: input.userId, messageId: input.messageId };

  if (!forum) {
    const headerId = await channel.sendHtml(
      input.supportChatId,
      input.header({ id: ticket.id, opened: created, forum: false }),
    );
    const copyId = await channel.copy(from, input.supportChatId, { replyTo: headerId });
    // Recorded only once the copy exists: a recorded message counts as relayed.
    await record(headerId);
    await record(copyId);
    await touchTicket(db, ticket.id, now());
    return { kind: 'sent', ticketId: ticket.id, opened: created };
  }

  let threadId = ticket.threadId ?? (await lastThreadOf(db, input.userId, input.supportChatId));
  let fresh = false;
  if (threadId === undefined) {
    threadId = await channel.createTopic(input.supportChatId, input.topicName);
    fresh = true;
  } else if (created) {
    await channel.reopenTopic(input.supportChatId, threadId);
  }
  if (ticket.threadId !== threadId) await setTicketThread(db, ticket.id, threadId, now());

  const post = async (thread: number, withHeader: boolean) => {
    const at: Placement = { threadId: thread };
    const headerId = withHeader
      ? await channel.sendHtml(
          input.supportChatId,
          input.header({ id: ticket.id, opened: created, forum: true }),
          at,
        )
      : undefined;
    const copyId = await channel.copy(from, input.supportChatId, at);
    if (headerId !== undefined) await record(headerId);
    await record(copyId);
  };
  const withHeader = created || fresh;
  try {
    await post(threadId, withHeader);
  } catch (err) {
    // The first call into the topic is the one that fails, so nothing was posted yet.
    if (isChannelError(err, 'topic_closed')) {
      // Closed by hand in Telegram while the ticket was open: open it again.
      await channel.reopenTopic(input.supportChatId, threadId);
      await post(threadId, withHeader);
    } else if (isChannelError(err, 'topic_gone')) {
      // Deleted by an admin: the user gets a new topic, with the header so it makes sense.
      threadId = await channel.createTopic(input.supportChatId, input.topicName);
      await setTicketThread(db, ticket.id, threadId, now());
      await post(threadId, true);
    } else {
      throw err;
    }
  }
  await touchTicket(db, ticket.id, now());
  return { kind: 'sent', ticketId: ticket.id, opened: created, threadId };
}

/** Where an admin's message in the support chat points. */
export interface SupportChatMessage {
  chatId: number;
  messageId: number;
  threadId?: number;
  /** The message it replies to, if any (not the topic's root service message). */
  replyToMessageId?: number;
}

export interface TicketTarget {
  ticket: Ticket;
  userId: number;
  /** The user's message the admin answered, to reply to it in the private chat. */
  userMessageId?: number;
}

/** The ticket an admin's message belongs to: the message it replies to, else its topic. */
export async function findTarget(
  db: Database,
  m: SupportChatMessage,
): Promise<TicketTarget | undefined> {
  if (m.replyToMessageId !== undefined) {
    const row = await messageInChat(db, m.chatId, m.replyToMessageId);
    const ticket = row && (await getTicket(db, row.ticketId));
    if (row && ticket) {
      return {
        ticket,
        userId: row.userId,
        ...(row.userMessageId !== null && row.direction === 'in'
          ? { userMessageId: row.userMessageId }
          : {}),
      };
    }
  }
  if (m.threadId !== undefined) {
    const ticket = await ticketByThread(db, m.chatId, m.threadId);
    if (ticket) return { ticket, userId: ticket.userId };
  }
  return undefined;
}

export type ToUserResult =
  | { kind: 'sent'; userId: number; ticketId: number }
  | { kind: 'duplicate'; userId: number; ticketId: number }
  | { kind: 'no_ticket' }
  /** The user blocked the bot (now recorded); the answer did not reach them. */
  | { kind: 'blocked'; userId: number; ticketId: number };

/** Copies an admin's answer to the user, as a reply to the message it answers when known. */
export async function relayToUser(deps: RelayDeps, m: SupportChatMessage): Promise<ToUserResult> {
  const { db, channel } = deps;
  const now = deps.now ?? Date.now;
  const target = await findTarget(db, m);
  if (!target) return { kind: 'no_ticket' };
  const { ticket, userId } = target;
  if (await messageInChat(db, m.chatId, m.messageId))
    return { kind: 'duplicate', userId, ticketId: ticket.id };
  let copyId: number;
  try {
    copyId = await channel.copy({ chatId: m.chatId, messageId: m.messageId }, userId, {
      ...(target.userMessageId !== undefined ? { replyTo: target.userMessageId } : {}),
      replyButton: true,
    });
  } catch (err) {
    if (isChannelError(err, 'unreachable')) {
      await setBlockedBot(db, userId, true);
      return { kind: 'blocked', userId, ticketId: ticket.id };
    }
    throw err;
  }
  await recordMessage(db, {
    ticketId: ticket.id,
    userId,
    direction: 'out',
    chatId: m.chatId,
    chatMessageId: m.messageId,
    userMessageId: copyId,
  });
  await touchTicket(db, ticket.id, now());
  return { kind: 'sent', userId, ticketId: ticket.id };
}

export type CloseResult =
  | { kind: 'closed'; userId: number; ticketId: number }
  | { kind: 'already_closed'; userId: number; ticketId: number }
  | { kind: 'no_ticket' };

/** `/close`: closes the ticket of the topic (or of the replied-to message), and its topic. */
export async function closeTicket(
  deps: RelayDeps,
  m: SupportChatMessage,
  closedBy: number,
  /** Runs once the ticket is closed and before its topic is: a closed topic takes no messages. */
  announce?: (result: { userId: number; ticketId: number }) => Promise<void>,
): Promise<CloseResult> {
  const { db, channel } = deps;
  const target = await findTarget(db, m);
  if (!target) return { kind: 'no_ticket' };
  const { ticket, userId } = target;
  if (!(await closeTicketRow(db, ticket.id, closedBy, (deps.now ?? Date.now)()))) {
    return { kind: 'already_closed', userId, ticketId: ticket.id };
  }
  await announce?.({ userId, ticketId: ticket.id });
  if (ticket.threadId !== null) {
    try {
      await channel.closeTopic(m.chatId, ticket.threadId);
    } catch (err) {
      // The ticket is closed in the database either way; a deleted topic has nothing to close.
      if (!isChannelError(err, 'topic_gone')) throw err;
    }
  }
  return { kind: 'closed', userId, ticketId: ticket.id };
}
