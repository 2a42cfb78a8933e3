import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getUser, touchUser, updateSettings } from '../../../src/accounts/users.js';
import type { BaseContext } from '../../../src/bot/context.js';
import type { BotDeps } from '../../../src/bot/deps.js';
import { negotiateLocale, sharedI18n } from '../../../src/bot/i18n.js';
import { type TestDatabase, testDatabase } from '../../helpers/temp-db.js';

describe('negotiateLocale', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await testDatabase();
  });
  afterAll(() => t.cleanup());
  const from = (id: number, language_code?: string) => ({
    id,
    is_bot: false,
    first_name: 'X',
    ...(language_code ? { language_code } : {}),
  });
  const userOf = async (id: number) => (await getUser(t.db, id)) ?? undefined;

  it('the language chosen in /language wins over the Telegram app’s', async () => {
    await touchUser(t.db, from(1, 'en'));
    await updateSettings(t.db, 1, { locale: 'ru' });
    expect(negotiateLocale({ from: from(1, 'en'), user: await userOf(1) })).toBe('ru');
  });

  it('without a chosen (or with an unsupported) language, the app’s decides', async () => {
    await touchUser(t.db, from(2, 'ru-RU'));
    expect(negotiateLocale({ from: from(2, 'ru-RU'), user: await userOf(2) })).toBe('ru');
    await updateSettings(t.db, 2, { locale: 'de' });
    expect(negotiateLocale({ from: from(2, 'en'), user: await userOf(2) })).toBe('en');
    expect(negotiateLocale({ from: from(3), user: undefined })).toBe('en');
  });

  it('the i18n middleware reads the setting itself when the user middleware has not run', async () => {
    const ctx = { from: from(1, 'en'), deps: { database: t.db } as BotDeps } as BaseContext;
    let seen: string | undefined;
    await sharedI18n().middleware()(ctx, async () => {
      seen = ctx.i18n.getLocale();
    });
    expect(seen).toBe('ru');
  });
});
