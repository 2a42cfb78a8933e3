// Support, Telegram side. Its domain side (tickets, relay) is src/support.
import type { Api } from 'grammy';
import { userLocale } from '../../accounts/locale.js';
import type { Database } from '../../db/engine.js';
import { loadUserCard } from '../../support/card.js';
import { renderTicketHeader, topicName } from '../../support/header.js';
import { isChannelError } from '../../support/ports.js';
import { relayToSupport } from '../../support/relay.js';
import type { BaseContext } from '../context.js';
import { type Translate, translator } from '../i18n.js';
import { type ForumCache, TelegramSupportChannel } from './channel.js';
import { operatorLocale } from './texts.js';

/** A user may open or add to tickets this often; more is a flood, not a question. */
export const SUPPORT_RULE = { limit: 10, windowMs: 10 * 60_000 };

/** One forum cache per bot (per database), not per process: tests run several bots. */
const forumCaches = new WeakMap<Database, ForumCache>();

export function supportChannel(api: Api, db: Database): TelegramSupportChannel {
  const cache = forumCaches.get(db) ?? new Map();
  forumCaches.set(db, cache);
  return new TelegramSupportChannel(
    api,
    async (userId) => translator(await userLocale(db, userId))('support-button-reply'),
    cache,
  );
}

export type SupportSendResult =
  | { kind: 'sent'; ticketId: number; opened: boolean }
  | { kind: 'rate_limited' }
  | { kind: 'failed' }
  | { kind: 'unconfigured' };

/**
 * Relays one message of the sender's private chat to the support chat, with a header that says
 * who wrote it. Never throws: the caller tells the user what happened.
 */
export async function sendSupportMessage(
  ctx: BaseContext,
  messageId: number,
): Promise<SupportSendResult> {
  const { config, database, limiter } = ctx.deps;
  const chatId = config.SUPPORT_CHAT_ID;
  const userId = ctx.from?.id;
  if (chatId === undefined || userId === undefined) return { kind: 'unconfigured' };
  const decision = await limiter.hit(`support:${userId}`, SUPPORT_RULE);
  if (!decision.allowed) return { kind: 'rate_limited' };
  const card = await loadUserCard(ctx.deps, userId);
  if (!card) return { kind: 'failed' };
  const staffLocale = await operatorLocale(database, config);
  const t = translator(staffLocale);
  try {
    const result = await relayToSupport(
      { db: database, channel: supportChannel(ctx.api, database) },
      {
        supportChatId: chatId,
        userId,
        messageId,
        topicName: topicName(card),
        header: (ticket) =>
          renderTicketHeader(card, t, {
            ticketId: ticket.id,
            opened: ticket.opened,
            forum: ticket.forum,
            money: (amount) => ctx.deps.money(amount, staffLocale),
          }),
      },
    );
    return {
      kind: 'sent',
      ticketId: result.ticketId,
      opened: result.kind === 'sent' && result.opened,
    };
  } catch (err) {
    ctx.log.error(
      { err, unreachable: isChannelError(err, 'unreachable'), supportChat: chatId },
      'could not relay a message to the support chat',
    );
    return { kind: 'failed' };
  }
}

/** What the user reads after a send attempt. */
export function supportResultText(
  t: Translate,
  result: SupportSendResult,
  contact: string | undefined,
): string {
  switch (result.kind) {
    case 'sent':
      return t(result.opened ? 'support-sent' : 'support-sent-more', {
        ticket: String(result.ticketId),
      });
    case 'rate_limited':
      return t('support-rate-limited');
    case 'unconfigured':
      return contact ? t('support-contact', { contact }) : t('support-not-set-up');
    case 'failed':
      return contact ? t('support-failed', { contact }) : t('support-failed-no-contact');
  }
}
