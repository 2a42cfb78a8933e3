import { and, eq, gt, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from './client.js';
import { excluded, perConnection } from './prepared.js';
import { kv } from './schema.js';

const placeholder = sql.placeholder;
// Session and conversation storage read on every update: prepared once.
const statements = perConnection((db) => ({
  read: db
    .select({ value: kv.value })
    .from(kv)
    .where(
      and(
        eq(kv.key, placeholder('key')),
        or(isNull(kv.expiresAt), gt(kv.expiresAt, placeholder('now'))),
      ),
    )
    .prepare(),
  write: db
    .insert(kv)
    .values({
      key: placeholder('key'),
      value: placeholder('value'),
      expiresAt: placeholder('expiresAt'),
    })
    .onConflictDoUpdate({
      target: kv.key,
      set: { value: excluded(kv.value), expiresAt: excluded(kv.expiresAt) },
    })
    .prepare(),
  delete: db
    .delete(kv)
    .where(eq(kv.key, placeholder('key')))
    .prepare(),
}));

/**
 * grammY session / conversation storage on the SQLite file, so UI state survives restarts in
 * the embedded mode. Expired rows are ignored on read and swept now and then.
 */
export class SqliteKvStorage<T> {
  private writes = 0;

  constructor(
    private readonly db: Db,
    private readonly prefix: string,
    private readonly ttlMs?: number,
    private readonly now: () => number = Date.now,
  ) {}

  read(key: string): T | undefined {
    const row = statements(this.db).read.get({ key: this.prefix + key, now: this.now() });
    return row ? (JSON.parse(row.value) as T) : undefined;
  }

  write(key: string, value: T): void {
    const expiresAt = this.ttlMs ? this.now() + this.ttlMs : null;
    statements(this.db).write.run({
      key: this.prefix + key,
      value: JSON.stringify(value),
      expiresAt,
    });
    if (++this.writes % 500 === 0) this.sweep();
  }

  delete(key: string): void {
    statements(this.db).delete.run({ key: this.prefix + key });
  }

  sweep(): void {
    this.db.delete(kv).where(lt(kv.expiresAt, this.now())).run();
  }
}
