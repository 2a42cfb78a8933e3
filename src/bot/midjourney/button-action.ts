/**
 * A Midjourney result's button, pressed in the chat or tapped in the gallery: checked against the
 * buttons stored with the job (callback data and page requests may be stale or forged) and turned
 * into the action job both start. Pure: no I/O.
 */
import type { Catalog, MjAction } from '../../catalog/index.js';
import {
  classifyMjCustomId,
  layoutMjButtons,
  mjActionPriceKind,
  modalPriceOf,
} from '../../catalog/index.js';
import { type MjStoredButton, mjResultOf } from '../../jobs/midjourney/result.js';
import { resultUsable } from '../../jobs/state.js';
import type { JobRow } from '../../jobs/store.js';
import type { MjStart } from './mj-jobs.js';

export type MjButtonStart =
  | { ok: true; button: MjStoredButton; action: MjAction; start: MjStart }
  | { ok: false; reason: 'stale' | 'region' | 'unsupported' | 'model_off' };

/**
 * The action behind button `index` of a finished Midjourney job. Custom Zoom stops in MODAL:
 * the chat asks for its prompt right away, the gallery sends it along (`modalPrompt`).
 */
export function mjButtonStart(
  catalog: Catalog,
  job: JobRow,
  index: number,
  modalPrompt?: string,
): MjButtonStart {
  const result = mjResultOf(job);
  const button = result.buttons?.[index];
  if (job.family !== 'midjourney' || !resultUsable(job.status) || !button || !result.taskId)
    return { ok: false, reason: 'stale' };
  const action = classifyMjCustomId(button.customId);
  // A mask is painted in the Mini App's editor; neither a chat button nor this path draws one.
  if (action.kind === 'inpaint') return { ok: false, reason: 'region' };
  const priceKind = mjActionPriceKind(action);
  if (!priceKind) return { ok: false, reason: 'unsupported' };
  const model = catalog.get(job.model, 'midjourney');
  if (!model) return { ok: false, reason: 'model_off' };
  const zoom = action.kind === 'custom_zoom';
  return {
    ok: true,
    button,
    action,
    start: {
      kind: 'action',
      model,
      params: {
        op: 'action',
        taskId: result.taskId,
        customId: button.customId,
        action: action.kind,
        prompt: result.prompt ?? '',
        ...(zoom ? { modalAsked: true } : {}),
        ...(zoom && modalPrompt !== undefined ? { modalPrompt } : {}),
      },
      priceKind,
      payer: job.payer,
      parentJobId: job.id,
    },
  };
}

/** The action's name in a toast or a question: the button's own label, else its kind's name. */
export function mjButtonLabel(
  t: (key: string) => string,
  button: MjStoredButton,
  action: MjAction,
): string {
  const named = t(`mj-action-${action.kind}`);
  return button.label.trim() || (named.startsWith('mj-action-') ? action.kind : named);
}

/** What the modal step of this action will reserve too, when it certainly has one. */
export const mjThenReserves = (catalog: Catalog, job: JobRow, action: MjAction): number =>
  action.kind === 'custom_zoom' ? (modalPriceOf(catalog, job) ?? 0) : 0;

/** A button as the gallery shows it: its place in the stored list, its text, and whether it
 * needs a prompt first (Custom Zoom). */
export interface MjGalleryButton {
  index: number;
  text: string;
  prompt: boolean;
}

/**
 * The rows the chat keyboard shows for this result (the same layout and filtering), without
 * Vary (Region), which the gallery opens in its own editor.
 */
export function mjGalleryButtons(job: JobRow): MjGalleryButton[][] {
  const result = mjResultOf(job);
  const buttons = result.buttons ?? [];
  if (job.family !== 'midjourney' || !resultUsable(job.status) || !result.taskId) return [];
  const kindAt = (index: number) => classifyMjCustomId(buttons[index]?.customId ?? '').kind;
  return layoutMjButtons(buttons)
    .map((row) =>
      row
        .filter((cell) => kindAt(cell.index) !== 'inpaint')
        .map((cell) => ({ ...cell, prompt: kindAt(cell.index) === 'custom_zoom' })),
    )
    .filter((row) => row.length > 0);
}
