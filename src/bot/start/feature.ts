import { Composer, InlineKeyboard } from 'grammy';
import type { BotContext } from '../context.js';
import { escapeHtml } from '../format.js';
import { topUpLine, topUpOf } from '../money/top-up.js';

export const startFeature = new Composer<BotContext>();

function mainMenu(ctx: BotContext): InlineKeyboard {
  return new InlineKeyboard()
    .text(ctx.t('button-models'), 'menu:models')
    .text(ctx.t('button-balance'), 'menu:balance')
    .row()
    .text(ctx.t('button-help'), 'menu:help')
    .text(ctx.t('button-support'), 'menu:support');
}

startFeature.command('start', async (ctx) => {
  const name = escapeHtml(ctx.from?.first_name ?? '');
  const text = `${ctx.t('start-greeting', { name })}\n\n${topUpLine(ctx.t, topUpOf(ctx.deps.config))}`;
  await ctx.reply(text, { parse_mode: 'HTML', reply_markup: mainMenu(ctx) });
});

const sendHelp = (ctx: BotContext) =>
  ctx.reply(ctx.t('help-text'), {
    parse_mode: 'HTML',
    link_preview_options: { is_disabled: true },
  });

startFeature.command('help', sendHelp);
startFeature.callbackQuery('menu:help', async (ctx) => {
  await ctx.answerCallbackQuery();
  await sendHelp(ctx);
});
