/**
 * Moves an embedded SQLite database to PostgreSQL (`npm run db:copy`): every table in foreign-key
 * order, every id kept, in one PostgreSQL transaction that commits only when the target has the
 * same row count per table and every balance equals the sum of its ledger; otherwise nothing is
 * written.
 */
import { getTableColumns, getTableName, is, sql } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Db } from './client.js';
import type { PgEngine, PgTx } from './pg.js';
import * as sqliteSchema from './schema.js';
import * as pgSchema from './schema-pg.js';

export interface CopyReport {
  /** Rows copied per table, in the order they were copied. */
  tables: Array<{ table: string; rows: number }>;
  ms: number;
}

export class CopyRefused extends Error {}

/** Rows per INSERT: jobs has ~30 columns, far below PostgreSQL's 65,535 parameters. */
const BATCH = 500;

type Pair = { name: string; from: SQLiteTable; to: PgTable };

/** The two schemas' tables side by side, parents before the tables that reference them. */
export function copyOrder(): Pair[] {
  const lite = new Map<string, SQLiteTable>();
  for (const value of Object.values(sqliteSchema)) {
    if (is(value, SQLiteTable)) lite.set(getTableName(value), value);
  }
  const pairs = new Map<string, Pair>();
  for (const value of Object.values(pgSchema)) {
    if (!is(value, PgTable)) continue;
    const name = getTableName(value);
    const from = lite.get(name);
    if (!from) throw new Error(`table ${name} has no SQLite twin`);
    pairs.set(name, { name, from, to: value });
  }
  const ordered: Pair[] = [];
  const visit = (pair: Pair, path: Set<string>) => {
    if (ordered.includes(pair)) return;
    if (path.has(pair.name)) throw new Error(`foreign keys loop through ${pair.name}`);
    path.add(pair.name);
    for (const fk of getTableConfig(pair.to).foreignKeys) {
      const parent = pairs.get(getTableName(fk.reference().foreignTable));
      if (parent && parent !== pair) visit(parent, path);
    }
    ordered.push(pair);
  };
  for (const pair of pairs.values()) visit(pair, new Set());
  return ordered;
}

export async function copyDatabase(from: Db, to: PgEngine): Promise<CopyReport> {
  const started = Date.now();
  const order = copyOrder();
  await refuseUnlessEmpty(to, order);
  const tables: CopyReport['tables'] = [];
  await to.transaction(async (tx) => {
    for (const pair of order)
      tables.push({ table: pair.name, rows: await copyTable(from, tx, pair) });
    for (const pair of order) await continueIdentity(tx, pair.to);
    await checkCounts(from, tx, order);
    const off = await balanceMismatches(tx);
    if (off.length > 0)
      throw new CopyRefused(
        `balances differ from the sum of their ledger for users ${off.join(', ')} in the SQLite file; nothing was copied`,
      );
  });
  return { tables, ms: Date.now() - started };
}

async function refuseUnlessEmpty(to: PgEngine, order: Pair[]): Promise<void> {
  for (const { name, to: table } of order) {
    const [row] = await to.db.select({ n: sql<number>`count(*)::int` }).from(table);
    if ((row?.n ?? 0) > 0)
      throw new CopyRefused(`the target already has rows in ${name}: copy into an empty database`);
  }
}

/** Reads by rowid in pages, so a large jobs table is never held in memory at once. */
async function copyTable(from: Db, tx: PgTx, { from: source, to: target }: Pair): Promise<number> {
  const columns = getTableColumns(source);
  let after = 0;
  let copied = 0;
  for (;;) {
    const page = from
      .select({ rowid: sql<number>`rowid`, ...columns })
      .from(source)
      .where(sql`rowid > ${after}`)
      .orderBy(sql`rowid`)
      .limit(BATCH)
      .all() as Array<Record<string, unknown> & { rowid: number }>;
    if (page.length === 0) return copied;
    after = page.at(-1)?.rowid ?? after;
    const rows = page.map(({ rowid: _, ...row }) => row);
    await tx.insert(target).values(rows);
    copied += rows.length;
  }
}

/** An identity column goes on after the largest copied id, so new rows never collide. */
async function continueIdentity(tx: PgTx, table: PgTable): Promise<void> {
  const { name, columns } = getTableConfig(table);
  const id = columns.find((c) => c.name === 'id' && c.generatedIdentity);
  if (!id) return;
  await tx.execute(
    sql`select setval(pg_get_serial_sequence(${name}, 'id'), coalesce((select max(id) from ${sql.identifier(name)}), 0) + 1, false)`,
  );
}

async function checkCounts(from: Db, tx: PgTx, order: Pair[]): Promise<void> {
  for (const pair of order) {
    const [source] = from.select({ n: sql<number>`count(*)` }).from(pair.from).all();
    const [target] = await tx.select({ n: sql<number>`count(*)::int` }).from(pair.to);
    if (source?.n !== target?.n)
      throw new Error(`${pair.name}: ${source?.n} rows in SQLite, ${target?.n} in PostgreSQL`);
  }
}

async function balanceMismatches(tx: PgTx): Promise<number[]> {
  const { users, ledger } = pgSchema;
  const rows = await tx
    .select({ id: users.id })
    .from(users)
    .where(
      sql`${users.balance} <> coalesce((select sum(${ledger.amount}) from ${ledger} where ${ledger.userId} = ${users.id}), 0)`,
    );
  return rows.map((r) => r.id);
}
