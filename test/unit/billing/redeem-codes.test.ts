import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateCode, normalizeCode } from '../../../src/billing/code-format.js';
import { UserNotFoundError } from '../../../src/billing/errors.js';
import { checkInvariant, getBalance, totals } from '../../../src/billing/ledger.js';
import {
  disableBatch,
  findCode,
  listBatch,
  listBatches,
  MintCodesError,
  mintCodes,
  redeemCode,
} from '../../../src/billing/redeem-codes.js';
import {
  REDEEM_FAILURE_RULE,
  redeemWithLimit,
  resetRedeemLimit,
} from '../../../src/billing/redeem-guard.js';
import type { Db } from '../../../src/db/client.js';
import { ledger, redeemCodes, redemptions, users } from '../../../src/db/schema.js';
import { MemoryRateLimiter } from '../../../src/infra/rate-limit.js';
import { tempDb } from '../../helpers/temp-db.js';

const ADMIN = 42;
let db: Db;
let file: string;
let cleanup: () => void;
beforeEach(() => {
  ({ db, file, cleanup } = tempDb());
  db.insert(users)
    .values([{ id: 1 }, { id: 2 }, { id: 3 }])
    .run();
});
afterEach(() => cleanup());

/** Every byte SQLite wrote for this database: the main file and the WAL. */
function databaseBytes(): Buffer {
  db.$client.pragma('wal_checkpoint(PASSIVE)');
  const dir = path.dirname(file);
  return Buffer.concat(fs.readdirSync(dir).map((f) => fs.readFileSync(path.join(dir, f))));
}

describe('minting', () => {
  it('returns the plaintext once and stores only hashes and a short hint', () => {
    const { batchId, codes } = mintCodes(db, {
      count: 20,
      amount: 500,
      maxUses: 2,
      createdBy: ADMIN,
    });
    expect(batchId).toMatch(/^[A-Za-z0-9_-]{8}$/);
    expect(new Set(codes).size).toBe(20);
    const rows = db.select().from(redeemCodes).all();
    expect(rows).toHaveLength(20);
    for (const code of codes) {
      const compact = normalizeCode(code);
      const row = rows.find(
        (r) => r.codeHash === createHash('sha256').update(compact).digest('hex'),
      );
      expect(row).toMatchObject({
        batchId,
        amount: 500,
        maxUses: 2,
        usedCount: 0,
        createdBy: ADMIN,
        disabled: false,
        expiresAt: null,
        hint: `${compact.slice(0, 4)}…`,
      });
    }
    const bytes = databaseBytes();
    for (const code of codes) {
      expect(bytes.includes(code)).toBe(false);
      expect(bytes.includes(normalizeCode(code))).toBe(false);
      expect(bytes.includes(normalizeCode(code).slice(4))).toBe(false); // nothing past the hint
    }
  });

  it('validates bounds with typed errors', () => {
    const now = Date.now();
    const cases: [Parameters<typeof mintCodes>[1], string][] = [
      [{ count: 0, amount: 1, createdBy: ADMIN }, 'count'],
      [{ count: 1001, amount: 1, createdBy: ADMIN }, 'count'],
      [{ count: 1.5, amount: 1, createdBy: ADMIN }, 'count'],
      [{ count: 1, amount: 0, createdBy: ADMIN }, 'amount'],
      [{ count: 1, amount: -5, createdBy: ADMIN }, 'amount'],
      [{ count: 1, amount: 1e13, createdBy: ADMIN }, 'amount'],
      [{ count: 1, amount: 1, maxUses: 0, createdBy: ADMIN }, 'maxUses'],
      [{ count: 1, amount: 1, expiresAt: now - 1, now, createdBy: ADMIN }, 'expiresAt'],
      [{ count: 1, amount: 1, expiresAt: now, now, createdBy: ADMIN }, 'expiresAt'],
    ];
    for (const [input, field] of cases) {
      const err = (() => {
        try {
          mintCodes(db, input);
        } catch (e) {
          return e;
        }
      })();
      expect(err, JSON.stringify(input)).toBeInstanceOf(MintCodesError);
      expect((err as MintCodesError).field).toBe(field);
    }
    expect(db.select().from(redeemCodes).all()).toHaveLength(0);
  });

  it('lists and disables batches for admins', () => {
    const a = mintCodes(db, { count: 3, amount: 100, createdBy: ADMIN });
    const b = mintCodes(db, { count: 2, amount: 250, maxUses: 5, createdBy: ADMIN });
    redeemCode(db, { userId: 1, code: b.codes[0] as string });
    expect(listBatch(db, a.batchId)).toHaveLength(3);
    expect(listBatch(db, a.batchId)[0]).not.toHaveProperty('codeHash');
    expect(listBatches(db)).toMatchObject([
      {
        batchId: b.batchId,
        codes: 2,
        amount: 250,
        maxUses: 5,
        used: 1,
        disabled: 0,
        createdBy: ADMIN,
      },
      { batchId: a.batchId, codes: 3, amount: 100, maxUses: 1, used: 0, disabled: 0 },
    ]);
    expect(disableBatch(db, a.batchId)).toBe(3);
    expect(disableBatch(db, a.batchId)).toBe(0);
    expect(redeemCode(db, { userId: 1, code: a.codes[0] as string })).toEqual({
      ok: false,
      reason: 'disabled',
    });
    const info = findCode(db, (b.codes[0] as string).toLowerCase());
    expect(info).toMatchObject({ batchId: b.batchId, usedCount: 1, redeemedBy: [{ userId: 1 }] });
    expect(findCode(db, generateCode())).toBeNull();
  });
});

