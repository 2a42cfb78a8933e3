import { Composer, InlineKeyboard } from 'grammy';
import { updateSettings } from '../../accounts/users.js';
import type { BotContext } from '../context.js';
import { isLocale } from '../i18n.js';
import { callbackData } from '../transport/callback-data.js';

/** /language: English, Russian or Chinese, stored in the user's settings and used from then on. */
export const languageFeature = new Composer<BotContext>();

const keyboard = (ctx: BotContext) =>
  new InlineKeyboard()
    .text(ctx.t('language-button-en'), callbackData('lang', 'en'))
    .text(ctx.t('language-button-ru'), callbackData('lang', 'ru'))
    .text(ctx.t('language-button-zh'), callbackData('lang', 'zh'));

languageFeature.command('language', async (ctx) => {
  await ctx.reply(ctx.t('language-choose'), { reply_markup: keyboard(ctx) });
});

languageFeature.callbackQuery(/^lang:(.{1,16})$/, async (ctx) => {
  const locale = ctx.match[1];
  const user = ctx.user;
  if (!user || !isLocale(locale)) {
    await ctx.answerCallbackQuery({ text: ctx.t('unknown-callback') });
    return;
  }
  updateSettings(ctx.deps.db, user.id, { locale });
  ctx.i18n.useLocale(locale);
  await ctx.answerCallbackQuery({ text: ctx.t('language-set') });
  try {
    await ctx.editMessageText(ctx.t('language-set'));
  } catch (err) {
    // Too old to edit, or pressed twice (not modified): the answer above already said it.
    ctx.log.debug({ err }, 'language message not edited');
  }
});
