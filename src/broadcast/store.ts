// Broadcast, domain side (store, pacing, worker; no grammY). Its Telegram side is src/bot/broadcast.
/** Broadcast rows and their recipients: users in id order after the cursor. */
import { and, asc, eq, gt, inArray, isNull, lte, notInArray, or, sql } from 'drizzle-orm';
import type { Database } from '../db/engine.js';
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

export function countAudience(
  db: Database,
  exclude: readonly number[],
  now = Date.now(),
): Promise<number> {
  return db.$count(users, audience(now, exclude));
}

export function createBroadcast(
  db: Database,
  input: {
    adminId: number;
    sourceChatId: number;
    sourceMessageId: number;
    exclude: readonly number[];
    now?: number;
  },
): Promise<Broadcast> {
  const now = input.now ?? Date.now();
  return db.transaction(async (tx) => {
    const total = await countAudience(tx, input.exclude, now);
    const [made] = await tx
      .insert(broadcasts)
      .values({
        adminId: input.adminId,
        sourceChatId: input.sourceChatId,
        sourceMessageId: input.sourceMessageId,
        total,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!made) throw new Error('createBroadcast: the insert returned no row');
    return made;
  });
}

export async function getBroadcast(db: Database, id: number): Promise<Broadcast | undefined> {
  const [row] = await db.select().from(broadcasts).where(eq(broadcasts.id, id)).limit(1);
  return row;
}

/** The next user ids to send to, after the cursor. */
export async function nextRecipients(
  db: Database,
  b: Pick<Broadcast, 'cursor' | 'createdAt'>,
  exclude: readonly number[],
  limit: number,
): Promise<number[]> {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(audience(b.createdAt, exclude, b.cursor))
    .orderBy(asc(users.id))
    .limit(limit);
  return rows.map((r) => r.id);
}

/**
 * Moves the cursor past `userId` and counts the outcome, in one statement. Returns the status
 * after it (`cancelled` when the admin stopped it meanwhile: the send in flight still counts),
 * or undefined when another instance holds the broadcast now.
 */
export async function recordOutcome(
  db: Database,
  id: number,
  owner: string,
  userId: number,
  outcome: RecipientOutcome,
  now = Date.now(),
): Promise<Broadcast['status'] | undefined> {
  const counter = broadcasts[outcome];
  const [row] = await db
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
    .returning({ status: broadcasts.status });
  return row?.status;
}

/**
 * Takes the oldest running broadcast whose lease is free, expired or already ours. One
 * conditional UPDATE (the lease condition is checked again on the row it writes), so two
 * instances never send the same broadcast.
 */
export async function claimNext(
  db: Database,
  owner: string,
  now: number,
  leaseMs: number,
): Promise<Broadcast | undefined> {
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
  const [claimed] = await db
    .update(broadcasts)
    .set({ leaseOwner: owner, leaseUntil: now + leaseMs })
    .where(and(inArray(broadcasts.id, candidates), eq(broadcasts.status, 'running'), free))
    .returning();
  return claimed;
}

/** Extends our lease; false when it was lost. */
export async function renewLease(
  db: Database,
  id: number,
  owner: string,
  now: number,
  leaseMs: number,
): Promise<boolean> {
  const renewed = await db
    .update(broadcasts)
    .set({ leaseUntil: now + leaseMs })
    .where(
      and(
        eq(broadcasts.id, id),
        eq(broadcasts.leaseOwner, owner),
        eq(broadcasts.status, 'running'),
      ),
    )
    .returning({ id: broadcasts.id });
  return renewed.length > 0;
}

export async function releaseLease(db: Database, id: number, owner: string): Promise<void> {
  await db
    .update(broadcasts)
    .set({ leaseOwner: null, leaseUntil: null })
    .where(and(eq(broadcasts.id, id), eq(broadcasts.leaseOwner, owner)));
}

/** Ends a running broadcast; false when it had already ended. */
export async function finishBroadcast(
  db: Database,
  id: number,
  status: 'done' | 'failed' | 'cancelled',
  error: string | null = null,
  now = Date.now(),
): Promise<boolean> {
  const ended = await db
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
    .returning({ id: broadcasts.id });
  return ended.length > 0;
}

export async function setProgressMessage(
  db: Database,
  id: number,
  chatId: number,
  messageId: number,
): Promise<void> {
  await db
    .update(broadcasts)
    .set({ progressChatId: chatId, progressMessageId: messageId })
    .where(eq(broadcasts.id, id));
}

export function runningBroadcasts(db: Database): Promise<Broadcast[]> {
  return db
    .select()
    .from(broadcasts)
    .where(eq(broadcasts.status, 'running'))
    .orderBy(asc(broadcasts.id));
}
