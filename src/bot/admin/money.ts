import { InlineKeyboard, InputFile } from 'grammy';
import { getOwnKeyInfo } from '../../accounts/own-keys.js';
import { findUser } from '../../accounts/users.js';
import { adjust, recentEntries } from '../../billing/ledger.js';
import { MAX_CODE_USES, MAX_MINT_COUNT, mintCodes } from '../../billing/redeem-codes.js';
import { starPaymentsOf } from '../../billing/star-payments.js';
import { listUserJobs } from '../../jobs/store.js';
import { Composer } from '../composer.js';
import type { BotContext } from '../context.js';
import { escapeHtml, splitMessage } from '../format.js';
import type { Translate } from '../i18n.js';
import { adminMaxAmount, parseCodesArgs, parseCreditArgs } from '../money/args.js';
import { isAdmin, readerMoney, withModels } from '../money/context.js';
import {
  amountErrorText,
  codesFileText,
  displayName,
  type FormatMoney,
  formatWhen,
  renderUserCard,
  signedMoney,
} from '../money/render.js';
import { starsListData } from './stars.js';

/**
 * Admin money tools, in private chats: `/codes` mints redeem codes, `/credit` adjusts a balance
 * (audited in the ledger with the admin and the note), `/user` shows a user's money and jobs.
 * For everyone else these commands do not exist.
 */
export const adminMoneyFeature = new Composer<BotContext>();

/** Up to this many codes are also shown in the chat, each tap-to-copy. */
export const INLINE_CODES = 10;
const USER_JOBS = 5;
const USER_LEDGER = 10;

const admin = adminMoneyFeature.chatType('private');

admin.command(['codes', 'credit', 'user'], async (ctx, next) => {
  if (isAdmin(ctx)) return next();
  await ctx.reply(ctx.t('unknown-command'));
});

function amountError(
  ctx: BotContext,
  money: FormatMoney,
  reason: Parameters<typeof amountErrorText>[1],
  value: string,
): string {
  const { CURRENCY, CURRENCY_DECIMALS } = ctx.deps.config;
  return amountErrorText(ctx.t, reason, value, {
    currency: CURRENCY,
    max: money(adminMaxAmount(CURRENCY_DECIMALS)),
  });
}

/** Long texts in parts; the keyboard goes under the last one. */
async function replyHtml(ctx: BotContext, text: string, keyboard?: InlineKeyboard): Promise<void> {
  const parts = splitMessage(text);
  for (const [i, part] of parts.entries()) {
    await ctx.reply(part, {
      parse_mode: 'HTML',
      link_preview_options: { is_disabled: true },
      ...(keyboard && i === parts.length - 1 ? { reply_markup: keyboard } : {}),
    });
  }
}

function inlineCodes(t: Translate, codes: string[]): string {
  return [t('codes-inline-title'), ...codes.map((c) => `<code>${c}</code>`)].join('\n');
}

