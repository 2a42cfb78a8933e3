/**
 * Midjourney keyboards and their callback data. Midjourney customIds are 58–79 bytes, over
 * Telegram's 64-byte callback_data limit, so buttons carry only the job id and the button's
 * position in the list stored with the job (`mj:<jobId>:<index>`, 16 bytes at most).
 */
import { InlineKeyboard } from 'grammy';
import { layoutMjButtons } from '../../catalog/mj-actions.js';
import type { MjStoredButton } from '../../jobs/midjourney/result.js';
import type { Translate } from '../i18n.js';
import { callbackData } from '../transport/callback-data.js';

const JOB_ID = '[a-hjkmnp-z2-9]{10}';
export const MJ_BUTTON_RE = new RegExp(`^mj:(${JOB_ID}):(\\d{1,2})$`);
export const MJ_DESCRIBE_RE = new RegExp(`^mjd:(${JOB_ID}):([0-9])$`);
export const MJ_MODAL_RE = new RegExp(`^mjm:(${JOB_ID}):([kec])$`);
export const MJ_BLEND_RE = /^mjb:([psl])$/;

export const mjButtonData = (jobId: string, index: number) => callbackData('mj', jobId, index);
export const mjDescribeData = (jobId: string, n: number) => callbackData('mjd', jobId, n);
export type MjModalChoice = 'k' | 'e' | 'c';
export const mjModalData = (jobId: string, choice: MjModalChoice) =>
  callbackData('mjm', jobId, choice);

export const BLEND_DIMENSIONS = {
  p: 'PORTRAIT',
  s: 'SQUARE',
  l: 'LANDSCAPE',
} as const;
export type BlendKey = keyof typeof BLEND_DIMENSIONS;

/** The gateway's buttons laid out like Midjourney's; ones it cannot run are left out. */
export function mjResultKeyboard(
  jobId: string,
  buttons: readonly MjStoredButton[],
): InlineKeyboard | undefined {
  const rows = layoutMjButtons(buttons);
  if (rows.length === 0) return undefined;
  const keyboard = new InlineKeyboard();
  rows.forEach((row, i) => {
    if (i > 0) keyboard.row();
    for (const cell of row) keyboard.text(cell.text, mjButtonData(jobId, cell.index));
  });
  return keyboard;
}

const KEYCAPS = ['1️⃣', '2️⃣', '3️⃣', '4️⃣', '5️⃣', '6️⃣', '7️⃣', '8️⃣', '9️⃣'];
export const keycap = (n: number) => KEYCAPS[n - 1] ?? String(n);

/** One "imagine this" button per described prompt, two per row. */
export function mjDescribeKeyboard(t: Translate, jobId: string, count: number): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  for (let n = 1; n <= Math.min(count, KEYCAPS.length); n++) {
    if (n > 1 && n % 2 === 1) keyboard.row();
    keyboard.text(t('mj-describe-button', { n: keycap(n) }), mjDescribeData(jobId, n));
  }
  return keyboard;
}

export function mjModalKeyboard(t: Translate, jobId: string): InlineKeyboard {
  return new InlineKeyboard()
    .text(t('mj-modal-button-keep'), mjModalData(jobId, 'k'))
    .text(t('mj-modal-button-new'), mjModalData(jobId, 'e'))
    .row()
    .text(t('mj-modal-button-cancel'), mjModalData(jobId, 'c'));
}

export function mjBlendKeyboard(t: Translate): InlineKeyboard {
  return new InlineKeyboard()
    .text(t('mj-blend-portrait'), callbackData('mjb', 'p'))
    .text(t('mj-blend-square'), callbackData('mjb', 's'))
    .text(t('mj-blend-landscape'), callbackData('mjb', 'l'));
}

/** Every callback_data of a keyboard (tests assert the 64-byte limit on all of them). */
export function callbackDataOf(keyboard: InlineKeyboard): string[] {
  return keyboard.inline_keyboard
    .flat()
    .flatMap((b) => ('callback_data' in b && b.callback_data ? [b.callback_data] : []));
}
