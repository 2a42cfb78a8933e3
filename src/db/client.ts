import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { type BetterSQLite3Database, drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from './schema.js';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/** The drizzle/ folder (drizzle/sqlite, drizzle/pg), found from here in src/ and in dist/src/. */
export const DRIZZLE_DIR = findDrizzleDir(path.dirname(fileURLToPath(import.meta.url)));
export const MIGRATIONS_DIR = path.join(DRIZZLE_DIR, 'sqlite');

function findDrizzleDir(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'drizzle');
    if (fs.existsSync(path.join(candidate, 'sqlite', 'meta', '_journal.json'))) return candidate;
    if (path.dirname(dir) === dir) throw new Error(`No drizzle/ migrations folder above ${from}`);
  }
}

export interface OpenDbOptions {
  /** Apply pending migrations (default true). */
  migrate?: boolean;
  busyTimeoutMs?: number;
  /**
   * `normal` (default): in WAL mode a power loss may lose the last commits since the last
   * checkpoint sync, never corrupt the file. `full` syncs every commit (slower writes).
   */
  synchronous?: 'normal' | 'full';
}

/**
 * Opens the SQLite file in WAL mode with a busy timeout, so several connections (and processes)
 * can share it, and applies pending migrations (idempotent).
 */
export function openDb(file: string, options: OpenDbOptions = {}): Db {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma(`synchronous = ${options.synchronous === 'full' ? 'FULL' : 'NORMAL'}`);
  sqlite.pragma('foreign_keys = ON');
  const db = drizzle(sqlite, { schema }) as Db;
  if (options.migrate !== false) migrate(db, { migrationsFolder: MIGRATIONS_DIR });
  return db;
}

export function closeDb(db: Db): void {
  if (db.$client.open) db.$client.close();
}
