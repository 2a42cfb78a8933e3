import { hasWorkingKey } from '../../accounts/own-keys.js';
import { Composer } from '../composer.js';
import type { BotContext } from '../context.js';
import { splitMessage } from '../format.js';
import { readerMoney } from '../money/context.js';
import { renderModels } from '../money/render.js';
import { menuData } from './menu.js';

/** /models and the start menu's models button: families, models and prices. */
export const modelsFeature = new Composer<BotContext>();

export async function sendModels(ctx: BotContext): Promise<void> {
  const { money } = await readerMoney(ctx);
  const ownKey = ctx.user ? await hasWorkingKey(ctx.deps.database, ctx.user.id) : false;
  const text = renderModels(ctx.t, money, ctx.deps.catalog, { ownKey });
  for (const part of splitMessage(text)) await ctx.reply(part, { parse_mode: 'HTML' });
}

modelsFeature.command('models', sendModels);

modelsFeature.callbackQuery(menuData('models'), async (ctx) => {
  await ctx.answerCallbackQuery();
  await sendModels(ctx);
});
