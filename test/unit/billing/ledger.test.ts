import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { grantWelcome } from '../../../src/billing/bonuses.js';
import {
  InvalidAmountError,
  LedgerConflictError,
  UserNotFoundError,
} from '../../../src/billing/errors.js';
import {
  adjust,
  checkInvariant,
  getBalance,
  recentEntries,
  refundJob,
  reserveForJob,
  topUp,
  totals,
} from '../../../src/billing/ledger.js';
import { MAX_AMOUNT } from '../../../src/billing/money.js';
import { creditStarPayment, reverseStarPayment } from '../../../src/billing/star-payments.js';
import { closeDb, type Db, openDb } from '../../../src/db/client.js';
import { jobs, ledger, users } from '../../../src/db/schema.js';
import { tempDb } from '../../helpers/temp-db.js';

let db: Db;
let cleanup: () => void;
beforeEach(() => {
  ({ db, cleanup } = tempDb());
  db.insert(users)
    .values([{ id: 1 }, { id: 2 }])
    .run();
});
afterEach(() => cleanup());

const ledgerRows = () => db.select().from(ledger).orderBy(ledger.id).all();

describe('ledger', () => {
  it('tops up idempotently by ref', () => {
    expect(topUp(db, { userId: 1, amount: 500, ref: 'pay:1', note: 'card' })).toEqual({
      balance: 500,
      applied: true,
    });
    expect(topUp(db, { userId: 1, amount: 500, ref: 'pay:1' })).toEqual({
      balance: 500,
      applied: false,
    });
    expect(() => topUp(db, { userId: 2, amount: 500, ref: 'pay:1' })).toThrow(LedgerConflictError);
    expect(() => topUp(db, { userId: 1, amount: 7, ref: 'pay:1' })).toThrow(LedgerConflictError);
    expect(getBalance(db, 1)).toBe(500);
    expect(ledgerRows()).toMatchObject([
      { userId: 1, kind: 'topup', amount: 500, balanceAfter: 500, ref: 'pay:1', note: 'card' },
    ]);
  });

  it('refuses refs reserved for jobs, codes and adjustments', () => {
    for (const ref of ['job:x:refund', 'redeem:1:1', 'adj:x', '']) {
      expect(() => topUp(db, { userId: 1, amount: 1, ref }), ref).toThrow(LedgerConflictError);
    }
  });

  it('reserves a job price once, with the job ref', () => {
    topUp(db, { userId: 1, amount: 100, ref: 'pay:1' });
    expect(reserveForJob(db, { userId: 1, jobId: 'j1', amount: 30 })).toEqual({
      ok: true,
      balance: 70,
      replay: false,
    });
    expect(reserveForJob(db, { userId: 1, jobId: 'j1', amount: 30 })).toEqual({
      ok: true,
      balance: 70,
      replay: true,
    });
    expect(ledgerRows().at(-1)).toMatchObject({
      kind: 'charge',
      amount: -30,
      ref: 'job:j1:charge',
      jobId: 'j1',
      balanceAfter: 70,
    });
    // Same job, different user or amount: a caller bug, not a silent no-op.
    expect(() => reserveForJob(db, { userId: 2, jobId: 'j1', amount: 30 })).toThrow(
      LedgerConflictError,
    );
    expect(() => reserveForJob(db, { userId: 1, jobId: 'j1', amount: 31 })).toThrow(
      LedgerConflictError,
    );
  });

  it('refuses a reservation the balance cannot cover, writing nothing', () => {
    topUp(db, { userId: 1, amount: 10, ref: 'pay:1' });
    expect(reserveForJob(db, { userId: 1, jobId: 'j1', amount: 11 })).toEqual({
      ok: false,
      reason: 'insufficient_funds',
      balance: 10,
    });
    expect(reserveForJob(db, { userId: 1, jobId: 'j2', amount: 10 })).toEqual({
      ok: true,
      balance: 0,
      replay: false,
    });
    expect(ledgerRows()).toHaveLength(2);
  });

  it('reserves a free job without a ledger row (nothing to refund later)', () => {
    expect(reserveForJob(db, { userId: 1, jobId: 'free', amount: 0 })).toEqual({
      ok: true,
      balance: 0,
      replay: false,
    });
    expect(ledgerRows()).toHaveLength(0);
    expect(refundJob(db, 'free')).toEqual({ refunded: 0, status: 'not_charged' });
  });

  it('refunds exactly once and never a job that was not charged', () => {
    topUp(db, { userId: 1, amount: 100, ref: 'pay:1' });
    reserveForJob(db, { userId: 1, jobId: 'j1', amount: 40 });
    expect(refundJob(db, 'j1', 'gateway 500')).toEqual({
      refunded: 40,
      status: 'refunded',
      balance: 100,
    });
    expect(refundJob(db, 'j1')).toEqual({ refunded: 0, status: 'already_refunded' });
    expect(refundJob(db, 'nope')).toEqual({ refunded: 0, status: 'not_charged' });
    expect(ledgerRows().at(-1)).toMatchObject({
      kind: 'refund',
      amount: 40,
      ref: 'job:j1:refund',
      note: 'gateway 500',
    });
    // A refunded job can't be charged again under the same id (it would run for free).
    expect(() => reserveForJob(db, { userId: 1, jobId: 'j1', amount: 40 })).toThrow(
      LedgerConflictError,
    );
    expect(getBalance(db, 1)).toBe(100);
  });

  it('joins the caller transaction: the charge and the job row commit or roll back together', () => {
    topUp(db, { userId: 1, amount: 100, ref: 'pay:1' });
    const insertJob = (tx: Parameters<Parameters<Db['transaction']>[0]>[0], id: string) =>
      tx
        .insert(jobs)
        .values({
          id,
          userId: 1,
          chatId: 1,
          family: 'image',
          kind: 'generate',
          model: 'm',
          params: {},
          price: 30,
          payer: 'balance',
        })
        .run();
    expect(() =>
      db.transaction(
        (tx) => {
          reserveForJob(tx, { userId: 1, jobId: 'j1', amount: 30 });
          insertJob(tx, 'j1');
          throw new Error('crash after insert');
        },
        { behavior: 'immediate' },
      ),
    ).toThrow('crash after insert');
    expect(getBalance(db, 1)).toBe(100);
    expect(ledgerRows()).toHaveLength(1);

    db.transaction(
      (tx) => {
        expect(reserveForJob(tx, { userId: 1, jobId: 'j1', amount: 30 }).ok).toBe(true);
        insertJob(tx, 'j1');
      },
      { behavior: 'immediate' },
    );
    expect(getBalance(db, 1)).toBe(70);
    expect(db.select().from(jobs).all()).toHaveLength(1);
  });

  it('stays atomic inside a caller transaction that swallows our error', () => {
    topUp(db, { userId: 1, amount: 100, ref: 'pay:1' });
    db.transaction(
      (tx) => {
        expect(() => reserveForJob(tx, { userId: 99, jobId: 'jx', amount: 5 })).toThrow(
          UserNotFoundError,
        );
        reserveForJob(tx, { userId: 1, jobId: 'j2', amount: 5 });
      },
      { behavior: 'immediate' },
    );
    expect(checkInvariant(db)).toEqual([]);
    expect(getBalance(db, 1)).toBe(95);
  });

  it('adjusts both ways but never below zero, with actor and note', () => {
    topUp(db, { userId: 1, amount: 50, ref: 'pay:1' });
    expect(adjust(db, { userId: 1, amount: -60, actorId: 7 })).toEqual({
      ok: false,
      reason: 'insufficient_funds',
      balance: 50,
    });
    const down = adjust(db, { userId: 1, amount: -50, actorId: 7, note: 'chargeback' });
    expect(down).toMatchObject({ ok: true, balance: 0, replay: false });
    const up = adjust(db, { userId: 1, amount: 25, actorId: 7, idempotencyKey: 'tap-1' });
    expect(up).toMatchObject({ ok: true, balance: 25, replay: false });
    expect(
      adjust(db, { userId: 1, amount: 25, actorId: 7, idempotencyKey: 'tap-1' }),
    ).toMatchObject({ ok: true, balance: 25, replay: true });
    expect(() =>
      adjust(db, { userId: 1, amount: 26, actorId: 7, idempotencyKey: 'tap-1' }),
    ).toThrow(LedgerConflictError);
    expect(ledgerRows().filter((r) => r.kind === 'adjustment')).toMatchObject([
      { amount: -50, actorId: 7, note: 'chargeback' },
      { amount: 25, actorId: 7, ref: 'adj:tap-1' },
    ]);
  });

  it('validates amounts and users', () => {
    for (const amount of [1.5, Number.NaN, Number.POSITIVE_INFINITY, -1, MAX_AMOUNT + 1]) {
      expect(() => reserveForJob(db, { userId: 1, jobId: 'j', amount }), String(amount)).toThrow(
        InvalidAmountError,
      );
    }
    expect(() => topUp(db, { userId: 1, amount: 0, ref: 'pay:0' })).toThrow(InvalidAmountError);
    expect(() => adjust(db, { userId: 1, amount: 0, actorId: 1 })).toThrow(InvalidAmountError);
    expect(() => topUp(db, { userId: 404, amount: 1, ref: 'pay:x' })).toThrow(UserNotFoundError);
    expect(() => reserveForJob(db, { userId: 404, jobId: 'j', amount: 1 })).toThrow(
      UserNotFoundError,
    );
    expect(() => reserveForJob(db, { userId: 1, jobId: '', amount: 1 })).toThrow(
      LedgerConflictError,
    );
    expect(getBalance(db, 404)).toBe(0);
    expect(ledgerRows()).toHaveLength(0);
  });

  it('lists recent entries newest first and sums totals by kind', () => {
    topUp(db, { userId: 1, amount: 100, ref: 'pay:1' });
    reserveForJob(db, { userId: 1, jobId: 'a', amount: 10 });
    reserveForJob(db, { userId: 1, jobId: 'b', amount: 20 });
    refundJob(db, 'b');
    adjust(db, { userId: 2, amount: 5, actorId: 9 });
    expect(recentEntries(db, 1, 2).map((e) => e.ref)).toEqual(['job:b:refund', 'job:b:charge']);
    expect(recentEntries(db, 1, 1000)).toHaveLength(4);
    expect(totals(db)).toEqual({
      topups: 100,
      redeemed: 0,
      charges: 30,
      refunds: 20,
      adjustments: 5,
      stars: 0,
      bonuses: 0,
      reversals: 0,
      spent: 10,
      entries: 5,
    });
    expect(totals(db, { since: Date.now() + 60_000 })).toMatchObject({ topups: 0, entries: 0 });
  });

  it('checkInvariant reports a tampered balance or history', () => {
    topUp(db, { userId: 1, amount: 100, ref: 'pay:1' });
    reserveForJob(db, { userId: 1, jobId: 'a', amount: 10 });
    expect(checkInvariant(db)).toEqual([]);
    db.$client.prepare('UPDATE users SET balance = balance + 1 WHERE id = 1').run();
    expect(checkInvariant(db)).toEqual([
      { userId: 1, balance: 91, ledgerSum: 90, problem: 'sum_mismatch' },
    ]);
    db.$client.prepare('UPDATE users SET balance = -5 WHERE id = 2').run();
    expect(checkInvariant(db).map((v) => [v.userId, v.problem])).toEqual(
      expect.arrayContaining([
        [2, 'sum_mismatch'],
        [2, 'negative_balance'],
      ]),
    );
    db.$client.prepare("UPDATE ledger SET balance_after = 1 WHERE ref = 'job:a:charge'").run();
    expect(checkInvariant(db).map((v) => [v.userId, v.problem])).toContainEqual([
      1,
      'balance_after_mismatch',
    ]);
  });
});

