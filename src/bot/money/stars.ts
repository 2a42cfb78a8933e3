/**
 * Telegram Stars top-ups: /topup and the ⭐ buttons show the packs, a pack becomes an XTR invoice,
 * the pre-checkout is checked against what is sold now, and the confirmed payment credits the
 * balance once per charge id. A refund made on Telegram's side takes the credit back.
 */
import { InlineKeyboard } from 'grammy';
import { rewardReferral } from '../../billing/bonuses.js';
import { creditStarPayment, reverseStarPayment } from '../../billing/star-payments.js';
import {
  type CheckoutVerdict,
  checkCheckout,
  decodePayload,
  encodePayload,
} from '../../billing/stars.js';
import { Composer } from '../composer.js';
import type { BotContext } from '../context.js';
import { truncate } from '../format.js';
import { callbackData } from '../transport/callback-data.js';
import { readerMoney } from './context.js';
import { notifyReferrer } from './invite.js';
import { STARS_MENU_DATA } from './top-up.js';

export const starsFeature = new Composer<BotContext>();

const BUY_RE = /^st:buy:(\d{1,5})$/;

/** Telegram's limits for an invoice title. */
const TITLE_MAX = 32;

async function sendPacks(ctx: BotContext): Promise<void> {
  if (ctx.chat?.type !== 'private') {
    await ctx.reply(ctx.t('not-in-private'));
    return;
  }
  const packs = ctx.deps.config.starsPacks;
  if (packs.length === 0) {
    await ctx.reply(ctx.t('stars-off'), { parse_mode: 'HTML' });
    return;
  }
  const { money } = await readerMoney(ctx);
  const keyboard = new InlineKeyboard();
  for (const pack of packs) {
    keyboard
      .text(
        ctx.t('stars-pack-button', { stars: pack.stars, credit: money(pack.credit) }),
        callbackData('st', 'buy', pack.stars),
      )
      .row();
  }
  await ctx.reply(ctx.t('stars-packs'), { parse_mode: 'HTML', reply_markup: keyboard });
}

starsFeature.command('topup', sendPacks);
starsFeature.callbackQuery(STARS_MENU_DATA, async (ctx) => {
  await ctx.answerCallbackQuery();
  await sendPacks(ctx);
});

starsFeature.callbackQuery(BUY_RE, async (ctx) => {
  const stars = Number(ctx.match[1]);
  const pack = ctx.deps.config.starsPacks.find((p) => p.stars === stars);
  const user = ctx.user;
  if (!pack || !user || ctx.chat?.type !== 'private') {
    await ctx.answerCallbackQuery({ text: ctx.t('stars-pack-gone'), show_alert: true });
    return;
  }
  await ctx.answerCallbackQuery();
  const { money } = await readerMoney(ctx);
  const credit = money(pack.credit);
  await ctx.replyWithInvoice(
    truncate(ctx.t('stars-invoice-title', { credit }), TITLE_MAX),
    ctx.t('stars-invoice-description', { stars, credit, bot: ctx.me.first_name }),
    encodePayload({ stars, credit: pack.credit, userId: user.id }),
    'XTR',
    [{ label: ctx.t('stars-invoice-label', { credit }), amount: stars }],
  );
});

const CHECKOUT_KEYS: Record<Extract<CheckoutVerdict, { ok: false }>['reason'], string> = {
  malformed: 'stars-checkout-malformed',
  not_yours: 'stars-checkout-not-yours',
  changed: 'stars-checkout-changed',
  gone: 'stars-checkout-gone',
  wrong_amount: 'stars-checkout-changed',
  wrong_currency: 'stars-checkout-malformed',
};

// Telegram waits 10 s for this answer: it reads nothing but the config.
starsFeature.on('pre_checkout_query', async (ctx) => {
  const q = ctx.preCheckoutQuery;
  const verdict = checkCheckout({ ...q, fromId: q.from.id }, ctx.deps.config.starsPacks);
  if (verdict.ok) {
    await ctx.answerPreCheckoutQuery(true);
    return;
  }
  ctx.log.info({ reason: verdict.reason, payload: q.invoice_payload }, 'pre-checkout refused');
  await ctx.answerPreCheckoutQuery(false, { error_message: ctx.t(CHECKOUT_KEYS[verdict.reason]) });
});

starsFeature.on('message:successful_payment', async (ctx) => {
  const paid = ctx.message.successful_payment;
  const payload = decodePayload(paid.invoice_payload);
  if (paid.currency !== 'XTR' || !payload || !ctx.user) {
    // Telegram took the money for an invoice this bot cannot read: never silently. Admins see it
    // in the log and in reconciliation; the user is pointed at /paysupport.
    ctx.log.error(
      { charge: paid.telegram_payment_charge_id, payload: paid.invoice_payload },
      'a payment this bot cannot credit',
    );
    await ctx.reply(ctx.t('stars-paid-unreadable'));
    return;
  }
  // The payer is credited whatever the payload names: the Stars are theirs.
  const result = creditStarPayment(ctx.deps.db, {
    chargeId: paid.telegram_payment_charge_id,
    userId: ctx.user.id,
    stars: paid.total_amount,
    credit: payload.credit,
    payload: paid.invoice_payload,
  });
  ctx.log.info(
    { charge: paid.telegram_payment_charge_id, stars: paid.total_amount, status: result.status },
    'stars payment',
  );
  if (result.status === 'duplicate') return;
  const { money } = await readerMoney(ctx);
  await ctx.reply(
    ctx.t('stars-paid', {
      stars: paid.total_amount,
      credit: money(payload.credit),
      balance: money(result.balance),
    }),
    { parse_mode: 'HTML' },
  );
  await payReferral(ctx, ctx.user.id);
});

/** After any top-up: the referral bonus, if this was the referred user's first. */
export async function payReferral(ctx: BotContext, userId: number): Promise<void> {
  const reward = rewardReferral(ctx.deps.db, userId, ctx.deps.config.referralBonusMinor);
  if (!reward) return;
  const { money } = await readerMoney(ctx);
  await ctx.reply(ctx.t('referral-bonus-referred', { amount: money(reward.amount) }), {
    parse_mode: 'HTML',
  });
  await notifyReferrer(ctx, reward);
}

starsFeature.on('message:refunded_payment', async (ctx) => {
  const refund = ctx.message.refunded_payment;
  const reversed = reverseStarPayment(ctx.deps.db, refund.telegram_payment_charge_id);
  ctx.log.info(
    { charge: refund.telegram_payment_charge_id, status: reversed.status },
    'stars refund from Telegram',
  );
  if (reversed.status !== 'reversed') return;
  const { money } = await readerMoney(ctx);
  await ctx.reply(
    ctx.t('stars-refunded', {
      stars: refund.total_amount,
      taken: money(reversed.taken),
      balance: money(reversed.balance),
    }),
    { parse_mode: 'HTML' },
  );
});
