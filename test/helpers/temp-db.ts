import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { closeDb, type Db, openDb } from '../../src/db/client.js';
import {
  type Database,
  type Engine,
  type EngineKind,
  postgresEngine,
  sqliteEngine,
} from '../../src/db/engine.js';
import { freshPgDatabase } from './services.js';

/** A migrated database in a fresh temporary file; `cleanup` closes it and removes the folder. */
export function tempDb(): { db: Db; file: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'genbot-db-'));
  const file = path.join(dir, 'bot.sqlite');
  const db = openDb(file);
  return {
    db,
    file,
    cleanup: () => {
      closeDb(db);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The engine the suite runs on: SQLite unless TEST_ENGINE=postgres (.ci/run runs the suite once
 * on each).
 */
export const TEST_ENGINE: EngineKind =
  process.env.TEST_ENGINE === 'postgres' ? 'postgres' : 'sqlite';

export interface TestDatabase {
  engine: Engine;
  db: Database;
  /** Another connection (another instance's) to the same database; cleanup closes it too. */
  another(): Promise<Database>;
  cleanup(): Promise<void>;
}

/** A fresh migrated database on `kind` (a temp SQLite file, or a PostgreSQL database dropped after). */
export async function testDatabase(kind: EngineKind = TEST_ENGINE): Promise<TestDatabase> {
  if (kind === 'postgres') {
    const database = await freshPgDatabase('test');
    const engine = await postgresEngine(database.url, { poolSize: 4 });
    const others: Engine[] = [];
    return {
      engine,
      db: engine.db,
      another: async () => {
        const other = await postgresEngine(database.url, { poolSize: 2 });
        others.push(other);
        return other.db;
      },
      cleanup: async () => {
        for (const other of others) await other.close();
        await engine.close();
        await database.drop();
      },
    };
  }
  const file = tempDb();
  const engine = sqliteEngine(file.db.$client);
  const others: Db[] = [];
  return {
    engine,
    db: engine.db,
    another: async () => {
      const other = openDb(file.file, { migrate: false });
      others.push(other);
      return sqliteEngine(other.$client).db;
    },
    cleanup: async () => {
      for (const other of others) closeDb(other);
      await engine.close();
      file.cleanup();
    },
  };
}
