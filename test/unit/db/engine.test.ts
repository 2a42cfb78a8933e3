import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EngineKind } from '../../../src/db/engine.js';
import { users } from '../../../src/db/schema.js';
import { describePostgres } from '../../helpers/services.js';
import { type TestDatabase, testDatabase } from '../../helpers/temp-db.js';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function engineSuite(kind: EngineKind) {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await testDatabase(kind);
  });
  afterAll(() => t?.cleanup());

  const names = async () =>
    (await t.db.select({ name: users.firstName }).from(users).orderBy(users.id)).map((u) => u.name);

  it('writes, reads back bigint ids, booleans and json as JS values, and says what changed', async () => {
    const id = 7_000_000_001;
    const [made] = await t.db
      .insert(users)
      .values({ id, firstName: 'big', banned: true, settings: { locale: 'uk' } })
      .returning();
    expect(made).toMatchObject({ id, banned: true, settings: { locale: 'uk' }, balance: 0 });
    expect(typeof made?.createdAt).toBe('number');
    const changed = await t.db
      .update(users)
      .set({ balance: 5 })
      .where(eq(users.id, id))
      .returning({ id: users.id });
    expect(changed).toEqual([{ id }]);
    const upserted = await t.db
      .insert(users)
      .values({ id, firstName: 'again' })
      .onConflictDoUpdate({ target: users.id, set: { firstName: 'again' } })
      .returning({ balance: users.balance, firstName: users.firstName });
    expect(upserted).toEqual([{ balance: 5, firstName: 'again' }]);
    expect(await t.db.$count(users)).toBe(1);
    await t.db.delete(users).where(eq(users.id, id));
  });

  it('writes nothing of a transaction that throws midway, nested or not', async () => {
    await expect(
      t.db.transaction(async (tx) => {
        await tx.insert(users).values({ id: 1, firstName: 'first' });
        await pause(5);
        await tx.insert(users).values({ id: 2, firstName: 'second' });
        throw new Error('midway');
      }),
    ).rejects.toThrow('midway');
    expect(await names()).toEqual([]);

    await t.db.transaction(async (tx) => {
      await tx.insert(users).values({ id: 3, firstName: 'kept' });
      // Asked of the handle, not of tx: it joins the open transaction as a savepoint.
      await expect(
        t.db.transaction(async (inner) => {
          await inner.insert(users).values({ id: 4, firstName: 'undone' });
          throw new Error('inner');
        }),
      ).rejects.toThrow('inner');
    });
    expect(await names()).toEqual(['kept']);
    await t.db.delete(users);
  });

  it('keeps concurrent transactions apart: each sees only its own uncommitted rows', async () => {
    const seen: number[] = [];
    await Promise.all(
      [10, 11, 12]
        .map((id) =>
          t.db.transaction(async (tx) => {
            await tx.insert(users).values({ id, firstName: `t${id}` });
            await pause(5);
            seen.push(await tx.$count(users));
            if (id === 11) throw new Error('undo');
          }),
        )
        .map((p) => p.catch(() => undefined)),
    );
    // On SQLite they run one after another; on PostgreSQL side by side: neither sees another's rows.
    expect(seen.every((n) => n <= 3)).toBe(true);
    expect(await names()).toEqual(['t10', 't12']);
    await t.db.delete(users);
  });
}

describe('the data layer on SQLite', () => engineSuite('sqlite'));
describePostgres('the data layer on PostgreSQL', () => engineSuite('postgres'));
