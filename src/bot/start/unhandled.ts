import { Composer } from 'grammy';
import type { BotContext } from '../context.js';

/** Last in the chain: whatever no feature took. */
export const unhandledFeature = new Composer<BotContext>();

// A stray button (old message, another build, forged data) must still be answered, or the
// user's client shows a spinner until Telegram gives up.
unhandledFeature.on('callback_query', async (ctx) => {
  await ctx.answerCallbackQuery({ text: ctx.t('unknown-callback') });
});

unhandledFeature.chatType('private').on('message:text', async (ctx) => {
  if (ctx.message.text.startsWith('/')) await ctx.reply(ctx.t('unknown-command'));
});
