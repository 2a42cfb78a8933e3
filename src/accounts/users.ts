import { desc, eq, gte, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { excluded, perConnection } from '../db/prepared.js';
import { users } from '../db/schema.js';
import {
  applySettingsPatch,
  type SettingsPatch,
  sanitizeSettings,
  type UserSettings,
} from './settings.js';

/** Fields of a Telegram `User` object (update.from) that we keep. */
export interface TelegramUserLike {
  id: number;
  /** Always set by Telegram; absent in odd or forged updates, stored as ''. */
  first_name?: string;
  last_name?: string;
  username?: string;
  language_code?: string;
}

export interface User {
  id: number;
  firstName: string;
  lastName: string | null;
  username: string | null;
  languageCode: string | null;
  /** Minor units. Read-only here: only billing/ledger.ts changes it. */
  balance: number;
  blockedBot: boolean;
  banned: boolean;
  settings: UserSettings;
  createdAt: number;
  lastSeenAt: number;
}

/** Created by the update at hand (or within the minute touchUser skips rewriting it). */
export const isFirstContact = (user: Pick<User, 'createdAt' | 'lastSeenAt'>): boolean =>
  user.createdAt === user.lastSeenAt;

/** last_seen is refreshed at most this often when nothing else changed. */
export const TOUCH_INTERVAL_MS = 60_000;

// settings is read as raw text: drizzle's JSON column would throw on a corrupt value, and one
// bad row must not lock a user out of the bot.
const columns = {
  id: users.id,
  firstName: users.firstName,
  lastName: users.lastName,
  username: users.username,
  languageCode: users.languageCode,
  balance: users.balance,
  blockedBot: users.blockedBot,
  banned: users.banned,
  settings: sql<string>`${users.settings}`,
  createdAt: users.createdAt,
  lastSeenAt: users.lastSeenAt,
};

type RawUser = Omit<User, 'settings'> & { settings: string };
const toUser = (row: RawUser): User => ({ ...row, settings: sanitizeSettings(row.settings) });

const clip = (s: string | undefined, max: number): string | null =>
  s === undefined || s === '' ? null : s.slice(0, max);

const placeholder = sql.placeholder;
const statements = perConnection((db) => ({
  byId: db
    .select(columns)
    .from(users)
    .where(eq(users.id, placeholder('id')))
    .prepare(),
  touch: db
    .insert(users)
    .values({
      id: placeholder('id'),
      firstName: placeholder('firstName'),
      lastName: placeholder('lastName'),
      username: placeholder('username'),
      languageCode: placeholder('languageCode'),
      createdAt: placeholder('now'),
      lastSeenAt: placeholder('now'),
    })
    .onConflictDoUpdate({
      target: users.id,
      set: {
        firstName: excluded(users.firstName),
        lastName: excluded(users.lastName),
        username: excluded(users.username),
        languageCode: excluded(users.languageCode),
        lastSeenAt: excluded(users.lastSeenAt),
        // unblock is 1 or 0 (SQLite binds no booleans).
        blockedBot: sql`${users.blockedBot} and not ${placeholder('unblock')}`,
      },
    })
    .returning(columns)
    .prepare(),
  settings: db
    .select({ settings: columns.settings })
    .from(users)
    .where(eq(users.id, placeholder('id')))
    .prepare(),
}));

export interface TouchOptions {
  now?: number;
  /**
   * The update came from the user's private chat with the bot, which proves they have not
   * blocked it: clears blocked_bot. Leave false for group messages (a user can block the bot
   * and still talk in a group where it is).
   */
  privateChat?: boolean;
}

/**
 * Records first contact or refreshes names/language/last_seen; call it for every update with a
 * `from`. It skips the write when nothing changed within TOUCH_INTERVAL_MS, so it costs one
 * indexed read most of the time.
 */
export function touchUser(db: Db, from: TelegramUserLike, options: TouchOptions = {}): User {
  const now = options.now ?? Date.now();
  const unblock = options.privateChat === true;
  const fields = {
    firstName: (from.first_name ?? '').slice(0, 256),
    lastName: clip(from.last_name, 256),
    username: clip(from.username, 64),
    languageCode: clip(from.language_code, 16),
  };
  const existing = getUser(db, from.id);
  if (
    existing &&
    !(unblock && existing.blockedBot) &&
    now - existing.lastSeenAt < TOUCH_INTERVAL_MS &&
    now >= existing.lastSeenAt &&
    existing.firstName === fields.firstName &&
    existing.lastName === fields.lastName &&
    existing.username === fields.username &&
    existing.languageCode === fields.languageCode
  ) {
    return existing;
  }
  const row = statements(db).touch.get({ id: from.id, ...fields, now, unblock: unblock ? 1 : 0 });
  if (!row) throw new Error(`touchUser: no row returned for user ${from.id}`);
  return toUser(row);
}

export function getUser(db: Db, userId: number): User | null {
  const row = statements(db).byId.get({ id: userId });
  return row ? toUser(row) : null;
}

/**
 * Admin lookup: `123456`, `@name`, `name` or `t.me/name`. Usernames are case-insensitive and may
 * have moved to another account, so the most recently seen holder wins.
 */
export function findUser(db: Db, query: string | number): User | null {
  if (typeof query === 'number') return getUser(db, query);
  const q = query.trim();
  if (/^\d{1,16}$/.test(q)) return getUser(db, Number(q));
  const name = q.replace(/^(?:https?:\/\/)?(?:t(?:elegram)?\.me\/)?@?/i, '');
  if (!/^[A-Za-z][A-Za-z0-9_]{2,63}$/.test(name)) return null;
  const row = db
    .select(columns)
    .from(users)
    .where(sql`lower(${users.username}) = ${name.toLowerCase()}`)
    .orderBy(desc(users.lastSeenAt))
    .get();
  return row ? toUser(row) : null;
}

/** Returns false when the user is unknown. */
export function setBanned(db: Db, userId: number, banned: boolean): boolean {
  return db.update(users).set({ banned }).where(eq(users.id, userId)).run().changes > 0;
}

/** Set on Telegram's 403 "bot was blocked by the user"; touchUser with privateChat clears it. */
export function setBlockedBot(db: Db, userId: number, blocked: boolean): boolean {
  return (
    db.update(users).set({ blockedBot: blocked }).where(eq(users.id, userId)).run().changes > 0
  );
}

/** The user's typed settings; `{}` for an unknown user or a corrupt row. */
export function getSettings(db: Db, userId: number): UserSettings {
  const row = statements(db).settings.get({ id: userId });
  return sanitizeSettings(row?.settings ?? '{}');
}

/**
 * Merges a patch (`null` clears a field) and returns the new settings. Read-modify-write in an
 * IMMEDIATE transaction, so two concurrent patches don't lose each other's fields.
 * Throws SettingsError for unknown keys or invalid values; returns null for an unknown user.
 */
export function updateSettings(db: Db, userId: number, patch: SettingsPatch): UserSettings | null {
  return db.transaction(
    (tx) => {
      const row = tx
        .select({ settings: columns.settings })
        .from(users)
        .where(eq(users.id, userId))
        .get();
      if (!row) return null;
      const next = applySettingsPatch(storedObject(row.settings), patch);
      tx.update(users).set({ settings: next }).where(eq(users.id, userId)).run();
      return sanitizeSettings(next);
    },
    { behavior: 'immediate' },
  );
}

function storedObject(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      return value as Record<string, unknown>;
    }
  } catch {
    // corrupt: start over from {}
  }
  return {};
}

