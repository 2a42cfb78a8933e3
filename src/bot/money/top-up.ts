/**
 * How a user tops up, from what the operator configured: a shop page, a contact who sells codes,
 * or nothing but /redeem. Never a default third party: only the operator can sell this bot's codes.
 */
import { InlineKeyboard } from 'grammy';
import type { Config } from '../../config.js';
import { escapeHtml } from '../format.js';
import type { Translate } from '../i18n.js';
import { callbackData } from '../transport/callback-data.js';

export const STARS_MENU_DATA = callbackData('st', 'menu');

/** The "⭐ Top up with Stars" button, where the operator sells Stars packs. */
export function starsButton(
  t: Translate,
  config: { starsPacks: readonly unknown[] },
): InlineKeyboard | undefined {
  if (config.starsPacks.length === 0) return undefined;
  return new InlineKeyboard().text(t('stars-button'), STARS_MENU_DATA);
}

export type TopUp = (
  | { kind: 'shop'; url: string }
  | { kind: 'contact'; contact: string }
  | { kind: 'redeem' }
) & {
  /** Telegram Stars packs are on sale (/topup). */
  stars?: boolean;
};

export function topUpOf(
  config: Pick<Config, 'BUY_CODES_URL' | 'SUPPORT_CONTACT'> & { starsPacks?: readonly unknown[] },
): TopUp {
  const stars = (config.starsPacks?.length ?? 0) > 0 ? { stars: true } : {};
  if (config.BUY_CODES_URL) return { kind: 'shop', url: config.BUY_CODES_URL, ...stars };
  if (config.SUPPORT_CONTACT) return { kind: 'contact', contact: config.SUPPORT_CONTACT, ...stars };
  return { kind: 'redeem', ...stars };
}

/** The "Top up:" lines, HTML: Stars first where they are sold, then codes. */
export function topUpLine(t: Translate, topUp: TopUp): string {
  const codes = codesLine(t, topUp);
  return topUp.stars ? `${t('balance-how-to-stars')}\n${codes}` : codes;
}

function codesLine(t: Translate, topUp: TopUp): string {
  switch (topUp.kind) {
    case 'shop':
      return t('balance-how-to-buy-link', { link: escapeHtml(topUp.url) });
    case 'contact':
      return t('balance-how-to-buy-contact', { contact: escapeHtml(topUp.contact) });
    case 'redeem':
      return t('balance-how-to-redeem');
  }
}
