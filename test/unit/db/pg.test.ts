import { and, eq, gte, sql } from 'drizzle-orm';
import { getTableConfig } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openPg, type PgEngine } from '../../../src/db/pg.js';
import * as schema from '../../../src/db/schema-pg.js';
import { describePostgres, freshPgDatabase } from '../../helpers/services.js';

const { users } = schema;

describePostgres('the PostgreSQL engine', () => {
  let database: Awaited<ReturnType<typeof freshPgDatabase>>;
  let engine: PgEngine;
  const names = async () =>
    (await engine.db.select({ name: users.firstName }).from(users).orderBy(users.id)).map(
      (u) => u.name,
    );

  beforeAll(async () => {
    database = await freshPgDatabase('engine');
    engine = await openPg(database.url);
  });
  afterAll(async () => {
    await engine?.close();
    await database?.drop();
  });

  it('creates every table of the schema, and migrating again changes nothing', async () => {
    const expected = [users, schema.jobs, schema.ledger, schema.kv, schema.broadcasts].map(
      (t) => getTableConfig(t).name,
    );
    const listed = await engine.db.execute<{ table_name: string }>(
      sql`select table_name from information_schema.tables where table_schema = 'public'`,
    );
    const tables = listed.rows.map((r) => r.table_name);
    expect(tables).toEqual(expect.arrayContaining(expected));
    const again = await openPg(database.url);
    await again.close();
  });

  it('keeps bigint ids and jsonb as JS values', async () => {
    const id = 7_000_000_000; // Telegram ids pass 2³¹
    await engine.db.insert(users).values({ id, firstName: 'big', settings: { locale: 'uk' } });
    const [row] = await engine.db.select().from(users).where(eq(users.id, id));
    expect(row?.id).toBe(id);
    expect(row?.settings).toEqual({ locale: 'uk' });
    expect(typeof row?.createdAt).toBe('number');
    await engine.db.delete(users).where(eq(users.id, id));
  });

  it('writes nothing of a transaction that throws midway', async () => {
    await expect(
      engine.transaction(async (tx) => {
        await tx.insert(users).values({ id: 1, firstName: 'first' });
        await tx.insert(users).values({ id: 2, firstName: 'second' });
        throw new Error('midway');
      }),
    ).rejects.toThrow('midway');
    expect(await names()).toEqual([]);
  });

  it('joins an open transaction from inside it (one connection), and nests as a savepoint', async () => {
    const single = await openPg(database.url, { poolSize: 1, migrate: false });
    try {
      await single.transaction(async (tx) => {
        await tx.insert(users).values({ id: 3, firstName: 'outer' });
        await expect(
          single.transaction(async (inner) => {
            await inner.insert(users).values({ id: 4, firstName: 'inner' });
            throw new Error('inner fails');
          }),
        ).rejects.toThrow('inner fails');
      });
    } finally {
      await single.close();
    }
    expect(await names()).toEqual(['outer']);
  });

  it('moves a balance with a conditional update that holds across two instances', async () => {
    await engine.db.insert(users).values({ id: 10, firstName: 'payer', balance: 200 });
    const other = await openPg(database.url, { migrate: false });
    const debit = (e: PgEngine) =>
      e.transaction(async (tx) => {
        const moved = await tx
          .update(users)
          .set({ balance: sql`${users.balance} - 10` })
          .where(and(eq(users.id, 10), gte(users.balance, 10)))
          .returning({ balance: users.balance });
        return moved.length === 1;
      });
    try {
      const done = await Promise.all(
        Array.from({ length: 50 }, (_, i) => debit(i % 2 === 0 ? engine : other)),
      );
      expect(done.filter(Boolean)).toHaveLength(20);
    } finally {
      await other.close();
    }
    const [row] = await engine.db.select().from(users).where(eq(users.id, 10));
    expect(row?.balance).toBe(0);
  });

  it('cancels a statement that runs past the timeout', async () => {
    const strict = await openPg(database.url, { statementTimeoutMs: 100, migrate: false });
    try {
      const failure = await strict.db.execute(sql`select pg_sleep(2)`).catch((e: Error) => e);
      // drizzle wraps the driver's error: the server's reason is its cause.
      expect(String((failure as Error).cause)).toMatch(/statement timeout/);
    } finally {
      await strict.close();
    }
  });
});
