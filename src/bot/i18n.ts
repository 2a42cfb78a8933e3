import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { I18n } from '@grammyjs/i18n';
import {
  DEFAULT_LOCALE,
  isLocale,
  type Locale,
  pickLocale,
  type Translate,
  type TranslateIn,
} from '../accounts/locale.js';
import { getSettings } from '../accounts/users.js';
import type { BaseContext } from './context.js';

export {
  DEFAULT_LOCALE,
  isLocale,
  LANGUAGE_NAMES,
  LOCALES,
  type Locale,
  pickLocale,
  type Translate,
  type TranslateIn,
  type TranslateVars,
} from '../accounts/locale.js';

export const LOCALES_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'locales');

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

let shared: I18n<BaseContext> | undefined;

/** The one I18n instance: the middleware and every fixed-locale translator share its bundles. */
export function sharedI18n(): I18n<BaseContext> {
  shared ??= createI18n();
  return shared;
}

/**
 * Translations for a fixed locale, for text not addressed to the sender of the update: the
 * support chat (operator's language), answers shown to a user, conversations (whose contexts
 * never pass the i18n middleware, so they are entered with the reader's locale).
 */
export function translator(locale: string): Translate {
  const i18n = sharedI18n();
  return (key, vars) => i18n.t(locale, key, vars);
}

export const translateIn: TranslateIn = (locale, key, vars) => sharedI18n().t(locale, key, vars);
