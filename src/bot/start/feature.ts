import { Composer, InlineKeyboard } from 'grammy';
import type { BotContext } from '../context.js';
import { escapeHtml } from '../format.js';
import { topUpLine, topUpOf } from '../money/top-up.js';
import { menuData } from './menu.js';

export const startFeature = new Composer<BotContext>();

function mainMenu(ctx: BotContext): InlineKeyboard {
  return new InlineKeyboard()
    .text(ctx.t('button-models'), menuData('models'))
    .text(ctx.t('button-balance'), menuData('balance'))
    .row()
    .text(ctx.t('button-help'), menuData('help'))
    .text(ctx.t('button-support'), menuData('support'));
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
startFeature.callbackQuery(menuData('help'), async (ctx) => {
  await ctx.answerCallbackQuery();
  await sendHelp(ctx);
});
