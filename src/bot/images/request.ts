/**
 * Pure rules of image requests: which model a user's settings select, which of their stored
 * parameters still apply to it, the `--size/--ar/--n` flags of a prompt, and the job draft
 * (validated against the catalog and priced). No I/O: the features feed it and act on the result.
 */
import type { UserSettings } from '../../accounts/settings.js';
import {
  type Catalog,
  type ChatImageModel,
  type EditModel,
  type ImageLikeModel,
  type ImageModel,
  type ImageOptionsRequest,
  isImageLike,
  type ModelSpec,
  optionsOf,
  priceImage,
  validateImageRequest,
} from '../../catalog/index.js';
import type { ImageJobParamsInput, ResultRef } from '../../jobs/image-params.js';
import { type PreparedJob, rejectedJob } from '../jobs/job-draft.js';

export type GenerationModel = ImageModel | ChatImageModel;
export type EditingModel = EditModel | ChatImageModel;

export const isGenerationModel = (m: ModelSpec | undefined): m is GenerationModel =>
  m?.family === 'image' || m?.family === 'chat-image';

/** Edit models, and chat image models that accept input images (they edit through chat). */
export const isEditingModel = (m: ModelSpec | undefined): m is EditingModel =>
  m?.family === 'edit' || (m?.family === 'chat-image' && m.imageInput.max > 0);

/** The user's generation model, or the catalog default when theirs is gone or of another family. */
export function generationModel(
  catalog: Catalog,
  settings: UserSettings,
): GenerationModel | undefined {
  const chosen = settings.imageModel ? catalog.get(settings.imageModel) : undefined;
  if (isGenerationModel(chosen)) return chosen;
  return catalog.defaultModel('image') ?? catalog.defaultModel('chat-image');
}

/** The user's edit model (or the default), whatever the number of photos. */
export function preferredEditModel(
  catalog: Catalog,
  settings: UserSettings,
): EditingModel | undefined {
  const chosen = settings.editModel ? catalog.get(settings.editModel) : undefined;
  if (isEditingModel(chosen)) return chosen;
  const fallback = catalog.defaultModel('edit');
  if (fallback) return fallback;
  return catalog.list('chat-image').find((m) => m.imageInput.max > 0);
}

/**
 * The model for editing `count` photos: the user's own when it takes that many, otherwise the
 * first that does (edit models first, then chat models), so an album goes to a model that
 * accepts several images. When none takes that many, the one that takes the most: validation
 * then tells the user its limit.
 */
export function editModelFor(
  catalog: Catalog,
  settings: UserSettings,
  count: number,
): EditingModel | undefined {
  const preferred = preferredEditModel(catalog, settings);
  if (!preferred || preferred.imageInput.max >= count) return preferred;
  const candidates: EditingModel[] = [
    ...catalog.list('edit'),
    ...catalog.list('chat-image').filter((m) => m.imageInput.max > 0),
  ];
  const fits = candidates.find((m) => m.imageInput.max >= count);
  if (fits) return fits;
  return candidates.reduce((best, m) => (m.imageInput.max > best.imageInput.max ? m : best));
}

export interface RequestParams {
  size?: string;
  aspectRatio?: string;
  n?: number;
}

/** Options only a flag sets (no /settings row): they belong to one request. */
export interface RequestOptions {
  options?: ImageOptionsRequest;
}

/**
 * The stored size, aspect ratio and count that the model accepts. A value saved for another
 * model is dropped (the model's default applies) rather than refused: the user did not ask for
 * it in this request.
 */
export function storedParamsFor(model: ImageLikeModel, settings: UserSettings): RequestParams {
  const out: RequestParams = {};
  if (settings.imageSize && model.sizes?.allowed.includes(settings.imageSize))
    out.size = settings.imageSize;
  if (settings.imageAspect && model.aspectRatios?.allowed.includes(settings.imageAspect))
    out.aspectRatio = settings.imageAspect;
  if (
    settings.imageN !== undefined &&
    settings.imageN >= model.n.min &&
    settings.imageN <= model.n.max
  )
    out.n = settings.imageN;
  return out;
}

export interface PromptFlags extends RequestParams, RequestOptions {
  prompt: string;
}

const FLAG_RE = /(^|\s)--(size|ar|aspect|n|quality|background|bg|format|seed)(?:=|\s+)(\S+)/gi;
/** `--no` takes the rest of the text up to the next flag: "--no text, watermarks". */
const NEGATIVE_RE = /(^|\s)--no(?:=|\s+)([^\s-](?:(?!\s--\S)[\s\S])*)/i;

/**
 * `a fox --ar 16:9 --n 2 --no snow` → prompt "a fox", aspect 16:9, n 2, negative "snow". Only
 * these flags are taken (so a prompt about "--" anything else is left alone); a value the model
 * does not allow, or an option it does not take, is refused by validation naming what it does.
 */