export interface UserCounts {
  total: number;
  active24h: number;
  active7d: number;
  banned: number;
  blockedBot: number;
  withBalance: number;
}

/** For the admin stats screen. */
export function userCounts(db: Db, now: number = Date.now()): UserCounts {
  const day = 86_400_000;
  const count = (cond: ReturnType<typeof sql>) =>
    sql<number>`coalesce(sum(case when ${cond} then 1 else 0 end), 0)`;
  const row = db
    .select({
      total: sql<number>`count(*)`,
      active24h: count(sql`${users.lastSeenAt} >= ${now - day}`),
      active7d: count(sql`${users.lastSeenAt} >= ${now - 7 * day}`),
      banned: count(sql`${users.banned} = 1`),
      blockedBot: count(sql`${users.blockedBot} = 1`),
      withBalance: count(sql`${users.balance} > 0`),
    })
    .from(users)
    .get();
  return row ?? { total: 0, active24h: 0, active7d: 0, banned: 0, blockedBot: 0, withBalance: 0 };
}

/** Users active since a time, newest first (for admin lists). */
export function recentUsers(db: Db, since: number, limit = 20): User[] {
  return db
    .select(columns)
    .from(users)
    .where(gte(users.lastSeenAt, since))
    .orderBy(desc(users.lastSeenAt))
    .limit(Math.min(Math.max(Math.trunc(limit) || 1, 1), 100))
    .all()
    .map(toUser);
}
