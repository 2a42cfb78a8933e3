import { and, eq, gt, isNull, lt, or } from 'drizzle-orm';
import type { StorageAdapter } from 'grammy';
import type { Database } from './engine.js';
import { excluded } from './prepared.js';
import { kv } from './schema.js';

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
    const [row] = await this.db
      .select({ value: kv.value })
      .from(kv)
      .where(
        and(eq(kv.key, this.prefix + key), or(isNull(kv.expiresAt), gt(kv.expiresAt, this.now()))),
      )
      .limit(1);
    return row ? (JSON.parse(row.value) as T) : undefined;
  }

  async write(key: string, value: T): Promise<void> {
    const expiresAt = this.ttlMs ? this.now() + this.ttlMs : null;
    await this.db
      .insert(kv)
      .values({ key: this.prefix + key, value: JSON.stringify(value), expiresAt })
      .onConflictDoUpdate({
        target: kv.key,
        set: { value: excluded(kv.value), expiresAt: excluded(kv.expiresAt) },
      });
    if (++this.writes % 500 === 0) await this.sweep();
  }

  async delete(key: string): Promise<void> {
    await this.db.delete(kv).where(eq(kv.key, this.prefix + key));
  }

  /** Removes every expired row (of any prefix). */
  async sweep(): Promise<void> {
    await this.db.delete(kv).where(lt(kv.expiresAt, this.now()));
  }
}
