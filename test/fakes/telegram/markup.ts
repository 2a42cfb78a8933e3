import type { InlineKeyboardMarkup, ReplyKeyboardMarkup } from 'grammy/types';
import { badRequest } from './errors.js';
import { isRecord, json, type Params } from './params.js';

export interface ParsedMarkup {
  inline?: InlineKeyboardMarkup;
  reply?: ReplyKeyboardMarkup;
  remove?: boolean;
}

const ACTIONS = [
  'url',
  'callback_data',
  'web_app',
  'login_url',
  'switch_inline_query',
  'switch_inline_query_current_chat',
  'switch_inline_query_chosen_chat',
  'copy_text',
  'callback_game',
  'pay',
];

/** Validates reply_markup the way Telegram does for the parts bots commonly get wrong. */
export function parseMarkup(p: Params): ParsedMarkup | undefined {
  const m = json(p, 'reply_markup', 'reply keyboard markup JSON object');
  if (m === undefined) return undefined;
  if (!isRecord(m)) throw badRequest('object expected as reply markup');
  if (Array.isArray(m.inline_keyboard))
    return { inline: { inline_keyboard: inlineRows(m.inline_keyboard) } };
  if (Array.isArray(m.keyboard)) return { reply: m as unknown as ReplyKeyboardMarkup };
  if (m.remove_keyboard === true) return { remove: true };
  if (m.force_reply === true) return {};
  throw badRequest('object expected as reply markup');
}

function inlineRows(rows: unknown[]): InlineKeyboardMarkup['inline_keyboard'] {
  return rows.map((row) => {
    if (!Array.isArray(row))
      throw badRequest(
        'can\'t parse inline keyboard button: field "inline_keyboard" of the InlineKeyboardMarkup should be an Array of Arrays',
      );
    return row.map((b) => {
      if (!isRecord(b) || typeof b.text !== 'string') {
        throw badRequest(
          "can't parse inline keyboard button: InlineKeyboardButton must be an Object",
        );
      }
      if (!ACTIONS.some((a) => b[a] !== undefined)) {
        throw badRequest(
          "can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard",
        );
      }
      if (b.callback_data !== undefined) {
        const size = typeof b.callback_data === 'string' ? Buffer.byteLength(b.callback_data) : 0;
        if (size < 1 || size > 64) throw badRequest('BUTTON_DATA_INVALID');
      }
      if (
        b.url !== undefined &&
        (typeof b.url !== 'string' || !/^(https?|tg):\/\/\S+$/i.test(b.url))
      ) {
        throw badRequest('BUTTON_URL_INVALID');
      }
      return b as unknown as InlineKeyboardMarkup['inline_keyboard'][number][number];
    });
  });
}
