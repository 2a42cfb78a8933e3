/**
 * Pure normaliser for every video-task dialect (§4.2–4.5): the seed fork's `{status, video_url}`,
 * new-api's `{code:"success", data:{…}}` wrapper (with raw vendor JSON under `data.data`), the
 * OpenAI Video object (no URL: content is served by the gateway), kling `metadata.url`, and the
 * docs' `{task_id, status, url}` shape.
 */
import { z } from 'zod';
import { GatewayError } from './errors.js';
import { parseBody, record, text } from './schemas.js';
import { videoContentPath } from './video-path.js';

export type VideoStatus = 'queued' | 'running' | 'completed' | 'failed';

export interface VideoTask {
  id: string;
  status: VideoStatus;
  rawStatus: string;
  /** 0–100 when the gateway reports it. */
  progress?: number;
  videoUrl?: string;
  /** Only for failed tasks. */
  error?: string;
}

const QUEUED = [
  'queued',
  'pending',
  'submitted',
  'not_start',
  '',
  'unknown',
  'created',
  'preparing',
  'queueing',
];
const RUNNING = ['in_progress', 'processing', 'running', 'generating'];
const COMPLETED = ['completed', 'succeeded', 'succeed', 'success', 'finished', 'complete'];
const FAILED = [
  'failed',
  'failure',
  'fail',
  'error',
  'cancelled',
  'canceled',
  'expired',
  'timeout',
];

/** Unknown values count as running so the poller keeps going (its own timeout ends it). */
export function normalizeVideoStatus(raw: string): VideoStatus {
  const s = raw.trim().toLowerCase();
  if (QUEUED.includes(s)) return 'queued';
  if (RUNNING.includes(s)) return 'running';
  if (COMPLETED.includes(s)) return 'completed';
  if (FAILED.includes(s)) return 'failed';
  return 'running';
}

/** `45` or `"45%"` or `"45"` → 45 (clamped); anything else → undefined. */
export function parseVideoProgress(v: unknown): number | undefined {
  let n: number | undefined;
  if (typeof v === 'number') n = v;
  else if (typeof v === 'string') {
    const m = /^\s*(\d+(?:\.\d+)?)\s*%?\s*$/.exec(v);
    if (m?.[1] !== undefined) n = Number(m[1]);
  }
  if (n === undefined || !Number.isFinite(n)) return undefined;
  return Math.max(0, Math.min(100, n));
}

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Follows object keys and array indexes; undefined on any miss. */
function dig(v: unknown, ...path: Array<string | number>): unknown {
  let cur = v;
  for (const k of path) {
    if (typeof k === 'number') cur = Array.isArray(cur) ? cur[k] : undefined;
    else cur = isObj(cur) ? cur[k] : undefined;
  }
  return cur;
}

const nonEmpty = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);

const task = z.looseObject({
  id: text,
  task_id: text,
  status: text,
  task_status: text,
  object: text,
  fail_reason: text,
  failReason: text,
  message: text,
  metadata: record,
});

/** The task object inside new-api's generic `{code:"success", data}` wrapper, or the body itself. */
function unwrap(body: Record<string, unknown>): Record<string, unknown> {
  if (body.code === 'success' && isObj(body.data)) return body.data;
  const bare = !('id' in body) && !('task_id' in body) && !('status' in body);
  return bare && isObj(body.data) ? body.data : body;
}

function findUrl(t: Record<string, unknown>): string | undefined {
  const candidates: unknown[] = [
    t.video_url,
    t.url,
    t.result_url,
    dig(t, 'metadata', 'url'),
    dig(t, 'output', 'video_url'),
    t.output,
    dig(t, 'data', 'output'),
    dig(t, 'data', 'video_url'),
    dig(t, 'data', 'url'),
    dig(t, 'data', 'result_url'),
    dig(t, 'data', 'data', 'task_result', 'videos', 0, 'url'), // kling raw
    dig(t, 'data', 'content', 'video_url'), // doubao / seedance raw
    dig(t, 'data', 'output', 'video_url'), // ali / wanx raw
    dig(t, 'data', 'creations', 0, 'url'), // vidu raw
    dig(t, 'videos', 0, 'url'),
    dig(t, 'data', 'videos', 0, 'url'),
  ];
  for (const c of candidates) {
    const s = nonEmpty(c);
    if (s && (/^https?:\/\//i.test(s) || s.startsWith('/'))) return s;
  }
  return undefined;
}

function findError(t: z.output<typeof task>, raw: Record<string, unknown>): string | undefined {
  return (
    nonEmpty(dig(raw, 'error', 'message')) ??
    nonEmpty(raw.error) ??
    t.fail_reason ??
    t.failReason ??
    t.message
  );
}

/**
 * Normalises a video task response. `baseUrl` resolves relative URLs and builds the content
 * URL for OpenAI-shaped objects; `requestedId` is used when the body carries no id.
 */
export function normalizeVideoTask(
  body: unknown,
  baseUrl: string,
  requestedId?: string,
): VideoTask {
  if (!isObj(body)) throw new GatewayError('malformed', 'Video task response is not an object');
  const raw = unwrap(body);
  const t = parseBody(task, raw, 'video task');
  // task_id first: inside new-api's wrapper `id` is the numeric DB row id, not the task id.
  const id = t.task_id ?? t.id ?? requestedId;
  if (!id) throw new GatewayError('malformed', 'Video task response has no id');

  const rawStatus = t.status ?? t.task_status ?? '';
  const status = normalizeVideoStatus(rawStatus);
  const out: VideoTask = { id, status, rawStatus };
  const progress = parseVideoProgress(raw.progress);
  if (progress !== undefined) out.progress = progress;

  const base = baseUrl.replace(/\/+$/, '');
  let url = findUrl(raw);
  if (url?.startsWith('/')) url = `${base}${url}`;
  if (!url && status === 'completed' && t.object === 'video') {
    url = `${base}${videoContentPath(id)}`;
  }
  if (url) out.videoUrl = url;

  if (status === 'failed') {
    const error = findError(t, raw);
    if (error) out.error = error;
  }
  return out;
}
