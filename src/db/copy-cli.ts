/**
 * `npm run db:copy -- --from data/bot.sqlite --to postgres://…`: see copy.ts. Stop the bot
 * first; the SQLite file is brought to the current schema, as the bot's start would do.
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { closeDb, openDb } from './client.js';
import { CopyRefused, copyDatabase } from './copy.js';
import { openPg } from './pg.js';

/** The target without its password, for the operator's terminal. */
const shown = (url: URL) => `${url.protocol}//${url.host}${url.pathname}`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { from: { type: 'string' }, to: { type: 'string' } },
    strict: true,
  });
  const to = values.to ?? process.env.DATABASE_URL;
  if (!values.from || !to) {
    console.error('Usage: npm run db:copy -- --from data/bot.sqlite --to postgres://user@host/db');
    return 2;
  }
  if (!fs.existsSync(values.from)) {
    console.error(`No SQLite file at ${values.from}`);
    return 2;
  }
  const target = new URL(to);
  if (!/^postgres(ql)?:$/.test(target.protocol)) {
    console.error('--to must be a postgres:// URL');
    return 2;
  }
  const source = openDb(values.from);
  const engine = await openPg(to, { poolSize: 2, statementTimeoutMs: 0 });
  try {
    const report = await copyDatabase(source, engine);
    for (const { table, rows } of report.tables)
      console.log(`${table.padEnd(18)} ${rows.toLocaleString('en').padStart(10)} rows`);
    console.log(
      `Copied to ${shown(target)} in ${(report.ms / 1000).toFixed(1)} s; every balance equals its ledger.`,
    );
    return 0;
  } catch (err) {
    if (err instanceof CopyRefused) {
      console.error(err.message);
      return 1;
    }
    throw err;
  } finally {
    closeDb(source);
    await engine.close();
  }
}

process.exitCode = await main();
