import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeDb, MIGRATIONS_DIR, openDb } from '../../../src/db/client.js';
import { tempDb } from '../../helpers/temp-db.js';

describe('database', () => {
  it('syncs commits as configured: NORMAL by default, FULL on request', () => {
    const { db, file, cleanup } = tempDb();
    try {
      expect(db.$client.pragma('synchronous', { simple: true })).toBe(1);
      const full = openDb(file, { synchronous: 'full' });
      expect(full.$client.pragma('synchronous', { simple: true })).toBe(2);
      closeDb(full);
    } finally {
      cleanup();
    }
  });

  it('opens in WAL mode with a busy timeout and applies migrations idempotently', () => {
    const { db, file, cleanup } = tempDb();
    try {
      expect(db.$client.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.$client.pragma('busy_timeout', { simple: true })).toBe(5000);
      const tables = db.$client
        .prepare("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")
        .pluck()
        .all();
      expect(tables).toEqual(
        expect.arrayContaining(['users', 'ledger', 'jobs', 'redeem_codes', 'kv']),
      );
      // Re-opening the same file re-runs the migrator, which must be a no-op.
      const again = openDb(file);
      const applied = again.$client
        .prepare('SELECT count(*) FROM __drizzle_migrations')
        .pluck()
        .get();
      const journal = JSON.parse(
        fs.readFileSync(path.join(MIGRATIONS_DIR, 'meta', '_journal.json'), 'utf8'),
      ) as { entries: unknown[] };
      expect(applied).toBe(journal.entries.length);
      closeDb(again);
    } finally {
      cleanup();
    }
  });
});
