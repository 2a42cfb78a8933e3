import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../src/db/client.js';
import { SyncExecutor } from '../../../src/jobs/executor.js';
import { getJob } from '../../../src/jobs/store.js';
import { tempDb } from '../../helpers/temp-db.js';
import {
  addUser,
  imageExecutorOptions,
  PNG,
  queuedJobId,
  RecordingNotifier,
  tempResults,
} from './harness.js';

const tick = () => new Promise((r) => setTimeout(r, 5));

describe('a backlog of queued jobs', () => {
  let db: Db;
  let cleanups: Array<() => void>;
  let ex: SyncExecutor;
  let calls: string[];
  let gates: Array<() => void>;

  beforeEach(() => {
    const d = tempDb();
    const r = tempResults();
    db = d.db;
    cleanups = [d.cleanup, r.cleanup];
    addUser(db, 1, 10_000);
    calls = [];
    gates = [];
    ex = new SyncExecutor(
      imageExecutorOptions(
        {
          db,
          notifier: new RecordingNotifier(),
          results: r.results,
          image: async (job) => {
            calls.push(job.id);
            await new Promise<void>((resolve) => gates.push(resolve));
            return { files: [{ kind: 'bytes', data: PNG, mime: 'image/png' }] };
          },
        },
        { concurrency: 2, laneConcurrency: 2 },
      ),
    );
  });
  afterEach(() => {
    for (const c of cleanups) c();
  });

  const queue = (n: number) =>
    Array.from({ length: n }, (_, i) =>
      queuedJobId(db, {
        userId: 1,
        chatId: 1,
        family: 'image',
        kind: 'generate',
        model: 'flux',
        params: { api: 'images', prompt: `p${i}` },
        price: 1,
        payer: 'balance',
      }),
    );

  it('waits as ids beyond twice the concurrency, then runs every job once, in order', async () => {
    const ids = queue(30);
    for (const id of ids) ex.enqueue(id);
    expect(ex.sweepQueued()).toBe(0); // all known already, started or waiting
    while (calls.length < 2) await tick();
    expect(ex.takenCount).toBe(30);
    while (calls.length < ids.length) {
      for (const open of gates.splice(0)) open();
      await tick();
    }
    for (const open of gates.splice(0)) open();
    await ex.drain();
    expect(calls).toEqual(ids);
    expect(ids.every((id) => getJob(db, id)?.status === 'done')).toBe(true);
  });

  it('leaves the backlog queued in the database when stopping', async () => {
    const ids = queue(10);
    for (const id of ids) ex.enqueue(id);
    while (calls.length < 2) await tick();
    const stopped = ex.stop(5_000);
    for (const open of gates.splice(0)) open();
    await stopped;
    expect(calls).toHaveLength(2);
    expect(ids.slice(2).every((id) => getJob(db, id)?.status === 'queued')).toBe(true);
  });
});
