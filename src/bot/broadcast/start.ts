// Broadcast, Telegram side. Its domain side (store, pacing, worker) is src/broadcast.
import {
  countAudience,
  createBroadcast,
  finishBroadcast,
  setProgressMessage,
} from '../../broadcast/store.js';
import type { BaseContext } from '../context.js';
import { translator } from '../i18n.js';
import { replyParams } from '../transport/reply-params.js';
import { broadcastMarkup, broadcastText } from './render.js';

export type StartResult = { kind: 'started'; id: number; total: number } | { kind: 'nobody' };

/** Admins are not recipients: they saw the message when they wrote it. */
export const audienceCount = (ctx: BaseContext): Promise<number> =>
  countAudience(ctx.deps.database, ctx.deps.config.ADMIN_IDS);

/**
 * Persists the broadcast of the admin's message, shows its progress message and hands it to
 * the worker. Called from the confirm button, so it runs once per press.
 */
export async function startBroadcast(
  ctx: BaseContext,
  messageId: number,
  locale: string,
): Promise<StartResult> {
  const { database: db, config } = ctx.deps;
  const chatId = ctx.chat?.id;
  const adminId = ctx.from?.id;
  if (chatId === undefined || adminId === undefined) return { kind: 'nobody' };
  const b = await createBroadcast(db, {
    adminId,
    sourceChatId: chatId,
    sourceMessageId: messageId,
    exclude: config.ADMIN_IDS,
  });
  if (b.total === 0) {
    await finishBroadcast(db, b.id, 'cancelled', 'nobody');
    return { kind: 'nobody' };
  }
  const t = translator(locale);
  try {
    const markup = broadcastMarkup(b, t);
    const shown = await ctx.api.sendMessage(chatId, broadcastText(b, t), {
      ...replyParams(messageId),
      ...(markup ? { reply_markup: markup } : {}),
    });
    await setProgressMessage(db, b.id, chatId, shown.message_id);
  } catch (err) {
    // The broadcast is saved; it goes out without a progress message and ends with its count.
    ctx.log.warn({ err, broadcast: b.id }, 'could not show the broadcast progress message');
  } finally {
    ctx.deps.broadcasts.kick();
  }
  return { kind: 'started', id: b.id, total: b.total };
}
