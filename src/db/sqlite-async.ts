/**
 * SQLite behind an async drizzle API (drizzle's sqlite-proxy over one better-sqlite3 connection),
 * so the data layer is written once for SQLite and PostgreSQL.
 *
 * The trap this closes: better-sqlite3 is synchronous, and one connection is one session. An
 * `async` transaction callback awaits between statements, and whatever other task runs in those
 * gaps runs *inside* the open transaction: its writes are rolled back with it, and it reads
 * uncommitted rows. Here a transaction holds the connection: a statement from any other async
 * context waits until the transaction has committed or rolled back.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type Database from 'better-sqlite3';
import { drizzle, type SqliteRemoteDatabase } from 'drizzle-orm/sqlite-proxy';

type Method = 'run' | 'all' | 'values' | 'get';

/** Lets one async context at a time use the connection while it holds a transaction. */
export class ConnectionGate<H = unknown> {
  private readonly context = new AsyncLocalStorage<{ held?: H }>();
  private owner: { held?: H } | undefined;
  private released: Promise<void> = Promise.resolve();

  /** True inside the context that holds the connection (a nested transaction is a savepoint). */
  get holding(): boolean {
    return this.owner !== undefined && this.context.getStore() === this.owner;
  }

  /** What the holder keeps with the connection (its transaction handle), inside its context. */
  get held(): H | undefined {
    return this.holding ? this.owner?.held : undefined;
  }

  /** Resolves when a statement from this context may run. */
  async pass(): Promise<void> {
    while (this.owner !== undefined && !this.holding) await this.released;
  }

  /** Runs `fn` holding the connection; others wait for the end of it. */
  async hold<T>(fn: (keep: (held: H) => void) => Promise<T>): Promise<T> {
    while (this.owner !== undefined) await this.released;
    const token: { held?: H } = {};
    this.owner = token;
    let release = () => {};
    this.released = new Promise<void>((resolve) => {
      release = resolve;
    });
    try {
      return await this.context.run(token, () =>
        fn((held) => {
          token.held = held;
        }),
      );
    } finally {
      this.owner = undefined;
      release();
    }
  }
}

/** Compiled statements by SQL text; the data layer's queries are a few hundred shapes at most. */
class Statements {
  private readonly byText = new Map<string, Database.Statement>();
  constructor(
    private readonly client: Database.Database,
    private readonly max = 500,
  ) {}

  get(text: string): Database.Statement {
    let statement = this.byText.get(text);
    if (statement === undefined) {
      statement = this.client.prepare(text);
      if (statement.reader) statement.raw(true);
      if (this.byText.size >= this.max) this.byText.delete(this.byText.keys().next().value ?? '');
    } else {
      this.byText.delete(text); // most recently used last: the bound drops the coldest
    }
    this.byText.set(text, statement);
    return statement;
  }
}

export type SqliteTx<S extends Record<string, unknown>> = Parameters<
  Parameters<SqliteRemoteDatabase<S>['transaction']>[0]
>[0];

export interface AsyncSqlite<S extends Record<string, unknown>> {
  db: SqliteRemoteDatabase<S>;
  /**
   * Runs `fn` atomically: BEGIN IMMEDIATE (the write lock at once, so two processes never
   * deadlock upgrading a read lock) with the connection held; inside a transaction of the same
   * context, a savepoint. Rolled back, savepoint or all, when `fn` throws.
   */
  transaction<T>(fn: (tx: SqliteTx<S>) => Promise<T>): Promise<T>;
}

/** The async drizzle handle on `client`, and the gate its transactions hold. */
export function asyncSqlite<S extends Record<string, unknown>>(
  client: Database.Database,
  schema: S,
): AsyncSqlite<S> {
  const gate = new ConnectionGate<SqliteTx<S>>();
  const statements = new Statements(client);
  const execute = async (text: string, params: unknown[], method: Method) => {
    await gate.pass();
    const statement = statements.get(text);
    if (!statement.reader) {
      statement.run(...params);
      return { rows: [] };
    }
    // sqlite-proxy maps rows from value arrays; `get` wants the one row itself.
    if (method === 'get') return { rows: statement.get(...params) as unknown[] };
    return { rows: statement.all(...params) as unknown[] };
  };
  const db = drizzle(execute, { schema });
  const open = db.transaction.bind(db);
  const transaction = <T>(fn: (tx: SqliteTx<S>) => Promise<T>): Promise<T> => {
    const outer = gate.held;
    if (outer) return outer.transaction(fn);
    return gate.hold((keep) =>
      open(
        (tx) => {
          keep(tx);
          return fn(tx);
        },
        { behavior: 'immediate' },
      ),
    );
  };
  // Code given the handle opens its transactions on it: the gated one, never drizzle's bare one.
  Object.assign(db, { transaction });
  return { db, transaction };
}
