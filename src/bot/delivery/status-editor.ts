import type { Api } from 'grammy';
import type { InlineKeyboardMarkup } from 'grammy/types';
import { isMessageGone, isNotModified } from '../telegram-errors.js';

interface Shown {
  text: string;
  at: number;
}

/**
 * Edits progress messages sparingly: only when the text changed and not more often than
 * `minIntervalMs` per message, so progress never trips Telegram's flood control.
 */
export class StatusEditor {
  private readonly shown = new Map<string, Shown>();

  constructor(
    private readonly api: Api,
    private readonly minIntervalMs = 4_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Returns false when the edit was skipped (throttled or unchanged) or the message is gone. */
  async edit(
    chatId: number,
    messageId: number,
    text: string,
    options: { force?: boolean; markup?: InlineKeyboardMarkup; html?: boolean } = {},
  ): Promise<boolean> {
    const key = `${chatId}:${messageId}`;
    const last = this.shown.get(key);
    if (last?.text === text) return false;
    if (!options.force && last && this.now() - last.at < this.minIntervalMs) return false;
    this.shown.set(key, { text, at: this.now() });
    try {
      await this.api.editMessageText(chatId, messageId, text, {
        ...(options.markup ? { reply_markup: options.markup } : {}),
        ...(options.html ? { parse_mode: 'HTML' as const } : {}),
        link_preview_options: { is_disabled: true },
      });
      return true;
    } catch (err) {
      if (isNotModified(err)) return false;
      if (isMessageGone(err)) {
        this.forget(chatId, messageId);
        return false;
      }
      throw err;
    }
  }

  forget(chatId: number, messageId: number): void {
    this.shown.delete(`${chatId}:${messageId}`);
  }

  get size(): number {
    return this.shown.size;
  }
}
