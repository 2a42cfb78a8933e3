/**
 * The data layer's one handle on either engine. Domain code is written once, against the SQLite
 * schema's tables and drizzle's async query builders, and runs unchanged on PostgreSQL: drizzle's
 * builders are the same objects on both dialects, the dialect renders the SQL, and the two
 * schemas have the same tables and columns (test/unit/db/schema-lockstep). schema-pg.ts is what
 * PostgreSQL's migrations are made from; the SQLite tables describe the rows to TypeScript.
 *
 * What domain code may use is the `Database` type: no `.get()`, `.all()`, `.run()` or raw
 * `db.run(sql)` (SQLite only); a query is awaited for its rows, `.returning()` says what a write
 * changed. `db.transaction(fn)` is atomic on both engines: on SQLite it holds the connection
 * (sqlite-async.ts), on PostgreSQL it takes one pooled connection; called again inside, from the
 * handle or the transaction, it nests as a savepoint.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type BetterSqlite from 'better-sqlite3';
import type { SqliteRemoteDatabase } from 'drizzle-orm/sqlite-proxy';
import type { PgOptions } from './pg.js';
import * as schema from './schema.js';
import { asyncSqlite } from './sqlite-async.js';

type Full = SqliteRemoteDatabase<typeof schema>;

/** A connection or an open transaction: every domain function takes one. */
export type Database = Pick<
  Full,
  'select' | 'selectDistinct' | 'insert' | 'update' | 'delete' | 'transaction' | '$count'
>;

export type EngineKind = 'sqlite' | 'postgres';

export interface Engine {
  readonly kind: EngineKind;
  readonly db: Database;
  /** True when a trivial statement round-trips (the health check). */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

/** The async engine on an open better-sqlite3 connection (which its owner closes). */
export function sqliteEngine(client: BetterSqlite.Database): Engine {
  const { db } = asyncSqlite(client, schema);
  return {
    kind: 'sqlite',
    db,
    ping: async () => client.open && client.prepare('SELECT 1').get() !== undefined,
    close: async () => {},
  };
}

/** PostgreSQL's modules load only here: an embedded bot never pays for them. */
export async function postgresEngine(url: string, options: PgOptions = {}): Promise<Engine> {
  const [{ openPg }, { drizzle: drizzlePg }] = await Promise.all([
    import('./pg.js'),
    import('drizzle-orm/node-postgres'),
  ]);
  const engine = await openPg(url, options);
  const db = drizzlePg(engine.db.$client) as unknown as Full;
  const open = db.transaction.bind(db);
  const current = new AsyncLocalStorage<Database>();
  // A transaction asked of the pool inside one joins it (a savepoint) instead of taking a
  // second connection, which would not see its rows and could wait on its locks forever.
  Object.assign(db, {
    transaction: <T>(fn: (tx: Database) => Promise<T>): Promise<T> => {
      const outer = current.getStore();
      if (outer) return outer.transaction(fn);
      return open((tx) => current.run(tx, () => fn(tx)));
    },
  });
  return {
    kind: 'postgres',
    db,
    ping: async () => {
      try {
        await engine.db.$client.query('SELECT 1');
        return true;
      } catch {
        return false;
      }
    },
    close: () => engine.close(),
  };
}
