import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../src/db/client.js';
import { heartbeatDelay, SyncExecutor } from '../../../src/jobs/executor.js';
import { createJob } from '../../../src/jobs/lifecycle.js';
import type { DeliveryReceipt } from '../../../src/jobs/ports.js';
import type { ResultStore } from '../../../src/jobs/result-store.js';
import { getJob, type JobRow } from '../../../src/jobs/store.js';
import { tempDb } from '../../helpers/temp-db.js';
import { addUser, imageExecutorOptions, PNG, RecordingNotifier, tempResults } from './harness.js';

describe('progress refresh budget', () => {
  it('refreshes every base interval while few calls run', () => {
    expect(heartbeatDelay(5_000, 0, 10)).toBe(5_000);
    expect(heartbeatDelay(5_000, 1, 10)).toBe(5_000);
    expect(heartbeatDelay(5_000, 50, 10)).toBe(5_000);
  });

  it('spreads refreshes out so all running calls stay under the edit budget', () => {
    expect(heartbeatDelay(5_000, 200, 10)).toBe(20_000);
    expect(heartbeatDelay(5_000, 64, 10)).toBe(6_400);
    // 200 calls × one refresh per 20 s = 10 edits a second.
    expect(200 / (heartbeatDelay(5_000, 200, 10) / 1000)).toBeLessThanOrEqual(10);
  });
});

/** Deliveries that wait until released, counting how many run at once. */
class GatedNotifier extends RecordingNotifier {
  active = 0;
  peak = 0;
  private gates: Array<() => void> = [];

  override async deliver(job: JobRow): Promise<DeliveryReceipt> {
    this.active++;
    this.peak = Math.max(this.peak, this.active);
    await new Promise<void>((resolve) => this.gates.push(resolve));
    this.active--;
    return super.deliver(job);
  }

  get waiting(): number {
    return this.gates.length;
  }

  releaseAll(): void {
    for (const g of this.gates.splice(0)) g();
  }
}

describe('delivery budget', () => {
  let db: Db;
  let results: ResultStore;
  let cleanups: Array<() => void>;
  beforeEach(() => {
    const d = tempDb();
    const r = tempResults();
    db = d.db;
    results = r.results;
    cleanups = [d.cleanup, r.cleanup];
    addUser(db, 1, 1000);
  });
  afterEach(() => {
    for (const c of cleanups) c();
  });

  it('bounds deliveries at once, and a slow delivery does not hold a gateway slot', async () => {
    const notifier = new GatedNotifier();
    let calls = 0;
    const ex = new SyncExecutor(
      imageExecutorOptions(
        {
          db,
          notifier,
          results,
          image: async () => {
            calls++;
            return { files: [{ kind: 'bytes', data: PNG, mime: 'image/png' }] };
          },
        },
        { deliveryConcurrency: 2 },
      ),
    );
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const created = createJob(db, {
        userId: 1,
        chatId: 1,
        family: 'image',
        kind: 'generate',
        model: 'flux',
        params: { prompt: `p${i}` },
        price: 1,
        payer: 'balance',
      });
      if (!created.ok) throw new Error('not created');
      ids.push(created.job.id);
      ex.enqueue(created.job.id);
    }
    // One gateway slot, yet every call ran while the first deliveries are still held.
    const allDelivering = () => ids.every((id) => getJob(db, id)?.status === 'delivering');
    for (let i = 0; i < 200 && !allDelivering(); i++) await new Promise((r) => setTimeout(r, 5));
    expect(calls).toBe(5);
    expect(notifier.peak).toBe(2);
    expect(ids.map((id) => getJob(db, id)?.status)).toEqual(Array(5).fill('delivering'));
    while (notifier.delivered.length < 5) {
      notifier.releaseAll();
      await new Promise((r) => setTimeout(r, 5));
    }
    await ex.drain();
    expect(notifier.peak).toBe(2);
    expect(ids.map((id) => getJob(db, id)?.status)).toEqual(Array(5).fill('done'));
  });
});
