import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { I18n } from '@grammyjs/i18n';
import { getSettings } from '../accounts/users.js';
import type { BaseContext } from './context.js';

export const LOCALES = ['en', 'ru'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

export const LOCALES_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'locales');

/** Telegram's language_code → one of our locales (Russian for the languages whose users read it). */
export function pickLocale(languageCode: string | undefined): Locale {
  const base = languageCode?.toLowerCase().split('-')[0];
  return base === 'ru' || base === 'be' || base === 'kk' ? 'ru' : DEFAULT_LOCALE;
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/**
 * The language chosen in /language, else the Telegram app's. The user middleware normally runs
 * first and sets `ctx.user`; without it (i18n installed earlier) the setting is read directly.
 */
export function negotiateLocale(ctx: Pick<BaseContext, 'from' | 'user' | 'deps'>): Locale {
  let chosen: unknown;
  if (ctx.user) chosen = ctx.user.settings.locale;
  else if (ctx.from && ctx.deps !== undefined)
    chosen = getSettings(ctx.deps.db, ctx.from.id).locale;
  return isLocale(chosen) ? chosen : pickLocale(ctx.from?.language_code);
}

export function createI18n(
  negotiate: (ctx: BaseContext) => string | undefined = negotiateLocale,
): I18n<BaseContext> {
  return new I18n<BaseContext>({
    defaultLocale: DEFAULT_LOCALE,
    directory: LOCALES_DIR,
    useSession: false,
    // Unicode isolation marks around placeables show up as garbage in some Telegram clients.
    fluentBundleOptions: { useIsolating: false },
    localeNegotiator: negotiate,
  });
}
