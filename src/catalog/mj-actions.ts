/**
 * Midjourney buttons: what a customId does, whether new-api can run it, and how to lay the
 * buttons out in Telegram the way Midjourney does. `supported` mirrors new-api's
 * `CoverPlusActionToNormalAction` exactly (gateway-protocol §3.4): anything it cannot map is
 * answered with HTTP 400 `unknown_action`, so the bot must not offer it.
 */
import type { MjPriceKind } from './constants.js';

export type MjActionKind =
  | 'upscale'
  | 'variation'
  | 'low_variation'
  | 'high_variation'
  | 'reroll'
  | 'zoom'
  | 'pan'
  | 'custom_zoom'
  | 'inpaint'
  | 'describe_pick'
  | 'describe_retry'
  | 'describe_all'
  | 'bookmark'
  | 'animate'
  | 'unknown';

export type MjDirection = 'left' | 'right' | 'up' | 'down';

export interface MjAction {
  kind: MjActionKind;
  /** The index new-api sends upstream: U/V number from the customId, else 1 (§3.4 table). */
  index?: number;
  direction?: MjDirection;
  /** Zoom-out factor of `Outpaint::50` (2) and `Outpaint::75` (1.5). */
  zoom?: number;
  /** The action opens a modal that needs a prompt (Custom Zoom) or a mask (Vary Region). */
  modal: 'prompt' | 'mask' | null;
  /** Can the bot run it through new-api's /mj/submit/action. */
  supported: boolean;
}

const UNKNOWN: MjAction = { kind: 'unknown', modal: null, supported: false };

/** Go's strconv.Atoi on a plain decimal; anything else makes new-api reject the customId. */
function atoi(s: string | undefined): number | undefined {
  return s !== undefined && /^[+-]?\d{1,9}$/.test(s) ? Number(s) : undefined;
}

/** Buttons new-api rejects but which we still name, so the UI can explain or hide them. */
function classifyUnsupported(parts: string[]): MjAction {
  const [, second, third, fourth] = parts;
  const no = { modal: null, supported: false } as const;
  if (second === 'BOOKMARK') return { kind: 'bookmark', ...no };
  if (second === 'Picread' && third === 'Retry') return { kind: 'describe_retry', ...no };
  if (second === 'Job' && third === 'PicReader') {
    if (fourth === 'all') return { kind: 'describe_all', ...no };
    const index = atoi(fourth);
    // The proxy answers a PicReader click with a modal holding the chosen prompt.
    if (index !== undefined)
      return { kind: 'describe_pick', index, modal: 'prompt', supported: false };
  }
  if (second === 'JOB' && third?.startsWith('animate')) return { kind: 'animate', ...no };
  return UNKNOWN;
}

const DIRECTIONS: readonly MjDirection[] = ['left', 'right', 'up', 'down'];
const OUTPAINT_ZOOM: Readonly<Record<string, number>> = { '50': 2, '75': 1.5 };

export function classifyMjCustomId(customId: string): MjAction {
  const parts = customId.split('::');
  if (parts.length < 2) return UNKNOWN;
  // Case-sensitive on purpose: describe buttons use `Job`, which new-api does not treat as JOB.
  const token = parts[1] === 'JOB' ? parts[2] : parts[1];
  if (token === undefined) return UNKNOWN;
  const ok = { modal: null, supported: true } as const;

  // Same order of tests as new-api: `contains` for upsample/pan/reroll, equality for the rest.
  if (token.includes('upsample')) {
    const index = atoi(parts[3]);
    return index === undefined ? UNKNOWN : { kind: 'upscale', index, ...ok };
  }
  if (token === 'variation') {
    const index = atoi(parts[3]);
    return index === undefined ? UNKNOWN : { kind: 'variation', index, ...ok };
  }
  if (token === 'low_variation') return { kind: 'low_variation', index: 1, ...ok };
  if (token === 'high_variation') return { kind: 'high_variation', index: 1, ...ok };
  if (token.includes('pan')) {
    const direction = DIRECTIONS.find((d) => token === `pan_${d}`);
    return { kind: 'pan', index: 1, ...(direction ? { direction } : {}), ...ok };
  }
  if (token.includes('reroll')) return { kind: 'reroll', index: 1, ...ok };
  if (token === 'Outpaint') {
    const zoom = OUTPAINT_ZOOM[parts[2] ?? ''];
    return { kind: 'zoom', index: 1, ...(zoom ? { zoom } : {}), ...ok };
  }
  if (token === 'CustomZoom')
    return { kind: 'custom_zoom', index: 1, modal: 'prompt', supported: true };
  if (token === 'Inpaint') return { kind: 'inpaint', index: 1, modal: 'mask', supported: true };
  return classifyUnsupported(parts);
}

