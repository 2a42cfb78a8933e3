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
  const welcome =
    ctx.welcomed === undefined
      ? ''
      : `\n\n${ctx.t('start-welcome-credit', { amount: ctx.deps.money(ctx.welcomed, await ctx.i18n.getLocale()) })}`;
  const text = `${ctx.t('start-greeting', { name })}${welcome}\n\n${topUpLine(ctx.t, topUpOf(ctx.deps.config))}`;
  await ctx.reply(text, { parse_mode: 'HTML', reply_markup: mainMenu(ctx) });
});

// Telegram asks bots that sell to show their terms; the operator writes them (TERMS_TEXT).
startFeature.command('terms', async (ctx) => {
  const terms = ctx.deps.config.TERMS_TEXT;
  if (terms) await ctx.reply(terms, { link_preview_options: { is_disabled: true } });
  else await ctx.reply(ctx.t('terms-default'), { parse_mode: 'HTML' });
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
