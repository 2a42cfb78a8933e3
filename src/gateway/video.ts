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
  /**
   * Photos, sent inline as `data:` URLs (never a Telegram file URL: it embeds the bot token):
   * frames are the first and maybe the last frame; references are drawn on as a whole.
   */
  images?: {
    role: 'frames' | 'references';
    files: Array<{ data: Buffer; mime: string }>;
  };
  /** A video to work on, sent inline like the photos (never a Telegram URL). */
  inputVideo?: { data: Buffer; mime: string };
  /** The earlier task a continuation extends (Kling Extend). */
  videoId?: string;
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
  const urls = req.images?.files.map((f) => toDataUrl(f.data, f.mime)) ?? [];
  const json: Record<string, unknown> = { model: req.model, prompt: req.prompt };
  if (req.duration !== undefined) json.duration = req.duration;
  if (req.seconds !== undefined) json.seconds = String(req.seconds);
  if (req.size !== undefined) json.size = req.size;
  if (req.aspectRatio !== undefined) json.aspect_ratio = req.aspectRatio;
  if (req.mode !== undefined) json.mode = req.mode;
  // A first frame goes as new-api's `image` and the seed gateway's `image_url`; new-api's
  // `images` list carries all of them (first and last frame, or the references) in order.
  const [first] = urls;
  if (first && req.images?.role === 'frames') {
    json.image = first;
    json.image_url = first;
  }
  if (urls.length > 1 || (first && req.images?.role === 'references')) json.images = urls;
  if (req.videoId !== undefined) json.video_id = req.videoId;
  // new-api's TaskSubmitReq has no video field: `video` is what Runway-style adaptors read,
  // `video_url` the seed gateway's naming beside `image_url`.
  if (req.inputVideo) {
    const url = toDataUrl(req.inputVideo.data, req.inputVideo.mime);
    json.video = url;
    json.video_url = url;
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
