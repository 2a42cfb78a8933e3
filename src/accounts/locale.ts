/** The languages the bot speaks, and which one each user reads. */
import type { Db } from '../db/client.js';
import { getUser } from './users.js';

export const LOCALES = ['en', 'ru', 'zh'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

export type TranslateVars = Record<string, string | number>;
/** Text in a locale already chosen (the reader's). */
export type Translate = (key: string, vars?: TranslateVars) => string;
/** Text in any locale: for messages sent outside an update (deliveries, command menus). */
export type TranslateIn = (locale: Locale, key: string, vars?: TranslateVars) => string;

/**
 * Telegram's language_code → one of our locales: Russian for the languages whose users read it,
 * Simplified Chinese for every Chinese code (zh-hans, zh-cn, zh-sg; zh-hant, zh-tw, zh-hk read it
 * better than English).
 */
export function pickLocale(languageCode: string | undefined): Locale {
  const base = languageCode?.toLowerCase().split(/[-_]/)[0];
  if (base === 'ru' || base === 'be' || base === 'kk') return 'ru';
  if (base === 'zh') return 'zh';
  return DEFAULT_LOCALE;
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** The language a user chose in /language, else the one their Telegram app reports. */
export function userLocale(db: Db, userId: number): Locale {
  const user = getUser(db, userId);
  const chosen = user?.settings.locale;
  return isLocale(chosen) ? chosen : pickLocale(user?.languageCode ?? undefined);
}
