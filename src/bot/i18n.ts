import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FluentBundle, FluentResource } from '@fluent/bundle';
import type { MiddlewareFn, MiddlewareObj } from 'grammy';
import {
  DEFAULT_LOCALE,
  isLocale,
  type Locale,
  pickLocale,
  type Translate,
  type TranslateIn,
  type TranslateVars,
} from '../accounts/locale.js';
import type { UserSettings } from '../accounts/settings.js';
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

/** What the i18n middleware adds to a context: `t` in the reader's language, and that language. */
export interface I18nFlavor {
  t: Translate;
  i18n: {
    /** The reader's locale, negotiated on first use (a /help that never asks reads no setting). */
    getLocale(): Locale;
    /** For the rest of this update (a language just chosen in /language). */
    useLocale(locale: Locale): void;
  };
}

/**
 * The language chosen in /language, else the Telegram app's. The user middleware normally runs
 * first and sets `ctx.user`; without it (it skips bots) `stored` is the sender's settings, which
 * the i18n middleware reads then.
 */
export function negotiateLocale(
  ctx: Pick<BaseContext, 'from' | 'user'>,
  stored: UserSettings | undefined = ctx.user?.settings,
): Locale {
  const chosen = stored?.locale;
  return isLocale(chosen) ? chosen : pickLocale(ctx.from?.language_code);
}

/**
 * The bot's Fluent messages (one folder of .ftl files per locale), each locale's bundle built
 * the first time it is read, and the middleware that gives every update `ctx.t`. Fluent itself
 * (Mozilla's @fluent/bundle) formats; this only loads files and picks the bundle, which is all
 * that grammY's i18n plugin did for us, without the Deno shim it brings (120 files at start).
 */
export class Translations implements MiddlewareObj<BaseContext> {
  private readonly bundles = new Map<Locale, FluentBundle>();

  constructor(
    private readonly directory: string = LOCALES_DIR,
    private readonly negotiate: (
      ctx: BaseContext,
      stored?: UserSettings,
    ) => Locale = negotiateLocale,
  ) {}

  /** `key` in `locale`, else in the default locale, else `{key}` (a test catches those). */
  t(locale: string, key: string, vars?: TranslateVars): string {
    const wanted = isLocale(locale) ? locale : DEFAULT_LOCALE;
    for (const candidate of wanted === DEFAULT_LOCALE ? [wanted] : [wanted, DEFAULT_LOCALE]) {
      const bundle = this.bundle(candidate);
      const pattern = bundle.getMessage(key)?.value;
      if (pattern) return bundle.formatPattern(pattern, vars);
    }
    return `{${key}}`;
  }

  middleware(): MiddlewareFn<BaseContext> {
    return async (ctx, next) => {
      // Without ctx.user (the user middleware skips bots, or runs later) the settings are read
      // here, once; otherwise a /help that never asks reads nothing.
      const stored =
        ctx.user === undefined && ctx.from && ctx.deps !== undefined
          ? await getSettings(ctx.deps.database, ctx.from.id)
          : undefined;
      let locale: Locale | undefined;
      const current = () => {
        locale ??= this.negotiate(ctx, stored ?? ctx.user?.settings);
        return locale;
      };
      ctx.i18n = {
        getLocale: current,
        useLocale: (chosen) => {
          locale = chosen;
        },
      };
      ctx.t = (key, vars) => this.t(current(), key, vars);
      return next();
    };
  }

  private bundle(locale: Locale): FluentBundle {
    let bundle = this.bundles.get(locale);
    if (bundle) return bundle;
    // Unicode isolation marks around placeables show up as garbage in some Telegram clients.
    bundle = new FluentBundle(locale, { useIsolating: false });
    const folder = path.join(this.directory, locale);
    for (const file of fs
      .readdirSync(folder)
      .filter((f) => f.endsWith('.ftl'))
      .sort()) {
      const resource = new FluentResource(fs.readFileSync(path.join(folder, file), 'utf8'));
      const errors = bundle.addResource(resource);
      if (errors.length > 0)
        throw new Error(`${locale}/${file}: ${errors.map((e) => e.message).join('; ')}`);
    }
    this.bundles.set(locale, bundle);
    return bundle;
  }
}

let shared: Translations | undefined;

/** The one instance: the middleware and every fixed-locale translator share its bundles. */
export function sharedI18n(): Translations {
  shared ??= new Translations();
  return shared;
}

/** A separate instance, with bundles of its own (tests). */
export function createI18n(): Translations {
  return new Translations();
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
