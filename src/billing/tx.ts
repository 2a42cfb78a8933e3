import type { Db } from '../db/client.js';

/** The handle drizzle passes to a `db.transaction` callback (better-sqlite3: synchronous). */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Either a connection or an open transaction; domain writes accept both. */
export type DbOrTx = Db | Tx;

/**
 * Runs `fn` atomically. On a connection it opens an IMMEDIATE transaction: the write lock is taken
 * at BEGIN, so two connections never deadlock upgrading a read lock. Inside a caller's transaction
 * it nests as a savepoint, so our writes are all-or-nothing even if the caller catches our error.
 * `fn` gets the handle it was given (one synchronous connection either way): on the connection
 * itself the statements run prepared.
 */
export function atomic<T>(db: DbOrTx, fn: (tx: DbOrTx) => T): T {
  return db.transaction(() => fn(db), { behavior: 'immediate' });
}
