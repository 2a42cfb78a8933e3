import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkInvariant, getBalance, totals } from '../../../src/billing/ledger.js';
import { mintCodes } from '../../../src/billing/redeem-codes.js';
import type { Db } from '../../../src/db/client.js';
import { jobs, ledger, redeemCodes, redemptions, users } from '../../../src/db/schema.js';
import { tempDb } from '../../helpers/temp-db.js';
import type { OpOutcome, WorkerOp } from './support/protocol.js';
import { DbWorkerPool } from './support/worker-pool.js';

/*
 * Several connections on one WAL file, each in its own worker thread, hammering the same rows.
 * One pool for the whole file: starting a TS worker costs more than the tests themselves.
 */

const WORKERS = 8;
let pool: DbWorkerPool;
beforeAll(async () => {
  pool = await DbWorkerPool.start(WORKERS);
}, 60_000);
afterAll(async () => {
  await pool?.terminate();
});

/** A fresh migrated file DB with users, opened by every worker; closed and removed afterwards. */
async function withSharedDb<T>(userIds: number[], fn: (db: Db) => Promise<T>): Promise<T> {
  const { db, file, cleanup } = tempDb();
  try {
    db.insert(users)
      .values(userIds.map((id) => ({ id })))
      .run();
    await pool.open(file);
    try {
      return await fn(db);
    } finally {
      await pool.close();
    }
  } finally {
    cleanup();
  }
}

/** `ok` or the failure reason of each redeem outcome; throws on any worker error. */
function redeemReasons(outcomes: OpOutcome[][]): string[] {
  return outcomes.flat().map((o) => {
    if (o.op !== 'redeem' || !('value' in o)) throw new Error(`worker error: ${JSON.stringify(o)}`);
    const r = o.value;
    return r.ok ? 'ok' : r.reason;
  });
}

describe('concurrent redemption', () => {
  it('eight users racing for one single-use code: exactly one wins (repeated for 5 codes)', async () => {
    const userIds = Array.from({ length: WORKERS }, (_, i) => i + 1);
    await withSharedDb(userIds, async (db) => {
      const { codes } = mintCodes(db, { count: 5, amount: 100, createdBy: 99 });
      // Every worker tries the codes in the same order, so each code is contested by all eight.
      const all = redeemReasons(
        await pool.run(
          userIds.map((userId) => codes.map((code): WorkerOp => ({ op: 'redeem', userId, code }))),
          { jitterMs: 1 },
        ),
      );
      for (const code of codes) {
        const reasons = all.filter((_, i) => codes[i % codes.length] === code);
        expect(reasons.filter((r) => r === 'ok')).toHaveLength(1);
        expect(reasons.filter((r) => r === 'used_up')).toHaveLength(WORKERS - 1);
      }
      expect(db.select().from(ledger).all()).toHaveLength(codes.length);
      expect(db.select().from(redemptions).all()).toHaveLength(codes.length);
      expect(db.select({ used: redeemCodes.usedCount }).from(redeemCodes).all()).toEqual(
        codes.map(() => ({ used: 1 })),
      );
      expect(totals(db).redeemed).toBe(100 * codes.length);
      expect(checkInvariant(db)).toEqual([]);
    });
  });

  it('a 3-use code with eight users: exactly three successes', async () => {
    const userIds = Array.from({ length: WORKERS }, (_, i) => i + 1);
    await withSharedDb(userIds, async (db) => {
      const code = mintCodes(db, { count: 1, amount: 40, maxUses: 3, createdBy: 99 })
        .codes[0] as string;
      const reasons = redeemReasons(
        await pool.run(userIds.map((userId) => [{ op: 'redeem', userId, code }])),
      );
      expect(reasons.filter((r) => r === 'ok')).toHaveLength(3);
      expect(reasons.filter((r) => r === 'used_up')).toHaveLength(5);
      expect(db.select().from(redeemCodes).get()?.usedCount).toBe(3);
      expect(userIds.map((u) => getBalance(db, u)).filter((b) => b === 40)).toHaveLength(3);
      expect(checkInvariant(db)).toEqual([]);
    });
  });

  it('one user on eight connections at once: credited once, the rest already_redeemed', async () => {
    await withSharedDb([1], async (db) => {
      const code = mintCodes(db, { count: 1, amount: 40, maxUses: 5, createdBy: 99 })
        .codes[0] as string;
      const reasons = redeemReasons(
        await pool.run(Array.from({ length: WORKERS }, () => [{ op: 'redeem', userId: 1, code }])),
      );
      expect(reasons.filter((r) => r === 'ok')).toHaveLength(1);
      expect(reasons.filter((r) => r === 'already_redeemed')).toHaveLength(WORKERS - 1);
      expect(getBalance(db, 1)).toBe(40);
    });
  });
});

// ---------------------------------------------------------------------------------------------

const USERS = [1, 2, 3];
const JOBS = 12;
const PAYMENTS = 8;

const worldArb = fc.record({
  jobs: fc.array(
    fc.record({ u: fc.constantFrom(...USERS), price: fc.integer({ min: 1, max: 200 }) }),
    { minLength: JOBS, maxLength: JOBS },
  ),
  payments: fc.array(
    fc.record({ u: fc.constantFrom(...USERS), amount: fc.integer({ min: 1, max: 400 }) }),
    { minLength: PAYMENTS, maxLength: PAYMENTS },
  ),
});
type Abstract =
  | { t: 'pay'; p: number }
  | { t: 'reserve' | 'refund'; j: number }
  | { t: 'adjust'; u: number; amount: number }
  | { t: 'refundUnknown' };
