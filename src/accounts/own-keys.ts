import { and, eq } from 'drizzle-orm';
import type { Database } from '../db/engine.js';
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

export type LinkKeyResult =
  | { ok: true; masked: string }
  | { ok: false; reason: 'invalid_format' | 'unknown_user' };

/**
 * Stores (or replaces) a user's own key, encrypted. Verify it against the gateway first and pass
 * the time as `verifiedAt`. The bot must also delete the message that carried the key.
 */
export async function linkKey(
  db: Database,
  box: KeyBox,
  userId: number,
  key: string,
  verifiedAt: number = Date.now(),
): Promise<LinkKeyResult> {
  const clean = key.trim();
  if (!looksLikeGatewayKey(clean)) return { ok: false, reason: 'invalid_format' };
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.id, userId)).limit(1);
  if (!user) return { ok: false, reason: 'unknown_user' };
  const masked = maskKey(clean);
  const ciphertext = box.encrypt(clean, aadFor(userId));
  await db
    .insert(userKeys)
    .values({ userId, ciphertext, masked, status: 'ok', verifiedAt, createdAt: verifiedAt })
    .onConflictDoUpdate({
      target: userKeys.userId,
      set: { ciphertext, masked, status: 'ok', verifiedAt, createdAt: verifiedAt },
    });
  return { ok: true, masked };
}

/**
 * The plaintext key for the executor, or null when none is linked or it was marked invalid.
 * Throws KeyBoxError when the stored key can't be decrypted (the secret changed): the operator
 * must see that, not have every own-key user silently billed from their balance.
 */
export async function getOwnKey(db: Database, box: KeyBox, userId: number): Promise<string | null> {
  const [row] = await db
    .select({ ciphertext: userKeys.ciphertext, status: userKeys.status })
    .from(userKeys)
    .where(eq(userKeys.userId, userId))
    .limit(1);
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
export async function getOwnKeyInfo(db: Database, userId: number): Promise<OwnKeyInfo | null> {
  const [row] = await db
    .select({
      masked: userKeys.masked,
      status: userKeys.status,
      verifiedAt: userKeys.verifiedAt,
      linkedAt: userKeys.createdAt,
    })
    .from(userKeys)
    .where(eq(userKeys.userId, userId))
    .limit(1);
  return row ?? null;
}

/** Whether the user's own key is linked and working: then it, not the balance, pays. */
export async function hasWorkingKey(db: Database, userId: number): Promise<boolean> {
  return (await getOwnKeyInfo(db, userId))?.status === 'ok';
}

/** Removes the key; returns whether there was one. */
export async function unlinkKey(db: Database, userId: number): Promise<boolean> {
  const removed = await db
    .delete(userKeys)
    .where(eq(userKeys.userId, userId))
    .returning({ userId: userKeys.userId });
  return removed.length > 0;
}

/**
 * Marks the key invalid after the gateway rejected it. Names the key that failed (with the box),
 * so a late 401 for an old key cannot flag the new key the user linked meanwhile: the update
 * names the ciphertext that was checked, so a key linked between the read and the write stays.
 * Returns whether a key was marked.
 */
export async function markKeyInvalid(
  db: Database,
  userId: number,
  failed: { box: KeyBox; key: string },
): Promise<boolean> {
  const [row] = await db
    .select({ ciphertext: userKeys.ciphertext, status: userKeys.status })
    .from(userKeys)
    .where(eq(userKeys.userId, userId))
    .limit(1);
  if (!row || row.status === 'invalid') return false;
  let current: string;
  try {
    current = failed.box.decrypt(row.ciphertext, aadFor(userId));
  } catch {
    return false;
  }
  if (current !== failed.key.trim()) return false;
  const marked = await db
    .update(userKeys)
    .set({ status: 'invalid' })
    .where(
      and(
        eq(userKeys.userId, userId),
        eq(userKeys.ciphertext, row.ciphertext),
        eq(userKeys.status, 'ok'),
      ),
    )
    .returning({ userId: userKeys.userId });
  return marked.length > 0;
}
