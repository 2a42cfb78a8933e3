import { afterEach, describe, expect, it } from 'vitest';
import { AuthDates, isSuperseded, REOPEN_GRACE_S } from '../../../src/miniapp/auth-dates.js';
import { INIT_DATA_MAX_AGE_S } from '../../../src/miniapp/init-data.js';
import { type TestDatabase, testDatabase } from '../../helpers/temp-db.js';

const T = 1_800_000_000;

describe('Mini App: superseded initData', () => {
  let t: TestDatabase | undefined;
  afterEach(async () => {
    await t?.cleanup();
    t = undefined;
  });
  async function store(now: () => number) {
    t = await testDatabase();
    return { t, dates: new AuthDates(t.db, now) };
  }

  it('refuses only what is older than the newest opening by more than the grace', () => {
    expect(isSuperseded(undefined, T)).toBe(false);
    expect(isSuperseded(T, T)).toBe(false);
    expect(isSuperseded(T, T - REOPEN_GRACE_S)).toBe(false);
    expect(isSuperseded(T, T - REOPEN_GRACE_S - 1)).toBe(true);
    expect(isSuperseded(T, T + 3600)).toBe(false);
  });

  it('remembers the newest opening per user, where another connection (instance) sees it', async () => {
    let now = T * 1000;
    const { t, dates } = await store(() => now);
    expect(await dates.admit(1, T - 3600)).toBe(true);
    // The same data again, before the user reopened: still fine.
    expect(await dates.admit(1, T - 3600)).toBe(true);
    expect(await dates.admit(1, T)).toBe(true);
    // The leaked older one now fails; another user is not affected.
    expect(await dates.admit(1, T - 3600)).toBe(false);
    expect(await dates.admit(2, T - 3600)).toBe(true);
    // A second device opened a minute before the newest keeps working, and does not roll back.
    expect(await dates.admit(1, T - 60)).toBe(true);
    expect(await dates.admit(1, T - REOPEN_GRACE_S - 60)).toBe(false);

    const other = await t.another();
    expect(await new AuthDates(other, () => now).admit(1, T - 3600)).toBe(false);

    // Kept as long as any initData lives: a day later everything older is expired anyway.
    now = (T + INIT_DATA_MAX_AGE_S + REOPEN_GRACE_S + 1) * 1000;
    expect(await dates.admit(1, T - 3600)).toBe(true);
  });
});
