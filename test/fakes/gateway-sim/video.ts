/** HTTP side of /v1/video/generations and /v1/videos (submit JSON or multipart, GET in the model's dialect, content). */
import { charge, checkFunds, checkModel } from './auth.js';
import { bannedWordIn, formString, isObject, num, str } from './body.js';
import { FALLBACK_PRICE, keyOf, priceOf, type SimContext, type SimRequest } from './context.js';
import { openAiError, taskError } from './errors.js';
import { fakeSpec } from './hostile.js';
import { json, type SimResponse } from './http.js';
import { parseMarkers } from './markers.js';
import { TINY_WEBP } from './png.js';
import { renderVideo, submitted } from './video-dto.js';
import { type VideoTaskRecord, videoView } from './video-tasks.js';

const DEFAULT_VIDEO_BYTES = 256 * 1024;

/** Reads a field from a JSON body or a multipart form. */
function field(req: SimRequest, name: string): unknown {
  if (req.form) return formString(req.form, name);
  return isObject(req.body) ? req.body[name] : undefined;
}

/** Kling's one-photo effect scenes (`effect_scene`, merged from metadata by new-api). */
const KLING_SCENES = new Set(['squish', 'expansion', 'fuzzyfuzzy', 'bloombloom', 'dizzydizzy']);

/**
 * Upstream limits on new-api's `images` list: Veo's reference model ("components") needs 1–3
 * images, Veo and Luma take a first and a last frame at most; each must be inline data.
 */
function checkImages(model: string, images: unknown): SimResponse | null {
  const list = Array.isArray(images) ? images : [];
  if (images !== undefined && !list.every((i) => typeof i === 'string' && i.startsWith('data:')))
    return taskError(400, 'invalid_request', 'images must be data URLs');
  if (model === 'veo3.1-components') {
    if (list.length < 1 || list.length > 3)
      return taskError(400, 'invalid_request', 'veo3.1-components needs 1 to 3 reference images');
  } else if ((model.startsWith('veo3.1') || model === 'luma') && list.length > 2)
    return taskError(400, 'invalid_request', 'at most a first and a last frame');
  return null;
}

