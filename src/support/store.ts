// Support, domain side (tickets, relay; no grammY). Its Telegram side is src/bot/support.
/** Tickets and the message mapping that lets replies find their way, across restarts. */
import { and, desc, eq, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { supportMessages, supportTickets } from '../db/schema.js';

export type Ticket = typeof supportTickets.$inferSelect;
export type SupportMessageRow = typeof supportMessages.$inferSelect;

/** The user's open ticket in this support chat, opened now if there is none. */
export function openTicket(
  db: Db,
  userId: number,
  chatId: number,
  now = Date.now(),
): { ticket: Ticket; created: boolean } {
  return db.transaction(
    (tx) => {
      const existing = tx
        .select()
        .from(supportTickets)
        .where(
          and(
            eq(supportTickets.userId, userId),
            eq(supportTickets.chatId, chatId),
            eq(supportTickets.status, 'open'),
          ),
        )
        .get();
      if (existing) return { ticket: existing, created: false };
      const ticket = tx
        .insert(supportTickets)
        .values({ userId, chatId, createdAt: now, updatedAt: now })
        .returning()
        .get();
      return { ticket, created: true };
    },
    { behavior: 'immediate' },
  );
}

export function getTicket(db: Db, id: number): Ticket | undefined {
  return db.select().from(supportTickets).where(eq(supportTickets.id, id)).get();
}

/** The topic the user's latest ticket used in this chat (every ticket of a user shares it). */
export function lastThreadOf(db: Db, userId: number, chatId: number): number | undefined {
  const row = db
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
    .get();
  return row?.threadId ?? undefined;
}

/** The newest ticket in a forum topic (open or not): the topic belongs to that user. */
export function ticketByThread(db: Db, chatId: number, threadId: number): Ticket | undefined {
  return db
    .select()
    .from(supportTickets)
    .where(and(eq(supportTickets.chatId, chatId), eq(supportTickets.threadId, threadId)))
    .orderBy(desc(supportTickets.id))
    .get();
}

export function setTicketThread(db: Db, ticketId: number, threadId: number, now = Date.now()) {
  db.update(supportTickets)
    .set({ threadId, updatedAt: now })
    .where(eq(supportTickets.id, ticketId))
    .run();
}

export function touchTicket(db: Db, ticketId: number, now = Date.now()): void {
  db.update(supportTickets).set({ updatedAt: now }).where(eq(supportTickets.id, ticketId)).run();
}

/** Closes an open ticket; false when it was already closed. */
export function closeTicketRow(db: Db, ticketId: number, by: number, now = Date.now()): boolean {
  return (
    db
      .update(supportTickets)
      .set({ status: 'closed', closedBy: by, closedAt: now, updatedAt: now })
      .where(and(eq(supportTickets.id, ticketId), eq(supportTickets.status, 'open')))
      .run().changes > 0
  );
}

/** Whether anything of this ticket reached the support chat yet. */
export function ticketHasMessages(db: Db, ticketId: number): boolean {
  return (
    db
      .select({ id: supportMessages.id })
      .from(supportMessages)
      .where(eq(supportMessages.ticketId, ticketId))
      .limit(1)
      .get() !== undefined
  );
}

export function recordMessage(
  db: Db,
  row: {
    ticketId: number;
    userId: number;
    direction: 'in' | 'out';
    chatId: number;
    chatMessageId: number;
    userMessageId: number | null;
  },
): void {
  db.insert(supportMessages).values(row).onConflictDoNothing().run();
}

/** The ticket message a support-chat message stands for. */
export function messageInChat(
  db: Db,
  chatId: number,
  chatMessageId: number,
): SupportMessageRow | undefined {
  return db
    .select()
    .from(supportMessages)
    .where(
      and(eq(supportMessages.chatId, chatId), eq(supportMessages.chatMessageId, chatMessageId)),
    )
    .get();
}

/** A message of the user's private chat that is part of a ticket (their own or an answer). */
export function messageOfUser(
  db: Db,
  userId: number,
  userMessageId: number,
  direction?: 'in' | 'out',
): SupportMessageRow | undefined {
  return db
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
    .get();
}

export interface TicketCounts {
  open: number;
  total: number;
}

export function ticketCounts(db: Db): TicketCounts {
  const row = db
    .select({
      open: sql<number>`coalesce(sum(case when ${supportTickets.status} = 'open' then 1 else 0 end), 0)`,
      total: sql<number>`count(*)`,
    })
    .from(supportTickets)
    .get();
  return { open: row?.open ?? 0, total: row?.total ?? 0 };
}
