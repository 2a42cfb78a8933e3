import { afterAll, describe, expect, it } from 'vitest';
import { getUser, touchUser, updateSettings } from '../../../src/accounts/users.js';
import type { BotDeps } from '../../../src/bot/deps.js';
import { negotiateLocale } from '../../../src/bot/i18n.js';
import { tempDb } from '../../helpers/temp-db.js';

describe('negotiateLocale', () => {
  const { db, cleanup } = tempDb();
  afterAll(cleanup);
  const deps = { db } as BotDeps;
  const from = (id: number, language_code?: string) => ({
    id,
    is_bot: false,
    first_name: 'X',
    ...(language_code ? { language_code } : {}),
  });

  it('the language chosen in /language wins over the Telegram app’s', () => {
    touchUser(db, from(1, 'en'));
    updateSettings(db, 1, { locale: 'ru' });
    const user = getUser(db, 1) ?? undefined;
    expect(negotiateLocale({ from: from(1, 'en'), user, deps })).toBe('ru');
  });

  it('without a chosen (or with an unsupported) language, the app’s decides', () => {
    touchUser(db, from(2, 'ru-RU'));
    expect(
      negotiateLocale({ from: from(2, 'ru-RU'), user: getUser(db, 2) ?? undefined, deps }),
    ).toBe('ru');
    updateSettings(db, 2, { locale: 'de' });
    expect(negotiateLocale({ from: from(2, 'en'), user: getUser(db, 2) ?? undefined, deps })).toBe(
      'en',
    );
    expect(negotiateLocale({ from: from(3), user: undefined, deps })).toBe('en');
  });

  it('reads the setting itself when the user middleware has not run', () => {
    expect(negotiateLocale({ from: from(1, 'en'), user: undefined, deps })).toBe('ru');
  });
});
