import { and, eq, gt, isNull, lt, or } from 'drizzle-orm';
import type { Db } from './client.js';
import { kv } from './schema.js';

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
    const row = this.db
      .select({ value: kv.value })
      .from(kv)
      .where(
        and(eq(kv.key, this.prefix + key), or(isNull(kv.expiresAt), gt(kv.expiresAt, this.now()))),
      )
      .get();
    return row ? (JSON.parse(row.value) as T) : undefined;
  }

  write(key: string, value: T): void {
    const expiresAt = this.ttlMs ? this.now() + this.ttlMs : null;
    const json = JSON.stringify(value);
    this.db
      .insert(kv)
      .values({ key: this.prefix + key, value: json, expiresAt })
      .onConflictDoUpdate({ target: kv.key, set: { value: json, expiresAt } })
      .run();
    if (++this.writes % 500 === 0) this.sweep();
  }

  delete(key: string): void {
    this.db
      .delete(kv)
      .where(eq(kv.key, this.prefix + key))
      .run();
  }

  sweep(): void {
    this.db.delete(kv).where(lt(kv.expiresAt, this.now())).run();
  }
}
