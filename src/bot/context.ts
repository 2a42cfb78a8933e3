import type { ConversationFlavor } from '@grammyjs/conversations';
import type { Context, SessionFlavor } from 'grammy';
import type { User } from '../accounts/users.js';
import type { Logger } from '../infra/logger.js';
import type { BotDeps } from './deps.js';
import type { I18nFlavor } from './i18n.js';

/** UI state only: money, keys, codes and jobs live in the database. */
export interface SessionData {
  /** What the next plain message of this chat is for, when a command asked for more input. */
  awaiting?: { kind: string; since: number; data?: Record<string, unknown> };
}

export interface BotExtras {
  deps: BotDeps;
  /** Per-update child logger (update id, chat, user). */
  log: Logger;
  /** The sender's row, set for every update with a human sender. */
  user?: User;
  /** The welcome credit this update gave (minor units), for the greeting to mention. */
  welcomed?: number;
}

export type BaseContext = Context & I18nFlavor & SessionFlavor<SessionData> & BotExtras;
export type BotContext = ConversationFlavor<BaseContext>;
