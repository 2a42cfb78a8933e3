import type { Api } from 'grammy';
import type { BotCommand, LanguageCode } from 'grammy/types';
import type { Catalog } from '../catalog/index.js';
import type { Config } from '../config.js';
import { LOCALES, type Locale, type TranslateIn } from './i18n.js';
import { catalogHighlights } from './start/highlights.js';

/** Telegram takes two-letter ISO 639-1 codes for per-language menus and descriptions. */
const MENU_LANGUAGE: Record<Locale, LanguageCode> = {
  en: 'en',
  ru: 'ru',
  zh: 'zh',
  es: 'es',
  'pt-BR': 'pt',
  uk: 'uk',
};
const menuLanguage = (locale: Locale): LanguageCode => MENU_LANGUAGE[locale];

/**
 * The public command menu, in menu order, and where each command works: `private` ones only
 * answer "write to me privately" in a group, so the groups' menu leaves them out. Admin commands
 * are added per admin chat elsewhere.
 */
const MENU: ReadonlyArray<{ command: string; where: 'everywhere' | 'private' }> = [
  { command: 'imagine', where: 'everywhere' },
  { command: 'edit', where: 'everywhere' },
  { command: 'mj', where: 'everywhere' },
  { command: 'video', where: 'everywhere' },
  { command: 'settings', where: 'everywhere' },
  { command: 'models', where: 'everywhere' },
  { command: 'jobs', where: 'everywhere' },
  { command: 'gallery', where: 'everywhere' },
  { command: 'balance', where: 'private' },
  { command: 'topup', where: 'private' },
  { command: 'redeem', where: 'private' },
  { command: 'invite', where: 'private' },
  { command: 'key', where: 'private' },
  { command: 'support', where: 'private' },
  { command: 'paysupport', where: 'private' },
  { command: 'language', where: 'everywhere' },
  { command: 'help', where: 'everywhere' },
  { command: 'cancel', where: 'everywhere' },
  { command: 'terms', where: 'everywhere' },
];

export const PUBLIC_COMMANDS: readonly string[] = MENU.map((c) => c.command);

/** Commands users type that the menu does not list (deep links, Midjourney's extras). */
const UNLISTED = ['start', 'blend', 'describe'] as const;

export type MenuScope = 'private' | 'group';

/** What the operator switched on: /gallery is listed only with a Mini App. */
export interface MenuOptions {
  gallery: boolean;
}

export const menuOptions = (config: Pick<Config, 'MINI_APP_URL'>): MenuOptions => ({
  gallery: config.MINI_APP_URL !== undefined,
});

export function commandMenu(
  t: TranslateIn,
  locale: Locale,
  scope: MenuScope,
  options: MenuOptions,
): BotCommand[] {
  return MENU.filter(
    ({ command, where }) =>
      (scope === 'private' || where === 'everywhere') && (command !== 'gallery' || options.gallery),
  ).map(({ command }) => ({ command, description: t(locale, `cmd-${command}`) }));
}

/**
 * The menus per scope and language (the default scope is the private menu in English, for
 * clients whose language has no menu), and the profile texts: the description shown before
 * the first /start and the short one on the bot's page.
 */
export async function publishCommands(
  api: Api,
  t: TranslateIn,
  catalog: Catalog,
  options: MenuOptions,
): Promise<void> {
  // The description names what the catalog offers, like /start: a few brands, one per kind.
  const names = catalogHighlights(catalog, 2)
    .filter((h) => h.line !== 'edit')
    .flatMap((h) => h.names)
    .join(', ');
  await api.setMyCommands(commandMenu(t, 'en', 'private', options));
  for (const locale of LOCALES) {
    const language_code = menuLanguage(locale);
    await api.setMyCommands(commandMenu(t, locale, 'private', options), {
      scope: { type: 'all_private_chats' },
      language_code,
    });
    await api.setMyCommands(commandMenu(t, locale, 'group', options), {
      scope: { type: 'all_group_chats' },
      language_code,
    });
    await api.setMyDescription(t(locale, 'bot-description', { names }), { language_code });
    await api.setMyShortDescription(t(locale, 'bot-short-description'), { language_code });
  }
  await api.setMyDescription(t('en', 'bot-description', { names }));
  await api.setMyShortDescription(t('en', 'bot-short-description'));
}

/** Optimal string alignment distance: a typo (one wrong, missing, extra or swapped letter) is 1. */
function typoDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  const at = (i: number, j: number) => d[i]?.[j] ?? Number.POSITIVE_INFINITY;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, at(i - 2, j - 2) + 1);
      (d[i] as number[])[j] = best;
    }
  }
  return at(a.length, b.length);
}

/**
 * The command a mistyped one most likely meant ("imagien" → "imagine"), if any is close: one
 * typo for short names, two for names of six letters or more. Admins' commands count for admins.
 */
export function nearestCommand(typed: string, admin: boolean): string | undefined {
  const known: readonly string[] = [
    ...PUBLIC_COMMANDS,
    ...UNLISTED,
    ...(admin ? ADMIN_COMMANDS : []),
  ];
  const word = typed.toLowerCase();
  let best: { command: string; distance: number } | undefined;
  for (const command of known) {
    const distance = typoDistance(word, command);
    const allowed = command.length >= 6 ? 2 : 1;
    if (distance <= allowed && (!best || distance < best.distance)) best = { command, distance };
  }
  return best?.command;
}

/** Added to the menu of each admin's chat only; descriptions are `admin-cmd-<command>`. */
export const ADMIN_COMMANDS = [
  'stats',
  'broadcast',
  'ban',
  'unban',
  'reload',
  'codes',
  'credit',
  'user',
  'stars',
  'reconcile',
] as const;

export function adminCommandMenu(
  t: TranslateIn,
  locale: Locale,
  options: MenuOptions,
): BotCommand[] {
  return [
    ...commandMenu(t, locale, 'private', options),
    ...ADMIN_COMMANDS.map((command) => ({
      command,
      description: t(locale, `admin-cmd-${command}`),
    })),
  ];
}

/**
 * The admin menu, set per admin chat (BotCommandScopeChat) so nobody else sees it. An admin who
 * never opened the bot has no chat yet ("chat not found"): skipped and returned, the admin
 * feature publishes theirs on their first message.
 */
export async function publishAdminCommands(
  api: Api,
  adminIds: readonly number[],
  t: TranslateIn,
  options: MenuOptions,
): Promise<number[]> {
  const missed: number[] = [];
  for (const chatId of adminIds) {
    const scope = { type: 'chat' as const, chat_id: chatId };
    try {
      await api.setMyCommands(adminCommandMenu(t, 'en', options), { scope });
      for (const locale of LOCALES) {
        await api.setMyCommands(adminCommandMenu(t, locale, options), {
          scope,
          language_code: menuLanguage(locale),
        });
      }
    } catch {
      missed.push(chatId);
    }
  }
  return missed;
}
