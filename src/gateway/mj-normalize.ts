/**
 * Pure Midjourney normalisation: submit results (§3.2), task objects (§3.3), buttons and
 * customIds (§3.4). Accepts raw midjourney-proxy (OSS/plus) and new-api shapes alike.
 */
import { z } from 'zod';
import { GatewayError, mjSubmitError } from './errors.js';
import { isRecord, num, parseBody, record, text, toNumber, toText } from './schemas.js';

export type MjStatus = 'queued' | 'running' | 'needs_modal' | 'done' | 'failed';

export interface MjButton {
  customId: string;
  emoji: string;
  label: string;
  type?: number;
  style?: number;
}

export interface MjTask {
  id: string;
  status: MjStatus;
  rawStatus: string;
  progressPercent?: number;
  /** The raw progress string (`"46%"`, `"Waiting to start"`, `""`), for display. */
  progressText: string;
  imageUrl?: string;
  failReason?: string;
  buttons: MjButton[];
  prompt?: string;
  finalPrompt?: string;
  action?: string;
  describePrompts?: string[];
  /** The speed the task runs in, when Midjourney said so (progress `"relaxed"`, `"fast"`). */
  ranMode?: 'fast' | 'relax' | 'turbo';
}

export interface MjSubmitResult {
  taskId: string;
  /** The task waits in status MODAL for `/mj/submit/modal` (plus code 21). */
  modal: boolean;
  /** Tasks ahead of this one (code 22). */
  queuePosition?: number;
  /** OSS code 21: the same action was already done; the existing result. */
  existed?: { status: MjStatus; imageUrl?: string };
}

/** Maps a raw MJ status; unknown values count as running so polling continues. */
export function normalizeMjStatus(raw: string): MjStatus {
  switch (raw.trim().toUpperCase()) {
    case '':
    case 'NOT_START':
    case 'SUBMITTED':
      return 'queued';
    case 'IN_PROGRESS':
      return 'running';
    case 'MODAL':
      return 'needs_modal';
    case 'SUCCESS':
      return 'done';
    case 'FAILURE':
    case 'CANCEL':
      return 'failed';
    default:
      return 'running';
  }
}

/** `"46%"` → 46; anything non-numeric (`"Waiting to start"`, `""`) → undefined. */
export function parseMjProgress(progress: string | undefined): number | undefined {
  const m = /^\s*(\d{1,3})\s*%\s*$/.exec(progress ?? '');
  return m?.[1] === undefined ? undefined : Math.min(100, Number(m[1]));
}

/**
 * Midjourney names the queue a job runs in as the progress token before percentages start;
 * the relay may have dropped the mode that was asked for, so this is the mode that counts.
 */
export function parseMjRanMode(progress: string | undefined): MjTask['ranMode'] {
  const word = progress?.trim().toLowerCase();
  if (word === 'relaxed' || word === 'relax') return 'relax';
  if (word === 'fast' || word === 'turbo') return word;
  return undefined;
}

const KEYCAP_RE = /[1-9]\uFE0F?\u20E3/u;

/** Splits a DESCRIBE result (`1️⃣ …\n\n2️⃣ …`) into its prompts. */
export function parseDescribePrompts(value: string): string[] {
  const chunks = KEYCAP_RE.test(value)
    ? value.split(/(?=[1-9]\uFE0F?\u20E3)/u)
    : value.split(/\n\s*\n/);
  return chunks
    .map((c) => c.replace(/^\s*[1-9]\uFE0F?\u20E3\s*/u, '').trim())
    .filter((c) => c !== '');
}

/** Link buttons (e.g. "Web") have no customId and are dropped, as are entries not objects. */
function normalizeButtons(raw: unknown): MjButton[] {
  const out: MjButton[] = [];
  if (!Array.isArray(raw)) return out;
  for (const b of raw) {
    if (!isRecord(b)) continue;
    const customId = toText(b.customId);
    if (!customId) continue;
    const btn: MjButton = { customId, emoji: toText(b.emoji) ?? '', label: toText(b.label) ?? '' };
    const type = toNumber(b.type);
    if (type !== undefined) btn.type = type;
    const style = toNumber(b.style);
    if (style !== undefined) btn.style = style;
    out.push(btn);
  }
  return out;
}

const str = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v : undefined);

/**
 * Normalises one task object. Returns null for an empty body (raw proxy answers `null` for
 * an unknown id) or an object without an id when no fallback id is known; throws `malformed`
 * for anything not an object. Read field by field, without a schema: the poller reads
 * thousands of these a minute, and a parsed copy of each DTO was most of its garbage.
 */
