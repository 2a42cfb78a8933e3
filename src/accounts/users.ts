import { desc, eq, gte, sql } from 'drizzle-orm';
import { countAll, countWhere } from '../db/aggregates.js';
import type { Database } from '../db/engine.js';
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
const touchOn = (db: Database, unblock: boolean) =>
  db
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
        // Only a private chat clears it; elsewhere the flag stays as it is.
        ...(unblock ? { blockedBot: false } : {}),
      },
    })
    .returning(columns)
    .prepare();
// Every update reads its user: built once per handle, since drizzle's building of a query costs
// more than the query (getUser: 63 µs unprepared, of which 44 µs building).
const statements = perConnection((db: Database) => ({
  byId: db
    .select(columns)
    .from(users)
    .where(eq(users.id, placeholder('id')))
    .limit(1)
    .prepare(),
  touch: touchOn(db, false),
  touchUnblocking: touchOn(db, true),
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
export async function touchUser(
  db: Database,
  from: TelegramUserLike,
  options: TouchOptions = {},
): Promise<User> {
  const now = options.now ?? Date.now();
  const unblock = options.privateChat === true;
  const fields = {
    firstName: (from.first_name ?? '').slice(0, 256),
    lastName: clip(from.last_name, 256),
    username: clip(from.username, 64),
    languageCode: clip(from.language_code, 16),
  };
  const existing = await getUser(db, from.id);
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
  const { touch, touchUnblocking } = statements(db);
  const [row] = await (unblock ? touchUnblocking : touch).execute({ id: from.id, ...fields, now });
  if (!row) throw new Error(`touchUser: no row returned for user ${from.id}`);
  return toUser(row);
}

export async function getUser(db: Database, userId: number): Promise<User | null> {
  const [row] = await statements(db).byId.execute({ id: userId });
  return row ? toUser(row) : null;
}

/**
 * Admin lookup: `123456`, `@name`, `name` or `t.me/name`. Usernames are case-insensitive and may
 * have moved to another account, so the most recently seen holder wins.
 */
export async function findUser(db: Database, query: string | number): Promise<User | null> {
  if (typeof query === 'number') return getUser(db, query);
  const q = query.trim();
  if (/^\d{1,16}$/.test(q)) return getUser(db, Number(q));
  const name = q.replace(/^(?:https?:\/\/)?(?:t(?:elegram)?\.me\/)?@?/i, '');
  if (!/^[A-Za-z][A-Za-z0-9_]{2,63}$/.test(name)) return null;
  const [row] = await db
    .select(columns)
    .from(users)
    .where(sql`lower(${users.username}) = ${name.toLowerCase()}`)
    .orderBy(desc(users.lastSeenAt))
    .limit(1);
  return row ? toUser(row) : null;
}

/** Returns false when the user is unknown. */
export async function setBanned(db: Database, userId: number, banned: boolean): Promise<boolean> {
  const changed = await db
    .update(users)
    .set({ banned })
    .where(eq(users.id, userId))
    .returning({ id: users.id });
  return changed.length > 0;
}

/** Set on Telegram's 403 "bot was blocked by the user"; touchUser with privateChat clears it. */
export async function setBlockedBot(
  db: Database,
  userId: number,
  blocked: boolean,
): Promise<boolean> {
  const changed = await db
    .update(users)
    .set({ blockedBot: blocked })
    .where(eq(users.id, userId))
    .returning({ id: users.id });
  return changed.length > 0;
}

/** The user's typed settings; `{}` for an unknown user or a corrupt row. */
export async function getSettings(db: Database, userId: number): Promise<UserSettings> {
  const [row] = await db
    .select({ settings: columns.settings })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  return sanitizeSettings(row?.settings ?? '{}');
}

/**
 * Merges a patch (`null` clears a field) and returns the new settings, so two concurrent patches
 * don't lose each other's fields: the first statement is a no-op write that returns the row, which
 * locks it for the transaction on PostgreSQL (a concurrent patch waits and then reads this one's
 * result); SQLite's transaction holds the whole file anyway.
 * Throws SettingsError for unknown keys or invalid values; returns null for an unknown user.
 */
export function updateSettings(
  db: Database,
  userId: number,
  patch: SettingsPatch,
): Promise<UserSettings | null> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(users)
      .set({ settings: sql`${users.settings}` })
      .where(eq(users.id, userId))
      .returning({ settings: columns.settings });
    if (!row) return null;
    const next = applySettingsPatch(storedObject(row.settings), patch);
    await tx.update(users).set({ settings: next }).where(eq(users.id, userId));
    return sanitizeSettings(next);
  });
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
export async function userCounts(db: Database, now: number = Date.now()): Promise<UserCounts> {
  const day = 86_400_000;
  const [row] = await db
    .select({
      total: countAll(),
      active24h: countWhere(gte(users.lastSeenAt, now - day)),
      active7d: countWhere(gte(users.lastSeenAt, now - 7 * day)),
      // The columns themselves are the conditions: integers on SQLite, booleans on PostgreSQL.
      banned: countWhere(sql`${users.banned}`),
      blockedBot: countWhere(sql`${users.blockedBot}`),
      withBalance: countWhere(sql`${users.balance} > 0`),
    })
    .from(users);
  return row ?? { total: 0, active24h: 0, active7d: 0, banned: 0, blockedBot: 0, withBalance: 0 };
}

/** Users active since a time, newest first (for admin lists). */
export async function recentUsers(db: Database, since: number, limit = 20): Promise<User[]> {
  const rows = await db
    .select(columns)
    .from(users)
    .where(gte(users.lastSeenAt, since))
    .orderBy(desc(users.lastSeenAt))
    .limit(Math.min(Math.max(Math.trunc(limit) || 1, 1), 100));
  return rows.map(toUser);
}
