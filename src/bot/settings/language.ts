import { InlineKeyboard } from 'grammy';
import { updateSettings } from '../../accounts/users.js';
import { Composer } from '../composer.js';
import type { BotContext } from '../context.js';
import { isLocale, LANGUAGE_NAMES, LOCALES } from '../i18n.js';
import { callbackData } from '../transport/callback-data.js';

/** /language: one of LOCALES, stored in the user's settings and used from then on. */
export const languageFeature = new Composer<BotContext>();

/** Two languages a row, each under its own name. */
const keyboard = () =>
  InlineKeyboard.from([
    LOCALES.map((locale) =>
      InlineKeyboard.text(LANGUAGE_NAMES[locale], callbackData('lang', locale)),
    ),
  ]).toFlowed(2);

languageFeature.command('language', async (ctx) => {
  await ctx.reply(ctx.t('language-choose'), { reply_markup: keyboard() });
});

languageFeature.callbackQuery(/^lang:(.{1,16})$/, async (ctx) => {
  const locale = ctx.match[1];
  const user = ctx.user;
  if (!user || !isLocale(locale)) {
    await ctx.answerCallbackQuery({ text: ctx.t('unknown-callback') });
    return;
  }
  await updateSettings(ctx.deps.database, user.id, { locale });
  ctx.i18n.useLocale(locale);
  await ctx.answerCallbackQuery({ text: ctx.t('language-set') });
  try {
    await ctx.editMessageText(ctx.t('language-set'));
  } catch (err) {
    // Too old to edit, or pressed twice (not modified): the answer above already said it.
    ctx.log.debug({ err }, 'language message not edited');
  }
});
