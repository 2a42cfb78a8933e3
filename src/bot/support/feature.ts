// Support, Telegram side. Its domain side (tickets, relay) is src/support.
import { createConversation } from '@grammyjs/conversations';
import type { Context } from 'grammy';
import { messageOfUser } from '../../support/store.js';
import { checkSupportMessage } from '../../support/validate.js';
import { Composer } from '../composer.js';
import type { BaseContext, BotContext } from '../context.js';
import { menuData } from '../start/menu.js';
import { replyParams } from '../transport/reply-params.js';
import { SUPPORT_REPLY_DATA } from './channel.js';
import {
  SUPPORT_CONVERSATION,
  SUPPORT_WAIT_MS,
  type SupportMode,
  supportConversation,
} from './conversation.js';
import { sendSupportMessage, supportResultText } from './send.js';

/** The user's side of support: /support, the Support buttons, and replies to answers. */
export const supportFeature = new Composer<BotContext>();

supportFeature.use(
  createConversation<BaseContext, Context>(supportConversation, {
    id: SUPPORT_CONVERSATION,
    maxMillisecondsToWait: SUPPORT_WAIT_MS,
  }),
);

async function openSupport(ctx: BotContext, mode: SupportMode): Promise<void> {
  const { config } = ctx.deps;
  if (config.SUPPORT_CHAT_ID === undefined) {
    const contact = config.SUPPORT_CONTACT;
    await ctx.reply(contact ? ctx.t('support-contact', { contact }) : ctx.t('support-not-set-up'));
    return;
  }
  // Support wins over a half-finished flow of another feature (only one runs per chat).
  await ctx.conversation.exitAll();
  await ctx.conversation.enter(SUPPORT_CONVERSATION, ctx.i18n.getLocale(), mode);
}

const privateLink = (ctx: BotContext) => `https://t.me/${ctx.me.username}?start=support`;

const inPrivate = supportFeature.chatType('private');
inPrivate.command('support', (ctx) => openSupport(ctx, 'new'));
// Telegram requires bots that sell in Stars to answer /paysupport.
inPrivate.command('paysupport', (ctx) => openSupport(ctx, 'payment'));
inPrivate.command('start', (ctx, next) =>
  ctx.match.trim() === 'support' ? openSupport(ctx, 'new') : next(),
);

supportFeature.command(['support', 'paysupport'], (ctx) =>
  ctx.reply(ctx.t('support-private-only', { link: privateLink(ctx) })),
);

for (const [data, mode] of [
  [menuData('support'), 'new'],
  [SUPPORT_REPLY_DATA, 'reply'],
] as const) {
  supportFeature.callbackQuery(data, async (ctx) => {
    if (ctx.chat?.type !== 'private') {
      await ctx.answerCallbackQuery({ url: privateLink(ctx) });
      return;
    }
    await ctx.answerCallbackQuery();
    await openSupport(ctx, mode);
  });
}

// A reply to an answer from support goes straight back to the ticket: the reply itself says
// where it belongs, so there is nothing to confirm.
inPrivate.on('message', async (ctx, next) => {
  const target = ctx.message.reply_to_message;
  if (
    !target ||
    target.from?.id !== ctx.me.id ||
    ctx.deps.config.SUPPORT_CHAT_ID === undefined ||
    ctx.message.text?.startsWith('/') ||
    !(await messageOfUser(ctx.deps.database, ctx.from.id, target.message_id, 'out'))
  ) {
    return next();
  }
  const check = checkSupportMessage(ctx.message);
  if (!check.ok) {
    await ctx.reply(
      check.reason === 'too_long'
        ? ctx.t('support-too-long', { length: check.length, max: check.max })
        : ctx.t(check.reason === 'empty' ? 'support-empty' : 'support-unsupported'),
    );
    return;
  }
  const result = await sendSupportMessage(ctx, ctx.message.message_id);
  await ctx.reply(supportResultText(ctx.t, result, ctx.deps.config.SUPPORT_CONTACT), {
    ...replyParams(ctx.message.message_id),
  });
});
