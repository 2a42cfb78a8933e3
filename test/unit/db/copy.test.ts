import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { touchUser } from '../../../src/accounts/users.js';
import { refundJob, reserveForJob, topUp } from '../../../src/billing/ledger.js';
import { mintCodes, redeemCode } from '../../../src/billing/redeem-codes.js';
import { CopyRefused, copyDatabase, copyOrder } from '../../../src/db/copy.js';
import { sqliteEngine } from '../../../src/db/engine.js';
import { openPg, type PgEngine } from '../../../src/db/pg.js';
import { users as liteUsers } from '../../../src/db/schema.js';
import * as pg from '../../../src/db/schema-pg.js';
import { openTicket, recordMessage } from '../../../src/support/store.js';
import { insertImageJob } from '../../helpers/jobs.js';
import { describePostgres, freshPgDatabase } from '../../helpers/services.js';
import { tempDb } from '../../helpers/temp-db.js';

const USERS = 300;

it('copies parents before the tables that reference them, every table once', () => {
  const order = copyOrder().map((p) => p.name);
  expect(new Set(order).size).toBe(order.length);
  expect(order.length).toBeGreaterThan(10);
  const before = (a: string, b: string) => expect(order.indexOf(a)).toBeLessThan(order.indexOf(b));
  before('users', 'ledger');
  before('redeem_codes', 'redemptions');
  before('support_tickets', 'support_messages');
  before('users', 'jobs');
});

describePostgres('npm run db:copy: SQLite to PostgreSQL', () => {
  const source = tempDb();
  let database: Awaited<ReturnType<typeof freshPgDatabase>>;
  let target: PgEngine;

  beforeAll(async () => {
    const { db } = source;
    // Accounts and support write through the async handle, the rest still through the sync one.
    const lite = sqliteEngine(db.$client).db;
    const { codes } = mintCodes(db, { count: USERS, amount: 50, createdBy: 1 });
    for (let i = 0; i < USERS; i++) {
      // Telegram ids pass 2³¹.
      const id = 5_000_000_000 + i;
      await touchUser(
        lite,
        { id, first_name: `user ${i}`, language_code: 'uk' },
        { privateChat: true },
      );
      topUp(db, { userId: id, amount: 100 + i, ref: `pay:${i}` });
      redeemCode(db, { userId: id, code: codes[i] ?? '' });
      insertImageJob(db, `job${i}`, id, { params: { prompt: `a cat ${i}`, n: 2 } });
      reserveForJob(db, { userId: id, jobId: `job${i}`, amount: 3 });
      if (i % 3 === 0) refundJob(db, `job${i}`);
      if (i % 50 === 0) {
        const { ticket } = await openTicket(lite, id, -1001234567890);
        await recordMessage(lite, {
          ticketId: ticket.id,
          userId: id,
          direction: 'in',
          chatId: -1001234567890,
          chatMessageId: i + 1,
          userMessageId: i + 1,
        });
      }
    }
    database = await freshPgDatabase('copy');
    target = await openPg(database.url);
  });
  afterAll(async () => {
    await target?.close();
    await database?.drop();
    source.cleanup();
  });

  it('moves every row with its id, and every balance equals its ledger afterwards', async () => {
    const report = await copyDatabase(source.db, target);
    const rows = Object.fromEntries(report.tables.map((t) => [t.table, t.rows]));
    expect(rows.users).toBe(USERS);
    // top-up, redemption, charge per user; a refund for every third.
    expect(rows.ledger).toBe(USERS * 3 + Math.ceil(USERS / 3));
    expect(rows.redemptions).toBe(USERS);
    expect(rows.support_messages).toBe(USERS / 50);
    console.log(
      `[db:copy] ${report.tables.reduce((n, t) => n + t.rows, 0)} rows in ${report.ms} ms`,
    );

    const [job] = await target.db.select().from(pg.jobs).limit(1);
    expect(job?.params).toEqual({ prompt: 'a cat 0', n: 2 });
    const users = await target.db.select().from(pg.users);
    const sourceUsers = source.db
      .select()
      .from((await import('../../../src/db/schema.js')).users)
      .all();
    expect(users.map((u) => [u.id, u.balance]).sort()).toEqual(
      sourceUsers.map((u) => [u.id, u.balance]).sort(),
    );
  });

  it('continues identities after the copied ids', async () => {
    const [top] = await target.db
      .insert(pg.ledger)
      .values({
        userId: 5_000_000_000,
        kind: 'adjustment',
        amount: 0,
        balanceAfter: 100,
        ref: 'after-copy',
      })
      .returning({ id: pg.ledger.id });
    expect(top?.id).toBe(USERS * 3 + Math.ceil(USERS / 3) + 1);
  });

  it('refuses a target that already has rows, and leaves it as it was', async () => {
    await expect(copyDatabase(source.db, target)).rejects.toBeInstanceOf(CopyRefused);
    expect(await target.db.$count(pg.users)).toBe(USERS);
  });

  it('runs as `npm run db:copy`, never prints the password, and fails when a balance is not its ledger', async () => {
    const run = promisify(execFile);
    const copy = async (file: string) => {
      const fresh = await freshPgDatabase('copy_cli');
      const url = new URL(fresh.url);
      url.password = 'not-to-be-printed';
      try {
        const result = await run(
          'npm',
          ['run', '--silent', 'db:copy', '--', '--from', file, '--to', url.toString()],
          {
            env: { ...process.env, DATABASE_URL: '' },
          },
        ).then(
          (out) => ({ code: 0, out: out.stdout + out.stderr }),
          (err: { code: number; stdout: string; stderr: string }) => ({
            code: err.code,
            out: err.stdout + err.stderr,
          }),
        );
        const check = await openPg(fresh.url, { migrate: false });
        const users = await check.db.$count(pg.users).finally(() => check.close());
        return { ...result, users };
      } finally {
        await fresh.drop();
      }
    };
    const good = await copy(source.file);
    expect(good.code).toBe(0);
    expect(good.out).toMatch(/every balance equals its ledger/);
    expect(good.out).not.toContain('not-to-be-printed');
    expect(good.users).toBe(USERS);

    // A balance changed behind the ledger's back: found, and nothing is committed.
    source.db.update(liteUsers).set({ balance: 1 }).where(eq(liteUsers.id, 5_000_000_007)).run();
    const bad = await copy(source.file);
    expect(bad.code).toBe(1);
    expect(bad.out).toContain('5000000007');
    expect(bad.users).toBe(0);
  });
});
