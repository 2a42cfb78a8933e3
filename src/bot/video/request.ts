/**
 * Pure rules of video requests: which model a user's settings select, which stored choices still
 * apply to it, the `--duration/--ar/--size/--mode` flags of a prompt, and the job draft
 * (validated against the catalog and priced). No I/O.
 */
import type { UserSettings } from '../../accounts/settings.js';
import type { VideoMode } from '../../catalog/constants.js';
import {
  type Catalog,
  priceVideo,
  type ValidationProblem,
  type VideoModel,
  validateVideoRequest,
} from '../../catalog/index.js';
import type { VideoJobParamsInput } from '../../jobs/video/params.js';
import { type PreparedJob, rejectedJob } from '../jobs/job-draft.js';

/** What the settings keyboard sets: everything but the prompt and the photo. */
export interface VideoChoice {
  model: string;
  duration: number;
  /** An aspect ratio for models with `aspectRatios`, a size for models with `sizes`. */
  shape?: string;
  mode?: VideoMode;
  /** Kling Effects' scene; not kept in settings (it belongs to one model). */
  effect?: string;
  /** A lip-sync voice; likewise one model's. */
  voice?: string;
}

export interface VideoInput {
  fileId: string;
  uniqueId?: string;
}

/** The earlier video a request continues: its job, its task at the gateway and its model. */
export interface VideoSource {
  jobId: string;
  taskId: string;
  model: string;
}

/** The user's video model, or the catalog default when theirs is gone. */
export function videoModelFor(catalog: Catalog, settings: UserSettings): VideoModel | undefined {
  const chosen = settings.videoModel ? catalog.get(settings.videoModel, 'video') : undefined;
  return chosen ?? catalog.defaultModel('video');
}

/** Which list the model's shape comes from: ratios win, as most video APIs take a ratio. */
export function shapeChoice(
  model: VideoModel,
): { kind: 'aspect' | 'size'; allowed: string[]; default: string } | undefined {
  if (model.aspectRatios) return { kind: 'aspect', ...model.aspectRatios };
  if (model.sizes) return { kind: 'size', ...model.sizes };
  return undefined;
}

/** "16:9" or "1280x720" → width / height. */
export function ratioOf(value: string): number | undefined {
  const m = /^(\d{1,5})\s*[x:×]\s*(\d{1,5})$/i.exec(value.trim());
  if (!m) return undefined;
  const w = Number(m[1]);
  const h = Number(m[2]);
  return w > 0 && h > 0 ? w / h : undefined;
}

/**
 * The model's shape closest to a wanted one: the value itself when allowed, else the allowed
 * value of the nearest ratio (a stored 9:16 becomes sora's 720x1280, and back), else the
 * default. For stored preferences only: an explicit request is validated strictly.
 */
export function nearestShape(model: VideoModel, wanted: string | undefined): string | undefined {
  const choice = shapeChoice(model);
  if (!choice) return undefined;
  if (wanted === undefined) return choice.default;
  if (choice.allowed.includes(wanted)) return wanted;
  const target = ratioOf(wanted);
  if (target === undefined) return choice.default;
  const distance = (v: string) => Math.abs(Math.log((ratioOf(v) ?? 1) / target));
  let best = choice.default;
  for (const v of choice.allowed) if (distance(v) < distance(best) - 1e-9) best = v;
  return best;
}

/** The stored choices that the model accepts, the model's defaults for the rest. */
export function choiceFor(
  model: VideoModel,
  prefs: Partial<Omit<VideoChoice, 'model'>>,
): VideoChoice {
  const duration =
    prefs.duration !== undefined && model.durations.allowed.includes(prefs.duration)
      ? prefs.duration
      : model.durations.default;
  const shape = nearestShape(model, prefs.shape);
  const mode =
    prefs.mode !== undefined && model.modes?.allowed.includes(prefs.mode)
      ? prefs.mode
      : model.modes?.default;
  const effect =
    prefs.effect !== undefined && model.effects?.allowed.includes(prefs.effect)
      ? prefs.effect
      : model.effects?.default;
  const voices = model.speech?.voices;
  const voice =
    prefs.voice !== undefined && voices?.allowed.includes(prefs.voice)
      ? prefs.voice
      : voices?.default;
  return {
    model: model.id,
    duration,
    ...(shape !== undefined ? { shape } : {}),
    ...(mode !== undefined ? { mode } : {}),
    ...(effect !== undefined ? { effect } : {}),
    ...(voice !== undefined ? { voice } : {}),
  };
}

const asMode = (v: string | undefined): VideoMode | undefined =>
  v === 'std' || v === 'pro' ? v : undefined;

