import fs from 'node:fs';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startCheckpointer } from '../../../src/db/checkpointer.js';
import type { Db } from '../../../src/db/client.js';
import { tempDb } from '../../helpers/temp-db.js';

let db: Db;
let file: string;
let cleanup: () => void;
beforeEach(() => {
  ({ db, file, cleanup } = tempDb());
  db.$client.exec('CREATE TABLE blobs (b BLOB)');
});
afterEach(() => cleanup());

const pageSize = () => Number(db.$client.pragma('page_size', { simple: true }));
const walPages = () => fs.statSync(`${file}-wal`).size / pageSize();
/** Writes `rounds` transactions of ~100 pages, pausing between them. */
async function write(rounds: number): Promise<void> {
  const insert = db.$client.prepare('INSERT INTO blobs VALUES (?)');
  const page = Buffer.alloc(pageSize());
  for (let r = 0; r < rounds; r++) {
    db.$client.transaction(() => {
      for (let i = 0; i < 100; i++) insert.run(page);
    })();
    await new Promise((resolve) => setTimeout(resolve, 30));
  }
}

describe('WAL checkpoints in a worker thread', () => {
  it('keeps the log short while the connection never checkpoints inline', async () => {
    const checkpoints = startCheckpointer(db, pino({ level: 'silent' }), 10);
    expect(db.$client.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    await write(30);
    // ~3,000 pages written and no inline checkpoints: without the worker the log would hold
    // them all. The bound leaves room for a worker starved by a busy machine (seen: 620 pages).
    expect(walPages()).toBeLessThan(1_500);
    await checkpoints.stop();
    expect(db.$client.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
  });

  it('does nothing for an in-memory database', async () => {
    const checkpoints = startCheckpointer(
      { $client: { memory: true } } as unknown as Db,
      pino({ level: 'silent' }),
    );
    await checkpoints.stop();
  });
});
