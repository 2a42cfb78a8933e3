import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  grantWelcome,
  recordReferral,
  refCodeOf,
  referralCounts,
  rewardReferral,
} from '../../../src/billing/bonuses.js';
import { checkInvariant, getBalance, topUp } from '../../../src/billing/ledger.js';
import * as payments from '../../../src/billing/star-payments.js';
import * as stars from '../../../src/billing/stars.js';
import { reconcileIsClean, reconcileStars } from '../../../src/billing/stars-reconcile.js';
import type { Db } from '../../../src/db/client.js';
import { users } from '../../../src/db/schema.js';
import { tempDb } from '../../helpers/temp-db.js';

describe('Stars packs', () => {
  it('parses Stars:credit pairs, sorted, in minor units', () => {
    expect(stars.parseStarsPacks('250:5.50, 50:1', 2)).toEqual({
      ok: true,
      packs: [
        { stars: 50, credit: 100 },
        { stars: 250, credit: 550 },
      ],
    });
    expect(stars.parseStarsPacks('off', 2)).toEqual({ ok: true, packs: [] });
  });

  it.each([
    ['50', 'is not Stars:credit'],
    ['50:1:2', 'is not Stars:credit'],
    ['0:1', 'Stars must be 1–10000'],
    ['10001:1', 'Stars must be 1–10000'],
    ['50:1.0001', 'too_many_decimals'],
    ['50:1,50:2', 'listed twice'],
  ])('refuses %s, naming the problem', (text, problem) => {
    const r = stars.parseStarsPacks(text, 2);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem).toContain(problem);
  });
});

describe('pre-checkout verdict', () => {
  const packs = [{ stars: 50, credit: 100 }];
  const payload = stars.encodePayload({ stars: 50, credit: 100, userId: 7 });
  const query = { currency: 'XTR', total_amount: 50, invoice_payload: payload, fromId: 7 };

  it('accepts the pack as sold, to the user it was made for', () => {
    expect(stars.decodePayload(payload)).toEqual({ stars: 50, credit: 100, userId: 7 });
    expect(stars.checkCheckout(query, packs)).toEqual({
      ok: true,
      payload: stars.decodePayload(payload),
    });
  });

  it.each([
    [{ invoice_payload: 'st1:50:100:7; drop table' }, 'malformed'],
    [{ invoice_payload: 'something else' }, 'malformed'],
    [{ fromId: 8 }, 'not_yours'],
    [{ total_amount: 49 }, 'wrong_amount'],
    [{ currency: 'USD' }, 'wrong_currency'],
  ] as const)('refuses %o as %s', (change, reason) => {
    expect(stars.checkCheckout({ ...query, ...change }, packs)).toEqual({ ok: false, reason });
  });

  it('refuses a pack that has changed its price or is no longer sold', () => {
    expect(stars.checkCheckout(query, [{ stars: 50, credit: 90 }])).toEqual({
      ok: false,
      reason: 'changed',
    });
    expect(stars.checkCheckout(query, [{ stars: 100, credit: 200 }])).toEqual({
      ok: false,
      reason: 'gone',
    });
  });
});

let db: Db;
let cleanup: () => void;
beforeEach(() => {
  ({ db, cleanup } = tempDb());
  db.insert(users)
    .values([1, 2, 3].map((id) => ({ id })))
    .run();
});
afterEach(() => cleanup());

const pay = (chargeId: string, userId = 1, credit = 100) =>
  payments.creditStarPayment(db, { chargeId, userId, stars: 50, credit, payload: 'p' });

describe('Stars payments in the ledger', () => {
  it('credits a payment once, however often it is delivered', () => {
    expect(pay('c1')).toEqual({ status: 'credited', balance: 100 });
    expect(pay('c1')).toEqual({ status: 'duplicate', balance: 100 });
    expect(getBalance(db, 1)).toBe(100);
    expect(checkInvariant(db)).toEqual([]);
  });

  it('a refund takes back the credit, or only what is left (never below zero), once', () => {
    pay('c1');
    pay('c2');
    topUp(db, { userId: 1, amount: 20, ref: 'pay:x' });
    const whole = payments.planStarRefund(db, 'c1');
    expect(whole).toMatchObject({ status: 'refundable', takeBack: 100, balance: 220 });
    if (whole.status === 'refundable') expect(payments.spentSome(whole)).toBe(false);
    expect(payments.reverseStarPayment(db, 'c1')).toEqual({
      status: 'reversed',
      taken: 100,
      balance: 120,
    });
    expect(payments.reverseStarPayment(db, 'c1')).toEqual({ status: 'already', taken: 100 });
    db.$client.prepare('UPDATE users SET balance = 30 WHERE id = 1').run();
    db.$client
      .prepare(
        "INSERT INTO ledger (user_id, kind, amount, balance_after, ref) VALUES (1, 'charge', -90, 30, 'job:z:charge')",
      )
      .run();
    const partial = payments.planStarRefund(db, 'c2');
    expect(partial).toMatchObject({ status: 'refundable', takeBack: 30 });
    if (partial.status === 'refundable') expect(payments.spentSome(partial)).toBe(true);
    expect(payments.reverseStarPayment(db, 'c2')).toEqual({
      status: 'reversed',
      taken: 30,
      balance: 0,
    });
    expect(payments.reverseStarPayment(db, 'nope')).toEqual({ status: 'unknown' });
    expect(checkInvariant(db)).toEqual([]);
    expect(payments.starsByDay(db, 0)).toEqual([
      expect.objectContaining({ stars: 100, refundedStars: 100, payments: 2 }),
    ]);
  });
});

