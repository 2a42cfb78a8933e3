/**
 * Credit the operator gives away: a welcome credit on first contact, and a referral bonus for
 * both sides once the referred user tops up for the first time. Each is one ledger entry under
 * a ref that names the account, so it is paid once per Telegram account whatever happens.
 */
import { randomBytes } from 'node:crypto';
import { and, count, eq, isNotNull, like, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { ledger, referrals, users } from '../db/schema.js';
import { applyOnce } from './ledger.js';
import { atomic, type DbOrTx } from './tx.js';

export const welcomeRef = (userId: number) => `bonus:welcome:${userId}`;
const referralRef = (referredId: number, side: 'referrer' | 'referred') =>
  `bonus:ref:${referredId}:${side}`;

/** Gives the welcome credit once per account; the balance after it, or undefined on a replay. */
export function grantWelcome(db: DbOrTx, userId: number, amount: number): number | undefined {
  if (amount <= 0) return undefined;
  const result = applyOnce(db, {
    userId,
    kind: 'bonus',
    amount,
    ref: welcomeRef(userId),
    note: 'welcome',
  });
  return result.status === 'applied' ? result.balance : undefined;
}

const CODE_ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';

function newCode(): string {
  return [...randomBytes(8)].map((b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('');
}

/** The user's invite code, made on first ask (random: a link does not give away a user id). */
export function refCodeOf(db: Db, userId: number): string {
  for (;;) {
    const row = db.select({ code: users.refCode }).from(users).where(eq(users.id, userId)).get();
    if (!row) throw new Error(`user ${userId} does not exist`);
    if (row.code) return row.code;
    try {
      db.update(users)
        .set({ refCode: newCode() })
        .where(and(eq(users.id, userId), sql`${users.refCode} is null`))
        .run();
    } catch (error) {
      // A clash with another user's code (1 in 32^8): draw again.
      if (!String(error).includes('UNIQUE')) throw error;
    }
  }
}

export type ReferralOutcome = 'recorded' | 'unknown_code' | 'self' | 'not_new' | 'already';

/**
 * Notes who brought a user. Only a user this very update created counts: someone who already used
 * the bot cannot be "referred" after the fact, and nobody refers themselves.
 */
export function recordReferral(
  db: DbOrTx,
  input: { userId: number; code: string; firstContact: boolean },
): ReferralOutcome {
  const referrer = db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.refCode, input.code.toLowerCase()))
    .get();
  if (!referrer) return 'unknown_code';
  if (referrer.id === input.userId) return 'self';
  if (!input.firstContact) return 'not_new';
  const inserted = db
    .insert(referrals)
    .values({ userId: input.userId, referrerId: referrer.id })
    .onConflictDoNothing()
    .returning({ userId: referrals.userId })
    .get();
  return inserted ? 'recorded' : 'already';
}

export interface ReferralReward {
  referrerId: number;
  amount: number;
}

/**
 * Pays the referral bonus to both sides if the user was referred, is not yet rewarded and has
 * topped up (Stars or a code). Call it after any top-up; it pays once.
 */
export function rewardReferral(
  db: DbOrTx,
  userId: number,
  bonus: number,
  now = Date.now(),
): ReferralReward | undefined {
  if (bonus <= 0) return undefined;
  return atomic(db, (tx) => {
    const referral = tx
      .select()
      .from(referrals)
      .where(and(eq(referrals.userId, userId), sql`${referrals.rewardedAt} is null`))
      .get();
    if (!referral) return undefined;
    const toppedUp = tx
      .select({ id: ledger.id })
      .from(ledger)
      .where(and(eq(ledger.userId, userId), eq(ledger.kind, 'topup')))
      .limit(1)
      .get();
    if (!toppedUp) return undefined;
    for (const [id, side] of [
      [referral.referrerId, 'referrer'],
      [userId, 'referred'],
    ] as const) {
      applyOnce(tx, { userId: id, kind: 'bonus', amount: bonus, ref: referralRef(userId, side) });
    }
    tx.update(referrals).set({ rewardedAt: now }).where(eq(referrals.userId, userId)).run();
    return { referrerId: referral.referrerId, amount: bonus };
  });
}

/** How many people a user brought, and how many of them have topped up (earning the bonus). */
export function referralCounts(db: DbOrTx, userId: number): { invited: number; rewarded: number } {
  const [invited] = db
    .select({ n: count() })
    .from(referrals)
    .where(eq(referrals.referrerId, userId))
    .all();
  const [rewarded] = db
    .select({ n: count() })
    .from(referrals)
    .where(and(eq(referrals.referrerId, userId), isNotNull(referrals.rewardedAt)))
    .all();
  return { invited: invited?.n ?? 0, rewarded: rewarded?.n ?? 0 };
}

/** Referral credit paid (both sides) since a moment, minor units: for /stats and metrics. */
export function referralCreditSince(db: DbOrTx, since: number): number {
  const [row] = db
    .select({ total: sql<number>`coalesce(sum(${ledger.amount}), 0)` })
    .from(ledger)
    .where(and(like(ledger.ref, 'bonus:ref:%'), sql`${ledger.createdAt} >= ${since}`))
    .all();
  return row?.total ?? 0;
}
