/**
 * Admin side of Telegram Stars: `/stars <user>` (and the /user card's button) lists a user's
 * payments with a refund button each; `/reconcile` (and a daily run) checks Telegram's Stars
 * transactions against the ledger. A refund asks first when the user has spent the credit.
 */
import { createHash } from 'node:crypto';
import { GrammyError, InlineKeyboard } from 'grammy';
import { userLocale } from '../../accounts/locale.js';
import { findUser } from '../../accounts/users.js';
import {
  planStarRefund,
  type RefundPlan,
  reverseStarPayment,
  type StarPayment,
  spentSome,
  starPaymentsOf,
} from '../../billing/star-payments.js';
import { Composer } from '../composer.js';
import type { BotContext } from '../context.js';
import { escapeHtml } from '../format.js';
import { type Translate, translateIn } from '../i18n.js';
import { isAdmin, readerMoney } from '../money/context.js';
import { displayName, type FormatMoney, formatWhen } from '../money/render.js';
import { callbackData } from '../transport/callback-data.js';
import { reconcileNow, renderReconcile } from './reconcile.js';

export const adminStarsFeature = new Composer<BotContext>();

const PAYMENTS_SHOWN = 10;

/** A charge id is too long for callback data beside the user id: a short digest names it. */
const chargeTag = (chargeId: string) =>
  createHash('sha256').update(chargeId).digest('base64url').slice(0, 12);

export const starsListData = (userId: number) => callbackData('sp', userId);
const refundData = (userId: number, chargeId: string, confirmed: boolean) =>
  callbackData(confirmed ? 'sry' : 'sr', userId, chargeTag(chargeId));

const admin = adminStarsFeature.chatType('private');

admin.command(['stars', 'reconcile'], async (ctx, next) => {
  if (isAdmin(ctx)) return next();
  await ctx.reply(ctx.t('unknown-command'));
});

function paymentLine(t: Translate, money: FormatMoney, locale: string, p: StarPayment): string {
  return t(p.status === 'refunded' ? 'stars-admin-line-refunded' : 'stars-admin-line', {
    stars: p.stars,
    credit: money(p.credit),
    reversed: money(p.reversed),
    when: formatWhen(p.createdAt, locale),
    charge: escapeHtml(p.chargeId),
  });
}

/** The payments of the user `query` names (an id or @username), with a refund button each. */
async function sendPayments(ctx: BotContext, query: string): Promise<void> {
  const { db } = ctx.deps;
  const user = await findUser(ctx.deps.database, query);
  if (!user) {
    await ctx.reply(ctx.t('user-unknown', { query: escapeHtml(query) }), { parse_mode: 'HTML' });
    return;
  }
  const userId = user.id;
  const { locale, money } = await readerMoney(ctx);
  const payments = starPaymentsOf(db, userId, PAYMENTS_SHOWN);
  const name = escapeHtml(displayName(user));
  if (payments.length === 0) {
    await ctx.reply(ctx.t('stars-admin-none', { name }), { parse_mode: 'HTML' });
    return;
  }
  const keyboard = new InlineKeyboard();
  for (const p of payments.filter((x) => x.status === 'paid')) {
    keyboard
      .text(
        ctx.t('stars-admin-refund-button', {
          stars: p.stars,
          when: formatWhen(p.createdAt, locale),
        }),
        refundData(userId, p.chargeId, false),
      )
      .row();
  }
  const lines = payments.map((p) => paymentLine(ctx.t, money, locale, p));
  await ctx.reply([ctx.t('stars-admin-title', { name }), ...lines].join('\n'), {
    parse_mode: 'HTML',
    reply_markup: keyboard,
  });
}

admin.command('stars', async (ctx) => {
  const query = ctx.match.trim();
  if (query === '') {
    await ctx.reply(ctx.t('stars-admin-usage'), { parse_mode: 'HTML' });
    return;
  }
  await sendPayments(ctx, query);
});

