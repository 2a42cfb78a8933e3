import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { touchUser } from '../../../src/accounts/users.js';
import type { Db } from '../../../src/db/client.js';
import { sqliteEngine } from '../../../src/db/engine.js';
import { recentUserJobs } from '../../../src/jobs/store.js';
import { insertImageJob } from '../../helpers/jobs.js';
import { tempDb } from '../../helpers/temp-db.js';

describe('recentUserJobs (inline sharing reads)', () => {
  let db: Db;
  let cleanup: () => void;
  beforeEach(async () => {
    ({ db, cleanup } = tempDb());
    const database = sqliteEngine(db.$client).db;
    await touchUser(database, { id: 1, first_name: 'a' });
    await touchUser(database, { id: 2, first_name: 'b' });
  });
  afterEach(() => cleanup());

  const job = (id: string, userId: number, createdAt: number, status: 'done' | 'failed' = 'done') =>
    insertImageJob(db, id, userId, { params: { prompt: id }, price: 1, status, createdAt });

  it("reads only the user's rows, newest first, at most `limit`, whatever their status", () => {
    job('a1', 1, 100);
    job('b1', 2, 150);
    job('a2', 1, 200, 'failed');
    job('a3', 1, 300);
    // Same millisecond: the later insert is the newer.
    job('a4', 1, 300);
    expect(recentUserJobs(db, 1, 10).map((j) => j.id)).toEqual(['a4', 'a3', 'a2', 'a1']);
    expect(recentUserJobs(db, 1, 2).map((j) => j.id)).toEqual(['a4', 'a3']);
    expect(recentUserJobs(db, 2, 10).map((j) => j.id)).toEqual(['b1']);
    expect(recentUserJobs(db, 3, 10)).toEqual([]);
    expect(recentUserJobs(db, 1, 1)[0]).toMatchObject({ params: { prompt: 'a4' }, status: 'done' });
  });

  it('is one walk down jobs_user_idx, with no sort step', () => {
    // The statement the store really prepares (once per connection, on its first call).
    const prepare = vi.spyOn(db.$client, 'prepare');
    recentUserJobs(db, 1, 200);
    const text = prepare.mock.calls.map(([q]) => String(q)).find((q) => q.includes('rowid'));
    prepare.mockRestore();
    expect(text).toBeDefined();
    const plan = db.$client.prepare(`EXPLAIN QUERY PLAN ${text}`).all(1, 200) as Array<{
      detail: string;
    }>;
    const details = plan.map((p) => p.detail).join('\n');
    expect(details).toMatch(/USING INDEX jobs_user_idx/);
    expect(details).not.toMatch(/TEMP B-TREE/);
  });
});
