// Support, Telegram side. Its domain side (tickets, relay) is src/support.
import type { Conversation } from '@grammyjs/conversations';
import type { Context } from 'grammy';
import { checkSupportMessage } from '../../support/validate.js';
import type { BaseContext } from '../context.js';
import { draftAndConfirm } from '../dialog/draft.js';
import { translator } from '../i18n.js';
import { replyParams } from '../transport/reply-params.js';
import { sendSupportMessage, supportResultText } from './send.js';

export const SUPPORT_CONVERSATION = 'support';
/** An unanswered prompt is dropped after this; the next message is then handled as usual. */
export const SUPPORT_WAIT_MS = 30 * 60_000;
export const SUPPORT_SEND = 'support:send';
export const SUPPORT_CANCEL = 'support:cancel';

export type SupportMode = 'new' | 'reply' | 'payment';

const ASK_KEYS: Record<SupportMode, string> = {
  new: 'support-ask',
  reply: 'support-ask-reply',
  payment: 'support-ask-payment',
};

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
  const t = translator(locale);
  // null, not undefined: external results are replayed from JSON.
  const contact = await conversation.external((o) => o.deps.config.SUPPORT_CONTACT ?? null);
  await draftAndConfirm(conversation, ctx, {
    ask: t(ASK_KEYS[mode]),
    buttons: {
      send: t('support-button-send'),
      sendData: SUPPORT_SEND,
      cancel: t('support-button-cancel'),
      cancelData: SUPPORT_CANCEL,
    },
    cancelled: t('support-cancelled'),
    refuse: (m) => {
      const check = checkSupportMessage(m);
      if (check.ok) return undefined;
      return check.reason === 'too_long'
        ? t('support-too-long', { length: check.length, max: check.max })
        : t(check.reason === 'empty' ? 'support-empty' : 'support-unsupported');
    },
    confirm: async () => t('support-confirm'),
    send: async (messageId, u) => {
      const result = await conversation.external((o) => sendSupportMessage(o, messageId));
      await u.reply(supportResultText(t, result, contact ?? undefined), {
        ...replyParams(messageId),
      });
    },
  });
}