/** The user's stored video preferences, as a choice for `model`. */
export function choiceFromSettings(model: VideoModel, settings: UserSettings): VideoChoice {
  const mode = asMode(settings.videoMode);
  return choiceFor(model, {
    ...(settings.videoDuration !== undefined ? { duration: settings.videoDuration } : {}),
    ...(settings.videoAspect !== undefined ? { shape: settings.videoAspect } : {}),
    ...(mode ? { mode } : {}),
  });
}

/** What a choice stores in the user's settings, so the next /video starts from it. */
export function settingsPatchFor(choice: VideoChoice) {
  return {
    videoModel: choice.model,
    videoDuration: choice.duration,
    videoAspect: choice.shape ?? null,
    videoMode: choice.mode ?? null,
  };
}

export interface VideoFlags {
  prompt: string;
  duration?: number;
  aspectRatio?: string;
  size?: string;
  mode?: string;
}

const FLAG_RE = /(^|\s)--(duration|seconds|d|ar|aspect|size|mode)(?:=|\s+)(\S+)/gi;

/**
 * `a fox running --duration 10 --ar 9:16` → the prompt and the flags. A value the model does not
 * allow is refused by validation with the allowed values, never silently replaced.
 */
export function parseVideoFlags(text: string): VideoFlags {
  const out: VideoFlags = { prompt: '' };
  const prompt = text.replace(FLAG_RE, (_all, lead: string, name: string, value: string) => {
    const flag = name.toLowerCase();
    if (flag === 'duration' || flag === 'seconds' || flag === 'd') {
      const n = /^(\d{1,3})s?$/i.exec(value)?.[1];
      out.duration = n === undefined ? Number.NaN : Number(n);
    } else if (flag === 'size') out.size = value.replace(/[×X*]/g, 'x');
    else if (flag === 'mode') out.mode = value.toLowerCase();
    else out.aspectRatio = value.replace(/[/x]/i, ':');
    return lead;
  });
  out.prompt = prompt.replace(/[ \t]+/g, ' ').trim();
  return out;
}

export type FlagsOutcome =
  | { ok: true; choice: VideoChoice }
  | { ok: false; problem: ValidationProblem };

/**
 * Flags on top of the stored choice, checked strictly: a duration, ratio, size or mode the model
 * does not offer is a problem with the allowed values. A ratio for a model that takes sizes
 * (or the reverse) is translated when the model has exactly that proportion.
 */
export function applyFlags(model: VideoModel, base: VideoChoice, flags: VideoFlags): FlagsOutcome {
  const choice: VideoChoice = { ...base };
  if (flags.duration !== undefined) {
    if (!model.durations.allowed.includes(flags.duration))
      return {
        ok: false,
        problem: { code: 'duration_unsupported', allowed: model.durations.allowed.map(String) },
      };
    choice.duration = flags.duration;
  }
  const wantedShape = flags.size ?? flags.aspectRatio;
  if (wantedShape !== undefined) {
    const shapes = shapeChoice(model);
    const code =
      shapes?.kind === 'size' || (!shapes && flags.size)
        ? 'size_unsupported'
        : 'aspect_unsupported';
    const exact =
      shapes?.allowed.find((v) => v === wantedShape) ??
      shapes?.allowed.find((v) => {
        const a = ratioOf(v);
        const b = ratioOf(wantedShape);
        return a !== undefined && b !== undefined && Math.abs(a - b) < 0.01;
      });
    if (!exact) return { ok: false, problem: { code, allowed: shapes?.allowed ?? [] } };
    choice.shape = exact;
  }
  if (flags.mode !== undefined) {
    const mode = asMode(flags.mode);
    if (!mode || !model.modes?.allowed.includes(mode))
      return {
        ok: false,
        problem: { code: 'mode_unsupported', allowed: (model.modes?.allowed ?? []).map(String) },
      };
    choice.mode = mode;
  }
  return { ok: true, choice };
}

export interface VideoJobRequest {
  model: VideoModel;
  choice: VideoChoice;
  prompt: string;
  /** The photos, in the order sent. */
  inputs?: VideoInput[];
  /** A sound file to lip-sync. */
  audio?: VideoInput;
  /** A video to work on (Runway Aleph, Act-One). */
  video?: VideoInput;
  source?: VideoSource;
  replyToMessageId?: number;
  parentJobId?: string;
}

/** The price of a choice, in minor units. */
export function priceOfChoice(model: VideoModel, choice: VideoChoice): number {
  return priceVideo(model, {
    duration: choice.duration,
    ...(choice.mode !== undefined ? { mode: choice.mode } : {}),
  });
}

