// Broadcast, domain side (store, pacing, worker; no grammY). Its Telegram side is src/bot/broadcast.
/** Broadcast rows and their recipients: users in id order after the cursor. */
import { and, asc, eq, gt, inArray, isNull, lte, notInArray, or, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { broadcasts, users } from '../db/schema.js';

export type Broadcast = typeof broadcasts.$inferSelect;
export type RecipientOutcome = 'sent' | 'blocked' | 'failed';

/** Everyone who can get it: not blocked, not banned, there when it was created, not excluded. */
function audience(before: number, exclude: readonly number[], after = 0) {
  return and(
    gt(users.id, after),
    eq(users.blockedBot, false),
    eq(users.banned, false),
    lte(users.createdAt, before),
    exclude.length > 0 ? notInArray(users.id, [...exclude]) : undefined,
  );
}

export function countAudience(db: Db, exclude: readonly number[], now = Date.now()): number {
  return (
    db.select({ n: sql<number>`count(*)` }).from(users).where(audience(now, exclude)).get()?.n ?? 0
  );
}

export function createBroadcast(
  db: Db,
  input: {
    adminId: number;
    sourceChatId: number;
    sourceMessageId: number;
    exclude: readonly number[];
    now?: number;
  },
): Broadcast {
  const now = input.now ?? Date.now();
  return db.transaction((tx) => {
    const total =
      tx.select({ n: sql<number>`count(*)` }).from(users).where(audience(now, input.exclude)).get()
        ?.n ?? 0;
    return tx
      .insert(broadcasts)
      .values({
        adminId: input.adminId,
        sourceChatId: input.sourceChatId,
        sourceMessageId: input.sourceMessageId,
        total,
        createdAt: now,
        updatedAt: now,
      })
      .returning()
      .get();
  });
}

export function getBroadcast(db: Db, id: number): Broadcast | undefined {
  return db.select().from(broadcasts).where(eq(broadcasts.id, id)).get();
}

/** The next user ids to send to, after the cursor. */
export function nextRecipients(
  db: Db,
  b: Pick<Broadcast, 'cursor' | 'createdAt'>,
  exclude: readonly number[],
  limit: number,
): number[] {
  return db
    .select({ id: users.id })
    .from(users)
    .where(audience(b.createdAt, exclude, b.cursor))
    .orderBy(asc(users.id))
    .limit(limit)
    .all()
    .map((r) => r.id);
}

/**
 * Moves the cursor past `userId` and counts the outcome, in one statement. Returns the status
 * after it (`cancelled` when the admin stopped it meanwhile: the send in flight still counts),
 * or undefined when another instance holds the broadcast now.
 */
export function recordOutcome(
  db: Db,
  id: number,
  owner: string,
  userId: number,
  outcome: RecipientOutcome,
  now = Date.now(),
): Broadcast['status'] | undefined {
  const counter = broadcasts[outcome];
  const row = db
    .update(broadcasts)
    .set({ cursor: userId, [outcome]: sql`${counter} + 1`, updatedAt: now })
    .where(
      and(
        eq(broadcasts.id, id),
        lte(broadcasts.cursor, userId),
        or(
          and(eq(broadcasts.status, 'running'), eq(broadcasts.leaseOwner, owner)),
          // Stopping clears the lease; nobody else can have taken a stopped broadcast.
          eq(broadcasts.status, 'cancelled'),
        ),
      ),
    )
    .returning({ status: broadcasts.status })
    .get();
  return row?.status;
}

/**
 * Takes the oldest running broadcast whose lease is free, expired or already ours. One
 * conditional UPDATE, so two instances never send the same broadcast.
 */
export function claimNext(
  db: Db,
  owner: string,
  now: number,
  leaseMs: number,
): Broadcast | undefined {
  const free = or(
    isNull(broadcasts.leaseUntil),
    lte(broadcasts.leaseUntil, now),
    eq(broadcasts.leaseOwner, owner),
  );
  const candidates = db
    .select({ id: broadcasts.id })
    .from(broadcasts)
    .where(and(eq(broadcasts.status, 'running'), free))
    .orderBy(asc(broadcasts.id))
    .limit(1);
  return db
    .update(broadcasts)
    .set({ leaseOwner: owner, leaseUntil: now + leaseMs })
    .where(and(inArray(broadcasts.id, candidates), eq(broadcasts.status, 'running'), free))
    .returning()
    .get();
}

/** Extends our lease; false when it was lost. */
export function renewLease(
  db: Db,
  id: number,
  owner: string,
  now: number,
  leaseMs: number,
): boolean {
  return (
    db
      .update(broadcasts)
      .set({ leaseUntil: now + leaseMs })
      .where(
        and(
          eq(broadcasts.id, id),
          eq(broadcasts.leaseOwner, owner),
          eq(broadcasts.status, 'running'),
        ),
      )
      .run().changes > 0
  );
}

export function releaseLease(db: Db, id: number, owner: string): void {
  db.update(broadcasts)
    .set({ leaseOwner: null, leaseUntil: null })
    .where(and(eq(broadcasts.id, id), eq(broadcasts.leaseOwner, owner)))
    .run();
}

/** Ends a running broadcast; false when it had already ended. */
export function finishBroadcast(
  db: Db,
  id: number,
  status: 'done' | 'failed' | 'cancelled',
  error: string | null = null,
  now = Date.now(),
): boolean {
  return (
    db
      .update(broadcasts)
      .set({
        status,
        error,
        finishedAt: now,
        updatedAt: now,
        leaseOwner: null,
        leaseUntil: null,
      })
      .where(and(eq(broadcasts.id, id), eq(broadcasts.status, 'running')))
      .run().changes > 0
  );
}

export function setProgressMessage(db: Db, id: number, chatId: number, messageId: number): void {
  db.update(broadcasts)
    .set({ progressChatId: chatId, progressMessageId: messageId })
    .where(eq(broadcasts.id, id))
    .run();
}

export function runningBroadcasts(db: Db): Broadcast[] {
  return db
    .select()
    .from(broadcasts)
    .where(eq(broadcasts.status, 'running'))
    .orderBy(asc(broadcasts.id))
    .all();
}