describe('redeeming', () => {
  it('credits the user once, through the ledger', () => {
    const { codes } = mintCodes(db, { count: 1, amount: 700, createdBy: ADMIN });
    const code = codes[0] as string;
    const r = redeemCode(db, { userId: 1, code: ` ${code.toLowerCase().replaceAll('-', ' ')} ` });
    expect(r).toMatchObject({ ok: true, amount: 700, balance: 700 });
    const codeId = r.ok ? r.codeId : -1;
    expect(db.select().from(ledger).all()).toMatchObject([
      { userId: 1, kind: 'topup', amount: 700, ref: `redeem:${codeId}:1` },
    ]);
    expect(redeemCode(db, { userId: 1, code })).toEqual({ ok: false, reason: 'already_redeemed' });
    expect(redeemCode(db, { userId: 2, code })).toEqual({ ok: false, reason: 'used_up' });
    expect(getBalance(db, 2)).toBe(0);
    expect(totals(db)).toMatchObject({ topups: 700, redeemed: 700 });
    expect(checkInvariant(db)).toEqual([]);
  });

  it('lets a multi-use code be redeemed once per user up to its uses', () => {
    const code = mintCodes(db, { count: 1, amount: 10, maxUses: 2, createdBy: ADMIN })
      .codes[0] as string;
    expect(redeemCode(db, { userId: 1, code }).ok).toBe(true);
    expect(redeemCode(db, { userId: 1, code })).toEqual({ ok: false, reason: 'already_redeemed' });
    expect(redeemCode(db, { userId: 2, code }).ok).toBe(true);
    expect(redeemCode(db, { userId: 3, code })).toEqual({ ok: false, reason: 'used_up' });
    expect(db.select().from(redemptions).all()).toHaveLength(2);
  });

  it('gives a typed reason for wrong codes', () => {
    const code = mintCodes(db, { count: 1, amount: 10, createdBy: ADMIN }).codes[0] as string;
    expect(redeemCode(db, { userId: 1, code: 'hello' })).toEqual({
      ok: false,
      reason: 'malformed',
    });
    const typo = code.slice(0, 2) + (code[2] === 'A' ? 'B' : 'A') + code.slice(3);
    expect(redeemCode(db, { userId: 1, code: typo })).toEqual({
      ok: false,
      reason: 'bad_checksum',
    });
    expect(redeemCode(db, { userId: 1, code: generateCode() })).toEqual({
      ok: false,
      reason: 'not_found',
    });
  });

  it('honours expiry', () => {
    const now = 1_800_000_000_000;
    const code = mintCodes(db, {
      count: 1,
      amount: 10,
      expiresAt: now + 1000,
      createdBy: ADMIN,
      now,
    }).codes[0] as string;
    expect(redeemCode(db, { userId: 1, code, now: now + 1000 })).toEqual({
      ok: false,
      reason: 'expired',
    });
    expect(redeemCode(db, { userId: 1, code, now: now + 999 }).ok).toBe(true);
  });

  it('changes nothing when the user does not exist', () => {
    const code = mintCodes(db, { count: 1, amount: 10, createdBy: ADMIN }).codes[0] as string;
    expect(() => redeemCode(db, { userId: 999, code })).toThrow(UserNotFoundError);
    expect(db.select().from(redeemCodes).get()?.usedCount).toBe(0);
    expect(redeemCode(db, { userId: 1, code }).ok).toBe(true);
  });
});

