import { and, eq, gt, isNull, lt, or, sql } from 'drizzle-orm';
import type { StorageAdapter } from 'grammy';
import type { Database } from './engine.js';
import { excluded, perConnection } from './prepared.js';
import { kv } from './schema.js';

const placeholder = sql.placeholder;
// Session and conversation storage is read on every update: prepared once per handle.
const statements = perConnection((db: Database) => ({
  read: db
    .select({ value: kv.value })
    .from(kv)
    .where(
      and(
        eq(kv.key, placeholder('key')),
        or(isNull(kv.expiresAt), gt(kv.expiresAt, placeholder('now'))),
      ),
    )
    .limit(1)
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
 * grammY session / conversation storage (and small keyed state) in the database's kv table, so
 * UI state survives restarts without Redis, on either engine. Expired rows are ignored on read
 * and swept now and then.
 */
export class DbKvStorage<T> implements StorageAdapter<T> {
  private writes = 0;

  constructor(
    private readonly db: Database,
    private readonly prefix: string,
    private readonly ttlMs?: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** The same storage through `db` (an open transaction), so its reads and writes join it. */
  on(db: Database): DbKvStorage<T> {
    return new DbKvStorage<T>(db, this.prefix, this.ttlMs, this.now);
  }

  async read(key: string): Promise<T | undefined> {
    const [row] = await statements(this.db).read.execute({
      key: this.prefix + key,
      now: this.now(),
    });
    return row ? (JSON.parse(row.value) as T) : undefined;
  }

  async write(key: string, value: T): Promise<void> {
    const expiresAt = this.ttlMs ? this.now() + this.ttlMs : null;
    await statements(this.db).write.execute({
      key: this.prefix + key,
      value: JSON.stringify(value),
      expiresAt,
    });
    if (++this.writes % 500 === 0) await this.sweep();
  }

  async delete(key: string): Promise<void> {
    await statements(this.db).delete.execute({ key: this.prefix + key });
  }

  /** Removes every expired row (of any prefix). */
  async sweep(): Promise<void> {
    await this.db.delete(kv).where(lt(kv.expiresAt, this.now()));
  }
}
