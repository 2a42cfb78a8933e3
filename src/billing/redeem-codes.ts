import { createHash, randomBytes } from 'node:crypto';
import { and, desc, eq, gt, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { redeemCodes, redemptions, users } from '../db/schema.js';
import { CODE_LENGTH, generateCode, normalizeCode, parseCode } from './code-format.js';
import { BillingError, UserNotFoundError } from './errors.js';
import { applyRedeemTopUp } from './ledger.js';
import { MAX_AMOUNT } from './money.js';
import { atomic } from './tx.js';

export const MAX_MINT_COUNT = 1000;
export const MAX_CODE_USES = 1_000_000;

/** sha256 of the canonical compact code. Codes carry ~114 random bits, so no slow hash is needed. */
export function hashCode(code: string): string {
  return createHash('sha256').update(normalizeCode(code)).digest('hex');
}

/** What an admin sees instead of the code: the first group only (20 of 114 bits). */
const hintOf = (compact: string) => `${compact.slice(0, 4)}…`;

export class MintCodesError extends BillingError {
  constructor(
    readonly field: 'count' | 'amount' | 'maxUses' | 'expiresAt' | 'createdBy',
    detail: string,
  ) {
    super(`${field} ${detail}`);
  }
}

export interface MintInput {
  count: number;
  /** Minor units credited per redemption. */
  amount: number;
  /** How many different users may redeem each code; default 1. */
  maxUses?: number;
  /** Epoch ms; absent = never expires. */
  expiresAt?: number | null;
  /** Admin's Telegram id. */
  createdBy: number;
  now?: number;
}

const isIntIn = (v: number, min: number, max: number) =>
  Number.isSafeInteger(v) && v >= min && v <= max;

/**
 * Mints a batch. The plaintext codes are returned exactly once (show or send them, then forget
 * them); only their hashes are stored. Throws MintCodesError for out-of-range input.
 */
export function mintCodes(db: Db, input: MintInput): { batchId: string; codes: string[] } {
  const now = input.now ?? Date.now();
  const maxUses = input.maxUses ?? 1;
  if (!isIntIn(input.count, 1, MAX_MINT_COUNT))
    throw new MintCodesError('count', `must be 1–${MAX_MINT_COUNT}`);
  if (!isIntIn(input.amount, 1, MAX_AMOUNT))
    throw new MintCodesError('amount', `must be 1–${MAX_AMOUNT}`);
  if (!isIntIn(maxUses, 1, MAX_CODE_USES))
    throw new MintCodesError('maxUses', `must be 1–${MAX_CODE_USES}`);
  if (
    input.expiresAt != null &&
    !(Number.isSafeInteger(input.expiresAt) && input.expiresAt > now)
  ) {
    throw new MintCodesError('expiresAt', 'must be a future timestamp (ms)');
  }
  if (!Number.isSafeInteger(input.createdBy))
    throw new MintCodesError('createdBy', 'must be a user id');

  const batchId = randomBytes(6).toString('base64url'); // 8 callback-safe chars
  return atomic(db, (tx) => {
    const codes: string[] = [];
    while (codes.length < input.count) {
      const code = generateCode();
      const compact = normalizeCode(code);
      const inserted = tx
        .insert(redeemCodes)
        .values({
          codeHash: hashCode(compact),
          hint: hintOf(compact),
          batchId,
          amount: input.amount,
          maxUses,
          expiresAt: input.expiresAt ?? null,
          createdBy: input.createdBy,
        })
        .onConflictDoNothing() // a 2^-114 collision: just draw again
        .run();
      if (inserted.changes === 1) codes.push(code);
    }
    return { batchId, codes };
  });
}

export type RedeemFailureReason =
  | 'malformed'
  | 'bad_checksum'
  | 'not_found'
  | 'expired'
  | 'used_up'
  | 'already_redeemed'
  | 'disabled';

export type RedeemResult =
  | { ok: true; amount: number; balance: number; codeId: number }
  | { ok: false; reason: RedeemFailureReason };

/**
 * Redeems a code for a user in one IMMEDIATE transaction: a conditional increment of used_count
 * (`WHERE used_count < max_uses`), a redemptions row (unique per code and user) and a ledger
 * top-up (ref `redeem:<codeId>:<userId>`). Concurrent redeemers therefore get exactly max_uses
 * successes. The user must exist (touchUser first); otherwise UserNotFoundError.
 */
export function redeemCode(
  db: Db,
  input: { userId: number; code: string; now?: number },
): RedeemResult {
  const parsed = parseCode(input.code);
  if (!parsed.ok) return parsed;
  const now = input.now ?? Date.now();
  const codeHash = hashCode(parsed.code);

  return atomic(db, (tx): RedeemResult => {
    const row = tx.select().from(redeemCodes).where(eq(redeemCodes.codeHash, codeHash)).get();
    if (!row) return { ok: false, reason: 'not_found' };
    if (row.disabled) return { ok: false, reason: 'disabled' };
    const already = tx
      .select({ id: redemptions.id })
      .from(redemptions)
      .where(and(eq(redemptions.codeId, row.id), eq(redemptions.userId, input.userId)))
      .get();
    if (already) return { ok: false, reason: 'already_redeemed' };
    if (row.expiresAt !== null && row.expiresAt <= now) return { ok: false, reason: 'expired' };
    if (!tx.select({ id: users.id }).from(users).where(eq(users.id, input.userId)).get()) {
      throw new UserNotFoundError(input.userId);
    }

    const claimed = tx
      .update(redeemCodes)
      .set({ usedCount: sql`${redeemCodes.usedCount} + 1` })
      .where(
        and(
          eq(redeemCodes.id, row.id),
          lt(redeemCodes.usedCount, redeemCodes.maxUses),
          eq(redeemCodes.disabled, false),
          or(isNull(redeemCodes.expiresAt), gt(redeemCodes.expiresAt, now)),
        ),
      )
      .run();
    if (claimed.changes !== 1) return { ok: false, reason: 'used_up' };

    tx.insert(redemptions)
      .values({ codeId: row.id, userId: input.userId, amount: row.amount })
      .run();
    const balance = applyRedeemTopUp(tx, {
      userId: input.userId,
      codeId: row.id,
      amount: row.amount,
      note: `code ${row.hint}`,
    });
    return { ok: true, amount: row.amount, balance, codeId: row.id };
  });
}

export type CodeInfo = Omit<typeof redeemCodes.$inferSelect, 'codeHash'>;

const infoColumns = {
  id: redeemCodes.id,
  hint: redeemCodes.hint,
  batchId: redeemCodes.batchId,
  amount: redeemCodes.amount,
  maxUses: redeemCodes.maxUses,
  usedCount: redeemCodes.usedCount,
  expiresAt: redeemCodes.expiresAt,
  createdBy: redeemCodes.createdBy,
  disabled: redeemCodes.disabled,
  createdAt: redeemCodes.createdAt,
};

/** Admin: the codes of one batch (hints, usage), oldest first. */
export function listBatch(db: Db, batchId: string): CodeInfo[] {
  return db
    .select(infoColumns)
    .from(redeemCodes)
    .where(eq(redeemCodes.batchId, batchId))
    .orderBy(redeemCodes.id)
    .all();
}

export interface BatchSummary {
  batchId: string;
  codes: number;
  amount: number;
  maxUses: number;
  used: number;
  disabled: number;
  expiresAt: number | null;
  createdBy: number;
  createdAt: number;
}

/** Admin: recent batches, newest first. */
export function listBatches(db: Db, limit = 20): BatchSummary[] {
  return db
    .select({
      batchId: redeemCodes.batchId,
      codes: sql<number>`count(*)`,
      amount: sql<number>`max(${redeemCodes.amount})`,
      maxUses: sql<number>`max(${redeemCodes.maxUses})`,
      used: sql<number>`sum(${redeemCodes.usedCount})`,
      disabled: sql<number>`sum(${redeemCodes.disabled})`,
      expiresAt: sql<number | null>`max(${redeemCodes.expiresAt})`,
      createdBy: sql<number>`max(${redeemCodes.createdBy})`,
      createdAt: sql<number>`min(${redeemCodes.createdAt})`,
    })
    .from(redeemCodes)
    .groupBy(redeemCodes.batchId)
    .orderBy(desc(sql`min(${redeemCodes.id})`))
    .limit(Math.min(Math.max(Math.trunc(limit) || 1, 1), 100))
    .all();
}

/** Admin: stops every code of a batch from being redeemed. Returns how many were disabled. */
export function disableBatch(db: Db, batchId: string): number {
  return db
    .update(redeemCodes)
    .set({ disabled: true })
    .where(and(eq(redeemCodes.batchId, batchId), eq(redeemCodes.disabled, false)))
    .run().changes;
}

/** Admin: looks a code up by its plaintext (e.g. a user reports a problem), with who redeemed it. */
export function findCode(
  db: Db,
  code: string,
): (CodeInfo & { redeemedBy: { userId: number; at: number }[] }) | null {
  const compact = normalizeCode(code);
  if (compact.length !== CODE_LENGTH) return null;
  const row = db
    .select(infoColumns)
    .from(redeemCodes)
    .where(eq(redeemCodes.codeHash, hashCode(compact)))
    .get();
  if (!row) return null;
  const redeemedBy = db
    .select({ userId: redemptions.userId, at: redemptions.createdAt })
    .from(redemptions)
    .where(eq(redemptions.codeId, row.id))
    .orderBy(redemptions.id)
    .all();
  return { ...row, redeemedBy };
}
