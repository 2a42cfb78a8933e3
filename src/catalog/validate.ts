/**
 * Checks a user's request against a model's parameters before anything is charged. Problems are
 * codes with the numbers/choices needed to explain them; the bot turns them into localised text.
 * The first problem found is returned, in the order a user would fix them (prompt, images, ...).
 */
import type { ImageBackground, ImageFormat, ImageQuality, VideoMode } from './constants.js';
import { type ImageLikeModel, type MidjourneyModel, optionsOf, type VideoModel } from './schema.js';

export type ProblemCode =
  | 'prompt_empty'
  | 'prompt_too_long'
  | 'size_unsupported'
  | 'n_out_of_range'
  | 'duration_unsupported'
  | 'mode_unsupported'
  | 'aspect_unsupported'
  | 'image_required'
  | 'image_not_supported'
  | 'too_many_images'
  | 'too_few_images'
  /** A forwarded option with a value the model does not offer (`option` names its flag). */
  | 'option_unsupported'
  /** An option the model does not take at all. */
  | 'option_not_taken'
  | 'seed_invalid'
  /** A transparent background in a format without alpha (JPEG). */
  | 'transparent_format'
  /** A Kling Effects scene the model does not offer. */
  | 'effect_unsupported'
  /** A model that continues an earlier video, asked for a new one (or the reverse). */
  | 'source_required'
  /** A lip-sync voice the model does not offer. */
  | 'voice_unsupported'
  /** A sound file for a model that speaks only written words. */
  | 'audio_not_supported'
  /** A video the model needs to work on, or one it does not take. */
  | 'video_required'
  | 'video_not_supported'
  | 'source_not_supported';

export interface ValidationProblem {
  code: ProblemCode;
  limit?: number;
  allowed?: string[];
  /** The prompt flag of the option concerned (`--quality`). */
  option?: string;
}

export type Validation<T> = { ok: true; normalized: T } | { ok: false; problem: ValidationProblem };

/** Forwarded options as a user typed them (flags); checked against the model's `options`. */
export interface ImageOptionsRequest {
  quality?: string;
  background?: string;
  outputFormat?: string;
  /** NaN when the flag's value was not a number. */
  seed?: number;
  negativePrompt?: string;
}

/** What is sent: the model's defaults where it declares a choice and the user named none. */
export interface ImageOptions {
  quality?: ImageQuality;
  background?: ImageBackground;
  outputFormat?: ImageFormat;
  seed?: number;
  negativePrompt?: string;
}

export interface ImageRequest {
  prompt: string;
  size?: string;
  aspectRatio?: string;
  n?: number;
  /** How many images the user attached. */
  images?: number;
  options?: ImageOptionsRequest;
}
export interface NormalizedImageRequest {
  prompt: string;
  /** Set when the model has sizes (the default if none was asked for). */
  size?: string;
  aspectRatio?: string;
  n: number;
  images: number;
  options: ImageOptions;
}

export interface VideoRequest {
  prompt: string;
  duration?: number;
  aspectRatio?: string;
  size?: string;
  mode?: string;
  effect?: string;
  voice?: string;
  /** The user sent a sound file to speak. */
  audio?: boolean;
  /** How many videos the user sent (0 or 1). */
  videos?: number;
  /** How many photos the user sent. */
  images: number;
  /** The model of the earlier video this request continues. */
  sourceModel?: string;
}
export interface NormalizedVideoRequest {
  prompt: string;
  duration: number;
  aspectRatio?: string;
  size?: string;
  mode?: VideoMode;
  effect?: string;
  voice?: string;
  images: number;
}

export interface NormalizedMidjourneyPrompt {
  prompt: string;
}

type Choice<T> = { allowed: T[]; default: T };
type Picked<T> = { ok: true; value: T | undefined } | { ok: false; allowed: string[] };

const fail = (problem: ValidationProblem): { ok: false; problem: ValidationProblem } => ({
  ok: false,
  problem,
});