// ---------------------------------------------------------------------------------------------
// Model-based property test: random operations against an in-memory model of the rules.

type Op =
  | { t: 'pay'; p: number }
  | { t: 'reserve'; j: number }
  | { t: 'refund'; j: number }
  | { t: 'refundUnknown' }
  | { t: 'adjust'; u: number; amount: number }
  | { t: 'starsPay'; p: number }
  | { t: 'starsRefund'; p: number }
  | { t: 'welcome'; u: number };

const WELCOME = 50;
const USERS = [1, 2, 3];
const worldArb = fc.record({
  payments: fc.array(
    fc.record({ u: fc.constantFrom(...USERS), amount: fc.integer({ min: 1, max: 500 }) }),
    { minLength: 6, maxLength: 6 },
  ),
  jobs: fc.array(
    fc.record({
      u: fc.constantFrom(...USERS),
      price: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 300 })),
    }),
    { minLength: 8, maxLength: 8 },
  ),
});
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ t: fc.constant('pay' as const), p: fc.integer({ min: 0, max: 5 }) }),
  fc.record({ t: fc.constant('reserve' as const), j: fc.integer({ min: 0, max: 7 }) }),
  fc.record({ t: fc.constant('reserve' as const), j: fc.integer({ min: 0, max: 7 }) }),
  fc.record({ t: fc.constant('refund' as const), j: fc.integer({ min: 0, max: 7 }) }),
  fc.constant({ t: 'refundUnknown' as const }),
  fc.record({
    t: fc.constant('adjust' as const),
    u: fc.constantFrom(...USERS),
    amount: fc.integer({ min: -400, max: 400 }).filter((n) => n !== 0),
  }),
  fc.record({ t: fc.constant('starsPay' as const), p: fc.integer({ min: 0, max: 5 }) }),
  fc.record({ t: fc.constant('starsRefund' as const), p: fc.integer({ min: 0, max: 5 }) }),
  fc.record({ t: fc.constant('welcome' as const), u: fc.constantFrom(...USERS) }),
);

