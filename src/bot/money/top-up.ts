/**
 * How a user tops up, from what the operator configured: a shop page, a contact who sells codes,
 * or nothing but /redeem. Never a default third party: only the operator can sell this bot's codes.
 */
import type { Config } from '../../config.js';
import { escapeHtml } from '../format.js';
import type { Translate } from '../i18n.js';

export type TopUp =
  | { kind: 'shop'; url: string }
  | { kind: 'contact'; contact: string }
  | { kind: 'redeem' };

export function topUpOf(config: Pick<Config, 'BUY_CODES_URL' | 'SUPPORT_CONTACT'>): TopUp {
  if (config.BUY_CODES_URL) return { kind: 'shop', url: config.BUY_CODES_URL };
  if (config.SUPPORT_CONTACT) return { kind: 'contact', contact: config.SUPPORT_CONTACT };
  return { kind: 'redeem' };
}

/** The "Top up:" line, HTML. */
export function topUpLine(t: Translate, topUp: TopUp): string {
  switch (topUp.kind) {
    case 'shop':
      return t('balance-how-to-buy-link', { link: escapeHtml(topUp.url) });
    case 'contact':
      return t('balance-how-to-buy-contact', { contact: escapeHtml(topUp.contact) });
    case 'redeem':
      return t('balance-how-to-redeem');
  }
}
