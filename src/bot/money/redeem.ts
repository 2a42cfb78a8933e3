import { hasWorkingKey } from '../../accounts/own-keys.js';
import { looksLikeCode } from '../../billing/code-format.js';
import { redeemWithLimit } from '../../billing/redeem-guard.js';
import { Composer } from '../composer.js';
import type { BotContext } from '../context.js';
import { readerMoney } from './context.js';
import { codeFromPayload, redeemFailureText } from './render.js';
import { payReferral } from './stars.js';

/**
 * Redeem codes: `/redeem CODE`, a code pasted alone in a private chat, and the deep link
 * `t.me/<bot>?start=redeem-CODE` (so this composer must run before the normal /start).
 */
export const redeemFeature = new Composer<BotContext>();

async function redeem(ctx: BotContext, code: string): Promise<void> {
  const user = ctx.user;
  if (!user) return;
  const { db, limiter } = ctx.deps;
  const result = await redeemWithLimit(db, limiter, { userId: user.id, code });
  if (!result.ok) {
    ctx.log.info({ reason: result.reason }, 'redeem refused');
    await ctx.reply(redeemFailureText(ctx.t, result), { parse_mode: 'HTML' });
    return;
  }
  ctx.log.info({ codeId: result.codeId, amount: result.amount }, 'code redeemed');
  const { money } = await readerMoney(ctx);
  let text = ctx.t('redeem-ok', { amount: money(result.amount), balance: money(result.balance) });
  if (await hasWorkingKey(ctx.deps.database, user.id)) text += `\n\n${ctx.t('redeem-ok-own-key')}`;
  await ctx.reply(text, { parse_mode: 'HTML' });
  await payReferral(ctx, user.id);
}

const privateChat = redeemFeature.chatType('private');

privateChat.command('start', async (ctx, next) => {
  const code = codeFromPayload(ctx.match);
  if (code === undefined) return next();
  await redeem(ctx, code);
});

redeemFeature.command('redeem', async (ctx) => {
  if (ctx.chat.type !== 'private') {
    await ctx.reply(ctx.t('not-in-private'));
    return;
  }
  const code = ctx.match.trim();
  if (code === '') {
    await ctx.reply(ctx.t('redeem-usage'), { parse_mode: 'HTML' });
    return;
  }
  await redeem(ctx, code);
});

privateChat.on('message:text', async (ctx, next) => {
  if (!looksLikeCode(ctx.message.text)) return next();
  await redeem(ctx, ctx.message.text);
});
