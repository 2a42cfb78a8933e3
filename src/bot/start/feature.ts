import { InlineKeyboard } from 'grammy';
import { hasWorkingKey } from '../../accounts/own-keys.js';
import { Composer } from '../composer.js';
import type { BotContext } from '../context.js';
import { escapeHtml } from '../format.js';
import { galleryButton } from '../gallery/feature.js';
import { moneyOf } from '../money/context.js';
import { topUpLine, topUpOf } from '../money/top-up.js';
import { catalogHighlights, type StartLine } from './highlights.js';
import { HELP_TOPICS, type HelpTopic, helpData, isHelpTopic, menuData } from './menu.js';

export const startFeature = new Composer<BotContext>();

function mainMenu(ctx: BotContext): InlineKeyboard {
  const menu = new InlineKeyboard()
    .text(ctx.t('button-models'), menuData('models'))
    .text(ctx.t('button-balance'), menuData('balance'))
    .row()
    .text(ctx.t('button-help'), menuData('help'))
    .text(ctx.t('button-support'), menuData('support'));
  const gallery = galleryButton(ctx);
  return gallery ? menu.row().add(gallery) : menu;
}

/** The catalog's families with a few model names each: what this bot can do today. */
function catalogLines(ctx: BotContext): string {
  return catalogHighlights(ctx.deps.catalog)
    .map(({ line, names, more }) => {
      const listed = escapeHtml(names.join(', '));
      const all = more > 0 ? ctx.t('start-and-more', { names: listed, count: more }) : listed;
      return ctx.t(`start-line-${line}`, { names: all });
    })
    .join('\n');
}

/** How paying works for this user: their balance (or their own key), then how to top up. */
async function payingLines(ctx: BotContext): Promise<string> {
  const user = ctx.user;
  if (user && (await hasWorkingKey(ctx.deps.database, user.id))) return ctx.t('start-own-key');
  const balance = ctx.t('start-balance', { balance: moneyOf(ctx)(user?.balance ?? 0) });
  return `${balance}\n${topUpLine(ctx.t, topUpOf(ctx.deps.config))}`;
}

startFeature.command('start', async (ctx) => {
  const name = escapeHtml(ctx.from?.first_name ?? '');
  const parts = [`${ctx.t('start-greeting', { name })}\n${catalogLines(ctx)}`];
  if (ctx.welcomed !== undefined)
    parts.push(ctx.t('start-welcome-credit', { amount: moneyOf(ctx)(ctx.welcomed) }));
  parts.push(await payingLines(ctx), ctx.t('start-hint'));
  await ctx.reply(parts.join('\n\n'), { parse_mode: 'HTML', reply_markup: mainMenu(ctx) });
});

// Telegram asks bots that sell to show their terms; the operator writes them (TERMS_TEXT).
startFeature.command('terms', async (ctx) => {
  const terms = ctx.deps.config.TERMS_TEXT;
  if (terms) await ctx.reply(terms, { link_preview_options: { is_disabled: true } });
  else await ctx.reply(ctx.t('terms-default'), { parse_mode: 'HTML' });
});

/** Topics about a kind of generation, and the /start lines (catalog families) they need. */
const NEEDS: Partial<Record<HelpTopic, readonly StartLine[]>> = {
  images: ['images', 'edit'],
  midjourney: ['midjourney'],
  video: ['video'],
};

/** /help's topics: a family without an enabled model has none. */
function helpTopics(ctx: BotContext): HelpTopic[] {
  const lines = new Set(catalogHighlights(ctx.deps.catalog).map((h) => h.line));
  return HELP_TOPICS.filter((topic) => NEEDS[topic]?.some((l) => lines.has(l)) ?? true);
}

const helpKeyboard = (ctx: BotContext) =>
  InlineKeyboard.from([
    helpTopics(ctx).map((topic) =>
      InlineKeyboard.text(ctx.t(`help-topic-${topic}`), helpData(topic)),
    ),
  ]).toFlowed(2);

const sendHelp = (ctx: BotContext) =>
  ctx.reply(ctx.t('help-text'), { parse_mode: 'HTML', reply_markup: helpKeyboard(ctx) });

startFeature.command('help', sendHelp);
startFeature.callbackQuery(menuData('help'), async (ctx) => {
  await ctx.answerCallbackQuery();
  await sendHelp(ctx);
});

startFeature.callbackQuery(/^help:([a-z]{1,16})$/, async (ctx) => {
  const topic = ctx.match[1];
  await ctx.answerCallbackQuery();
  if (!isHelpTopic(topic)) return;
  await ctx.reply(ctx.t(`help-${topic}`), {
    parse_mode: 'HTML',
    link_preview_options: { is_disabled: true },
  });
});