/** Requested value if allowed, the default if none requested, undefined if the model has none. */
function pick<T extends string | number>(choice: Choice<T> | undefined, wanted?: T): Picked<T> {
  if (wanted === undefined) return { ok: true, value: choice?.default };
  if (choice?.allowed.includes(wanted)) return { ok: true, value: wanted };
  return { ok: false, allowed: (choice?.allowed ?? []).map(String) };
}

/** Length in code points, so an emoji counts as one character as users expect. */
function checkPrompt(prompt: string, max: number): ValidationProblem | undefined {
  if (prompt.length === 0) return { code: 'prompt_empty' };
  if ([...prompt].length > max) return { code: 'prompt_too_long', limit: max };
  return undefined;
}

function checkImages(
  count: number,
  range: { min: number; max: number },
): ValidationProblem | undefined {
  if (count > 0 && range.max === 0) return { code: 'image_not_supported' };
  if (count === 0 && range.min > 0) return { code: 'image_required', limit: range.min };
  if (count < range.min) return { code: 'too_few_images', limit: range.min };
  if (count > range.max) return { code: 'too_many_images', limit: range.max };
  return undefined;
}

/** "1024×1024", "1024X1024", "1024 x 1024" → "1024x1024" (the gateway rejects "×"). */
function normalizeSize(size: string): string {
  return size.replace(/\s+/g, '').replace(/[×X*]/g, 'x');
}

export function validateImageRequest(
  model: ImageLikeModel,
  req: ImageRequest,
): Validation<NormalizedImageRequest> {
  const prompt = req.prompt.trim();
  const promptProblem = checkPrompt(prompt, model.maxPromptLength);
  if (promptProblem) return fail(promptProblem);

  const images = req.images ?? 0;
  const imageProblem = checkImages(images, model.imageInput);
  if (imageProblem) return fail(imageProblem);

  const size = pick(model.sizes, req.size === undefined ? undefined : normalizeSize(req.size));
  if (!size.ok) return fail({ code: 'size_unsupported', allowed: size.allowed });

  const aspect = pick(model.aspectRatios, req.aspectRatio?.trim());
  if (!aspect.ok) return fail({ code: 'aspect_unsupported', allowed: aspect.allowed });

  const n = req.n ?? model.n.default;
  if (!Number.isInteger(n) || n < model.n.min || n > model.n.max) {
    const allowed: string[] = [];
    for (let i = model.n.min; i <= model.n.max; i++) allowed.push(String(i));
    return fail({ code: 'n_out_of_range', limit: model.n.max, allowed });
  }

  const options = checkImageOptions(model, req.options ?? {});
  if (!options.ok) return options;

  return {
    ok: true,
    normalized: {
      prompt,
      size: size.value,
      aspectRatio: aspect.value,
      n,
      images,
      options: options.normalized,
    },
  };
}

const MAX_SEED = 4_294_967_295;

function checkImageOptions(
  model: ImageLikeModel,
  req: ImageOptionsRequest,
): Validation<ImageOptions> {
  const spec = optionsOf(model);
  const out: ImageOptions = {};
  const choices = [
    ['quality', '--quality', spec?.quality, req.quality],
    ['background', '--background', spec?.background, req.background],
    ['outputFormat', '--format', spec?.outputFormat, req.outputFormat],
  ] as const;
  for (const [key, flag, choice, wanted] of choices) {
    if (wanted !== undefined && !choice) return fail({ code: 'option_not_taken', option: flag });
    const picked = pick<string>(choice, wanted?.trim().toLowerCase());
    if (!picked.ok)
      return fail({ code: 'option_unsupported', option: flag, allowed: picked.allowed });
    if (picked.value !== undefined) Object.assign(out, { [key]: picked.value });
  }
  if (out.background === 'transparent' && out.outputFormat === 'jpeg')
    return fail({ code: 'transparent_format', option: '--background' });
  if (req.seed !== undefined) {
    if (!spec?.seed) return fail({ code: 'option_not_taken', option: '--seed' });
    if (!Number.isInteger(req.seed) || req.seed < 0 || req.seed > MAX_SEED)
      return fail({ code: 'seed_invalid', limit: MAX_SEED });
    out.seed = req.seed;
  }
  const negative = req.negativePrompt?.trim();
  if (negative !== undefined) {
    if (!spec?.negativePrompt) return fail({ code: 'option_not_taken', option: '--no' });
    const problem = checkPrompt(negative, model.maxPromptLength);
    if (problem) return fail(problem);
    out.negativePrompt = negative;
  }
  return { ok: true, normalized: out };
}