/** The catalog price of running a supported action (the modal step is priced as `modal`). */
export function mjActionPriceKind(action: MjAction): MjPriceKind | null {
  if (!action.supported) return null;
  switch (action.kind) {
    case 'upscale':
    case 'variation':
    case 'low_variation':
    case 'high_variation':
    case 'reroll':
    case 'zoom':
    case 'pan':
    case 'custom_zoom':
    case 'inpaint':
      return action.kind;
    default:
      return null;
  }
}

// ── Layout ──────────────────────────────────────────────────────────────────────────────────

export interface MjButtonInput {
  customId: string;
  emoji?: string;
  label?: string;
}

/** One Telegram button; `index` is the button's position in the input list. */
export interface MjButtonCell {
  index: number;
  text: string;
}

const ARROWS: Readonly<Record<MjDirection, string>> = {
  left: '⬅️',
  right: '➡️',
  up: '⬆️',
  down: '⬇️',
};

/** Unicode emoji only: Discord custom emoji arrive as names ("upscale_1", "<:name:id>"). */
function unicodeEmoji(emoji: string | undefined): string | undefined {
  const e = emoji?.trim();
  if (!e || /[A-Za-z_<>:]/.test(e)) return undefined;
  return /\p{Extended_Pictographic}|\u20E3/u.test(e) ? e : undefined;
}

function fallbackText(a: MjAction): string {
  switch (a.kind) {
    case 'upscale':
      return `U${a.index ?? ''}`;
    case 'variation':
      return `V${a.index ?? ''}`;
    case 'reroll':
      return '🔄';
    case 'pan':
      return a.direction ? ARROWS[a.direction] : 'Pan';
    case 'zoom':
      return a.zoom ? `🔍 Zoom Out ${a.zoom}x` : '🔍 Zoom Out';
    case 'custom_zoom':
      return '🔍 Custom Zoom';
    case 'low_variation':
      return '🪄 Vary (Subtle)';
    case 'high_variation':
      return '🪄 Vary (Strong)';
    case 'inpaint':
      return '🖌️ Vary (Region)';
    default:
      return '?';
  }
}

function buttonText(b: MjButtonInput, a: MjAction): string {
  const text = [unicodeEmoji(b.emoji), b.label?.trim()].filter(Boolean).join(' ');
  return text === '' ? fallbackText(a) : text;
}

/** Midjourney's rows, top to bottom, and the order inside each row. */
function placement(a: MjAction): { row: number; order: number } {
  switch (a.kind) {
    case 'upscale':
      return { row: 0, order: 0 };
    case 'reroll':
      return { row: 1, order: 0 };
    case 'variation':
      return { row: 1, order: 1 };
    case 'low_variation':
      return { row: 2, order: 0 };
    case 'high_variation':
      return { row: 2, order: 1 };
    case 'inpaint':
      return { row: 2, order: 2 };
    case 'zoom':
      return { row: 3, order: a.zoom === 2 ? 0 : a.zoom === 1.5 ? 1 : 2 };
    case 'custom_zoom':
      return { row: 3, order: 3 };
    case 'pan':
      return { row: 4, order: a.direction ? DIRECTIONS.indexOf(a.direction) : 4 };
    default:
      return { row: 5, order: 0 };
  }
}

const MAX_PER_ROW = 5;

/**
 * Grid results give `U1–U4` / `🔄 V1–V4`; upscales give Upscale, Vary, Zoom and pan rows.
 * Unsupported buttons are left out; ties keep the order Midjourney sent.
 */
export function layoutMjButtons(buttons: readonly MjButtonInput[]): MjButtonCell[][] {
  const placed = buttons
    .map((b, index) => ({ b, index, action: classifyMjCustomId(b.customId) }))
    .filter((x) => x.action.supported)
    .map((x) => ({ ...x, ...placement(x.action) }))
    .sort((x, y) => x.row - y.row || x.order - y.order || x.index - y.index);

  const rows: MjButtonCell[][] = [];
  let current: MjButtonCell[] = [];
  let currentRow = -1;
  for (const x of placed) {
    if (x.row !== currentRow || current.length === MAX_PER_ROW) {
      if (current.length > 0) rows.push(current);
      current = [];
      currentRow = x.row;
    }
    current.push({ index: x.index, text: buttonText(x.b, x.action) });
  }
  if (current.length > 0) rows.push(current);
  return rows;
}