admin.command('codes', async (ctx) => {
  const { locale, money } = await readerMoney(ctx);
  const { config, db } = ctx.deps;
  const now = Date.now();
  const parsed = parseCodesArgs(ctx.match, config.CURRENCY_DECIMALS, now);
  if (!parsed.ok) {
    let text: string;
    switch (parsed.error) {
      case 'usage':
        text = ctx.t('codes-usage', { currency: escapeHtml(config.CURRENCY) });
        break;
      case 'count':
        text = ctx.t('codes-bad-count', { max: MAX_MINT_COUNT });
        break;
      case 'uses':
        text = ctx.t('codes-bad-uses', { max: MAX_CODE_USES });
        break;
      case 'expiry':
        text = ctx.t('codes-bad-expiry', { value: escapeHtml(parsed.value) });
        break;
      case 'amount':
        text = amountError(ctx, money, parsed.reason, parsed.value);
        break;
    }
    await ctx.reply(text, { parse_mode: 'HTML' });
    return;
  }
  const args = parsed.value;
  const { batchId, codes } = mintCodes(db, { ...args, createdBy: ctx.from.id, now });
  ctx.log.info(
    { batch: batchId, count: codes.length, amount: args.amount, maxUses: args.maxUses },
    'redeem codes minted',
  );
  const expiry =
    args.expiresAt === null
      ? ctx.t('codes-expiry-never')
      : ctx.t('codes-expiry-at', { date: formatWhen(args.expiresAt, locale) });
  const file = codesFileText(ctx.t, {
    batchId,
    codes,
    amount: money(args.amount),
    maxUses: args.maxUses,
    expiry,
    created: formatWhen(now, locale),
    adminId: ctx.from.id,
    botUsername: ctx.me.username,
  });
  const caption = ctx.t('codes-done', {
    count: codes.length,
    amount: money(args.amount),
    uses: args.maxUses,
    expiry,
    batch: batchId,
  });
  try {
    await ctx.replyWithDocument(new InputFile(Buffer.from(file, 'utf8'), `codes-${batchId}.txt`), {
      caption,
      parse_mode: 'HTML',
    });
  } catch (err) {
    // The codes exist now and are shown only once: never lose them to a failed upload.
    ctx.log.error({ err, batch: batchId }, 'could not send the codes file; sending them inline');
    await replyHtml(ctx, `${caption}\n\n${inlineCodes(ctx.t, codes)}`);
    return;
  }
  if (codes.length <= INLINE_CODES) await replyHtml(ctx, inlineCodes(ctx.t, codes));
});

admin.command('credit', async (ctx) => {
  const { money } = await readerMoney(ctx);
  const { config, db } = ctx.deps;
  const parsed = parseCreditArgs(ctx.match, config.CURRENCY_DECIMALS);
  if (!parsed.ok) {
    const text =
      parsed.error === 'usage'
        ? ctx.t('credit-usage')
        : amountError(ctx, money, parsed.reason, parsed.value);
    await ctx.reply(text, { parse_mode: 'HTML' });
    return;
  }
  const { user: query, amount, note } = parsed.value;
  const target = await findUser(ctx.deps.database, query);
  if (!target) {
    await ctx.reply(ctx.t('credit-unknown-user', { query: escapeHtml(query) }), {
      parse_mode: 'HTML',
    });
    return;
  }
  const name = escapeHtml(displayName(target));
  const result = adjust(db, {
    userId: target.id,
    amount,
    actorId: ctx.from.id,
    ...(note ? { note } : {}),
    // A re-delivered update (at-least-once polling) must not credit twice.
    idempotencyKey: `credit:${ctx.chat.id}:${ctx.msg.message_id}`,
  });
  if (!result.ok) {
    await ctx.reply(ctx.t('credit-below-zero', { name, balance: money(result.balance) }), {
      parse_mode: 'HTML',
    });
    return;
  }
  ctx.log.info(
    { target: target.id, amount, balance: result.balance, replay: result.replay },
    'admin balance adjustment',
  );
  await ctx.reply(
    ctx.t('credit-done', {
      amount: signedMoney(money, amount),
      name,
      id: String(target.id),
      balance: money(result.balance),
    }),
    { parse_mode: 'HTML' },
  );
});

admin.command('user', async (ctx) => {
  const query = ctx.match.trim();
  if (query === '') {
    await ctx.reply(ctx.t('user-usage'), { parse_mode: 'HTML' });
    return;
  }
  const { db, catalog } = ctx.deps;
  const user = await findUser(ctx.deps.database, query);
  if (!user) {
    await ctx.reply(ctx.t('user-unknown', { query: escapeHtml(query) }), { parse_mode: 'HTML' });
    return;
  }
  const { locale, money } = await readerMoney(ctx);
  const text = renderUserCard(ctx.t, money, locale, catalog, {
    user,
    key: await getOwnKeyInfo(ctx.deps.database, user.id),
    jobs: listUserJobs(db, user.id, USER_JOBS),
    ledger: withModels(ctx.deps, recentEntries(db, user.id, USER_LEDGER)),
  });
  const paid = starPaymentsOf(db, user.id, 1).length > 0;
  await replyHtml(
    ctx,
    text,
    paid
      ? new InlineKeyboard().text(ctx.t('user-stars-button'), starsListData(user.id))
      : undefined,
  );
});
