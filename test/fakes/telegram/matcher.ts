import type { InlineKeyboardButton, Message } from 'grammy/types';
import type { CallRecord } from './calls.js';

/** What to wait for among the bot's calls to this chat. */
export interface ReplyMatcher {
  /** Method name(s). Without it only calls that create or change a message match. */
  method?: string | string[];
  /** Text or caption of the resulting message (substring or RegExp); for other calls, params.text. */
  text?: string | RegExp;
  photo?: boolean;
  video?: boolean;
  document?: boolean;
  animation?: boolean;
  mediaGroup?: boolean;
  /** Whether the message is an invoice (sendInvoice). */
  invoice?: boolean;
  /** Whether the message has an inline keyboard. */
  buttons?: boolean;
  /** The message has a button with this text. */
  button?: string | RegExp;
  /** Only edits (true) or only new messages (false). */
  edit?: boolean;
  /** Match failed calls instead of successful ones. */
  failed?: boolean;
}

export type ReplyPredicate = (call: CallRecord, message: Message | undefined) => boolean;

export interface BotReply {
  call: CallRecord;
  /** The first message the call created or changed. */
  message: Message | undefined;
  messages: Message[];
}

export const textOf = (m: Message | undefined): string | undefined => m?.text ?? m?.caption;

const matches = (pattern: string | RegExp, value: string | undefined): boolean =>
  value !== undefined &&
  (typeof pattern === 'string' ? value.includes(pattern) : pattern.test(value));

export function buttonsOf(m: Message | undefined): InlineKeyboardButton[] {
  return m?.reply_markup?.inline_keyboard.flat() ?? [];
}

export function matcherToPredicate(m: ReplyMatcher): ReplyPredicate {
  const methods =
    m.method === undefined
      ? undefined
      : (Array.isArray(m.method) ? m.method : [m.method]).map((x) => x.toLowerCase());
  return (call, msg) => {
    if (call.response.ok === (m.failed === true)) return false;
    if (
      methods
        ? !methods.includes(call.method.toLowerCase())
        : call.messages.length === 0 && !m.failed
    )
      return false;
    if (m.edit !== undefined && call.method.startsWith('edit') !== m.edit) return false;
    const text = msg
      ? textOf(msg)
      : typeof call.params.text === 'string'
        ? call.params.text
        : undefined;
    if (m.text !== undefined && !matches(m.text, text)) return false;
    if (m.photo !== undefined && (msg?.photo !== undefined) !== m.photo) return false;
    if (m.video !== undefined && (msg?.video !== undefined) !== m.video) return false;
    if (
      m.document !== undefined &&
      (msg?.document !== undefined && msg.animation === undefined) !== m.document
    )
      return false;
    if (m.animation !== undefined && (msg?.animation !== undefined) !== m.animation) return false;
    if (m.mediaGroup !== undefined && (msg?.media_group_id !== undefined) !== m.mediaGroup)
      return false;
    if (m.invoice !== undefined && (msg?.invoice !== undefined) !== m.invoice) return false;
    if (m.buttons !== undefined && buttonsOf(msg).length > 0 !== m.buttons) return false;
    if (
      m.button !== undefined &&
      !buttonsOf(msg).some((b) => matches(m.button as string | RegExp, b.text))
    )
      return false;
    return true;
  };
}