/** `openai` = POST /v1/videos (model defaults to sora-2); `generic` = POST /v1/video/generations. */
export function submitVideo(
  ctx: SimContext,
  req: SimRequest,
  route: 'openai' | 'generic',
): SimResponse {
  const key = keyOf(req);
  if (!req.form && !isObject(req.body)) {
    return taskError(
      400,
      'invalid_request',
      'Invalid request, request body must be JSON or multipart',
    );
  }
  const model = str(field(req, 'model')) ?? (route === 'openai' ? 'sora-2' : undefined);
  if (!model) return taskError(400, 'invalid_request', 'field model is required');
  const denied = checkModel(ctx, key, model);
  if (denied) return denied;
  const prompt = str(field(req, 'prompt')) ?? '';
  if (prompt.trim() === '') return taskError(400, 'invalid_request', 'field prompt is required');
  const body = isObject(req.body) ? req.body : {};
  const badImages = checkImages(model, body.images);
  if (badImages) return badImages;
  if (model === 'kling-effects') {
    const scene = isObject(body.metadata) ? str(body.metadata.effect_scene) : undefined;
    if (!scene || !KLING_SCENES.has(scene))
      return taskError(400, 'invalid_request', `effect_scene is invalid: ${scene ?? 'missing'}`);
    if (typeof body.image !== 'string')
      return taskError(400, 'invalid_request', 'kling effects need an image');
  }
  if (model.startsWith('runway-')) {
    const video = str(body.video);
    if (!video?.startsWith('data:video/'))
      return taskError(400, 'invalid_request', `${model} needs a video to work on`);
    if (model === 'runway-act_one' && !str(body.image)?.startsWith('data:image/'))
      return taskError(400, 'invalid_request', 'act_one needs a character image');
  }
  if (model === 'kling-lip-sync') {
    const meta = isObject(body.metadata) ? body.metadata : {};
    const spoken = meta.mode === 'text2video' && str(meta.text) && str(meta.voice_id);
    const played =
      meta.mode === 'audio2video' && meta.audio_type === 'file' && str(meta.audio_file);
    if (!spoken && !played)
      return taskError(
        400,
        'invalid_request',
        'lip sync needs text and voice_id, or an audio file',
      );
  }
  if (model === 'kling-video-extend' || model === 'kling-lip-sync') {
    // Kling works only on a finished video of the same account, named by its task id.
    const id =
      str(body.video_id) ?? (isObject(body.metadata) ? str(body.metadata.video_id) : undefined);
    const source = id === undefined ? undefined : owned(ctx, req, id);
    if (!source || videoView(source, ctx.clock.taskNow(), ctx.opts.timings).status !== 'completed')
      return taskError(400, 'invalid_request', `video_id is invalid: ${id ?? 'missing'}`);
  }
  const price = priceOf(ctx, model, FALLBACK_PRICE.video);
  const broke = checkFunds(ctx, key, price);
  if (broke) return broke;

  const markers = parseMarkers(prompt, model);
  const ids = ctx.video.tasks.newIds();
  const seconds = String(num(field(req, 'seconds')) ?? num(field(req, 'duration')) ?? 5);
  const task: VideoTaskRecord = {
    ...ids,
    owner: key.name,
    model,
    prompt,
    dialect: ctx.opts.videoDialect[model] ?? 'seed',
    seconds,
    size: str(field(req, 'size')) ?? '1280x720',
    submitAt: ctx.clock.taskNow(),
    submitEpoch: ctx.clock.now(),
    neverFinish: false,
    file: ctx.files.add(
      markers.fake
        ? fakeSpec(markers.fake, 'video/mp4')
        : { kind: 'mp4', bytes: markers.bigBytes ?? DEFAULT_VIDEO_BYTES },
      markers,
    ),
    price,
    refunded: false,
  };
  const tm = ctx.opts.timings;
  const injected = ctx.video.failNext.shift();
  // Upstream moderation is asynchronous: a banned prompt is accepted and fails while running.
  const banned = bannedWordIn(ctx, prompt);
  const reason =
    injected ?? (banned ? `content policy violation: prompt contains "${banned}"` : undefined);
  if (reason !== undefined) {
    task.failReason = reason;
    task.failAt = task.submitAt + tm.videoQueuedMs + tm.videoRunMs / 2;
  }
  ctx.video.tasks.add(task);
  charge(key, price);
  return json(200, submitted(task), {
    'x-new-api-other-ratios': JSON.stringify({ seconds: Number(seconds), size: 1 }),
  });
}

function owned(ctx: SimContext, req: SimRequest, id: string): VideoTaskRecord | undefined {
  const t = ctx.video.tasks.get(id);
  return t && t.owner === keyOf(req).name ? t : undefined;
}

export function getVideo(ctx: SimContext, req: SimRequest, id: string): SimResponse {
  const task = owned(ctx, req, id);
  if (!task) return taskError(400, 'task_not_exist', 'task_not_exist');
  return json(200, renderVideo(ctx, task));
}

/** GET /v1/videos/{id}/content: needs the Bearer key that created the task. */
export function videoContent(ctx: SimContext, req: SimRequest, id: string): SimResponse {
  const task = owned(ctx, req, id);
  if (!task)
    return openAiError(ctx, 404, 'task_not_exist', {
      type: 'invalid_request_error',
      code: 'task_not_exist',
    });
  const v = videoView(task, ctx.clock.taskNow(), ctx.opts.timings);
  if (v.status !== 'completed') {
    return openAiError(ctx, 400, `Video is not ready yet, current status: ${v.status}`, {
      type: 'invalid_request_error',
      code: 'video_not_ready',
    });
  }
  const variant = req.query.get('variant') ?? 'video';
  if (variant === 'thumbnail' || variant === 'spritesheet') {
    return { kind: 'raw', status: 200, body: TINY_WEBP, contentType: 'image/webp' };
  }
  return ctx.files.body(task.file);
}
