import type { Api } from 'grammy';
import type { InlineKeyboardMarkup } from 'grammy/types';
import { isMessageGone, isNotModified } from '../transport/telegram-errors.js';

interface Shown {
  text: string;
  at: number;
}

export interface StatusEditorOptions {
  /** Per message, no two edits closer than this (forced ones excepted). */
  minIntervalMs?: number;
  now?: () => number;
  /** True while sends are backed up: progress would arrive stale and delay results. */
  congested?: (chatId: number) => boolean;
}

/**
 * Edits progress messages sparingly: only when the text changed, not more often than
 * `minIntervalMs` per message, and not while sends are backed up, so progress never trips
 * Telegram's flood control nor takes a result's place in the queue.
 */
export class StatusEditor {
  private readonly shown = new Map<string, Shown>();
  private readonly minIntervalMs: number;
  private readonly now: () => number;
  private readonly congested: (chatId: number) => boolean;

  constructor(
    private readonly api: Api,
    options: StatusEditorOptions = {},
  ) {
    this.minIntervalMs = options.minIntervalMs ?? 4_000;
    this.now = options.now ?? Date.now;
    this.congested = options.congested ?? (() => false);
  }

  /** Returns false when the edit was skipped (throttled, congested, unchanged) or the message is gone. */
  async edit(
    chatId: number,
    messageId: number,
    text: string,
    options: { force?: boolean; markup?: InlineKeyboardMarkup; html?: boolean } = {},
  ): Promise<boolean> {
    const key = `${chatId}:${messageId}`;
    const last = this.shown.get(key);
    if (last?.text === text) return false;
    if (!options.force) {
      if (last && this.now() - last.at < this.minIntervalMs) return false;
      if (this.congested(chatId)) return false;
    }
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
