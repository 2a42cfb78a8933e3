// Support, domain side (tickets, relay; no grammY). Its Telegram side is src/bot/support.
/** Tickets and the message mapping that lets replies find their way, across restarts. */
import { and, desc, eq, isNotNull } from 'drizzle-orm';
import { countAll, countWhere } from '../db/aggregates.js';
import type { Database } from '../db/engine.js';
import { supportMessages, supportTickets } from '../db/schema.js';

export type Ticket = typeof supportTickets.$inferSelect;
export type SupportMessageRow = typeof supportMessages.$inferSelect;

const openOf = (userId: number, chatId: number) =>
  and(
    eq(supportTickets.userId, userId),
    eq(supportTickets.chatId, chatId),
    eq(supportTickets.status, 'open'),
  );

/**
 * The user's open ticket in this support chat, opened now if there is none. At most one is open
 * per user and chat (a partial unique index): an insert that loses to a concurrent one adds
 * nothing, and the winner's ticket is read back.
 */
export function openTicket(
  db: Database,
  userId: number,
  chatId: number,
  now = Date.now(),
): Promise<{ ticket: Ticket; created: boolean }> {
  return db.transaction(async (tx) => {
    const [existing] = await tx
      .select()
      .from(supportTickets)
      .where(openOf(userId, chatId))
      .limit(1);
    if (existing) return { ticket: existing, created: false };
    const [ticket] = await tx
      .insert(supportTickets)
      .values({ userId, chatId, createdAt: now, updatedAt: now })
      .onConflictDoNothing()
      .returning();
    if (ticket) return { ticket, created: true };
    const [winner] = await tx.select().from(supportTickets).where(openOf(userId, chatId)).limit(1);
    if (!winner) throw new Error(`openTicket: no open ticket for user ${userId} after a conflict`);
    return { ticket: winner, created: false };
  });
}

export async function getTicket(db: Database, id: number): Promise<Ticket | undefined> {
  const [row] = await db.select().from(supportTickets).where(eq(supportTickets.id, id)).limit(1);
  return row;
}

/** The topic the user's latest ticket used in this chat (every ticket of a user shares it). */
export async function lastThreadOf(
  db: Database,
  userId: number,
  chatId: number,
): Promise<number | undefined> {
  const [row] = await db
    .select({ threadId: supportTickets.threadId })
    .from(supportTickets)
    .where(
      and(
        eq(supportTickets.userId, userId),
        eq(supportTickets.chatId, chatId),
        isNotNull(supportTickets.threadId),
      ),
    )
    .orderBy(desc(supportTickets.id))
    .limit(1);
  return row?.threadId ?? undefined;
}

/** The newest ticket in a forum topic (open or not): the topic belongs to that user. */
export async function ticketByThread(
  db: Database,
  chatId: number,
  threadId: number,
): Promise<Ticket | undefined> {
  const [row] = await db
    .select()
    .from(supportTickets)
    .where(and(eq(supportTickets.chatId, chatId), eq(supportTickets.threadId, threadId)))
    .orderBy(desc(supportTickets.id))
    .limit(1);
  return row;
}

export async function setTicketThread(
  db: Database,
  ticketId: number,
  threadId: number,
  now = Date.now(),
): Promise<void> {
  await db
    .update(supportTickets)
    .set({ threadId, updatedAt: now })
    .where(eq(supportTickets.id, ticketId));
}

export async function touchTicket(db: Database, ticketId: number, now = Date.now()): Promise<void> {
  await db.update(supportTickets).set({ updatedAt: now }).where(eq(supportTickets.id, ticketId));
}

/** Closes an open ticket; false when it was already closed. */
export async function closeTicketRow(
  db: Database,
  ticketId: number,
  by: number,
  now = Date.now(),
): Promise<boolean> {
  const closed = await db
    .update(supportTickets)
    .set({ status: 'closed', closedBy: by, closedAt: now, updatedAt: now })
    .where(and(eq(supportTickets.id, ticketId), eq(supportTickets.status, 'open')))
    .returning({ id: supportTickets.id });
  return closed.length > 0;
}

/** Whether anything of this ticket reached the support chat yet. */
export async function ticketHasMessages(db: Database, ticketId: number): Promise<boolean> {
  const rows = await db
    .select({ id: supportMessages.id })
    .from(supportMessages)
    .where(eq(supportMessages.ticketId, ticketId))
    .limit(1);
  return rows.length > 0;
}

export async function recordMessage(
  db: Database,
  row: {
    ticketId: number;
    userId: number;
    direction: 'in' | 'out';
    chatId: number;
    chatMessageId: number;
    userMessageId: number | null;
  },
): Promise<void> {
  await db.insert(supportMessages).values(row).onConflictDoNothing();
}

/** The ticket message a support-chat message stands for. */
export async function messageInChat(
  db: Database,
  chatId: number,
  chatMessageId: number,
): Promise<SupportMessageRow | undefined> {
  const [row] = await db
    .select()
    .from(supportMessages)
    .where(
      and(eq(supportMessages.chatId, chatId), eq(supportMessages.chatMessageId, chatMessageId)),
    )
    .limit(1);
  return row;
}

/** A message of the user's private chat that is part of a ticket (their own or an answer). */
export async function messageOfUser(
  db: Database,
  userId: number,
  userMessageId: number,
  direction?: 'in' | 'out',
): Promise<SupportMessageRow | undefined> {
  const [row] = await db
    .select()
    .from(supportMessages)
    .where(
      and(
        eq(supportMessages.userId, userId),
        eq(supportMessages.userMessageId, userMessageId),
        direction ? eq(supportMessages.direction, direction) : undefined,
      ),
    )
    .orderBy(desc(supportMessages.id))
    .limit(1);
  return row;
}

export interface TicketCounts {
  open: number;
  total: number;
}

export async function ticketCounts(db: Database): Promise<TicketCounts> {
  const [row] = await db
    .select({ open: countWhere(eq(supportTickets.status, 'open')), total: countAll() })
    .from(supportTickets);
  return { open: row?.open ?? 0, total: row?.total ?? 0 };
}
