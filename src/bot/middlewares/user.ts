import type { NextFunction } from 'grammy';
import { isFirstContact, touchUser } from '../../accounts/users.js';
import { grantWelcome } from '../../billing/bonuses.js';
import type { BaseContext } from '../context.js';
import { negotiateLocale, sharedI18n } from '../i18n.js';

const BANNED_NOTE_RULE = { limit: 1, windowMs: 3_600_000 };

/** This runs before the i18n middleware (whose negotiator reads ctx.user), so no ctx.t yet. */
function bannedNote(ctx: BaseContext): string {
  const contact = ctx.deps.config.SUPPORT_CONTACT;
  const locale = negotiateLocale(ctx);
  const i18n = sharedI18n();
  return contact ? i18n.t(locale, 'banned', { contact }) : i18n.t(locale, 'banned-no-contact');
}

/**
 * Records the user on every update (created on first contact, last seen, language) and stops
 * banned users here: they get one clear message an hour and nothing else.
 */
export async function userMiddleware(ctx: BaseContext, next: NextFunction): Promise<void> {
  const from = ctx.from;
  if (!from || from.is_bot) return next();
  ctx.user = await touchUser(ctx.deps.database, from, {
    privateChat: ctx.chat?.type === 'private',
  });
  const welcome = ctx.deps.config.welcomeCreditMinor;
  if (welcome > 0 && isFirstContact(ctx.user) && !ctx.user.banned) {
    const balance = await grantWelcome(ctx.deps.db, from.id, welcome);
    if (balance !== undefined) {
      ctx.user = { ...ctx.user, balance };
      ctx.welcomed = welcome;
    }
  }
  if (!ctx.user.banned) return next();
  if (ctx.preCheckoutQuery) {
    // Unanswered, Telegram would show a bare timeout: say why instead.
    await ctx.answerPreCheckoutQuery(false, { error_message: bannedNote(ctx) });
    return;
  }
  if (ctx.inlineQuery) {
    // An empty list, so a banned user's `@bot` shows nothing (not even their old results).
    await ctx.answerInlineQuery([], { is_personal: true, cache_time: 60 });
    return;
  }
  if (ctx.callbackQuery) {
    await ctx.answerCallbackQuery({ text: bannedNote(ctx) });
    return;
  }
  const note = await ctx.deps.limiter.hit(`banned-note:${from.id}`, BANNED_NOTE_RULE);
  if (note.allowed && ctx.chat?.type === 'private') {
    await ctx.reply(bannedNote(ctx));
  }
}