/** Validates against the catalog, prices, and shapes the job (params as the submitter reads them). */
export function prepareVideoJob(req: VideoJobRequest): PreparedJob {
  const { model, choice } = req;
  const inputs = req.inputs ?? [];
  const shapes = shapeChoice(model);
  const checked = validateVideoRequest(model, {
    prompt: req.prompt,
    duration: choice.duration,
    ...(choice.shape !== undefined && shapes?.kind === 'aspect'
      ? { aspectRatio: choice.shape }
      : {}),
    ...(choice.shape !== undefined && shapes?.kind === 'size' ? { size: choice.shape } : {}),
    ...(choice.mode !== undefined ? { mode: choice.mode } : {}),
    ...(choice.effect !== undefined ? { effect: choice.effect } : {}),
    ...(choice.voice !== undefined ? { voice: choice.voice } : {}),
    ...(req.audio ? { audio: true } : {}),
    videos: req.video ? 1 : 0,
    ...(req.source ? { sourceModel: req.source.model } : {}),
    images: inputs.length,
  });
  if (!checked.ok) return rejectedJob(checked.problem, model, req.prompt);
  const v = checked.normalized;
  const params: VideoJobParamsInput = {
    prompt: v.prompt,
    duration: v.duration,
    secondsAs: model.secondsAs,
    ...(v.size !== undefined ? { size: v.size } : {}),
    ...(v.aspectRatio !== undefined ? { aspectRatio: v.aspectRatio } : {}),
    ...(v.mode !== undefined ? { mode: v.mode } : {}),
    ...(v.effect !== undefined ? { effect: v.effect } : {}),
    ...(v.voice !== undefined && model.speech
      ? { speech: { voice: v.voice, language: model.speech.language } }
      : {}),
    ...(req.video
      ? {
          video: {
            fileId: req.video.fileId,
            ...(req.video.uniqueId ? { uniqueId: req.video.uniqueId } : {}),
          },
        }
      : {}),
    ...(req.audio
      ? {
          audio: {
            fileId: req.audio.fileId,
            ...(req.audio.uniqueId ? { uniqueId: req.audio.uniqueId } : {}),
          },
        }
      : {}),
    ...(req.source ? { source: { jobId: req.source.jobId, taskId: req.source.taskId } } : {}),
    ...(inputs.length > 0
      ? {
          inputs: inputs.map((i) => ({
            fileId: i.fileId,
            ...(i.uniqueId ? { uniqueId: i.uniqueId } : {}),
          })),
          imageRole: model.imageRole,
        }
      : {}),
  };
  return {
    ok: true,
    draft: {
      family: 'video',
      kind: req.source ? followUpOf(model) : inputs.length > 0 ? 'i2v' : 't2v',
      model: model.id,
      params,
      price: priceVideo(model, { duration: v.duration, ...(v.mode ? { mode: v.mode } : {}) }),
      ...(req.replyToMessageId !== undefined ? { replyToMessageId: req.replyToMessageId } : {}),
      ...(req.parentJobId !== undefined ? { parentJobId: req.parentJobId } : {}),
    },
  };
}

/** What a model that works on an earlier video does with it: speaks (lip sync) or continues it. */
export type FollowUp = 'lipsync' | 'extend';
export const followUpOf = (m: VideoModel): FollowUp => (m.speech ? 'lipsync' : 'extend');

/** The follow-ups enabled models offer for a video of `model`, in catalog order, once each. */
export function followUpsFor(catalog: Catalog, model: string): FollowUp[] {
  return [...new Set(modelsForInput(catalog, { images: 0, sourceModel: model }).map(followUpOf))];
}

/** What a request brings: photos, a video, or an earlier result to work on. */
export interface RequestInputs {
  images: number;
  videos?: number;
  /** The model of the earlier video a follow-up works on. */
  sourceModel?: string | undefined;
}

/**
 * Models offered for a request: those that take as many photos and videos as it has (none: need
 * none); for a follow-up, those that work on the earlier video's model, and only then.
 */
export function modelsForInput(catalog: Catalog, input: RequestInputs): VideoModel[] {
  const { images, videos = 0, sourceModel } = input;
  const fits = (count: number, range: { min: number; max: number }) =>
    range.min <= count && count <= range.max;
  return catalog.list('video').filter((m) => {
    if (sourceModel !== undefined || m.follows)
      return sourceModel !== undefined && (m.follows?.includes(sourceModel) ?? false);
    return fits(images, m.imageInput) && fits(videos, m.videoInput);
  });
}
