import type { BotError } from 'grammy';
import type { BotContext } from '../context.js';

/**
 * Logs the failure and tells the user something went wrong, so no update ends in silence.
 * Feature code refunds on its own paths; this is the last line.
 */
export async function errorBoundary(err: BotError<BotContext>): Promise<void> {
  const ctx = err.ctx;
  (ctx.log ?? ctx.deps.logger).error({ err: err.error }, 'update handler failed');
  // i18n may not be installed yet when an early middleware failed.
  const text =
    typeof ctx.t === 'function'
      ? ctx.t('error-generic')
      : '⚠️ Something went wrong. Please try again.';
  try {
    if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text });
    else if (ctx.chat?.type === 'private') await ctx.reply(text);
  } catch (replyError) {
    ctx.log.warn({ err: replyError }, 'could not tell the user about the failure');
  }
}
