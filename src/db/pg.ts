/**
 * PostgreSQL behind the same async drizzle API as sqlite-async.ts: a node-postgres pool, its
 * migrations from drizzle/pg, and transactions that nest as savepoints. A call for a transaction
 * on the pool from inside one (same async context) joins it instead of taking a second
 * connection, which would neither see its rows nor wait for its locks without deadlocking.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import path from 'node:path';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { DRIZZLE_DIR } from './client.js';
import * as schema from './schema-pg.js';

/*
 * Domain code reads PostgreSQL through the SQLite schema's columns (engine.ts): bigint comes as a
 * JS number (every id and millisecond time is below 2⁵³) and jsonb as its text, which the SQLite
 * json column parses. PostgreSQL's own schema parses a string too, so db:copy reads the same.
 */
pg.types.setTypeParser(pg.types.builtins.INT8, Number);
pg.types.setTypeParser(pg.types.builtins.JSONB, (text: string) => text);

export type PgDb = NodePgDatabase<typeof schema> & { $client: pg.Pool };
export type PgTx = Parameters<Parameters<PgDb['transaction']>[0]>[0];

export interface PgOptions {
  /** Connections per instance; every instance has its own pool. */
  poolSize?: number;
  /** A statement running longer is cancelled by the server (0: no limit). */
  statementTimeoutMs?: number;
  /** Apply pending migrations (default true). */
  migrate?: boolean;
  /** An idle connection's failure (the pool replaces it); e.g. a log line. */
  onIdleError?: (err: Error) => void;
}

export interface PgEngine {
  db: PgDb;
  transaction<T>(fn: (tx: PgTx) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export const PG_MIGRATIONS_DIR = path.join(DRIZZLE_DIR, 'pg');

export async function openPg(url: string, options: PgOptions = {}): Promise<PgEngine> {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    statement_timeout: options.statementTimeoutMs ?? 30_000,
    // A dead server fails the call instead of hanging it.
    connectionTimeoutMillis: 10_000,
  });
  // An idle client's network error is emitted on the pool; without a listener it would crash.
  pool.on('error', (err) => options.onIdleError?.(err));
  const db = drizzle(pool, { schema }) as PgDb;
  if (options.migrate !== false) await migrate(db, { migrationsFolder: PG_MIGRATIONS_DIR });
  const current = new AsyncLocalStorage<PgTx>();
  return {
    db,
    transaction(fn) {
      const outer = current.getStore();
      if (outer) return outer.transaction(fn);
      return db.transaction((tx) => current.run(tx, () => fn(tx)));
    },
    close: () => pool.end(),
  };
}