describe('failure limit', () => {
  it('locks a user after repeated wrong codes and reports the time left', async () => {
    let now = 1_000_000;
    const limiter = new MemoryRateLimiter({ now: () => now });
    const good = mintCodes(db, { count: 1, amount: 10, createdBy: ADMIN }).codes[0] as string;

    for (let i = 1; i <= REDEEM_FAILURE_RULE.limit; i++) {
      const r = await redeemWithLimit(db, limiter, { userId: 1, code: generateCode() });
      const left = REDEEM_FAILURE_RULE.limit - i;
      expect(r).toEqual(
        left > 0
          ? { ok: false, reason: 'not_found', attemptsLeft: left }
          : // The window started at the first failure, 4 s ago.
            {
              ok: false,
              reason: 'not_found',
              attemptsLeft: 0,
              lockedForMs: REDEEM_FAILURE_RULE.windowMs - 4000,
            },
      );
      now += 1000;
    }
    // Locked: even a valid code is refused without touching the database.
    const locked = await redeemWithLimit(db, limiter, { userId: 1, code: good });
    expect(locked).toEqual({
      ok: false,
      reason: 'rate_limited',
      retryAfterMs: REDEEM_FAILURE_RULE.windowMs - 5000,
    });
    expect(db.select().from(redeemCodes).get()?.usedCount).toBe(0);
    // Other users are unaffected.
    expect((await redeemWithLimit(db, limiter, { userId: 2, code: 'nonsense' })).ok).toBe(false);

    now += REDEEM_FAILURE_RULE.windowMs;
    expect(await redeemWithLimit(db, limiter, { userId: 1, code: good })).toMatchObject({
      ok: true,
      amount: 10,
    });
  });

  it('does not count failures that need a real code, and can be reset by an admin', async () => {
    const limiter = new MemoryRateLimiter();
    const rule = { limit: 2, windowMs: 60_000 };
    const code = mintCodes(db, { count: 1, amount: 10, createdBy: ADMIN }).codes[0] as string;
    await redeemWithLimit(db, limiter, { userId: 1, code }, rule);
    for (let i = 0; i < 5; i++) {
      expect(await redeemWithLimit(db, limiter, { userId: 1, code }, rule)).toEqual({
        ok: false,
        reason: 'already_redeemed',
      });
      expect(await redeemWithLimit(db, limiter, { userId: 2, code }, rule)).toEqual({
        ok: false,
        reason: 'used_up',
      });
    }
    await redeemWithLimit(db, limiter, { userId: 3, code: 'x' }, rule);
    await redeemWithLimit(db, limiter, { userId: 3, code: 'x' }, rule);
    expect(await redeemWithLimit(db, limiter, { userId: 3, code: 'x' }, rule)).toMatchObject({
      reason: 'rate_limited',
    });
    await resetRedeemLimit(limiter, 3);
    expect(await redeemWithLimit(db, limiter, { userId: 3, code: 'x' }, rule)).toEqual({
      ok: false,
      reason: 'malformed',
      attemptsLeft: 1,
    });
  });
});
