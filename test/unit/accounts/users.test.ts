import { eq, sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SettingsError } from '../../../src/accounts/settings.js';
import {
  findUser,
  getSettings,
  getUser,
  recentUsers,
  setBanned,
  setBlockedBot,
  TOUCH_INTERVAL_MS,
  touchUser,
  updateSettings,
  userCounts,
} from '../../../src/accounts/users.js';
import type { Database } from '../../../src/db/engine.js';
import { users } from '../../../src/db/schema.js';
import { TEST_ENGINE, type TestDatabase, testDatabase } from '../../helpers/temp-db.js';

let t: TestDatabase;
let db: Database;
beforeEach(async () => {
  t = await testDatabase();
  db = t.db;
});
afterEach(() => t.cleanup());

const T0 = 1_800_000_000_000;
const ann = {
  id: 101,
  first_name: 'Ann',
  last_name: 'Lee',
  username: 'ann_lee',
  language_code: 'en',
};
// Written past the JSON column's mapping, as a hand edit or an older version would leave it.
const setRawSettings = (id: number, text: string) =>
  db
    .update(users)
    .set({ settings: sql`${text}` })
    .where(eq(users.id, id));
const setBalance = (id: number, balance: number) =>
  db.update(users).set({ balance }).where(eq(users.id, id));

describe('touchUser', async () => {
  it('creates the user on first contact', async () => {
    const u = await touchUser(db, ann, { now: T0 });
    expect(u).toEqual({
      id: 101,
      firstName: 'Ann',
      lastName: 'Lee',
      username: 'ann_lee',
      languageCode: 'en',
      balance: 0,
      blockedBot: false,
      banned: false,
      settings: {},
      createdAt: T0,
      lastSeenAt: T0,
    });
    expect(await getUser(db, 101)).toEqual(u);
    expect(await touchUser(db, { id: 5, first_name: '' }, { now: T0 })).toMatchObject({
      firstName: '',
      lastName: null,
      username: null,
      languageCode: null,
    });
  });

  it('skips the write inside the interval when nothing changed', async () => {
    await touchUser(db, ann, { now: T0 });
    expect((await touchUser(db, ann, { now: T0 + TOUCH_INTERVAL_MS - 1 })).lastSeenAt).toBe(T0);
    // Any write would have moved last_seen: the row still says T0.
    expect((await getUser(db, 101))?.lastSeenAt).toBe(T0);
    expect((await touchUser(db, ann, { now: T0 + TOUCH_INTERVAL_MS })).lastSeenAt).toBe(
      T0 + TOUCH_INTERVAL_MS,
    );
  });

  it('writes at once when names or language change, keeping created_at', async () => {
    await touchUser(db, ann, { now: T0 });
    const u = await touchUser(
      db,
      { ...ann, username: undefined, first_name: 'Anna', language_code: 'ru' },
      { now: T0 + 1000 },
    );
    expect(u).toMatchObject({
      firstName: 'Anna',
      username: null,
      languageCode: 'ru',
      createdAt: T0,
      lastSeenAt: T0 + 1000,
    });
  });

  it('clears blocked_bot only for a private-chat update, and never the ban', async () => {
    await touchUser(db, ann, { now: T0 });
    expect(await setBlockedBot(db, 101, true)).toBe(true);
    expect(await setBanned(db, 101, true)).toBe(true);
    expect(await getUser(db, 101)).toMatchObject({ blockedBot: true, banned: true });
    // A group message proves nothing about the private chat.
    expect(await touchUser(db, { ...ann, first_name: 'G' }, { now: T0 + 1 })).toMatchObject({
      blockedBot: true,
    });
    // Inside the throttle interval too: a private update must still clear the flag.
    expect(
      await touchUser(db, { ...ann, first_name: 'G' }, { now: T0 + 2, privateChat: true }),
    ).toMatchObject({
      blockedBot: false,
      banned: true,
    });
    expect(await setBanned(db, 101, false)).toBe(true);
    expect((await getUser(db, 101))?.banned).toBe(false);
    expect(await setBanned(db, 999, true)).toBe(false);
    expect(await setBlockedBot(db, 999, true)).toBe(false);
  });

  it('records a sender without first_name (odd or forged updates) under an empty name', async () => {
    expect(await touchUser(db, { id: 102 }, { now: T0 })).toMatchObject({ id: 102, firstName: '' });
    expect((await touchUser(db, { id: 102, first_name: 'Bo' }, { now: T0 + 1 })).firstName).toBe(
      'Bo',
    );
  });

  it('never overwrites the balance', async () => {
    await touchUser(db, ann, { now: T0 });
    await setBalance(101, 300);
    expect((await touchUser(db, { ...ann, first_name: 'X' }, { now: T0 + 1 })).balance).toBe(300);
  });
});

