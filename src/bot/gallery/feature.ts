import { InlineKeyboard } from 'grammy';
import { Composer } from '../composer.js';
import type { BotContext } from '../context.js';

/** /gallery: the Mini App with the user's results (when MINI_APP_URL is set). */
export const galleryFeature = new Composer<BotContext>();

/**
 * The button that opens the gallery, or undefined where it cannot: the Mini App is off, or the
 * chat is not private (Telegram takes web_app buttons in private chats only).
 */
export function galleryButton(
  ctx: BotContext,
): ReturnType<typeof InlineKeyboard.webApp> | undefined {
  const url = ctx.deps.config.MINI_APP_URL;
  if (!url || ctx.chat?.type !== 'private') return undefined;
  return InlineKeyboard.webApp(ctx.t('button-gallery'), url);
}

galleryFeature.command('gallery', async (ctx) => {
  if (!ctx.deps.config.MINI_APP_URL) return void (await ctx.reply(ctx.t('gallery-off')));
  const button = galleryButton(ctx);
  if (!button) return void (await ctx.reply(ctx.t('not-in-private')));
  await ctx.reply(ctx.t('gallery-open'), { reply_markup: InlineKeyboard.from([[button]]) });
});
