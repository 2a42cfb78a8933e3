// Broadcast, Telegram side. Its domain side (store, pacing, worker) is src/broadcast.
import { type Api, GrammyError, HttpError } from 'grammy';
import { userLocale } from '../../accounts/locale.js';
import type { Broadcast } from '../../broadcast/store.js';
import type { BroadcastSender, SendOutcome } from '../../broadcast/worker.js';
import type { Database } from '../../db/engine.js';
import type { Logger } from '../../infra/logger.js';
import { translator } from '../i18n.js';
import { replyParams } from '../transport/reply-params.js';
import { isMessageGone, isNotModified } from '../transport/telegram-errors.js';
import { broadcastMarkup, broadcastText } from './render.js';

/** Telegram's answer to one copy, as the worker needs it. */
export function classifySendError(err: unknown): SendOutcome {
  if (err instanceof GrammyError) {
    if (err.error_code === 429) {
      return { kind: 'retry_after', seconds: Math.max(1, err.parameters.retry_after ?? 1) };
    }
    // A user in our table has started the bot once, so any 403 means they left it.
    if (err.error_code === 403) return { kind: 'blocked' };
    if (err.error_code === 400 && /message to copy not found/i.test(err.description)) {
      return { kind: 'source_gone' };
    }
    if (err.error_code >= 500) return { kind: 'unavailable', reason: err.description };
    return { kind: 'failed', reason: err.description };
  }
  if (err instanceof HttpError) return { kind: 'unavailable', reason: err.message };
  return { kind: 'failed', reason: err instanceof Error ? err.message : String(err) };
}

/**
 * The worker's way to Telegram. `api` is bot.api, whose auto-retry waits out a 429 for exactly
 * its retry_after; a longer one comes back here as `retry_after` for the worker to wait.
 */
export class TelegramBroadcastSender implements BroadcastSender {
  constructor(private readonly d: { api: Api; db: Database; logger: Logger }) {}

  async send(userId: number, source: { chatId: number; messageId: number }): Promise<SendOutcome> {
    try {
      await this.d.api.copyMessage(userId, source.chatId, source.messageId);
      return { kind: 'sent' };
    } catch (err) {
      return classifySendError(err);
    }
  }

  async progress(b: Broadcast): Promise<void> {
    await this.edit(b);
  }

  async finished(b: Broadcast): Promise<void> {
    await this.edit(b);
    // The edit is silent; a new message tells the admin it is over.
    const t = translator(await userLocale(this.d.db, b.adminId));
    await this.d.api.sendMessage(b.progressChatId ?? b.adminId, broadcastText(b, t), {
      ...replyParams(b.progressMessageId),
    });
  }

  private async edit(b: Broadcast): Promise<void> {
    if (b.progressChatId === null || b.progressMessageId === null) return;
    const t = translator(await userLocale(this.d.db, b.adminId));
    const markup = broadcastMarkup(b, t);
    try {
      await this.d.api.editMessageText(b.progressChatId, b.progressMessageId, broadcastText(b, t), {
        ...(markup ? { reply_markup: markup } : {}),
      });
    } catch (err) {
      if (isNotModified(err) || isMessageGone(err)) return;
      throw err;
    }
  }
}
