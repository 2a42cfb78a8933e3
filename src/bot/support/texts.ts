import type { I18n } from '@grammyjs/i18n';
import type { Config } from '../../config.js';
import type { Db } from '../../db/client.js';
import type { BaseContext } from '../context.js';
import { createI18n, DEFAULT_LOCALE, type Locale } from '../i18n.js';
import { userLocale } from '../jobs/user-locale.js';

export type Vars = Record<string, string | number>;
export type LocaleTranslate = (key: string, vars?: Vars) => string;

let shared: I18n<BaseContext> | undefined;

/**
 * Translations for a fixed locale, for text that is not addressed to the sender of the update:
 * the support chat (operator's language), answers shown to a user, conversation replays (whose
 * contexts never pass the i18n middleware). Bundles load once, on first use.
 */
export function translateFor(locale: string): LocaleTranslate {
  shared ??= createI18n();
  const i18n = shared;
  return (key, vars) => i18n.t(locale, key, vars);
}

export const isAdmin = (config: Pick<Config, 'ADMIN_IDS'>, userId: number | undefined): boolean =>
  userId !== undefined && config.ADMIN_IDS.includes(userId);

/** The support chat speaks the first admin's language (English until they have used the bot). */
export function operatorLocale(db: Db, config: Pick<Config, 'ADMIN_IDS'>): Locale {
  const first = config.ADMIN_IDS[0];
  return first === undefined ? DEFAULT_LOCALE : userLocale(db, first);
}