describe('welcome credit and referrals', () => {
  it('gives the welcome credit once per account', () => {
    expect(grantWelcome(db, 1, 50)).toBe(50);
    expect(grantWelcome(db, 1, 50)).toBeUndefined();
    expect(grantWelcome(db, 2, 0)).toBeUndefined();
    expect(getBalance(db, 1)).toBe(50);
  });

  it('rewards both sides once, at the first top-up of a new referred user', () => {
    const code = refCodeOf(db, 1);
    expect(refCodeOf(db, 1)).toBe(code);
    expect(code).toMatch(/^[a-z2-9]{8}$/);
    expect(recordReferral(db, { userId: 1, code, firstContact: true })).toBe('self');
    expect(recordReferral(db, { userId: 2, code: 'zzzzzzzz', firstContact: true })).toBe(
      'unknown_code',
    );
    expect(recordReferral(db, { userId: 3, code, firstContact: false })).toBe('not_new');
    expect(recordReferral(db, { userId: 2, code: code.toUpperCase(), firstContact: true })).toBe(
      'recorded',
    );
    expect(recordReferral(db, { userId: 2, code, firstContact: true })).toBe('already');
    // No top-up yet, and a welcome credit is not one.
    grantWelcome(db, 2, 10);
    expect(rewardReferral(db, 2, 25)).toBeUndefined();
    pay('c9', 2);
    expect(rewardReferral(db, 2, 25)).toEqual({ referrerId: 1, amount: 25 });
    expect(rewardReferral(db, 2, 25)).toBeUndefined();
    expect(getBalance(db, 1)).toBe(25);
    expect(getBalance(db, 2)).toBe(10 + 100 + 25);
    expect(referralCounts(db, 1)).toEqual({ invited: 1, rewarded: 1 });
    expect(checkInvariant(db)).toEqual([]);
  });
});

describe('Stars reconciliation', () => {
  const payload = stars.encodePayload({ stars: 50, credit: 100, userId: 2 });
  const now = Math.floor(Date.now() / 1000);

  it('credits a payment whose update was lost, reverses a Telegram refund, reports the rest', () => {
    pay('seen');
    pay('refunded-at-telegram');
    pay('ghost', 3);
    const report = reconcileStars(
      db,
      [
        { id: 'lost', amount: 50, date: now, direction: 'in', userId: 2, payload },
        { id: 'seen', amount: 50, date: now, direction: 'in', userId: 1, payload: 'p' },
        { id: 'refunded-at-telegram', amount: 50, date: now, direction: 'in', userId: 1 },
        { id: 'refunded-at-telegram', amount: 50, date: now, direction: 'out', userId: 1 },
        { id: 'gift', amount: 5, date: now, direction: 'in', userId: 999 },
      ],
      Date.now() - 86_400_000 * 30,
    );
    expect(report.credited).toEqual([{ chargeId: 'lost', userId: 2, stars: 50 }]);
    expect(report.reversed).toEqual([{ chargeId: 'refunded-at-telegram', userId: 1, stars: 50 }]);
    expect(report.unmatched.map((p) => p.chargeId)).toEqual(['ghost']);
    expect(report.foreign.map((t) => t.id)).toEqual(['gift']);
    expect(getBalance(db, 2)).toBe(100);
    expect(getBalance(db, 1)).toBe(100);
    expect(checkInvariant(db)).toEqual([]);
    // A second pass finds the gaps it closed closed; only what needs a human stays.
    const again = reconcileStars(db, [], Date.now() - 86_400_000 * 30);
    expect(again.credited).toEqual([]);
    expect(reconcileIsClean(reconcileStars(db, [], Date.now()))).toBe(true);
  });
});
