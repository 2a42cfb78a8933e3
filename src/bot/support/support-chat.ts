// Support, Telegram side. Its domain side (tickets, relay) is src/support.

import type { Message } from 'grammy/types';
import { userLocale } from '../../accounts/locale.js';
import { setBlockedBot } from '../../accounts/users.js';
import {
  closeTicket,
  findTarget,
  relayToUser,
  type SupportChatMessage,
} from '../../support/relay.js';
import { Composer } from '../composer.js';
import type { BotContext } from '../context.js';
import { translator } from '../i18n.js';
import { replyParams } from '../transport/reply-params.js';
import { isUnreachable } from '../transport/telegram-errors.js';
import { supportChannel } from './send.js';
import type { StaffVerdict } from './staff.js';

/**
 * The operator's support chat. Whatever staff write in a user's topic, or as a reply to a
 * ticket message, is copied to that user; /close ends a ticket. Commands other than /close
 * pass on (admin commands work here); nothing else in this chat reaches other features.
 */
export const supportChatFeature = new Composer<BotContext>();

const inSupportChat = supportChatFeature.filter(
  (ctx) =>
    ctx.deps.config.SUPPORT_CHAT_ID !== undefined &&
    ctx.chat?.id === ctx.deps.config.SUPPORT_CHAT_ID,
);

/** A message starting with this stays in the support chat (notes between staff). */
export const NOTE_PREFIX = '//';

/** Where a support-chat message points; a topic's root service message is not a reply target. */
export function locate(m: Message): SupportChatMessage {
  const target = m.reply_to_message;
  const isRoot =
    target !== undefined &&
    (target.forum_topic_created !== undefined || target.message_id === m.message_thread_id);
  return {
    chatId: m.chat.id,
    messageId: m.message_id,
    ...(m.is_topic_message && m.message_thread_id !== undefined
      ? { threadId: m.message_thread_id }
      : {}),
    ...(target && !isRoot ? { replyToMessageId: target.message_id } : {}),
  };
}

const isService = (m: Message) =>
  m.text === undefined &&
  m.caption === undefined &&
  [
    'photo',
    'document',
    'video',
    'animation',
    'audio',
    'voice',
    'video_note',
    'sticker',
    'location',
    'contact',
    'venue',
    'poll',
    'dice',
  ].every((k) => !(k in m));

/** Whether the sender may answer users; undefined (and they are told) when that cannot be checked. */
async function staffVerdict(ctx: BotContext): Promise<StaffVerdict | undefined> {
  const m = ctx.message;
  if (!m) return 'not-staff';
  const sender = { chatId: m.chat.id, userId: ctx.from?.id, senderChatId: m.sender_chat?.id };
  try {
    return await ctx.deps.supportStaff.verdict(sender, (chatId, userId) =>
      ctx.api.getChatMember(chatId, userId),
    );
  } catch (err) {
    ctx.log.warn({ err }, 'could not check a support-chat member');
    const reason = err instanceof Error ? err.message : String(err);
    await ctx.reply(ctx.t('support-answer-failed', { reason }), replyParams(m.message_id));
    return undefined;
  }
}

const NOT_STAFF_NOTE = { limit: 1, windowMs: 24 * 3_600_000 };

/** A member who is not staff tried to answer or close: it stays here, and they hear why once a day. */
async function refuseNonStaff(ctx: BotContext, verdict: StaffVerdict): Promise<void> {
  const who = verdict === 'anonymous' ? `chat:${ctx.chat?.id ?? 0}` : (ctx.from?.id ?? 0);
  const note = await ctx.deps.limiter.hit(`support-not-staff:${who}`, NOT_STAFF_NOTE);
  if (!note.allowed || !ctx.message) return;
  const key =
    verdict === 'anonymous'
      ? 'support-anonymous-admin'
      : ctx.deps.supportStaff.mode === 'chat-admins'
        ? 'support-not-staff-chat-admins'
        : 'support-not-staff';
  await ctx.reply(ctx.t(key), replyParams(ctx.message.message_id));
}

