// Broadcast, Telegram side. Its domain side (store, pacing, worker) is src/broadcast.
import type { Conversation } from '@grammyjs/conversations';
import type { Context } from 'grammy';
import type { Message } from 'grammy/types';
import type { BaseContext } from '../context.js';
import { draftAndConfirm } from '../dialog/draft.js';
import { translator } from '../i18n.js';
import { callbackData } from '../transport/callback-data.js';
import { audienceCount, startBroadcast } from './start.js';

export const BROADCAST_CONVERSATION = 'broadcast';
export const BROADCAST_WAIT_MS = 30 * 60_000;
export const BROADCAST_SEND = callbackData('bc', 'send');
export const BROADCAST_CANCEL = callbackData('bc', 'cancel');

/** What copyMessage refuses (Bot API: service, paid media, giveaway and invoice messages). */
export function isCopyable(m: Message): boolean {
  if (m.invoice || m.giveaway || m.giveaway_winners || m.paid_media) return false;
  if (m.poll?.type === 'quiz') return false; // copyable only when the bot knows the answer
  return (
    m.text !== undefined ||
    m.caption !== undefined ||
    [
      'photo',
      'video',
      'animation',
      'document',
      'audio',
      'voice',
      'video_note',
      'sticker',
      'poll',
      'location',
      'venue',
      'contact',
      'dice',
    ].some((k) => k in m)
  );
}

/**
 * `/broadcast` (admins, private chat): the admin's next message is previewed as the message
 * itself, confirmed with a button, and then copied to every user by the worker.
 */
export async function broadcastConversation(
  conversation: Conversation<BaseContext, Context>,
  ctx: Context,
  locale: string,
): Promise<void> {
  const t = translator(locale);
  const count = await conversation.external((o) => audienceCount(o));
  if (count === 0) {
    await ctx.reply(t('broadcast-nobody'));
    return;
  }
  await draftAndConfirm(conversation, ctx, {
    ask: t('broadcast-ask', { count }),
    buttons: {
      send: t('broadcast-button-send'),
      sendData: BROADCAST_SEND,
      cancel: t('broadcast-button-cancel'),
      cancelData: BROADCAST_CANCEL,
    },
    cancelled: t('broadcast-cancelled'),
    refuse: (m) => (isCopyable(m) ? undefined : t('broadcast-unsupported')),
    confirm: async () => {
      const recipients = await conversation.external((o) => audienceCount(o));
      return t('broadcast-confirm', { count: recipients });
    },
    send: async (messageId, u) => {
      const started = await conversation.external((o) => startBroadcast(o, messageId, locale));
      if (started.kind === 'nobody') await u.reply(t('broadcast-nobody'));
    },
  });
}
