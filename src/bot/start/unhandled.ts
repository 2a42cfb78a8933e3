import { nearestCommand } from '../commands.js';
import { Composer } from '../composer.js';
import type { BotContext } from '../context.js';
import { isAdmin } from '../money/context.js';

/** Last in the chain: whatever no feature took. */
export const unhandledFeature = new Composer<BotContext>();

// A stray button (old message, another build, forged data) must still be answered, or the
// user's client shows a spinner until Telegram gives up.
unhandledFeature.on('callback_query', async (ctx) => {
  await ctx.answerCallbackQuery({ text: ctx.t('unknown-callback') });
});

// Every question and draft that /cancel ends takes it before this; here it had nothing to end
// (it timed out, or was answered already).
unhandledFeature.command('cancel', async (ctx) => {
  await ctx.reply(ctx.t('cancel-nothing'));
});

const COMMAND_RE = /^\/([A-Za-z0-9_]{1,32})(?:@\w+)?(?:\s|$)/;

unhandledFeature.chatType('private').on('message:text', async (ctx) => {
  const typed = COMMAND_RE.exec(ctx.message.text)?.[1];
  if (typed === undefined) {
    if (ctx.message.text.startsWith('/')) await ctx.reply(ctx.t('unknown-command'));
    return;
  }
  const meant = nearestCommand(typed, isAdmin(ctx));
  await ctx.reply(
    meant ? ctx.t('unknown-command-suggest', { typed, command: meant }) : ctx.t('unknown-command'),
  );
});
