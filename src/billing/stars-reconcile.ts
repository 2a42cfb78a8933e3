/**
 * Telegram's Stars transactions against our payments: a payment Telegram took that we never
 * credited is credited now (its successful_payment was lost), a refund we never reversed is
 * reversed, and a payment we hold that Telegram does not know is reported for a human.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { users } from '../db/schema.js';
import {
  creditStarPayment,
  getStarPayment,
  reverseStarPayment,
  type StarPayment,
  starPaymentsSince,
} from './star-payments.js';
import { decodePayload } from './stars.js';

/** One StarTransaction as far as reconciliation cares (the bot side maps Telegram's shape). */
export interface StarsTx {
  /** telegram_payment_charge_id for payments and their refunds. */
  id: string;
  amount: number;
  /** Unix seconds, as Telegram gives it. */
  date: number;
  /** in: a user paid the bot (source is the user); out: the bot gave Stars back (receiver). */
  direction: 'in' | 'out';
  userId?: number;
  payload?: string;
}

/** Ours are judged from a little after the cut-off: Telegram dates a payment before we record it. */
const EDGE_MS = 3_600_000;

export interface ReconcileReport {
  /** Transactions read from Telegram. */
  checked: number;
  /** Payments credited now, having been missed. */
  credited: Array<{ chargeId: string; userId: number; stars: number }>;
  /** Refunds made on Telegram's side whose credit is now taken back. */
  reversed: Array<{ chargeId: string; userId: number; stars: number }>;
  /** Our payments Telegram does not list (within the window it answered for). */
  unmatched: StarPayment[];
  /** Telegram payments this bot cannot credit (no user, foreign payload). */
  foreign: StarsTx[];
}

/**
 * Runs one pass. `txs` must be every transaction Telegram has since `since` (ms; the caller pages
 * getStarTransactions back to it); our payments older than that are not judged.
 */
export function reconcileStars(db: Db, txs: readonly StarsTx[], since: number): ReconcileReport {
  const report: ReconcileReport = {
    checked: txs.length,
    credited: [],
    reversed: [],
    unmatched: [],
    foreign: [],
  };
  const paidIds = new Set<string>();
  for (const tx of txs.filter((t) => t.direction === 'in')) {
    paidIds.add(tx.id);
    if (getStarPayment(db, tx.id)) continue;
    const payload = tx.payload === undefined ? undefined : decodePayload(tx.payload);
    const known =
      tx.userId !== undefined &&
      db.select({ id: users.id }).from(users).where(eq(users.id, tx.userId)).get();
    if (!payload || tx.userId === undefined || !known) {
      report.foreign.push(tx);
      continue;
    }
    const result = creditStarPayment(db, {
      chargeId: tx.id,
      userId: tx.userId,
      stars: tx.amount,
      credit: payload.credit,
      payload: tx.payload ?? '',
    });
    if (result.status === 'credited') {
      report.credited.push({ chargeId: tx.id, userId: tx.userId, stars: tx.amount });
    }
  }
  for (const tx of txs.filter((t) => t.direction === 'out')) {
    const result = reverseStarPayment(db, tx.id);
    if (result.status !== 'reversed') continue;
    const payment = getStarPayment(db, tx.id);
    if (payment) {
      report.reversed.push({ chargeId: tx.id, userId: payment.userId, stars: payment.stars });
    }
  }
  report.unmatched = starPaymentsSince(db, since + EDGE_MS).filter((p) => !paidIds.has(p.chargeId));
  return report;
}

export const reconcileIsClean = (r: ReconcileReport): boolean =>
  r.credited.length + r.reversed.length + r.unmatched.length + r.foreign.length === 0;