export function normalizeMjTask(raw: unknown, fallbackId?: string): MjTask | null {
  if (raw === null || raw === undefined) return null;
  if (!isRecord(raw)) throw new GatewayError('malformed', 'Unexpected response from MJ task');
  const id = toText(raw.id) ?? fallbackId;
  if (!id) return null;
  const rawStatus = toText(raw.status) ?? '';
  const status = normalizeMjStatus(rawStatus);
  const progressText = toText(raw.progress) ?? '';
  const task: MjTask = {
    id,
    status,
    rawStatus,
    progressText,
    buttons: normalizeButtons(raw.buttons),
  };

  // new-api forces "100%" on FAILURE too, so the percentage follows the status, not the text.
  const pct =
    status === 'done' ? 100 : status === 'failed' ? undefined : parseMjProgress(progressText);
  if (pct !== undefined) task.progressPercent = pct;
  const ranMode = parseMjRanMode(progressText);
  if (ranMode) task.ranMode = ranMode;
  const imageUrl = toText(raw.imageUrl);
  if (imageUrl) task.imageUrl = imageUrl;
  const failReason = toText(raw.failReason);
  if (failReason) task.failReason = failReason;
  else if (status === 'failed') task.failReason = rawStatus === 'CANCEL' ? 'cancelled' : 'failed';
  const prompt = toText(raw.prompt);
  if (prompt) task.prompt = prompt;
  const properties = isRecord(raw.properties) ? raw.properties : undefined;
  const promptEn = toText(raw.promptEn);
  const finalPrompt = str(properties?.finalPrompt) ?? promptEn;
  if (finalPrompt) task.finalPrompt = finalPrompt;
  const action = toText(raw.action);
  if (action) task.action = action;
  if (action?.toUpperCase() === 'DESCRIBE' && status === 'done') {
    const source = str(properties?.finalPrompt) ?? promptEn ?? prompt;
    const prompts = source ? parseDescribePrompts(source) : [];
    if (prompts.length > 0) task.describePrompts = prompts;
  }
  return task;
}

const submitBody = z.looseObject({
  code: num,
  description: text,
  result: text,
  properties: record,
});

const ACCEPTED = new Set([1, 21, 22]);

/** Normalises a SubmitResultVO; business errors (3/4/9/23/24/…) throw typed errors. */
export function parseSubmitResult(body: unknown, route: string): MjSubmitResult {
  if (body === undefined || body === null) {
    throw new GatewayError('malformed', `${route} returned an empty body`);
  }
  const b = parseBody(submitBody, body, route);
  if (b.code === undefined) throw new GatewayError('malformed', `${route} returned no code`);
  if (!ACCEPTED.has(b.code)) throw mjSubmitError(b.code, b.description ?? '', b.properties);
  if (!b.result) throw new GatewayError('malformed', `${route} accepted the task but gave no id`);

  const props = b.properties ?? {};
  const out: MjSubmitResult = { taskId: b.result, modal: false };
  if (b.code === 21) {
    // 21 is EXISTED in OSS (properties.status/imageUrl) and MODAL in plus (remix/finalPrompt).
    const existedStatus = str(props.status);
    if (existedStatus && !('remix' in props) && !('finalPrompt' in props)) {
      out.existed = { status: normalizeMjStatus(existedStatus) };
      const imageUrl = str(props.imageUrl);
      if (imageUrl) out.existed.imageUrl = imageUrl;
    } else {
      out.modal = true;
    }
  }
  if (b.code === 22) {
    const n = props.numberOfQueues;
    const fromDesc = /(\d+)/.exec(b.description ?? '')?.[1];
    const pos = typeof n === 'number' ? n : fromDesc === undefined ? undefined : Number(fromDesc);
    if (pos !== undefined && Number.isFinite(pos)) out.queuePosition = pos;
  }
  return out;
}

export type MjActionKind =
  | 'UPSCALE'
  | 'VARIATION'
  | 'LOW_VARIATION'
  | 'HIGH_VARIATION'
  | 'PAN'
  | 'REROLL'
  | 'ZOOM'
  | 'CUSTOM_ZOOM'
  | 'INPAINT'
  | 'UNKNOWN';

export interface MjCustomIdInfo {
  action: MjActionKind;
  index?: number;
  /** The `mj_*` model name new-api bills and checks token limits against. */
  billedModel?: string;
  /** Needs `/mj/submit/modal` afterwards (always for Inpaint/CustomZoom/PicReader). */
  needsModal: boolean;
  /** new-api maps it to an action; unknown ones (BOOKMARK, PicReader, animate_*) fail there. */
  supported: boolean;
}

/** Mirrors new-api's CoverPlusActionToNormalAction and plus's needModal. */
export function parseCustomId(customId: string): MjCustomIdInfo {
  const needsModal = /CustomZoom|PicReader|Job::PromptAnalyzer::|Inpaint/.test(customId);
  const splits = customId.split('::');
  if (splits.length < 3) return { action: 'UNKNOWN', needsModal, supported: false };
  const token = (splits[1] === 'JOB' ? splits[2] : splits[1]) ?? '';
  const indexed = (action: MjActionKind, model: string): MjCustomIdInfo => {
    const n = Number.parseInt(splits[3] ?? '', 10);
    return {
      action,
      billedModel: model,
      needsModal,
      supported: true,
      ...(Number.isFinite(n) ? { index: n } : {}),
    };
  };
  const plain = (action: MjActionKind, model: string): MjCustomIdInfo => ({
    action,
    index: 1,
    billedModel: model,
    needsModal,
    supported: true,
  });
  if (token.includes('upsample')) return indexed('UPSCALE', 'mj_upscale');
  if (token === 'variation') return indexed('VARIATION', 'mj_variation');
  if (token === 'low_variation') return plain('LOW_VARIATION', 'mj_low_variation');
  if (token === 'high_variation') return plain('HIGH_VARIATION', 'mj_high_variation');
  if (token.includes('pan')) return plain('PAN', 'mj_pan');
  if (token.includes('reroll')) return plain('REROLL', 'mj_reroll');
  if (token === 'Outpaint') return plain('ZOOM', 'mj_zoom');
  if (token === 'CustomZoom') return plain('CUSTOM_ZOOM', 'mj_custom_zoom');
  if (token === 'Inpaint') return plain('INPAINT', 'mj_inpaint');
  return { action: 'UNKNOWN', needsModal, supported: false };
}
