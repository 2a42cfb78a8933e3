import type { I18n } from '@grammyjs/i18n';
import type { BaseContext } from '../context.js';
import { createI18n } from '../i18n.js';
import type { Translate } from '../money/render.js';

let shared: I18n<BaseContext> | undefined;

/**
 * A translate function for a fixed locale. Conversation contexts do not pass through the
 * outside middleware (so they have no `ctx.t` and no `ctx.user` to negotiate from): the
 * conversation is entered with the reader's locale and translates with this. The bundles are
 * loaded once, on first use.
 */
export function translator(locale: string): Translate {
  shared ??= createI18n();
  const i18n = shared;
  return (key, vars) => i18n.t(locale, key, vars);
}
