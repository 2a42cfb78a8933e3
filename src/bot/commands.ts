import type { Api } from 'grammy';
import type { BotCommand, LanguageCode } from 'grammy/types';
import { LOCALES, type Locale, type TranslateIn } from './i18n.js';

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

/** The public command menu, in menu order. Admin commands are added per admin chat elsewhere. */
export const PUBLIC_COMMANDS = [
  'imagine',
  'edit',
  'mj',
  'video',
  'settings',
  'models',
  'jobs',
  'balance',
  'topup',
  'redeem',
  'invite',
  'key',
  'support',
  'paysupport',
  'language',
  'help',
  'terms',
] as const;

export function commandMenu(t: TranslateIn, locale: Locale): BotCommand[] {
  return PUBLIC_COMMANDS.map((command) => ({ command, description: t(locale, `cmd-${command}`) }));
}

/** Sets the menu once per language; the default scope uses English. */
export async function publishCommands(api: Api, t: TranslateIn): Promise<void> {
  await api.setMyCommands(commandMenu(t, 'en'));
  for (const locale of LOCALES) {
    await api.setMyCommands(commandMenu(t, locale), { language_code: menuLanguage(locale) });
  }
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

export function adminCommandMenu(t: TranslateIn, locale: Locale): BotCommand[] {
  return [
    ...commandMenu(t, locale),
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
): Promise<number[]> {
  const missed: number[] = [];
  for (const chatId of adminIds) {
    const scope = { type: 'chat' as const, chat_id: chatId };
    try {
      await api.setMyCommands(adminCommandMenu(t, 'en'), { scope });
      for (const locale of LOCALES) {
        await api.setMyCommands(adminCommandMenu(t, locale), {
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
