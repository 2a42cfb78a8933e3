/** Async video tasks: `POST /v1/video/generations` and `GET …/{id}` (§4). */
import { type CallOptions, type GatewayContext, getJson, postJson } from './context.js';
import { type OpenedStream, openOwnRoute, type StreamOptions } from './download.js';
import { toDataUrl } from './mime.js';
import { normalizeVideoTask, type VideoStatus, type VideoTask } from './video-normalize.js';
import { videoContentPath } from './video-path.js';

export interface SubmitVideoRequest {
  model: string;
  prompt: string;
  duration?: number;
  /** OpenAI-style length; sent as a string. */
  seconds?: number | string;
  size?: string;
  aspectRatio?: string;
  /** e.g. kling `std` | `pro`. */
  mode?: string;
  /** First frame, sent inline as a `data:` URL (never a Telegram file URL: it embeds the bot token). */
  image?: { data: Buffer; mime: string };
  /** Vendor extras merged upstream by new-api. */
  metadata?: Record<string, unknown>;
}

export interface VideoSubmitResult {
  taskId: string;
  status: VideoStatus;
}

export async function submitVideo(
  ctx: GatewayContext,
  req: SubmitVideoRequest,
  opts: CallOptions = {},
): Promise<VideoSubmitResult> {
  const image = req.image ? toDataUrl(req.image.data, req.image.mime) : undefined;
  const json: Record<string, unknown> = { model: req.model, prompt: req.prompt };
  if (req.duration !== undefined) json.duration = req.duration;
  if (req.seconds !== undefined) json.seconds = String(req.seconds);
  if (req.size !== undefined) json.size = req.size;
  if (req.aspectRatio !== undefined) json.aspect_ratio = req.aspectRatio;
  if (req.mode !== undefined) json.mode = req.mode;
  // new-api reads `image`; the seed gateway documents `image_url`. Send both.
  if (image) {
    json.image = image;
    json.image_url = image;
  }
  if (req.metadata) json.metadata = req.metadata;

  const body = await postJson(ctx, {
    ...opts,
    route: 'POST /v1/video/generations',
    path: '/v1/video/generations',
    billed: true,
    json,
  });
  const task = normalizeVideoTask(body, ctx.transport.baseUrl);
  // A freshly submitted task without a status is queued, not "running".
  return { taskId: task.id, status: task.rawStatus === '' ? 'queued' : task.status };
}

/** Current state of a task; an unknown id throws `not_found`. */
export async function fetchVideo(
  ctx: GatewayContext,
  taskId: string,
  opts: CallOptions = {},
): Promise<VideoTask> {
  const body = await getJson(ctx, {
    ...opts,
    route: 'GET /v1/video/generations/:id',
    path: `/v1/video/generations/${encodeURIComponent(taskId)}`,
  });
  return normalizeVideoTask(body, ctx.transport.baseUrl, taskId);
}

/** Streams a task's video from the content route, with the key that made the task. */
export function openVideoContent(
  ctx: GatewayContext,
  taskId: string,
  opts: Omit<StreamOptions, 'expect'>,
): Promise<OpenedStream> {
  return openOwnRoute(ctx, videoContentPath(taskId), { ...opts, expect: 'video' });
}
