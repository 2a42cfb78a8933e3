import type { NextFunction } from 'grammy';
import { touchUser } from '../../accounts/users.js';
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
  ctx.user = touchUser(ctx.deps.db, from, { privateChat: ctx.chat?.type === 'private' });
  if (!ctx.user.banned) return next();
  if (ctx.callbackQuery) {
    await ctx.answerCallbackQuery({ text: bannedNote(ctx) });
    return;
  }
  const note = await ctx.deps.limiter.hit(`banned-note:${from.id}`, BANNED_NOTE_RULE);
  if (note.allowed && ctx.chat?.type === 'private') {
    await ctx.reply(bannedNote(ctx));
  }
}
