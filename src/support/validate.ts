// Support, domain side (tickets, relay; no grammY). Its Telegram side is src/bot/support.
/** What may go to support, decided before anything is sent. */

/**
 * A support request is read by a person in a chat; longer texts (logs, configs) read better as
 * a file, which is forwarded just the same.
 */
export const SUPPORT_TEXT_MAX = 3000;

export interface SupportMessageShape {
  text?: string;
  caption?: string;
  photo?: unknown;
  document?: unknown;
}

export type SupportCheck =
  | { ok: true }
  | { ok: false; reason: 'empty' | 'unsupported' }
  | { ok: false; reason: 'too_long'; length: number; max: number };

// Whitespace and the invisible characters clients let through (zero-width space, joiners, BOM).
const INVISIBLE = /[\s\u200B-\u200D\u2060\uFEFF]/g;

export function checkSupportMessage(m: SupportMessageShape): SupportCheck {
  const media = m.photo !== undefined || m.document !== undefined;
  const words = m.text ?? m.caption;
  if (!media && m.text === undefined) return { ok: false, reason: 'unsupported' };
  if (!media && (words ?? '').replace(INVISIBLE, '') === '') return { ok: false, reason: 'empty' };
  const length = [...(words ?? '')].length;
  if (length > SUPPORT_TEXT_MAX)
    return { ok: false, reason: 'too_long', length, max: SUPPORT_TEXT_MAX };
  return { ok: true };
}
