import type { Conversation } from '@grammyjs/conversations';
import { type Context, InlineKeyboard } from 'grammy';
import { checkSupportMessage } from '../../support/validate.js';
import type { BaseContext } from '../context.js';
import { sendSupportMessage, supportResultText } from '../support/send.js';
import { translateFor } from '../support/texts.js';

export const SUPPORT_CONVERSATION = 'support';
/** An unanswered prompt is dropped after this; the next message is then handled as usual. */
export const SUPPORT_WAIT_MS = 30 * 60_000;
export const SUPPORT_SEND = 'support:send';
export const SUPPORT_CANCEL = 'support:cancel';

const CANCEL_RE = /^\/cancel(?:@\w+)?(?:\s|$)/i;

export type SupportMode = 'new' | 'reply';

/**
 * `/support`: one message (text, photo or document), a confirmation, then it goes to the support
 * chat. /cancel or the button stops it; any other command leaves it and runs as usual; other
 * features' buttons pass through. Database and other side effects run in `external`; Telegram
 * calls that may fail (late button answers, edits) run there too, so a failed call never
 * becomes an error inside the replay engine.
 */
export async function supportConversation(
  conversation: Conversation<BaseContext, Context>,
  ctx: Context,
  locale: string,
  mode: SupportMode,
): Promise<void> {
  const t = translateFor(locale);
  const contact = await conversation.external((o) => o.deps.config.SUPPORT_CONTACT);
  const quietly = (f: (o: BaseContext) => Promise<unknown>) =>
    conversation.external(async (o) => {
      try {
        await f(o);
      } catch {
        // a late button answer or an edit of a deleted message: nothing to do about it
      }
      return null;
    });
  const clearButtons = (chatId: number, messageId: number | undefined) =>
    messageId === undefined
      ? Promise.resolve(null)
      : quietly((o) => o.api.editMessageReplyMarkup(chatId, messageId));

  const chatId = ctx.chat?.id ?? 0;
  const prompt = await ctx.reply(t(mode === 'reply' ? 'support-ask-reply' : 'support-ask'), {
    reply_markup: new InlineKeyboard().text(t('support-button-cancel'), SUPPORT_CANCEL),
  });
  let draft: number | undefined;
  let confirm: number | undefined;

  for (;;) {
    const u = await conversation.wait();
    const data = u.callbackQuery?.data;
    if (data !== undefined) {
      if (data === SUPPORT_CANCEL) {
        await quietly((o) => o.answerCallbackQuery());
        await clearButtons(chatId, prompt.message_id);
        await clearButtons(chatId, confirm);
        await u.reply(t('support-cancelled'));
        return;
      }
      if (data === SUPPORT_SEND && draft !== undefined) {
        const messageId = draft;
        await quietly((o) => o.answerCallbackQuery());
        await clearButtons(chatId, prompt.message_id);
        await clearButtons(chatId, confirm);
        const result = await conversation.external((o) => sendSupportMessage(o, messageId));
        await u.reply(supportResultText(t, result, contact), {
          reply_parameters: { message_id: messageId, allow_sending_without_reply: true },
        });
        return;
      }
      return conversation.skip({ next: true });
    }
    const m = u.message;
    if (!m) return conversation.skip({ next: true });
    if (m.text?.startsWith('/')) {
      if (!CANCEL_RE.test(m.text)) return conversation.halt({ next: true });
      await clearButtons(chatId, prompt.message_id);
      await clearButtons(chatId, confirm);
      await u.reply(t('support-cancelled'));
      return;
    }
    const check = checkSupportMessage(m);
    if (!check.ok) {
      await u.reply(
        check.reason === 'too_long'
          ? t('support-too-long', { length: check.length, max: check.max })
          : t(check.reason === 'empty' ? 'support-empty' : 'support-unsupported'),
      );
      continue;
    }
    // A new message replaces the draft: the latest one is what gets sent.
    await clearButtons(chatId, confirm);
    draft = m.message_id;
    const asked = await u.reply(t('support-confirm'), {
      reply_parameters: { message_id: m.message_id },
      reply_markup: new InlineKeyboard()
        .text(t('support-button-send'), SUPPORT_SEND)
        .text(t('support-button-cancel'), SUPPORT_CANCEL),
    });
    confirm = asked.message_id;
  }
}