describe('findUser', async () => {
  beforeEach(async () => {
    await touchUser(db, ann, { now: T0 });
    await touchUser(db, { id: 202, first_name: 'Bob', username: 'BobTheBuilder' }, { now: T0 });
  });

  it('finds by id, @username, bare username or t.me link, case-insensitively', async () => {
    expect((await findUser(db, 101))?.id).toBe(101);
    expect((await findUser(db, '101'))?.id).toBe(101);
    expect((await findUser(db, '@ann_lee'))?.id).toBe(101);
    expect((await findUser(db, 'ANN_LEE'))?.id).toBe(101);
    expect((await findUser(db, ' @bobthebuilder '))?.id).toBe(202);
    expect((await findUser(db, 'https://t.me/BobTheBuilder'))?.id).toBe(202);
    expect((await findUser(db, 't.me/bobthebuilder'))?.id).toBe(202);
  });

  it('returns null for unknown or impossible names', async () => {
    for (const q of ['999', '@nobody', '', '@', 'a b', "x'; DROP TABLE users; --", '_ann']) {
      expect(await findUser(db, q), q).toBeNull();
    }
  });

  it('prefers the most recent holder of a username that moved', async () => {
    await touchUser(db, { id: 303, first_name: 'New', username: 'ann_lee' }, { now: T0 + 5000 });
    expect((await findUser(db, '@ann_lee'))?.id).toBe(303);
  });
});

describe('settings', async () => {
  beforeEach(async () => {
    await touchUser(db, ann, { now: T0 });
  });

  it('round-trips a patch; null clears a field', async () => {
    expect(await getSettings(db, 101)).toEqual({});
    expect(
      await updateSettings(db, 101, { imageModel: 'gpt-image-1', imageN: 2, videoDuration: 5 }),
    ).toEqual({ imageModel: 'gpt-image-1', imageN: 2, videoDuration: 5 });
    expect(await updateSettings(db, 101, { imageN: null, locale: 'ru' })).toEqual({
      imageModel: 'gpt-image-1',
      videoDuration: 5,
      locale: 'ru',
    });
    expect(await getSettings(db, 101)).toEqual({
      imageModel: 'gpt-image-1',
      videoDuration: 5,
      locale: 'ru',
    });
    expect((await getUser(db, 101))?.settings).toEqual(await getSettings(db, 101));
  });

  it('rejects unknown keys and invalid values without writing', async () => {
    await updateSettings(db, 101, { imageModel: 'a' });
    await expect(updateSettings(db, 101, { imageN: 0 })).rejects.toThrow(SettingsError);
    await expect(updateSettings(db, 101, { imageN: 2.5 })).rejects.toThrow(SettingsError);
    await expect(updateSettings(db, 101, { imageModel: '' })).rejects.toThrow(SettingsError);
    await expect(updateSettings(db, 101, { imageModel: 'x'.repeat(65) })).rejects.toThrow(
      SettingsError,
    );
    await expect(updateSettings(db, 101, { bogus: 1 } as never)).rejects.toThrow(SettingsError);
    expect(await getSettings(db, 101)).toEqual({ imageModel: 'a' });
  });

  it('falls back to {} for corrupt JSON, without breaking reads of the user', async () => {
    // PostgreSQL's jsonb takes no malformed text; JSON that is no object it does.
    const corrupt = ['null', '[1,2]', '"text"', '42'];
    for (const raw of TEST_ENGINE === 'sqlite' ? ['{bad', ...corrupt] : corrupt) {
      await setRawSettings(101, raw);
      expect(await getSettings(db, 101), raw).toEqual({});
      expect((await getUser(db, 101))?.settings, raw).toEqual({});
      expect((await touchUser(db, { ...ann, first_name: raw }, { now: T0 + 1 })).settings).toEqual(
        {},
      );
    }
    expect(await updateSettings(db, 101, { mjModel: 'mj' })).toEqual({ mjModel: 'mj' });
  });

  it('drops only the bad fields of a partly valid object and keeps unknown stored keys', async () => {
    await setRawSettings(
      101,
      JSON.stringify({ imageModel: 'ok', imageN: 'many', videoAspect: 16, future: { x: 1 } }),
    );
    expect(await getSettings(db, 101)).toEqual({ imageModel: 'ok' });
    await updateSettings(db, 101, { videoMode: 'fast' });
    const [row] = await db
      .select({ text: sql<string>`${users.settings}` })
      .from(users)
      .where(eq(users.id, 101));
    const stored = JSON.parse(row?.text ?? '{}');
    expect(stored.future).toEqual({ x: 1 });
    expect(await getSettings(db, 101)).toEqual({ imageModel: 'ok', videoMode: 'fast' });
  });

  it('answers {} / null for an unknown user', async () => {
    expect(await getSettings(db, 999)).toEqual({});
    expect(await updateSettings(db, 999, { locale: 'en' })).toBeNull();
  });
});

describe('admin views', async () => {
  it('counts users by activity and flags, and lists recent ones', async () => {
    const day = 86_400_000;
    await touchUser(db, { id: 1, first_name: 'a' }, { now: T0 });
    await touchUser(db, { id: 2, first_name: 'b' }, { now: T0 - 2 * day });
    await touchUser(db, { id: 3, first_name: 'c' }, { now: T0 - 30 * day });
    await setBanned(db, 3, true);
    await setBlockedBot(db, 2, true);
    await setBalance(1, 5);
    expect(await userCounts(db, T0)).toEqual({
      total: 3,
      active24h: 1,
      active7d: 2,
      banned: 1,
      blockedBot: 1,
      withBalance: 1,
    });
    expect((await recentUsers(db, T0 - 7 * day)).map((u) => u.id)).toEqual([1, 2]);
  });
});
