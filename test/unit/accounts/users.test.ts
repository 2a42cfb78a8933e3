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
import { topUp } from '../../../src/billing/ledger.js';
import type { Db } from '../../../src/db/client.js';
import { tempDb } from '../../helpers/temp-db.js';

let db: Db;
let cleanup: () => void;
beforeEach(() => {
  ({ db, cleanup } = tempDb());
});
afterEach(() => cleanup());

const T0 = 1_800_000_000_000;
const ann = {
  id: 101,
  first_name: 'Ann',
  last_name: 'Lee',
  username: 'ann_lee',
  language_code: 'en',
};
const setRawSettings = (id: number, text: string) =>
  db.$client.prepare('UPDATE users SET settings = ? WHERE id = ?').run(text, id);

describe('touchUser', () => {
  it('creates the user on first contact', () => {
    const u = touchUser(db, ann, { now: T0 });
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
    expect(getUser(db, 101)).toEqual(u);
    expect(touchUser(db, { id: 5, first_name: '' }, { now: T0 })).toMatchObject({
      firstName: '',
      lastName: null,
      username: null,
      languageCode: null,
    });
  });

  it('skips the write inside the interval when nothing changed', () => {
    touchUser(db, ann, { now: T0 });
    const writes = () => db.$client.prepare('SELECT total_changes()').pluck().get();
    const before = writes();
    expect(touchUser(db, ann, { now: T0 + TOUCH_INTERVAL_MS - 1 }).lastSeenAt).toBe(T0);
    expect(writes()).toBe(before);
    expect(touchUser(db, ann, { now: T0 + TOUCH_INTERVAL_MS }).lastSeenAt).toBe(
      T0 + TOUCH_INTERVAL_MS,
    );
  });

  it('writes at once when names or language change, keeping created_at', () => {
    touchUser(db, ann, { now: T0 });
    const u = touchUser(
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

  it('clears blocked_bot only for a private-chat update, and never the ban', () => {
    touchUser(db, ann, { now: T0 });
    expect(setBlockedBot(db, 101, true)).toBe(true);
    expect(setBanned(db, 101, true)).toBe(true);
    expect(getUser(db, 101)).toMatchObject({ blockedBot: true, banned: true });
    // A group message proves nothing about the private chat.
    expect(touchUser(db, { ...ann, first_name: 'G' }, { now: T0 + 1 })).toMatchObject({
      blockedBot: true,
    });
    // Inside the throttle interval too: a private update must still clear the flag.
    expect(
      touchUser(db, { ...ann, first_name: 'G' }, { now: T0 + 2, privateChat: true }),
    ).toMatchObject({
      blockedBot: false,
      banned: true,
    });
    expect(setBanned(db, 101, false)).toBe(true);
    expect(getUser(db, 101)?.banned).toBe(false);
    expect(setBanned(db, 999, true)).toBe(false);
    expect(setBlockedBot(db, 999, true)).toBe(false);
  });

  it('records a sender without first_name (odd or forged updates) under an empty name', () => {
    expect(touchUser(db, { id: 102 }, { now: T0 })).toMatchObject({ id: 102, firstName: '' });
    expect(touchUser(db, { id: 102, first_name: 'Bo' }, { now: T0 + 1 }).firstName).toBe('Bo');
  });

  it('never overwrites the balance', () => {
    touchUser(db, ann, { now: T0 });
    topUp(db, { userId: 101, amount: 300, ref: 'pay:1' });
    expect(touchUser(db, { ...ann, first_name: 'X' }, { now: T0 + 1 }).balance).toBe(300);
  });
});

describe('findUser', () => {
  beforeEach(() => {
    touchUser(db, ann, { now: T0 });
    touchUser(db, { id: 202, first_name: 'Bob', username: 'BobTheBuilder' }, { now: T0 });
  });

  it('finds by id, @username, bare username or t.me link, case-insensitively', () => {
    expect(findUser(db, 101)?.id).toBe(101);
    expect(findUser(db, '101')?.id).toBe(101);
    expect(findUser(db, '@ann_lee')?.id).toBe(101);
    expect(findUser(db, 'ANN_LEE')?.id).toBe(101);
    expect(findUser(db, ' @bobthebuilder ')?.id).toBe(202);
    expect(findUser(db, 'https://t.me/BobTheBuilder')?.id).toBe(202);
    expect(findUser(db, 't.me/bobthebuilder')?.id).toBe(202);
  });

  it('returns null for unknown or impossible names', () => {
    for (const q of ['999', '@nobody', '', '@', 'a b', "x'; DROP TABLE users; --", '_ann']) {
      expect(findUser(db, q), q).toBeNull();
    }
  });

  it('prefers the most recent holder of a username that moved', () => {
    touchUser(db, { id: 303, first_name: 'New', username: 'ann_lee' }, { now: T0 + 5000 });
    expect(findUser(db, '@ann_lee')?.id).toBe(303);
  });
});

describe('settings', () => {
  beforeEach(() => {
    touchUser(db, ann, { now: T0 });
  });

  it('round-trips a patch; null clears a field', () => {
    expect(getSettings(db, 101)).toEqual({});
    expect(
      updateSettings(db, 101, { imageModel: 'gpt-image-1', imageN: 2, videoDuration: 5 }),
    ).toEqual({ imageModel: 'gpt-image-1', imageN: 2, videoDuration: 5 });
    expect(updateSettings(db, 101, { imageN: null, locale: 'ru' })).toEqual({
      imageModel: 'gpt-image-1',
      videoDuration: 5,
      locale: 'ru',
    });
    expect(getSettings(db, 101)).toEqual({
      imageModel: 'gpt-image-1',
      videoDuration: 5,
      locale: 'ru',
    });
    expect(getUser(db, 101)?.settings).toEqual(getSettings(db, 101));
  });

  it('rejects unknown keys and invalid values without writing', () => {
    updateSettings(db, 101, { imageModel: 'a' });
    expect(() => updateSettings(db, 101, { imageN: 0 })).toThrow(SettingsError);
    expect(() => updateSettings(db, 101, { imageN: 2.5 })).toThrow(SettingsError);
    expect(() => updateSettings(db, 101, { imageModel: '' })).toThrow(SettingsError);
    expect(() => updateSettings(db, 101, { imageModel: 'x'.repeat(65) })).toThrow(SettingsError);
    expect(() => updateSettings(db, 101, { bogus: 1 } as never)).toThrow(SettingsError);
    expect(getSettings(db, 101)).toEqual({ imageModel: 'a' });
  });

  it('falls back to {} for corrupt JSON, without breaking reads of the user', () => {
    for (const raw of ['{bad', 'null', '[1,2]', '"text"', '42']) {
      setRawSettings(101, raw);
      expect(getSettings(db, 101), raw).toEqual({});
      expect(getUser(db, 101)?.settings, raw).toEqual({});
      expect(touchUser(db, { ...ann, first_name: raw }, { now: T0 + 1 }).settings).toEqual({});
    }
    expect(updateSettings(db, 101, { mjModel: 'mj' })).toEqual({ mjModel: 'mj' });
  });

  it('drops only the bad fields of a partly valid object and keeps unknown stored keys', () => {
    setRawSettings(
      101,
      JSON.stringify({ imageModel: 'ok', imageN: 'many', videoAspect: 16, future: { x: 1 } }),
    );
    expect(getSettings(db, 101)).toEqual({ imageModel: 'ok' });
    updateSettings(db, 101, { videoMode: 'fast' });
    const stored = JSON.parse(
      db.$client.prepare('SELECT settings FROM users WHERE id = 101').pluck().get() as string,
    );
    expect(stored.future).toEqual({ x: 1 });
    expect(getSettings(db, 101)).toEqual({ imageModel: 'ok', videoMode: 'fast' });
  });

  it('answers {} / null for an unknown user', () => {
    expect(getSettings(db, 999)).toEqual({});
    expect(updateSettings(db, 999, { locale: 'en' })).toBeNull();
  });
});

describe('admin views', () => {
  it('counts users by activity and flags, and lists recent ones', () => {
    const day = 86_400_000;
    touchUser(db, { id: 1, first_name: 'a' }, { now: T0 });
    touchUser(db, { id: 2, first_name: 'b' }, { now: T0 - 2 * day });
    touchUser(db, { id: 3, first_name: 'c' }, { now: T0 - 30 * day });
    setBanned(db, 3, true);
    setBlockedBot(db, 2, true);
    topUp(db, { userId: 1, amount: 5, ref: 'pay:1' });
    expect(userCounts(db, T0)).toEqual({
      total: 3,
      active24h: 1,
      active7d: 2,
      banned: 1,
      blockedBot: 1,
      withBalance: 1,
    });
    expect(recentUsers(db, T0 - 7 * day).map((u) => u.id)).toEqual([1, 2]);
  });
});
