// Broadcast, Telegram side. Its domain side (store, pacing, worker) is src/broadcast.
import { createConversation } from '@grammyjs/conversations';
import type { Context } from 'grammy';
import { finishBroadcast, getBroadcast } from '../../broadcast/store.js';
import { Composer } from '../composer.js';
import type { BaseContext, BotContext } from '../context.js';
import { isAdmin } from '../support/texts.js';
import { isMessageGone, isNotModified } from '../transport/telegram-errors.js';
import {
  BROADCAST_CONVERSATION,
  BROADCAST_WAIT_MS,
  broadcastConversation,
} from './conversation.js';
import { broadcastMarkup, broadcastText, STOP_RE } from './render.js';

/** `/broadcast` and the Stop button of a running broadcast (admins only). */
export const broadcastFeature = new Composer<BotContext>();

broadcastFeature.use(
  createConversation<BaseContext, Context>(broadcastConversation, {
    id: BROADCAST_CONVERSATION,
    maxMillisecondsToWait: BROADCAST_WAIT_MS,
  }),
);

const admin = broadcastFeature
  .chatType('private')
  .filter((ctx) => isAdmin(ctx.deps.config, ctx.from?.id));

admin.command('broadcast', async (ctx) => {
  await ctx.conversation.exitAll();
  await ctx.conversation.enter(BROADCAST_CONVERSATION, ctx.i18n.getLocale());
});

admin.callbackQuery(STOP_RE, async (ctx) => {
  const id = Number(ctx.match[1]);
  const db = ctx.deps.database;
  if (!(await finishBroadcast(db, id, 'cancelled'))) {
    await ctx.answerCallbackQuery({ text: ctx.t('broadcast-not-running') });
    return;
  }
  await ctx.answerCallbackQuery({ text: ctx.t('broadcast-stopping') });
  // A worker that is sending it shows the final count when it notices; otherwise show it here.
  if (ctx.deps.broadcasts.isSending(id)) return;
  const b = await getBroadcast(db, id);
  if (!b) return;
  const markup = broadcastMarkup(b, ctx.t);
  await ctx
    .editMessageText(broadcastText(b, ctx.t), markup ? { reply_markup: markup } : {})
    .catch((err: unknown) => {
      if (!isNotModified(err) && !isMessageGone(err)) throw err;
    });
});
