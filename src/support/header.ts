// Support, domain side (tickets, relay; no grammY). Its Telegram side is src/bot/support.
/**
 * The header an operator sees above a user's support message. Pure: translations and money
 * formatting come in as functions, so it is tested without Telegram or fluent files.
 */

import type { Translate } from '../accounts/locale.js';
import type { UserCard } from './card.js';

/** Telegram's topic-name limit. */
export const TOPIC_NAME_MAX = 128;
const ERROR_MAX = 300;

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

export function displayName(card: Pick<UserCard, 'firstName' | 'lastName' | 'id'>): string {
  const name = [card.firstName, card.lastName].filter(Boolean).join(' ').trim();
  return name || `#${card.id}`;
}

/** `Ann Lee @ann · 123456`, cut to Telegram's limit; the id keeps topics of namesakes apart. */
export function topicName(card: UserCard): string {
  const tail = `${card.username ? ` @${card.username}` : ''} · ${card.id}`;
  const name = clip(displayName(card), Math.max(1, TOPIC_NAME_MAX - [...tail].length));
  return clip(`${name}${tail}`, TOPIC_NAME_MAX);
}

/** UTC, minutes: the same for every operator whatever their time zone. */
export function formatUtc(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

export interface HeaderOptions {
  ticketId: number;
  /** First message of the ticket (shows the hint on how to answer). */
  opened: boolean;
  forum: boolean;
  money(amount: number): string;
}

export function renderTicketHeader(card: UserCard, t: Translate, o: HeaderOptions): string {
  const lines: string[] = [];
  // Ids go in as strings: fluent would group their digits like amounts (500,000,002).
  lines.push(
    t(o.opened ? 'support-header-new' : 'support-header-more', { ticket: String(o.ticketId) }),
  );
  lines.push(
    t('support-header-user', {
      name: `<a href="tg://user?id=${card.id}">${escapeHtml(displayName(card))}</a>`,
      id: String(card.id),
      username: card.username ? `@${escapeHtml(card.username)}` : '—',
      language: escapeHtml(card.languageCode ?? '—'),
    }),
  );
  lines.push(t('support-header-balance', { balance: escapeHtml(o.money(card.balance)) }));
  if (card.banned) lines.push(t('support-header-banned'));
  if (card.blockedBot) lines.push(t('support-header-blocked'));
  const job = card.lastJob;
  if (!job) {
    lines.push(t('support-header-no-jobs'));
  } else {
    lines.push(
      t('support-header-last-job', {
        job: escapeHtml(job.id),
        family: escapeHtml(job.family),
        model: escapeHtml(job.model),
        status: escapeHtml(job.status),
        when: formatUtc(job.createdAt),
      }),
    );
    if (job.errorCode || job.errorMessage) {
      lines.push(
        t('support-header-last-error', {
          code: escapeHtml(job.errorCode ?? '—'),
          message: escapeHtml(clip(job.errorMessage ?? '—', ERROR_MAX)),
        }),
      );
    }
  }
  // /paysupport: the operator needs the charge ids to look a payment up or refund it.
  for (const p of card.starPayments ?? []) {
    lines.push(
      t(p.status === 'refunded' ? 'support-header-stars-refunded' : 'support-header-stars', {
        stars: p.stars,
        charge: escapeHtml(p.chargeId),
        when: formatUtc(p.createdAt),
      }),
    );
  }
  if (o.opened)
    lines.push('', t(o.forum ? 'support-header-hint-forum' : 'support-header-hint-group'));
  return lines.join('\n');
}