adminStarsFeature.callbackQuery(/^sp:(\d{1,16})$/, async (ctx) => {
  if (!isAdmin(ctx)) return ctx.answerCallbackQuery();
  await ctx.answerCallbackQuery();
  await sendPayments(ctx, ctx.match[1] ?? '');
});

adminStarsFeature.callbackQuery(/^(sry?):(\d{1,16}):([\w-]{12})$/, async (ctx) => {
  if (!isAdmin(ctx)) return ctx.answerCallbackQuery();
  const confirmed = ctx.match[1] === 'sry';
  const userId = Number(ctx.match[2]);
  const payment = starPaymentsOf(ctx.deps.db, userId, 1000).find(
    (p) => chargeTag(p.chargeId) === ctx.match[3],
  );
  const plan: RefundPlan = payment
    ? planStarRefund(ctx.deps.db, payment.chargeId)
    : { status: 'unknown' };
  if (plan.status !== 'refundable') {
    await ctx.answerCallbackQuery({
      text: ctx.t(plan.status === 'refunded' ? 'stars-admin-already' : 'stars-admin-unknown'),
      show_alert: true,
    });
    return;
  }
  await ctx.answerCallbackQuery();
  const { money } = await readerMoney(ctx);
  if (spentSome(plan) && !confirmed) {
    const keyboard = new InlineKeyboard().text(
      ctx.t('stars-admin-refund-anyway'),
      refundData(userId, plan.payment.chargeId, true),
    );
    await ctx.reply(
      ctx.t('stars-admin-spent', {
        stars: plan.payment.stars,
        credit: money(plan.payment.credit),
        left: money(plan.takeBack),
      }),
      { parse_mode: 'HTML', reply_markup: keyboard },
    );
    return;
  }
  await refund(ctx, plan.payment, money);
});

/** Telegram first: the credit is taken back only once the Stars have really gone back. */
async function refund(ctx: BotContext, payment: StarPayment, money: FormatMoney): Promise<void> {
  try {
    await ctx.api.refundStarPayment(payment.userId, payment.chargeId);
  } catch (err) {
    const already = err instanceof GrammyError && /CHARGE_ALREADY_REFUNDED/.test(err.description);
    if (!already) {
      ctx.log.warn({ err, charge: payment.chargeId }, 'refundStarPayment failed');
      const reason = err instanceof GrammyError ? err.description : String(err);
      await ctx.reply(ctx.t('stars-admin-refund-failed', { reason: escapeHtml(reason) }), {
        parse_mode: 'HTML',
      });
      return;
    }
  }
  const result = reverseStarPayment(ctx.deps.db, payment.chargeId);
  ctx.log.info({ charge: payment.chargeId, result }, 'stars payment refunded by an admin');
  if (result.status !== 'reversed') {
    await ctx.reply(ctx.t('stars-admin-already'));
    return;
  }
  await ctx.reply(
    ctx.t('stars-admin-refunded', {
      stars: payment.stars,
      taken: money(result.taken),
      balance: money(result.balance),
    }),
    { parse_mode: 'HTML' },
  );
  const locale = await userLocale(ctx.deps.database, payment.userId);
  const text = translateIn(locale, 'stars-refunded', {
    stars: payment.stars,
    taken: ctx.deps.money(result.taken, locale),
    balance: ctx.deps.money(result.balance, locale),
  });
  await ctx.api.sendMessage(payment.userId, text, { parse_mode: 'HTML' }).catch(() => {});
}

admin.command('reconcile', async (ctx) => {
  try {
    const report = await reconcileNow(ctx.api, ctx.deps.db);
    await ctx.reply(renderReconcile(ctx.t, report), { parse_mode: 'HTML' });
  } catch (err) {
    ctx.log.warn({ err }, 'reconciliation failed');
    await ctx.reply(ctx.t('reconcile-failed'));
  }
});