export function parsePromptFlags(text: string): PromptFlags {
  const out: PromptFlags = { prompt: '' };
  const options: ImageOptionsRequest = {};
  const rest = text.replace(NEGATIVE_RE, (_all, lead: string, words: string) => {
    options.negativePrompt = words.trim();
    return lead;
  });
  const prompt = rest.replace(FLAG_RE, (_all, lead: string, name: string, value: string) => {
    const flag = name.toLowerCase();
    if (flag === 'size') out.size = value;
    else if (flag === 'n') out.n = wholeOrNaN(value, 3);
    else if (flag === 'quality') options.quality = value;
    else if (flag === 'background' || flag === 'bg') options.background = value;
    else if (flag === 'format') options.outputFormat = value;
    else if (flag === 'seed') options.seed = wholeOrNaN(value, 10);
    else out.aspectRatio = value.replace(/[/x]/i, ':');
    return lead;
  });
  out.prompt = prompt.replace(/[ \t]+/g, ' ').trim();
  if (Object.keys(options).length > 0) out.options = options;
  return out;
}

/**
 * The option flags a model takes, as a user would type them ("--quality low|medium|high,
 * --seed N"): only what its catalog entry declares. Undefined when it takes none.
 */
export function optionFlags(model: ImageLikeModel): string | undefined {
  const o = optionsOf(model);
  if (!o) return undefined;
  const flags = [
    o.quality && `--quality ${o.quality.allowed.join('|')}`,
    o.background && `--background ${o.background.allowed.join('|')}`,
    o.outputFormat && `--format ${o.outputFormat.allowed.join('|')}`,
    o.seed && '--seed N',
    o.negativePrompt && '--no …',
  ].filter((f): f is string => typeof f === 'string');
  return flags.length > 0 ? flags.join(', ') : undefined;
}

const wholeOrNaN = (value: string, digits: number) =>
  new RegExp(`^\\d{1,${digits}}$`).test(value) ? Number(value) : Number.NaN;

export interface ImageJobRequest extends RequestParams, RequestOptions {
  model: ImageLikeModel;
  kind: 'generate' | 'edit';
  prompt: string;
  inputs?: Array<{ fileId: string; uniqueId?: string }>;
  /** An earlier result edited instead of `inputs` (from the gallery), with OpenAI's mask. */
  source?: { ref: ResultRef; maskPng?: Buffer };
  replyToMessageId?: number;
  parentJobId?: string;
}

/** Validates against the catalog, prices, and shapes the job (params as the runner reads them). */
export function prepareImageJob(req: ImageJobRequest): PreparedJob {
  const { model } = req;
  const inputs = req.inputs ?? [];
  const checked = validateImageRequest(model, {
    prompt: req.prompt,
    ...(req.size !== undefined ? { size: req.size } : {}),
    ...(req.aspectRatio !== undefined ? { aspectRatio: req.aspectRatio } : {}),
    ...(req.n !== undefined ? { n: req.n } : {}),
    ...(req.options ? { options: req.options } : {}),
    images: inputs.length + (req.source ? 1 : 0),
  });
  if (!checked.ok) return rejectedJob(checked.problem, model, req.prompt);
  const v = checked.normalized;
  const params: ImageJobParamsInput = {
    api: model.api,
    prompt: v.prompt,
    n: v.n,
    ...(v.size ? { size: v.size } : {}),
    ...(v.aspectRatio ? { aspectRatio: v.aspectRatio } : {}),
    ...('responseFormat' in model ? { responseFormat: model.responseFormat } : {}),
    ...v.options,
    inputs: inputs.map((i) => ({
      fileId: i.fileId,
      ...(i.uniqueId ? { uniqueId: i.uniqueId } : {}),
    })),
    ...(req.source ? { source: req.source.ref } : {}),
    ...(req.source?.maskPng ? { mask: req.source.maskPng.toString('base64') } : {}),
  };
  return {
    ok: true,
    draft: {
      family: req.kind === 'edit' ? 'edit' : model.family,
      kind: req.kind,
      model: model.id,
      params,
      price: priceImage(model, { n: v.n, quality: v.options.quality }),
      ...(req.replyToMessageId !== undefined ? { replyToMessageId: req.replyToMessageId } : {}),
      ...(req.parentJobId !== undefined ? { parentJobId: req.parentJobId } : {}),
    },
  };
}

/** Whether a catalog model is one this feature runs (for the 🔁 button on old jobs). */
export const isImageModel = (m: ModelSpec | undefined): m is ImageLikeModel =>
  m !== undefined && isImageLike(m);

/**
 * Choosing a generation model keeps the stored size, ratio and count only where the new model
 * allows them, so the summary never shows a value the model would not use.
 */
export function patchForGenerationModel(
  model: GenerationModel,
  settings: UserSettings,
): {
  imageModel: string;
  imageSize: string | null;
  imageAspect: string | null;
  imageN: number | null;
} {
  const kept = storedParamsFor(model, settings);
  return {
    imageModel: model.id,
    imageSize: kept.size ?? null,
    imageAspect: kept.aspectRatio ?? null,
    imageN: kept.n ?? null,
  };
}
