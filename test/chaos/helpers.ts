import path from 'node:path';
import { eq } from 'drizzle-orm';
import { checkInvariant, topUp } from '../../src/billing/ledger.js';
import { closeDb, type Db, openDb } from '../../src/db/client.js';
import { ledger, users } from '../../src/db/schema.js';
import { jobsInStatus } from '../../src/jobs/store.js';

/** Polls `check` (sync or async) until it holds. */
export async function until(
  check: () => boolean | Promise<boolean>,
  timeoutMs: number,
  what: string,
): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** A second connection to the bot's SQLite file (WAL), as an operator's script would open it. */
export function openBotDb(dataDir: string): Db {
  return openDb(path.join(dataDir, 'bot.sqlite'), { migrate: false });
}

export function fund(db: Db, userId: number, amount: number): void {
  db.insert(users).values({ id: userId, firstName: 'Chaos' }).onConflictDoNothing().run();
  topUp(db, { userId, amount, ref: `chaos:${userId}:${amount}:${Date.now()}` });
}

/** Ledger entries of one job: what "charged once, refunded at most once" is checked on. */
export function jobLedger(db: Db, jobId: string) {
  return db
    .select()
    .from(ledger)
    .all()
    .filter((e) => e.ref?.startsWith(`job:${jobId}:`));
}

/**
 * What every fault case ends with: no job left half-way, balance == sum(ledger) for everyone,
 * and every job charged at most once and refunded at most once (refund only when it failed).
 */
export function assertBooksBalanced(db: Db): void {
  const stuck = jobsInStatus(db, ['queued', 'submitting', 'running', 'delivering']);
  if (stuck.length > 0)
    throw new Error(`jobs not finished: ${stuck.map((j) => `${j.id}:${j.status}`).join(', ')}`);
  const violations = checkInvariant(db);
  if (violations.length > 0) throw new Error(`ledger invariant: ${JSON.stringify(violations)}`);
  const refs = new Map<string, number>();
  for (const e of db.select().from(ledger).all())
    if (e.ref) refs.set(e.ref, (refs.get(e.ref) ?? 0) + 1);
  for (const [ref, n] of refs) if (n > 1) throw new Error(`ledger ref ${ref} appears ${n} times`);
}

export function closeQuietly(db: Db | undefined): void {
  if (db) closeDb(db);
}

export const userJobs = (db: Db, userId: number) =>
  db.query.jobs.findMany({ where: (j) => eq(j.userId, userId) });