describe('ledger property: balance == sum(ledger), never negative, matches the model', () => {
  it('holds for random operation sequences', () => {
    // One migrated database, emptied before each run (migrating 150 fresh ones dominates).
    const mem = openDb(':memory:');
    try {
      fc.assert(
        fc.property(worldArb, fc.array(opArb, { maxLength: 60 }), (world, ops) => {
          mem.$client.exec('DELETE FROM ledger; DELETE FROM star_payments; DELETE FROM users;');
          mem
            .insert(users)
            .values(USERS.map((id) => ({ id })))
            .run();
          const balance = new Map(USERS.map((u) => [u, 0]));
          const paid = new Set<number>();
          const charged = new Set<number>();
          const refunded = new Set<number>();
          const starsPaid = new Set<number>();
          const starsRefunded = new Set<number>();
          const welcomed = new Set<number>();
          const bal = (u: number) => balance.get(u) ?? 0;

          for (const op of ops) {
            if (op.t === 'pay') {
              const p = world.payments[op.p] as { u: number; amount: number };
              const r = topUp(mem, { userId: p.u, amount: p.amount, ref: `pay:${op.p}` });
              if (!paid.has(op.p)) balance.set(p.u, bal(p.u) + p.amount);
              expect(r).toEqual({ balance: bal(p.u), applied: !paid.has(op.p) });
              paid.add(op.p);
            } else if (op.t === 'reserve') {
              const job = world.jobs[op.j] as { u: number; price: number };
              const call = () =>
                reserveForJob(mem, { userId: job.u, jobId: `j${op.j}`, amount: job.price });
              if (refunded.has(op.j)) {
                expect(call).toThrow(LedgerConflictError);
              } else if (charged.has(op.j)) {
                expect(call()).toEqual({ ok: true, balance: bal(job.u), replay: true });
              } else if (bal(job.u) >= job.price) {
                balance.set(job.u, bal(job.u) - job.price);
                if (job.price > 0) charged.add(op.j);
                expect(call()).toEqual({ ok: true, balance: bal(job.u), replay: false });
              } else {
                expect(call()).toEqual({
                  ok: false,
                  reason: 'insufficient_funds',
                  balance: bal(job.u),
                });
              }
            } else if (op.t === 'refund') {
              const job = world.jobs[op.j] as { u: number; price: number };
              const r = refundJob(mem, `j${op.j}`);
              if (!charged.has(op.j)) expect(r).toEqual({ refunded: 0, status: 'not_charged' });
              else if (refunded.has(op.j))
                expect(r).toEqual({ refunded: 0, status: 'already_refunded' });
              else {
                balance.set(job.u, bal(job.u) + job.price);
                refunded.add(op.j);
                expect(r).toEqual({ refunded: job.price, status: 'refunded', balance: bal(job.u) });
              }
            } else if (op.t === 'starsPay') {
              const p = world.payments[op.p] as { u: number; amount: number };
              const r = creditStarPayment(mem, {
                chargeId: `c${op.p}`,
                userId: p.u,
                stars: p.amount,
                credit: p.amount,
                payload: 'x',
              });
              if (!starsPaid.has(op.p)) balance.set(p.u, bal(p.u) + p.amount);
              const status = starsPaid.has(op.p) ? 'duplicate' : 'credited';
              expect(r).toEqual({ status, balance: bal(p.u) });
              starsPaid.add(op.p);
            } else if (op.t === 'starsRefund') {
              const p = world.payments[op.p] as { u: number; amount: number };
              const r = reverseStarPayment(mem, `c${op.p}`);
              if (!starsPaid.has(op.p)) expect(r).toEqual({ status: 'unknown' });
              else if (starsRefunded.has(op.p)) expect(r).toMatchObject({ status: 'already' });
              else {
                const taken = Math.min(p.amount, bal(p.u));
                balance.set(p.u, bal(p.u) - taken);
                starsRefunded.add(op.p);
                expect(r).toEqual({ status: 'reversed', taken, balance: bal(p.u) });
              }
            } else if (op.t === 'welcome') {
              const r = grantWelcome(mem, op.u, WELCOME);
              if (welcomed.has(op.u)) expect(r).toBeUndefined();
              else {
                balance.set(op.u, bal(op.u) + WELCOME);
                expect(r).toBe(bal(op.u));
              }
              welcomed.add(op.u);
            } else if (op.t === 'refundUnknown') {
              expect(refundJob(mem, 'never-created')).toEqual({
                refunded: 0,
                status: 'not_charged',
              });
            } else {
              const r = adjust(mem, { userId: op.u, amount: op.amount, actorId: 1 });
              if (bal(op.u) + op.amount >= 0) {
                balance.set(op.u, bal(op.u) + op.amount);
                expect(r).toMatchObject({ ok: true, balance: bal(op.u) });
              } else {
                expect(r).toEqual({ ok: false, reason: 'insufficient_funds', balance: bal(op.u) });
              }
            }
            for (const u of USERS) expect(getBalance(mem, u)).toBeGreaterThanOrEqual(0);
          }

          expect(checkInvariant(mem)).toEqual([]);
          for (const u of USERS) expect(getBalance(mem, u)).toBe(bal(u));
          const t = totals(mem);
          expect(t.charges).toBe([...charged].reduce((s, j) => s + (world.jobs[j]?.price ?? 0), 0));
          expect(t.refunds).toBe(
            [...refunded].reduce((s, j) => s + (world.jobs[j]?.price ?? 0), 0),
          );
        }),
        { numRuns: 150 },
      );
    } finally {
      closeDb(mem);
    }
  });
});
