import { randomUUID } from 'node:crypto';
import { and, desc, eq, gte, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { reusable } from '../db/prepared.js';
import { type LedgerKind, ledger, users } from '../db/schema.js';
import { InvalidAmountError, LedgerConflictError, UserNotFoundError } from './errors.js';
import { MAX_AMOUNT } from './money.js';
import { atomic, type DbOrTx } from './tx.js';

/*
 * Every balance change is one ledger row written in the same transaction as a conditional
 * `UPDATE users SET balance = balance + x WHERE balance >= -x`, so balance == sum(ledger) and
 * balance >= 0 hold after any interleaving. Each row has a unique ref, which makes every
 * operation idempotent: replaying a ref never moves money twice.
 *
 * Sign convention: topup > 0, charge < 0, refund > 0, adjustment either way.
 */

export type LedgerEntry = typeof ledger.$inferSelect;

export const jobChargeRef = (jobId: string) => `job:${jobId}:charge`;
export const jobRefundRef = (jobId: string) => `job:${jobId}:refund`;
export const redeemRef = (codeId: number, userId: number) => `redeem:${codeId}:${userId}`;
/** Prefixes only this module writes; topUp refuses them so nobody can forge a job or code entry. */
const RESERVED_PREFIXES = ['job:', 'redeem:', 'adj:', 'stars:', 'bonus:'];

interface EntryInput {
  userId: number;
  kind: LedgerKind;
  amount: number;
  ref: string;
  jobId?: string | null;
  actorId?: number | null;
  note?: string | null;
}

type ApplyOutcome =
  | { status: 'applied'; balance: number; entryId: number }
  | { status: 'insufficient_funds'; balance: number };

const placeholder = sql.placeholder;
const balanceOf = reusable((db) =>
  db
    .select({ balance: users.balance })
    .from(users)
    .where(eq(users.id, placeholder('userId'))),
);
const moveBalance = reusable((db) =>
  db
    .update(users)
    .set({ balance: sql`${users.balance} + ${placeholder('amount')}` })
    .where(and(eq(users.id, placeholder('userId')), gte(users.balance, placeholder('floor'))))
    .returning({ balance: users.balance }),
);
const insertEntry = reusable((db) =>
  db
    .insert(ledger)
    .values({
      userId: placeholder('userId'),
      kind: placeholder('kind'),
      amount: placeholder('amount'),
      balanceAfter: placeholder('balanceAfter'),
      ref: placeholder('ref'),
      jobId: placeholder('jobId'),
      actorId: placeholder('actorId'),
      note: placeholder('note'),
    })
    .returning({ id: ledger.id }),
);
const entryByRef = reusable((db) =>
  db
    .select()
    .from(ledger)
    .where(eq(ledger.ref, placeholder('ref'))),
);

/** The primitive: conditional balance update + ledger row. Caller holds the transaction. */
function applyEntry(tx: DbOrTx, entry: EntryInput): ApplyOutcome {
  const updated = moveBalance(tx).get({
    userId: entry.userId,
    amount: entry.amount,
    floor: -entry.amount,
  });
  if (!updated) {
    const user = balanceOf(tx).get({ userId: entry.userId });
    if (!user) throw new UserNotFoundError(entry.userId);
    return { status: 'insufficient_funds', balance: user.balance };
  }
  const row = insertEntry(tx).get({
    userId: entry.userId,
    kind: entry.kind,
    amount: entry.amount,
    balanceAfter: updated.balance,
    ref: entry.ref,
    jobId: entry.jobId ?? null,
    actorId: entry.actorId ?? null,
    note: entry.note?.slice(0, 500) ?? null,
  });
  if (!row) throw new Error(`ledger: no row returned for ${entry.ref}`);
  return { status: 'applied', balance: updated.balance, entryId: row.id };
}

/** Used by redeem-codes.ts, which owns its own transaction and validation. */
export function applyRedeemTopUp(
  tx: DbOrTx,
  input: { userId: number; codeId: number; amount: number; note?: string },
): number {
  const outcome = applyEntry(tx, {
    userId: input.userId,
    kind: 'topup',
    amount: input.amount,
    ref: redeemRef(input.codeId, input.userId),
    note: input.note ?? null,
  });
  // A positive amount cannot be refused for lack of funds.
  return outcome.balance;
}

function findByRef(db: DbOrTx, ref: string): LedgerEntry | undefined {
  return entryByRef(db).get({ ref });
}

function checkAmount(amount: number, { allowZero = false, allowNegative = false } = {}): void {
  if (!Number.isSafeInteger(amount)) throw new InvalidAmountError(amount, 'must be an integer');
  if (Math.abs(amount) > MAX_AMOUNT) throw new InvalidAmountError(amount, `exceeds ${MAX_AMOUNT}`);
  if (amount === 0 && !allowZero) throw new InvalidAmountError(amount, 'must not be zero');
  if (amount < 0 && !allowNegative) throw new InvalidAmountError(amount, 'must not be negative');
}

function checkJobId(jobId: string): void {
  if (typeof jobId !== 'string' || jobId.length === 0 || jobId.length > 64) {
    throw new LedgerConflictError(String(jobId), 'job id must be 1–64 characters');
  }
}

export type OnceResult =
  | { status: 'applied'; balance: number }
  | { status: 'replay'; balance: number }
  | { status: 'insufficient_funds'; balance: number };

/**
 * For billing modules that own a reserved prefix (stars:, bonus:): one entry under its ref,
 * never twice. The caller holds the transaction and has validated the amount.
 */
export function applyOnce(
  tx: DbOrTx,
  entry: { userId: number; kind: LedgerKind; amount: number; ref: string; note?: string },
): OnceResult {
  checkAmount(entry.amount, { allowNegative: true });
  if (findByRef(tx, entry.ref)) return { status: 'replay', balance: getBalance(tx, entry.userId) };
  const outcome = applyEntry(tx, { ...entry, note: entry.note ?? null });
  return outcome.status === 'applied' ? { status: 'applied', balance: outcome.balance } : outcome;
}

export type ReserveResult =
  | {
      ok: true;
      balance: number;
      /** True when this job was already charged by an earlier call: nothing moved now. */
      replay: boolean;
    }
  | { ok: false; reason: 'insufficient_funds'; balance: number };

/**
 * Charges a job's price. Call it inside the transaction that inserts the job, so a job never
 * exists without its charge. Idempotent per job: a repeat with the same user and amount returns
 * ok without charging again.
 *
 * A price of 0 writes no ledger row (the ledger records money that moved; the job row keeps its
 * price), so a free job has nothing to refund.
 *
 * Throws LedgerConflictError when the job was charged with another user/amount or was already
 * refunded — re-running a refunded job must use a new job id, or it would run for free.
 */
export function reserveForJob(
  tx: DbOrTx,
  input: { userId: number; jobId: string; amount: number },
): ReserveResult {
  checkJobId(input.jobId);
  checkAmount(input.amount, { allowZero: true });
  return atomic(tx, (t): ReserveResult => {
    const ref = jobChargeRef(input.jobId);
    const existing = findByRef(t, ref);
    if (existing) {
      if (existing.userId !== input.userId || existing.amount !== -input.amount) {
        throw new LedgerConflictError(ref, 'job already charged with another user or amount');
      }
      if (findByRef(t, jobRefundRef(input.jobId))) {
        throw new LedgerConflictError(ref, 'job was already refunded; use a new job id');
      }
      return { ok: true, balance: getBalance(t, input.userId), replay: true };
    }
    if (input.amount === 0) {
      const user = balanceOf(t).get({ userId: input.userId });
      if (!user) throw new UserNotFoundError(input.userId);
      return { ok: true, balance: user.balance, replay: false };
    }
    const outcome = applyEntry(t, {
      userId: input.userId,
      kind: 'charge',
      amount: -input.amount,
      ref,
      jobId: input.jobId,
    });
    if (outcome.status === 'insufficient_funds') {
      return { ok: false, reason: 'insufficient_funds', balance: outcome.balance };
    }
    return { ok: true, balance: outcome.balance, replay: false };
  });
}

export interface RefundResult {
  /** Minor units returned now; 0 when nothing was charged or it was already refunded. */
  refunded: number;
  status: 'refunded' | 'already_refunded' | 'not_charged';
  /** The user's balance after the refund (only when status is `refunded`). */
  balance?: number;
}

/** Gives a job's charge back, exactly once, whatever number of failure paths call it. */
export function refundJob(db: DbOrTx, jobId: string, note?: string): RefundResult {
  checkJobId(jobId);
  return atomic(db, (t): RefundResult => {
    const charge = findByRef(t, jobChargeRef(jobId));
    if (!charge) return { refunded: 0, status: 'not_charged' };
    if (findByRef(t, jobRefundRef(jobId))) return { refunded: 0, status: 'already_refunded' };
    const outcome = applyEntry(t, {
      userId: charge.userId,
      kind: 'refund',
      amount: -charge.amount,
      ref: jobRefundRef(jobId),
      jobId,
      note: note ?? null,
    });
    return { refunded: -charge.amount, status: 'refunded', balance: outcome.balance };
  });
}

export interface TopUpInput {
  userId: number;
  amount: number;
  /** Caller's idempotency key, e.g. `pay:<provider-charge-id>`; a replay is a no-op. */
  ref: string;
  note?: string;
  actorId?: number;
}

/** Credits a user (payments, promotions). Returns `applied: false` when the ref was seen before. */
export function topUp(db: DbOrTx, input: TopUpInput): { balance: number; applied: boolean } {
  checkAmount(input.amount);
  if (
    !input.ref ||
    input.ref.length > 200 ||
    RESERVED_PREFIXES.some((p) => input.ref.startsWith(p))
  ) {
    throw new LedgerConflictError(
      input.ref,
      `ref must be 1–200 chars and not start with ${RESERVED_PREFIXES.join(' ')}`,
    );
  }
  return atomic(db, (t) => {
    const existing = findByRef(t, input.ref);
    if (existing) {
      if (
        existing.userId !== input.userId ||
        existing.amount !== input.amount ||
        existing.kind !== 'topup'
      ) {
        throw new LedgerConflictError(input.ref, 'ref already used for a different entry');
      }
      return { balance: getBalance(t, input.userId), applied: false };
    }
    const outcome = applyEntry(t, {
      userId: input.userId,
      kind: 'topup',
      amount: input.amount,
      ref: input.ref,
      actorId: input.actorId ?? null,
      note: input.note ?? null,
    });
    return { balance: outcome.balance, applied: true };
  });
}

export type AdjustResult =
  | { ok: true; balance: number; entryId: number | null; replay: boolean }
  | { ok: false; reason: 'insufficient_funds'; balance: number };

export interface AdjustInput {
  userId: number;
  /** Non-zero; negative takes money away, but never below a zero balance. */
  amount: number;
  actorId: number;
  note?: string;
  /** Makes a double-tapped admin button harmless: the same key applies once. */
  idempotencyKey?: string;
}

/** Admin correction. Returns a typed failure instead of taking the balance below zero. */
export function adjust(db: DbOrTx, input: AdjustInput): AdjustResult {
  checkAmount(input.amount, { allowNegative: true });
  const ref = `adj:${input.idempotencyKey ?? randomUUID()}`;
  return atomic(db, (t): AdjustResult => {
    const existing = input.idempotencyKey ? findByRef(t, ref) : undefined;
    if (existing) {
      if (existing.userId !== input.userId || existing.amount !== input.amount) {
        throw new LedgerConflictError(
          ref,
          'idempotency key already used for a different adjustment',
        );
      }
      return { ok: true, balance: getBalance(t, input.userId), entryId: existing.id, replay: true };
    }
    const outcome = applyEntry(t, {
      userId: input.userId,
      kind: 'adjustment',
      amount: input.amount,
      ref,
      actorId: input.actorId,
      note: input.note ?? null,
    });
    if (outcome.status === 'insufficient_funds') {
      return { ok: false, reason: 'insufficient_funds', balance: outcome.balance };
    }
    return { ok: true, balance: outcome.balance, entryId: outcome.entryId, replay: false };
  });
}

/** The user's balance in minor units; 0 for an unknown user. */
export function getBalance(db: DbOrTx, userId: number): number {
  return balanceOf(db).get({ userId })?.balance ?? 0;
}

/** Newest first, for a user's history screen. */
export function recentEntries(db: DbOrTx, userId: number, limit = 10): LedgerEntry[] {
  const n = Math.min(Math.max(Math.trunc(limit) || 1, 1), 100);
  return db
    .select()
    .from(ledger)
    .where(eq(ledger.userId, userId))
    .orderBy(desc(ledger.id))
    .limit(n)
    .all();
}

export interface LedgerTotals {
  /** All top-ups (payments and redeemed codes), positive. */
  topups: number;
  /** The part of `topups` that came from redeem codes. */
  redeemed: number;
  /** Charged for jobs, as a positive number. */
  charges: number;
  refunds: number;
  /** Net admin adjustments (may be negative). */
  adjustments: number;
  /** The part of `topups` bought with Telegram Stars. */
  stars: number;
  /** Welcome and referral credit given away. */
  bonuses: number;
  /** Stars credit taken back on refunds, as a positive number. */
  reversals: number;
  /** charges − refunds: what users actually spent. */
  spent: number;
  entries: number;
}

/** Sums by kind, optionally since a timestamp (ms), for the admin stats screen. */
export function totals(db: Db, options: { since?: number } = {}): LedgerTotals {
  const sumWhere = (cond: ReturnType<typeof sql>) =>
    sql<number>`coalesce(sum(case when ${cond} then ${ledger.amount} else 0 end), 0)`;
  const row = db
    .select({
      topups: sumWhere(sql`${ledger.kind} = 'topup'`),
      redeemed: sumWhere(sql`${ledger.kind} = 'topup' and ${ledger.ref} like 'redeem:%'`),
      charges: sumWhere(sql`${ledger.kind} = 'charge'`),
      refunds: sumWhere(sql`${ledger.kind} = 'refund'`),
      adjustments: sumWhere(sql`${ledger.kind} = 'adjustment'`),
      stars: sumWhere(sql`${ledger.kind} = 'topup' and ${ledger.ref} like 'stars:%'`),
      bonuses: sumWhere(sql`${ledger.kind} = 'bonus'`),
      reversals: sumWhere(sql`${ledger.kind} = 'reversal'`),
      entries: sql<number>`count(*)`,
    })
    .from(ledger)
    .where(options.since === undefined ? undefined : gte(ledger.createdAt, options.since))
    .get();
  const charges = 0 - (row?.charges ?? 0); // not -x: that gives -0 when there are none
  const refunds = row?.refunds ?? 0;
  return {
    topups: row?.topups ?? 0,
    redeemed: row?.redeemed ?? 0,
    charges,
    refunds,
    adjustments: row?.adjustments ?? 0,
    stars: row?.stars ?? 0,
    bonuses: row?.bonuses ?? 0,
    reversals: 0 - (row?.reversals ?? 0),
    spent: charges - refunds,
    entries: row?.entries ?? 0,
  };
}

export interface InvariantViolation {
  userId: number;
  balance: number;
  ledgerSum: number;
  problem: 'sum_mismatch' | 'negative_balance' | 'balance_after_mismatch';
}

/**
 * Audits the money invariants: balance == sum(ledger) and balance >= 0 per user, and every
 * row's balance_after equals the running sum (rows are ordered by id, i.e. commit order).
 * Empty means healthy. Full scan: for tests, health checks and a nightly job, not per request.
 */
export function checkInvariant(db: Db): InvariantViolation[] {
  // A join, not a correlated subquery: drizzle leaves single-table column names unqualified.
  const sums = db
    .select({
      userId: users.id,
      balance: users.balance,
      ledgerSum: sql<number>`coalesce(sum(${ledger.amount}), 0)`,
    })
    .from(users)
    .leftJoin(ledger, eq(ledger.userId, users.id))
    .groupBy(users.id)
    .all();
  const violations: InvariantViolation[] = [];
  for (const s of sums) {
    if (s.balance !== s.ledgerSum) violations.push({ ...s, problem: 'sum_mismatch' });
    if (s.balance < 0) violations.push({ ...s, problem: 'negative_balance' });
  }
  const running = db
    .select({
      userId: ledger.userId,
      balanceAfter: ledger.balanceAfter,
      runningSum: sql<number>`sum(${ledger.amount}) over (partition by ${ledger.userId} order by ${ledger.id})`,
    })
    .from(ledger)
    .all();
  const reported = new Set<number>();
  const byId = new Map(sums.map((s) => [s.userId, s]));
  for (const r of running) {
    if (r.balanceAfter === r.runningSum || reported.has(r.userId)) continue;
    reported.add(r.userId);
    const user = byId.get(r.userId);
    violations.push({
      userId: r.userId,
      balance: user?.balance ?? 0,
      ledgerSum: user?.ledgerSum ?? 0,
      problem: 'balance_after_mismatch',
    });
  }
  return violations;
}
