/** The languages the bot speaks, and which one each user reads. */
import type { Database } from '../db/engine.js';
import { getUser } from './users.js';

export const LOCALES = ['en', 'ru', 'zh', 'es', 'pt-BR', 'uk'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

/** Each language under its own name (what /language shows, whatever the reader's locale). */
export const LANGUAGE_NAMES: Record<Locale, string> = {
  en: '🇬🇧 English',
  ru: '🇷🇺 Русский',
  zh: '🇨🇳 中文',
  es: '🇪🇸 Español',
  'pt-BR': '🇧🇷 Português',
  uk: '🇺🇦 Українська',
};

export type TranslateVars = Record<string, string | number>;
/** Text in a locale already chosen (the reader's). */
export type Translate = (key: string, vars?: TranslateVars) => string;
/** Text in any locale: for messages sent outside an update (deliveries, command menus). */
export type TranslateIn = (locale: Locale, key: string, vars?: TranslateVars) => string;

/** Telegram's base language code → our locale, where it is not the code itself. */
const NEAREST: Record<string, Locale> = {
  // Belarusian and Kazakh users commonly read Russian.
  be: 'ru',
  kk: 'ru',
  // Every Chinese code (zh-hans, zh-cn, zh-sg; zh-hant, zh-tw, zh-hk read it better than English).
  zh: 'zh',
  // European Portuguese readers understand Brazilian Portuguese; better than English.
  pt: 'pt-BR',
  // Catalan and Galician speakers read Spanish.
  ca: 'es',
  gl: 'es',
};

/** Telegram's language_code (`ru`, `pt-br`, `zh-hans`) → one of our locales. */
export function pickLocale(languageCode: string | undefined): Locale {
  const base = languageCode?.toLowerCase().split(/[-_]/)[0] ?? '';
  return NEAREST[base] ?? (isLocale(base) ? base : DEFAULT_LOCALE);
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/**
 * The language a user chose in /language, else the one their Telegram app reports: `appLanguage`
 * when the caller has it fresh (a Mini App's initData), else the one stored at their last update.
 */
export async function userLocale(
  db: Database,
  userId: number,
  appLanguage?: string,
): Promise<Locale> {
  const user = await getUser(db, userId);
  const chosen = user?.settings.locale;
  return isLocale(chosen) ? chosen : pickLocale(appLanguage ?? user?.languageCode ?? undefined);
}
