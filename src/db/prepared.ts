import { sql } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { Db } from './client.js';

/**
 * Statements built once per connection (a `Db`, or an async `Database` handle). Without
 * `.prepare()` drizzle rebuilds the SQL text on every call, which costs more than running the
 * query itself on the paths every update takes. On a sync `Db` they run inside
 * `db.transaction(...)` as well: a better-sqlite3 connection is one synchronous session, so
 * whatever runs in the callback is in the transaction. A `Database`'s statements run where that
 * handle runs them (on the pool, for PostgreSQL's): a transaction is another handle.
 */
export function perConnection<T, H extends object = Db>(build: (db: H) => T): (db: H) => T {
  const built = new WeakMap<H, T>();
  return (db) => {
    let statements = built.get(db);
    if (statements === undefined) {
      statements = build(db);
      built.set(db, statements);
    }
    return statements;
  };
}

/** What query code needs: the connection itself or a drizzle transaction object on it. */
export type QueryHost = Pick<Db, 'select' | 'insert' | 'update' | 'delete'>;

const isConnection = (host: QueryHost): host is Db => '$client' in host;

/**
 * One query, written once, for a connection or a transaction object: on the connection (the hot
 * paths) it runs prepared, once per `shape` (e.g. which columns a patch sets); a drizzle
 * transaction object has no handle on its connection, so there it is built for the call.
 */
export function reusable<Q extends { prepare(): unknown }, S = void>(
  build: (host: QueryHost, shape: S) => Q,
  shapeKey: (shape: S) => string = () => '',
): (host: QueryHost, shape: S) => Q | ReturnType<Q['prepare']> {
  const cache = perConnection(() => new Map<string, ReturnType<Q['prepare']>>());
  return (host, shape) => {
    if (!isConnection(host)) return build(host, shape);
    const byShape = cache(host);
    const key = shapeKey(shape);
    let statement = byShape.get(key);
    if (statement === undefined) {
      statement = build(host, shape).prepare() as ReturnType<Q['prepare']>;
      byShape.set(key, statement);
    }
    return statement;
  };
}

/** In an upsert's SET: the value the INSERT tried to write (keeps one placeholder per value). */
export const excluded = (column: SQLiteColumn) => sql`excluded.${sql.identifier(column.name)}`;
