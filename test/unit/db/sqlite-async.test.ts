import Database from 'better-sqlite3';
import { eq, sql } from 'drizzle-orm';
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type AsyncSqlite, asyncSqlite } from '../../../src/db/sqlite-async.js';

const notes = sqliteTable('notes', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  body: text('body').notNull(),
  tags: text('tags', { mode: 'json' }).$type<string[]>(),
  done: integer('done', { mode: 'boolean' }).notNull().default(false),
});
const schema = { notes };

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the async SQLite engine', () => {
  let client: Database.Database;
  let engine: AsyncSqlite<typeof schema>;
  const bodies = async () =>
    (await engine.db.select({ body: notes.body }).from(notes).orderBy(notes.id)).map((n) => n.body);

  beforeEach(() => {
    client = new Database(':memory:');
    client.exec(
      'create table notes (id integer primary key autoincrement, body text not null, tags text, done integer not null default 0)',
    );
    engine = asyncSqlite(client, schema);
  });
  afterEach(() => client.close());

  it('reads and writes through drizzle: returning, one row, no row, json and booleans', async () => {
    const [made] = await engine.db
      .insert(notes)
      .values({ body: 'a', tags: ['x', 'y'], done: true })
      .returning();
    expect(made).toEqual({ id: 1, body: 'a', tags: ['x', 'y'], done: true });
    expect(await engine.db.select().from(notes).where(eq(notes.id, 1)).get()).toEqual(made);
    expect(await engine.db.select().from(notes).where(eq(notes.id, 2)).get()).toBeUndefined();
    await engine.db.update(notes).set({ done: false }).where(eq(notes.id, 1));
    expect((await engine.db.select().from(notes)).map((n) => n.done)).toEqual([false]);
  });

  it('writes nothing of a transaction that throws midway', async () => {
    await expect(
      engine.transaction(async (tx) => {
        await tx.insert(notes).values({ body: 'first' });
        await pause(5);
        await tx.insert(notes).values({ body: 'second' });
        throw new Error('midway');
      }),
    ).rejects.toThrow('midway');
    expect(await bodies()).toEqual([]);
  });

  it('keeps other tasks out of an open transaction: their writes survive its rollback, and they never read its rows', async () => {
    let seenDuring: string[] | undefined;
    const failing = engine.transaction(async (tx) => {
      await tx.insert(notes).values({ body: 'rolled back' });
      await pause(20); // another task runs now
      throw new Error('midway');
    });
    await pause(5);
    const other = (async () => {
      await engine.db.insert(notes).values({ body: 'kept' });
      seenDuring = await bodies();
    })();
    await expect(failing).rejects.toThrow('midway');
    await other;
    expect(seenDuring).toEqual(['kept']);
    expect(await bodies()).toEqual(['kept']);
  });

  it('runs transactions of concurrent tasks one after the other', async () => {
    const log: string[] = [];
    await Promise.all(
      ['a', 'b', 'c'].map((name) =>
        engine.transaction(async (tx) => {
          log.push(`${name} begins`);
          await tx.insert(notes).values({ body: name });
          await pause(3);
          log.push(`${name} ends`);
        }),
      ),
    );
    expect(log).toEqual(['a begins', 'a ends', 'b begins', 'b ends', 'c begins', 'c ends']);
    expect(await bodies()).toEqual(['a', 'b', 'c']);
  });

  it('nests as a savepoint: an inner failure the caller catches undoes only the inner writes', async () => {
    await engine.transaction(async (tx) => {
      await tx.insert(notes).values({ body: 'outer' });
      await expect(
        engine.transaction(async (inner) => {
          await inner.insert(notes).values({ body: 'inner' });
          throw new Error('inner fails');
        }),
      ).rejects.toThrow('inner fails');
    });
    expect(await bodies()).toEqual(['outer']);
  });

  it('stays usable after a failed statement inside a transaction', async () => {
    await expect(
      engine.transaction(async (tx) => {
        await tx.run(sql`insert into missing_table values (1)`);
      }),
    ).rejects.toThrow();
    await engine.db.insert(notes).values({ body: 'after' });
    expect(await bodies()).toEqual(['after']);
  });
});