function isVideoMode(mode: string): mode is VideoMode {
  return mode === 'std' || mode === 'pro';
}

export function validateVideoRequest(
  model: VideoModel,
  req: VideoRequest,
): Validation<NormalizedVideoRequest> {
  const prompt = req.prompt.trim();
  const promptProblem = checkPrompt(prompt, model.maxPromptLength);
  if (promptProblem) return fail(promptProblem);

  const imageProblem = checkImages(req.images, model.imageInput);
  if (imageProblem) return fail(imageProblem);

  const videos = req.videos ?? 0;
  if (videos > model.videoInput.max) return fail({ code: 'video_not_supported' });
  if (videos < model.videoInput.min) return fail({ code: 'video_required' });

  if (model.follows && req.sourceModel === undefined) return fail({ code: 'source_required' });
  if (req.sourceModel !== undefined && !model.follows?.includes(req.sourceModel))
    return fail({ code: 'source_not_supported' });

  const duration = pick(model.durations, req.duration);
  if (!duration.ok || duration.value === undefined)
    return fail({ code: 'duration_unsupported', allowed: model.durations.allowed.map(String) });

  const wantedMode = req.mode?.trim().toLowerCase();
  const modeAllowed = (model.modes?.allowed ?? []).map(String);
  if (wantedMode !== undefined && !isVideoMode(wantedMode))
    return fail({ code: 'mode_unsupported', allowed: modeAllowed });
  const mode = pick(model.modes, wantedMode);
  if (!mode.ok) return fail({ code: 'mode_unsupported', allowed: mode.allowed });

  const aspect = pick(model.aspectRatios, req.aspectRatio?.trim());
  if (!aspect.ok) return fail({ code: 'aspect_unsupported', allowed: aspect.allowed });

  const size = pick(model.sizes, req.size === undefined ? undefined : normalizeSize(req.size));
  if (!size.ok) return fail({ code: 'size_unsupported', allowed: size.allowed });

  const effect = pick(model.effects, req.effect);
  if (!effect.ok) return fail({ code: 'effect_unsupported', allowed: effect.allowed });

  if (req.audio && !model.speech?.audio) return fail({ code: 'audio_not_supported' });
  const voice = pick(model.speech?.voices, req.voice);
  if (!voice.ok) return fail({ code: 'voice_unsupported', allowed: voice.allowed });

  return {
    ok: true,
    normalized: {
      prompt,
      duration: duration.value,
      aspectRatio: aspect.value,
      size: size.value,
      mode: mode.value,
      effect: effect.value,
      voice: voice.value,
      images: req.images,
    },
  };
}

/**
 * Speed flags are dropped: they have already chosen the model (mj-speed.ts), whose path prefix
 * (mj-fast/mj-relax/mj-turbo) decides the queue and the price. An em dash
 * starting a parameter ("—ar 16:9": phones autocorrect "--") becomes "--". Whitespace collapses
 * to single spaces because /imagine takes one line.
 */
export function validateMidjourneyPrompt(
  model: MidjourneyModel,
  prompt: string,
): Validation<NormalizedMidjourneyPrompt> {
  const cleaned = prompt
    .replace(/(^|\s)[—–](?=[a-z])/g, '$1--')
    .replace(/(^|\s)--(?:fast|relax|turbo)(?=\s|$)/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
  const problem = checkPrompt(cleaned, model.maxPromptLength);
  return problem ? fail(problem) : { ok: true, normalized: { prompt: cleaned } };
}
