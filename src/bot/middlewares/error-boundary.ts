import type { BotError } from 'grammy';
import type { BotContext } from '../context.js';

/**
 * Logs the failure and tells the user something went wrong, so no update ends in silence.
 * Feature code refunds on its own paths; this is the last line.
 */
export async function errorBoundary(err: BotError<BotContext>): Promise<void> {
  const ctx = err.ctx;
  ctx.log.error({ err: err.error }, 'update handler failed');
  try {
    if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: ctx.t('error-generic') });
    else if (ctx.chat) await ctx.reply(ctx.t('error-generic'));
  } catch (replyError) {
    ctx.log.warn({ err: replyError }, 'could not tell the user about the failure');
  }
}