const abstractOp: fc.Arbitrary<Abstract> = fc.oneof(
  { arbitrary: fc.record({ t: fc.constant('pay' as const), p: fc.nat(PAYMENTS - 1) }), weight: 2 },
  { arbitrary: fc.record({ t: fc.constant('reserve' as const), j: fc.nat(JOBS - 1) }), weight: 4 },
  { arbitrary: fc.record({ t: fc.constant('refund' as const), j: fc.nat(JOBS - 1) }), weight: 3 },
  {
    arbitrary: fc.record({
      t: fc.constant('adjust' as const),
      u: fc.constantFrom(...USERS),
      amount: fc.integer({ min: -300, max: 300 }).filter((n) => n !== 0),
    }),
    weight: 1,
  },
  { arbitrary: fc.constant({ t: 'refundUnknown' as const }), weight: 1 },
);

type World = { jobs: { u: number; price: number }[]; payments: { u: number; amount: number }[] };

/** Jobs and payments have fixed owners and amounts, so replays from any connection agree. */
function concrete(world: World, op: Abstract): WorkerOp {
  switch (op.t) {
    case 'pay': {
      const p = world.payments[op.p] as { u: number; amount: number };
      return { op: 'topup', userId: p.u, amount: p.amount, ref: `pay:${op.p}` };
    }
    case 'reserve': {
      const j = world.jobs[op.j] as { u: number; price: number };
      return { op: 'reserve', userId: j.u, jobId: `job${op.j}`, amount: j.price };
    }
    case 'refund':
      return { op: 'refund', jobId: `job${op.j}` };
    case 'refundUnknown':
      return { op: 'refund', jobId: 'unknown-job' };
    case 'adjust':
      return { op: 'adjust', userId: op.u, amount: op.amount };
  }
}

describe('concurrent ledger property', () => {
  it('the harness really interleaves the connections (guards against a serial "race")', async () => {
    await withSharedDb([1], async (db) => {
      const batches = Array.from({ length: WORKERS }, (_, w) =>
        Array.from(
          { length: 20 },
          (_, n): WorkerOp => ({ op: 'topup', userId: 1, amount: 1, ref: `w${w}:${n}` }),
        ),
      );
      await pool.run(batches, { jitterMs: 1 });
      const writers = db
        .select({ ref: ledger.ref })
        .from(ledger)
        .orderBy(ledger.id)
        .all()
        .map((r) => r.ref.split(':')[0]);
      let switches = 0;
      for (let i = 1; i < writers.length; i++) if (writers[i] !== writers[i - 1]) switches++;
      // Without the pauses the lock holder keeps the lock: ~8 switches in 160 rows.
      expect(writers).toHaveLength(160);
      expect(switches).toBeGreaterThan(40);
      expect(getBalance(db, 1)).toBe(160);
    });
  });

  it('balance == sum(ledger) ≥ 0 and charged == sum of successful reserves, across 8 connections', async () => {
    // One shared file for all runs (the workers keep their connections); emptied between runs.
    await withSharedDb(USERS, async (db) => {
      await fc.assert(
        fc.asyncProperty(
          worldArb,
          fc.array(fc.array(abstractOp, { minLength: 5, maxLength: 30 }), {
            minLength: WORKERS,
            maxLength: WORKERS,
          }),
          async (world, batches) => {
            db.$client.exec('DELETE FROM ledger; DELETE FROM jobs; UPDATE users SET balance = 0;');
            const ops = batches.map((batch) => batch.map((op) => concrete(world, op)));
            const outcomes = (await pool.run(ops, { jitterMs: 1 })).flat();
            const flatOps = ops.flat();

            let reserved = 0;
            let refunded = 0;
            let toppedUp = 0;
            let adjusted = 0;
            const chargedJobs = new Set<string>();
            outcomes.forEach((o, i) => {
              const op = flatOps[i] as WorkerOp;
              if ('error' in o) {
                // The only acceptable error: re-reserving a job another connection already refunded.
                expect(op.op).toBe('reserve');
                expect(o.error).toMatch(/^LedgerConflictError: .*already refunded/);
                return;
              }
              if (o.op === 'reserve' && op.op === 'reserve' && o.value.ok && !o.value.replay) {
                expect(chargedJobs.has(op.jobId), `${op.jobId} charged twice`).toBe(false);
                chargedJobs.add(op.jobId);
                reserved += op.amount;
              }
              if (o.op === 'refund') refunded += o.value.refunded;
              if (o.op === 'topup' && op.op === 'topup' && o.value.applied) toppedUp += op.amount;
              if (o.op === 'adjust' && op.op === 'adjust' && o.value.ok) adjusted += op.amount;
            });

            expect(checkInvariant(db)).toEqual([]);
            for (const u of USERS) expect(getBalance(db, u)).toBeGreaterThanOrEqual(0);
            const t = totals(db);
            expect(t.charges).toBe(reserved);
            expect(t.refunds).toBe(refunded);
            expect(t.topups).toBe(toppedUp);
            expect(t.adjustments).toBe(adjusted);
            expect(USERS.reduce((s, u) => s + getBalance(db, u), 0)).toBe(
              toppedUp + adjusted - reserved + refunded,
            );
            // Charge and job row commit together: a job exists iff it was charged.
            const jobIds = db
              .select({ id: jobs.id })
              .from(jobs)
              .all()
              .map((r) => r.id)
              .sort();
            expect(jobIds).toEqual([...chargedJobs].sort());
          },
        ),
        { numRuns: 15 },
      );
    });
  });
});
