import { sql } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { Db } from './client.js';

/**
 * Statements built once per connection. Without `.prepare()` drizzle rebuilds the SQL text and
 * better-sqlite3 compiles it again on every call, which costs more than running the query itself
 * on the paths every update takes. They run inside `db.transaction(...)` as well: a better-sqlite3
 * connection is one synchronous session, so whatever runs in the callback is in the transaction.
 */
export function perConnection<T>(build: (db: Db) => T): (db: Db) => T {
  const built = new WeakMap<Db, T>();
  return (db) => {
    let statements = built.get(db);
    if (statements === undefined) {
      statements = build(db);
      built.set(db, statements);
    }
    return statements;
  };
}

/** In an upsert's SET: the value the INSERT tried to write (keeps one placeholder per value). */
export const excluded = (column: SQLiteColumn) => sql`excluded.${sql.identifier(column.name)}`;
