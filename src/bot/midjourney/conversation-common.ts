import type { I18n } from '@grammyjs/i18n';
import type { BaseContext } from '../context.js';
import { createI18n } from '../i18n.js';

/** How long a Midjourney conversation waits for the next answer before it is dropped. */
export const MJ_WAIT_MS = 10 * 60_000;

export type MjTranslate = (key: string, vars?: Record<string, string | number>) => string;

let bundles: I18n<BaseContext> | undefined;

/**
 * Translation for a fixed locale. The conversation is entered with the locale the outside
 * context negotiated (the user's choice included), which an inside context could not know.
 */
export function mjTranslator(locale: string): MjTranslate {
  bundles ??= createI18n();
  const i18n = bundles;
  return (key, vars) => i18n.t(locale, key, vars);
}
