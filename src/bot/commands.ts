import type { Api } from 'grammy';
import type { BotCommand } from 'grammy/types';
import { LOCALES, type Locale } from './i18n.js';

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
  'redeem',
  'key',
  'support',
  'language',
  'help',
] as const;

export type Translate = (locale: Locale, key: string) => string;

export function commandMenu(t: Translate, locale: Locale): BotCommand[] {
  return PUBLIC_COMMANDS.map((command) => ({ command, description: t(locale, `cmd-${command}`) }));
}

/** Sets the menu once per language; the default scope uses English. */
export async function publishCommands(api: Api, t: Translate): Promise<void> {
  await api.setMyCommands(commandMenu(t, 'en'));
  for (const locale of LOCALES) {
    await api.setMyCommands(commandMenu(t, locale), { language_code: locale });
  }
}
