import type { Conversation } from '@grammyjs/conversations';
import { type Context, InlineKeyboard } from 'grammy';
import type { Message } from 'grammy/types';
import { audienceCount, startBroadcast } from '../broadcast/start.js';
import type { BaseContext } from '../context.js';
import { translateFor } from '../support/texts.js';

export const BROADCAST_CONVERSATION = 'broadcast';
export const BROADCAST_WAIT_MS = 30 * 60_000;
export const BROADCAST_SEND = 'bc:send';
export const BROADCAST_CANCEL = 'bc:cancel';

const CANCEL_RE = /^\/cancel(?:@\w+)?(?:\s|$)/i;

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
  const t = translateFor(locale);
  const quietly = (f: (o: BaseContext) => Promise<unknown>) =>
    conversation.external(async (o) => {
      try {
        await f(o);
      } catch {
        // late button answers and edits of deleted messages change nothing here
      }
      return null;
    });
  const chatId = ctx.chat?.id ?? 0;
  const clearButtons = (messageId: number | undefined) =>
    messageId === undefined
      ? Promise.resolve(null)
      : quietly((o) => o.api.editMessageReplyMarkup(chatId, messageId));

  const count = await conversation.external((o) => audienceCount(o));
  if (count === 0) {
    await ctx.reply(t('broadcast-nobody'));
    return;
  }
  const cancelOnly = new InlineKeyboard().text(t('broadcast-button-cancel'), BROADCAST_CANCEL);
  const prompt = await ctx.reply(t('broadcast-ask', { count }), { reply_markup: cancelOnly });
  let draft: number | undefined;
  let confirm: number | undefined;

  for (;;) {
    const u = await conversation.wait();
    const data = u.callbackQuery?.data;
    if (data !== undefined) {
      if (data === BROADCAST_CANCEL) {
        await quietly((o) => o.answerCallbackQuery());
        await clearButtons(prompt.message_id);
        await clearButtons(confirm);
        await u.reply(t('broadcast-cancelled'));
        return;
      }
      if (data === BROADCAST_SEND && draft !== undefined) {
        const messageId = draft;
        await quietly((o) => o.answerCallbackQuery());
        await clearButtons(prompt.message_id);
        await clearButtons(confirm);
        const started = await conversation.external((o) => startBroadcast(o, messageId, locale));
        if (started.kind === 'nobody') await u.reply(t('broadcast-nobody'));
        return;
      }
      return conversation.skip({ next: true });
    }
    const m = u.message;
    if (!m) return conversation.skip({ next: true });
    if (m.text?.startsWith('/')) {
      if (!CANCEL_RE.test(m.text)) return conversation.halt({ next: true });
      await clearButtons(prompt.message_id);
      await clearButtons(confirm);
      await u.reply(t('broadcast-cancelled'));
      return;
    }
    if (!isCopyable(m)) {
      await u.reply(t('broadcast-unsupported'));
      continue;
    }
    await clearButtons(confirm);
    draft = m.message_id;
    const recipients = await conversation.external((o) => audienceCount(o));
    const asked = await u.reply(t('broadcast-confirm', { count: recipients }), {
      reply_parameters: { message_id: m.message_id },
      reply_markup: new InlineKeyboard()
        .text(t('broadcast-button-send'), BROADCAST_SEND)
        .text(t('broadcast-button-cancel'), BROADCAST_CANCEL),
    });
    confirm = asked.message_id;
  }
}
