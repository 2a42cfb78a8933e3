/**
 * Referrals, Telegram side: /invite shows the user's link and how many it brought, and
 * `/start ref-<code>` records who brought a new user (src/billing/bonuses.ts pays the bonus).
 */

import { userLocale } from '../../accounts/locale.js';
import { isFirstContact } from '../../accounts/users.js';
import {
  type ReferralReward,
  recordReferral,
  refCodeOf,
  referralCounts,
} from '../../billing/bonuses.js';
import { Composer } from '../composer.js';
import type { BotContext } from '../context.js';
import { translateIn } from '../i18n.js';

export const inviteFeature = new Composer<BotContext>();

const REF_PAYLOAD = /^ref-([a-z0-9]{1,32})$/i;

export const inviteLink = (botUsername: string, code: string) =>
  `https://t.me/${botUsername}?start=ref-${code}`;

inviteFeature.command('invite', async (ctx) => {
  const user = ctx.user;
  if (!user) return;
  if (ctx.chat.type !== 'private') {
    await ctx.reply(ctx.t('not-in-private'));
    return;
  }
  const bonus = ctx.deps.config.referralBonusMinor;
  if (bonus <= 0) {
    await ctx.reply(ctx.t('invite-off'));
    return;
  }
  const { db, money } = ctx.deps;
  const link = inviteLink(ctx.me.username, refCodeOf(db, user.id));
  const counts = referralCounts(db, user.id);
  await ctx.reply(
    ctx.t('invite-text', {
      link,
      bonus: money(bonus, ctx.i18n.getLocale()),
      invited: counts.invited,
      rewarded: counts.rewarded,
    }),
    { parse_mode: 'HTML', link_preview_options: { is_disabled: true } },
  );
});

// Before the normal /start, which then greets the user as usual.
inviteFeature.chatType('private').command('start', async (ctx, next) => {
  const m = REF_PAYLOAD.exec(ctx.match.trim());
  const user = ctx.user;
  if (!m?.[1] || !user) return next();
  if (ctx.deps.config.referralBonusMinor > 0) {
    const outcome = recordReferral(ctx.deps.db, {
      userId: user.id,
      code: m[1],
      firstContact: isFirstContact(user),
    });
    ctx.log.info({ outcome }, 'referral link');
    if (outcome !== 'recorded' && outcome !== 'already') {
      await ctx.reply(ctx.t(`invite-refused-${outcome}`));
    }
  }
  return next();
});

/** Tells the referrer, in their language, that a friend's first top-up earned them credit. */
export async function notifyReferrer(ctx: BotContext, reward: ReferralReward): Promise<void> {
  const locale = await userLocale(ctx.deps.database, reward.referrerId);
  const text = translateIn(locale, 'referral-bonus-referrer', {
    amount: ctx.deps.money(reward.amount, locale),
  });
  // The bonus is in the ledger either way; a referrer who blocked the bot just is not told.
  await ctx.api.sendMessage(reward.referrerId, text, { parse_mode: 'HTML' }).catch((err) => {
    ctx.log.info({ err, referrer: reward.referrerId }, 'referrer not told about the bonus');
  });
}
