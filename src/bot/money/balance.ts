import { getBalance, recentEntries } from '../../billing/ledger.js';
import { Composer } from '../composer.js';
import type { BotContext } from '../context.js';
import { menuData } from '../start/menu.js';
import { ownKeyState, readerMoney, withModels } from './context.js';
import { renderBalance } from './render.js';
import { starsButton, topUpOf } from './top-up.js';

/** /balance and the start menu's balance button. */
export const balanceFeature = new Composer<BotContext>();

export const BALANCE_HISTORY = 8;

/** Balance, own key and its gateway quota, the last transactions and how to buy codes. */
export async function sendBalance(ctx: BotContext): Promise<void> {
  const user = ctx.user;
  if (!user) return;
  if (ctx.chat?.type !== 'private') {
    await ctx.reply(ctx.t('not-in-private'));
    return;
  }
  const { locale, money } = await readerMoney(ctx);
  const { db, config } = ctx.deps;
  const key = await ownKeyState(ctx.deps, user.id);
  const text = renderBalance(ctx.t, money, locale, {
    balance: getBalance(db, user.id),
    history: withModels(ctx.deps, recentEntries(db, user.id, BALANCE_HISTORY)),
    ...(key ? { key } : {}),
    topUp: topUpOf(config),
  });
  const stars = starsButton(ctx.t, config);
  await ctx.reply(text, {
    parse_mode: 'HTML',
    link_preview_options: { is_disabled: true },
    ...(stars ? { reply_markup: stars } : {}),
  });
}

balanceFeature.command('balance', sendBalance);

balanceFeature.callbackQuery(menuData('balance'), async (ctx) => {
  await ctx.answerCallbackQuery();
  await sendBalance(ctx);
});
