/**
 * Telegram Stars payments in the ledger: a confirmed payment credits once (its charge id is the
 * ledger ref), a refund takes back what is left of that credit, never more than the balance.
 */
import { and, desc, eq, gte, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { starPayments } from '../db/schema.js';
import { applyOnce, getBalance } from './ledger.js';
import { atomic, type DbOrTx } from './tx.js';

export type StarPayment = typeof starPayments.$inferSelect;

export const starsCreditRef = (chargeId: string) => `stars:${chargeId}`;
export const starsReversalRef = (chargeId: string) => `stars:${chargeId}:reversal`;

export interface PaymentInput {
  chargeId: string;
  userId: number;
  stars: number;
  credit: number;
  payload: string;
}

export type CreditResult =
  | { status: 'credited'; balance: number }
  /** Seen before (a redelivered update, a second instance): nothing moved. */
  | { status: 'duplicate'; balance: number };

/** Records a payment Telegram confirmed and credits it, in one transaction, once per charge id. */
export function creditStarPayment(db: DbOrTx, input: PaymentInput): CreditResult {
  if (input.chargeId === '' || input.chargeId.length > 200) {
    throw new Error('telegram_payment_charge_id must be 1–200 characters');
  }
  return atomic(db, (tx): CreditResult => {
    const inserted = tx
      .insert(starPayments)
      .values(input)
      .onConflictDoNothing()
      .returning({ chargeId: starPayments.chargeId })
      .get();
    if (!inserted) return { status: 'duplicate', balance: getBalance(tx, input.userId) };
    const entry = applyOnce(tx, {
      userId: input.userId,
      kind: 'topup',
      amount: input.credit,
      ref: starsCreditRef(input.chargeId),
      note: `${input.stars} Stars`,
    });
    return { status: 'credited', balance: entry.balance };
  });
}

export function getStarPayment(db: DbOrTx, chargeId: string): StarPayment | undefined {
  return db.select().from(starPayments).where(eq(starPayments.chargeId, chargeId)).get();
}

/** Newest first, for the admin's refund screen. */
export function starPaymentsOf(db: DbOrTx, userId: number, limit = 10): StarPayment[] {
  return db
    .select()
    .from(starPayments)
    .where(eq(starPayments.userId, userId))
    .orderBy(desc(starPayments.createdAt))
    .limit(limit)
    .all();
}

/** Payments recorded since a moment (reconciliation's window). */
export function starPaymentsSince(db: DbOrTx, since: number): StarPayment[] {
  return db.select().from(starPayments).where(gte(starPayments.createdAt, since)).all();
}

export type RefundPlan =
  | { status: 'unknown' }
  | { status: 'refunded'; payment: StarPayment }
  /** `takeBack` is what a refund removes now: the credit, or the balance if less is left. */
  | { status: 'refundable'; payment: StarPayment; balance: number; takeBack: number };

export function planStarRefund(db: DbOrTx, chargeId: string): RefundPlan {
  const payment = getStarPayment(db, chargeId);
  if (!payment) return { status: 'unknown' };
  if (payment.status === 'refunded') return { status: 'refunded', payment };
  const balance = getBalance(db, payment.userId);
  return { status: 'refundable', payment, balance, takeBack: Math.min(payment.credit, balance) };
}

/** True when a refund would take less than the whole credit: the user spent some of it. */
export const spentSome = (plan: Extract<RefundPlan, { status: 'refundable' }>) =>
  plan.takeBack < plan.payment.credit;

export type ReversalResult =
  | { status: 'reversed'; taken: number; balance: number }
  | { status: 'already'; taken: number }
  | { status: 'unknown' };

/**
 * Marks a payment refunded and takes its credit back, down to a zero balance at most. Called once
 * Telegram has given the Stars back (our refundStarPayment, or its refunded_payment update): the
 * Stars are gone either way, so what the user spent is simply not recovered.
 */
export function reverseStarPayment(db: DbOrTx, chargeId: string, now = Date.now()): ReversalResult {
  return atomic(db, (tx): ReversalResult => {
    const payment = getStarPayment(tx, chargeId);
    if (!payment) return { status: 'unknown' };
    if (payment.status === 'refunded') return { status: 'already', taken: payment.reversed };
    let balance = getBalance(tx, payment.userId);
    const taken = Math.min(payment.credit, balance);
    if (taken > 0) {
      const entry = applyOnce(tx, {
        userId: payment.userId,
        kind: 'reversal',
        amount: -taken,
        ref: starsReversalRef(chargeId),
        note: `${payment.stars} Stars refunded`,
      });
      balance = entry.balance;
    }
    tx.update(starPayments)
      .set({ status: 'refunded', reversed: taken, refundedAt: now })
      .where(and(eq(starPayments.chargeId, chargeId), eq(starPayments.status, 'paid')))
      .run();
    return { status: 'reversed', taken, balance };
  });
}

/** All Stars received and refunded, for /stats and /metrics. */
export function starsTotals(db: DbOrTx): {
  stars: number;
  refundedStars: number;
  payments: number;
} {
  const row = db
    .select({
      stars: sql<number>`coalesce(sum(${starPayments.stars}), 0)`,
      refundedStars: sql<number>`coalesce(sum(case when ${starPayments.status} = 'refunded' then ${starPayments.stars} else 0 end), 0)`,
      payments: sql<number>`count(*)`,
    })
    .from(starPayments)
    .get();
  return row ?? { stars: 0, refundedStars: 0, payments: 0 };
}

export interface StarsDay {
  day: string;
  stars: number;
  refundedStars: number;
  payments: number;
}

/** Stars received and refunded per UTC day (newest first), for /stats. */
export function starsByDay(db: Db, since: number): StarsDay[] {
  const day = (col: typeof starPayments.createdAt | typeof starPayments.refundedAt) =>
    sql<string>`strftime('%Y-%m-%d', ${col} / 1000, 'unixepoch')`;
  const paid = db
    .select({
      day: day(starPayments.createdAt),
      stars: sql<number>`sum(${starPayments.stars})`,
      payments: sql<number>`count(*)`,
    })
    .from(starPayments)
    .where(gte(starPayments.createdAt, since))
    .groupBy(day(starPayments.createdAt))
    .all();
  const refunded = db
    .select({ day: day(starPayments.refundedAt), stars: sql<number>`sum(${starPayments.stars})` })
    .from(starPayments)
    .where(and(eq(starPayments.status, 'refunded'), gte(starPayments.refundedAt, since)))
    .groupBy(day(starPayments.refundedAt))
    .all();
  const days = new Map<string, StarsDay>();
  const at = (d: string) => {
    const row = days.get(d) ?? { day: d, stars: 0, refundedStars: 0, payments: 0 };
    days.set(d, row);
    return row;
  };
  for (const p of paid) Object.assign(at(p.day), { stars: p.stars, payments: p.payments });
  for (const r of refunded) at(r.day).refundedStars = r.stars;
  return [...days.values()].sort((a, b) => b.day.localeCompare(a.day));
}
