import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { perConnection } from '../db/prepared.js';
import { userKeys, users } from '../db/schema.js';
import type { KeyBox } from './key-box.js';

const KEY_RE = /^sk-[A-Za-z0-9_-]{16,200}$/;

/** A gateway key as users paste it: `sk-` + at least 16 URL-safe characters, nothing else. */
export function looksLikeGatewayKey(text: string): boolean {
  return KEY_RE.test(text.trim());
}

/**
 * `sk-abcdefghijklmnopqrstuwxyz` → `sk-ab…wxyz`. The `sk-` prefix is public; of the secret part
 * at most 2 leading and 4 trailing characters show, and fewer for short inputs, so at least
 * half of it always stays hidden.
 */
export function maskKey(key: string): string {
  const trimmed = key.trim();
  const prefix = trimmed.startsWith('sk-') ? 'sk-' : '';
  const body = trimmed.slice(prefix.length);
  const head = Math.min(2, Math.floor(body.length / 8));
  const tail = Math.min(4, Math.floor(body.length / 4));
  return `${prefix}${body.slice(0, head)}…${tail > 0 ? body.slice(-tail) : ''}`;
}

// Binds each ciphertext to its owner: a row copied onto another user fails to decrypt.
const aadFor = (userId: number) => `user-key:${userId}`;

// Read for every job submitted (who pays) and every own-key call.
const statements = perConnection((db) => {
  const byUser = eq(userKeys.userId, sql.placeholder('userId'));
  return {
    key: db
      .select({ ciphertext: userKeys.ciphertext, status: userKeys.status })
      .from(userKeys)
      .where(byUser)
      .prepare(),
    info: db
      .select({
        masked: userKeys.masked,
        status: userKeys.status,
        verifiedAt: userKeys.verifiedAt,
        linkedAt: userKeys.createdAt,
      })
      .from(userKeys)
      .where(byUser)
      .prepare(),
  };
});

export type LinkKeyResult =
  | { ok: true; masked: string }
  | { ok: false; reason: 'invalid_format' | 'unknown_user' };

/**
 * Stores (or replaces) a user's own key, encrypted. Verify it against the gateway first and pass
 * the time as `verifiedAt`. The bot must also delete the message that carried the key.
 */
export function linkKey(
  db: Db,
  box: KeyBox,
  userId: number,
  key: string,
  verifiedAt: number = Date.now(),
): LinkKeyResult {
  const clean = key.trim();
  if (!looksLikeGatewayKey(clean)) return { ok: false, reason: 'invalid_format' };
  if (!db.select({ id: users.id }).from(users).where(eq(users.id, userId)).get()) {
    return { ok: false, reason: 'unknown_user' };
  }
  const masked = maskKey(clean);
  const ciphertext = box.encrypt(clean, aadFor(userId));
  db.insert(userKeys)
    .values({ userId, ciphertext, masked, status: 'ok', verifiedAt, createdAt: verifiedAt })
    .onConflictDoUpdate({
      target: userKeys.userId,
      set: { ciphertext, masked, status: 'ok', verifiedAt, createdAt: verifiedAt },
    })
    .run();
  return { ok: true, masked };
}

/**
 * The plaintext key for the executor, or null when none is linked or it was marked invalid.
 * Throws KeyBoxError when the stored key can't be decrypted (the secret changed): the operator
 * must see that, not have every own-key user silently billed from their balance.
 */
export function getOwnKey(db: Db, box: KeyBox, userId: number): string | null {
  const row = statements(db).key.get({ userId });
  if (row?.status !== 'ok') return null;
  return box.decrypt(row.ciphertext, aadFor(userId));
}

export interface OwnKeyInfo {
  masked: string;
  status: 'ok' | 'invalid';
  verifiedAt: number;
  linkedAt: number;
}

/** What the bot may show: masked key and status, never the plaintext. */
export function getOwnKeyInfo(db: Db, userId: number): OwnKeyInfo | null {
  return statements(db).info.get({ userId }) ?? null;
}

/** Whether the user's own key is linked and working: then it, not the balance, pays. */
export function hasWorkingKey(db: Db, userId: number): boolean {
  return getOwnKeyInfo(db, userId)?.status === 'ok';
}

/** Removes the key; returns whether there was one. */
export function unlinkKey(db: Db, userId: number): boolean {
  return db.delete(userKeys).where(eq(userKeys.userId, userId)).run().changes > 0;
}

/**
 * Marks the key invalid after the gateway rejected it. Names the key that failed (with the box),
 * so a late 401 for an old key cannot flag the new key the user linked meanwhile.
 * Returns whether a key was marked.
 */
export function markKeyInvalid(
  db: Db,
  userId: number,
  failed: { box: KeyBox; key: string },
): boolean {
  return db.transaction(
    (tx) => {
      const row = tx
        .select({ ciphertext: userKeys.ciphertext, status: userKeys.status })
        .from(userKeys)
        .where(eq(userKeys.userId, userId))
        .get();
      if (!row || row.status === 'invalid') return false;
      let current: string;
      try {
        current = failed.box.decrypt(row.ciphertext, aadFor(userId));
      } catch {
        return false;
      }
      if (current !== failed.key.trim()) return false;
      tx.update(userKeys).set({ status: 'invalid' }).where(eq(userKeys.userId, userId)).run();
      return true;
    },
    { behavior: 'immediate' },
  );
}
