import type { Conversation } from '@grammyjs/conversations';
import { type Context, InlineKeyboard } from 'grammy';
import type { Message } from 'grammy/types';
import type { BaseContext } from '../context.js';
import { replyParams } from '../transport/reply-params.js';

/** `/cancel` (also `/cancel@bot`) ends a conversation; any other command leaves it. */
export const CANCEL_RE = /^\/cancel(?:@\w+)?(?:\s|$)/i;

type DraftConversation = Conversation<BaseContext, Context>;

/**
 * A Telegram call whose failure changes nothing (a late button answer, an edit of a deleted
 * message), run in `external` so it never becomes an error inside the replay engine.
 */
export const quietly = (conversation: DraftConversation, f: (o: BaseContext) => Promise<unknown>) =>
  conversation.external(async (o) => {
    try {
      await f(o);
    } catch {
      // nothing to do about it
    }
    return null;
  });

export interface DraftSteps {
  /** The prompt; it carries the cancel button. */
  ask: string;
  buttons: { send: string; sendData: string; cancel: string; cancelData: string };
  /** Said when the user cancels (the button or /cancel). */
  cancelled: string;
  /** Why a message cannot be the draft (told to the user), or undefined when it can. */
  refuse(m: Message): string | undefined;
  /** The confirmation shown under a new draft. */
  confirm(m: Message): Promise<string>;
  /** The user confirmed the latest draft. */
  send(draftId: number, u: Context): Promise<void>;
}

/**
 * One message, confirmed with a button, then sent somewhere (support, a broadcast). A new
 * message replaces the draft; /cancel or the button stops; any other command leaves the
 * conversation and runs as usual; other features' buttons pass through.
 */
export async function draftAndConfirm(
  conversation: DraftConversation,
  ctx: Context,
  s: DraftSteps,
): Promise<void> {
  const chatId = ctx.chat?.id ?? 0;
  const clearButtons = (messageId: number | undefined) =>
    messageId === undefined
      ? Promise.resolve(null)
      : quietly(conversation, (o) => o.api.editMessageReplyMarkup(chatId, messageId));
  const prompt = await ctx.reply(s.ask, {
    reply_markup: new InlineKeyboard().text(s.buttons.cancel, s.buttons.cancelData),
  });
  let draft: number | undefined;
  let confirm: number | undefined;
  const closeButtons = async () => {
    await clearButtons(prompt.message_id);
    await clearButtons(confirm);
  };

  for (;;) {
    const u = await conversation.wait();
    const data = u.callbackQuery?.data;
    if (data !== undefined) {
      if (data === s.buttons.cancelData) {
        await quietly(conversation, (o) => o.answerCallbackQuery());
        await closeButtons();
        await u.reply(s.cancelled);
        return;
      }
      if (data === s.buttons.sendData && draft !== undefined) {
        const messageId = draft;
        await quietly(conversation, (o) => o.answerCallbackQuery());
        await closeButtons();
        await s.send(messageId, u);
        return;
      }
      return conversation.skip({ next: true });
    }
    const m = u.message;
    if (!m) return conversation.skip({ next: true });
    if (m.text?.startsWith('/')) {
      if (!CANCEL_RE.test(m.text)) return conversation.halt({ next: true });
      await closeButtons();
      await u.reply(s.cancelled);
      return;
    }
    const refused = s.refuse(m);
    if (refused !== undefined) {
      await u.reply(refused);
      continue;
    }
    await clearButtons(confirm);
    draft = m.message_id;
    const asked = await u.reply(await s.confirm(m), {
      ...replyParams(m.message_id),
      reply_markup: new InlineKeyboard()
        .text(s.buttons.send, s.buttons.sendData)
        .text(s.buttons.cancel, s.buttons.cancelData),
    });
    confirm = asked.message_id;
  }
}
