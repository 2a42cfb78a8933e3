import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { closeDb, type Db, openDb } from '../../src/db/client.js';

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