inSupportChat.command('close', async (ctx) => {
  if (!ctx.message || !ctx.from) return;
  const verdict = await staffVerdict(ctx);
  if (verdict === undefined) return;
  if (verdict !== 'staff') return refuseNonStaff(ctx, verdict);
  const relay = { db: ctx.deps.database, channel: supportChannel(ctx.api, ctx.deps.database) };
  const result = await closeTicket(relay, locate(ctx.message), ctx.from.id, async (closed) => {
    await ctx
      .reply(ctx.t('support-ticket-closed', { ticket: String(closed.ticketId) }))
      .catch((err) => {
        ctx.log.warn({ err }, 'could not confirm the closed ticket');
      });
    const t = translator(await userLocale(ctx.deps.database, closed.userId));
    await ctx.api
      .sendMessage(closed.userId, t('support-closed-user', { ticket: String(closed.ticketId) }))
      .catch(async (err: unknown) => {
        if (isUnreachable(err)) await setBlockedBot(ctx.deps.database, closed.userId, true);
        else ctx.log.warn({ err }, 'could not tell the user their ticket was closed');
      });
  });
  if (result.kind === 'no_ticket') await ctx.reply(ctx.t('support-close-where'));
  else if (result.kind === 'already_closed')
    await ctx.reply(ctx.t('support-ticket-already-closed', { ticket: String(result.ticketId) }));
});

inSupportChat.on('message', async (ctx, next) => {
  const m = ctx.message;
  const text = m.text ?? m.caption ?? '';
  if (m.text?.startsWith('/')) return next();
  // An anonymous admin writes as the chat itself, through a bot account.
  const anonymous = m.sender_chat !== undefined;
  if ((ctx.from.is_bot && !anonymous) || isService(m) || text.startsWith(NOTE_PREFIX)) return;
  const where = locate(m);
  const inTicket = (await findTarget(ctx.deps.database, where)) !== undefined;
  // Staff talk to each other here; only a reply to one of the bot's own messages was clearly
  // meant as an answer, and nothing else is checked (a getChatMember call per chat line).
  const answersBot =
    where.replyToMessageId !== undefined && m.reply_to_message?.from?.id === ctx.me.id;
  if (!inTicket && !answersBot) return;
  const verdict = await staffVerdict(ctx);
  if (verdict === undefined) return;
  if (verdict !== 'staff') {
    if (inTicket) await refuseNonStaff(ctx, verdict);
    return;
  }
  const relay = { db: ctx.deps.database, channel: supportChannel(ctx.api, ctx.deps.database) };
  let result: Awaited<ReturnType<typeof relayToUser>>;
  try {
    result = await relayToUser(relay, where);
  } catch (err) {
    // In a group the error boundary stays silent: the admin must learn the answer did not go.
    ctx.log.warn({ err }, 'could not relay an answer to the user');
    const reason = err instanceof Error ? err.message : String(err);
    await ctx.reply(ctx.t('support-answer-failed', { reason }), replyParams(m.message_id));
    return;
  }
  switch (result.kind) {
    case 'sent':
      // A reaction, not a message: the group's 20-messages-a-minute budget is for answers.
      await ctx.api
        .setMessageReaction(m.chat.id, m.message_id, [{ type: 'emoji', emoji: '👍' }])
        .catch(() => {});
      return;
    case 'duplicate':
      return;
    case 'blocked':
      await ctx.reply(ctx.t('support-answer-blocked'), replyParams(m.message_id));
      return;
    case 'no_ticket':
      await ctx.reply(ctx.t('support-not-ticket'), replyParams(m.message_id));
      return;
  }
});

// Staff edits are not relayed (the user already has the copy); nobody else wants them either.
inSupportChat.on('edited_message', () => {});

/** For /ban as a reply in the support chat (or in a user's topic): the user of that ticket. */
export async function ticketUserOf(ctx: BotContext): Promise<number | undefined> {
  const m = ctx.message;
  if (!m || ctx.chat?.id !== ctx.deps.config.SUPPORT_CHAT_ID) return undefined;
  return (await findTarget(ctx.deps.database, locate(m)))?.userId;
}
