/**
 * Schema of the catalog file. Every object is strict so an operator's typo ("size:" for
 * "sizes:") is an error rather than a silently ignored key. Cross-field rules live next to the
 * object they concern, so their issues carry a path that the loader maps to a line.
 */
import { z } from 'zod';
import {
  FAMILIES,
  type Family,
  IMAGE_BACKGROUNDS,
  IMAGE_FORMATS,
  IMAGE_QUALITIES,
  type ImageQuality,
  MJ_BOT_TYPES,
  MJ_MODES,
  RESPONSE_FORMATS,
  SECONDS_AS,
  VIDEO_IMAGE_ROLES,
  VIDEO_MODES,
  type VideoMode,
} from './constants.js';

/** Prices are whole minor units; the cap keeps every product we compute a safe integer. */
export const MAX_PRICE = 1_000_000_000;

const wholeNumber = (min: number, max: number) =>
  z
    .number()
    .int('must be a whole number')
    .min(min, `must be at least ${min}`)
    .max(max, `must be at most ${max}`);

const amount = z
  .number()
  .int('must be a whole number of minor units (e.g. cents)')
  .min(0, 'must not be negative')
  .max(MAX_PRICE, `must be at most ${MAX_PRICE}`);

const modelId = z
  .string()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9._:/-]{0,127}$/,
    'must be the exact gateway model id (letters, digits, . _ : / -)',
  );

const sizeValue = z.string().regex(/^[1-9]\d{1,4}x[1-9]\d{1,4}$/, 'must look like 1024x1024');
const aspectValue = z
  .string()
  .regex(/^[1-9]\d?:[1-9]\d?$/, 'must look like "16:9" (quote it in YAML)');

/** `{ allowed: [...], default }` with the default among the allowed values and no repeats. */
function choice<V extends string | number>(item: z.ZodType<V>) {
  return z
    .strictObject({ allowed: z.array(item).min(1, 'must list at least one value'), default: item })
    .superRefine((c, ctx) => {
      const seen = new Set<V>();
      c.allowed.forEach((v, i) => {
        if (seen.has(v))
          ctx.addIssue({ code: 'custom', path: ['allowed', i], message: 'repeated' });
        seen.add(v);
      });
      if (!c.allowed.includes(c.default))
        ctx.addIssue({
          code: 'custom',
          path: ['default'],
          message: `must be one of the allowed values (${c.allowed.join(', ')})`,
        });
    });
}

const nRange = z
  .strictObject({
    min: wholeNumber(1, 10),
    max: wholeNumber(1, 10),
    default: wholeNumber(1, 10),
  })
  .superRefine((n, ctx) => {
    if (n.min > n.max)
      ctx.addIssue({ code: 'custom', path: ['max'], message: 'must be at least min' });
    else if (n.default < n.min || n.default > n.max)
      ctx.addIssue({
        code: 'custom',
        path: ['default'],
        message: `must be between min and max (${n.min}–${n.max})`,
      });
  });

const imageInput = z
  .strictObject({ min: wholeNumber(0, 16), max: wholeNumber(0, 16) })
  .superRefine((r, ctx) => {
    if (r.min > r.max)
      ctx.addIssue({ code: 'custom', path: ['max'], message: 'must be at least min' });
  });

const NO_IMAGES = { min: 0, max: 0 };
const ONE_IMAGE = { min: 1, max: 1, default: 1 };

/** Exactly one of the two keys, normalised to `{ unit, amount }` for the price functions. */
function onePriceOf<A extends string, B extends string>(a: A, b: B) {
  return (p: Partial<Record<A | B, number>>, ctx: z.RefinementCtx) => {
    if ((p[a] === undefined) === (p[b] === undefined))
      ctx.addIssue({ code: 'custom', message: `set exactly one of ${a}, ${b}` });
  };
}

/** ×multiplier with at most 4 decimals, so pricing can work in exact basis points. */
const multiplier = z
  .number()
  .positive('must be greater than 0')
  .max(100, 'must be at most 100')
  .refine((m) => Math.abs(m * 10_000 - Math.round(m * 10_000)) < 1e-6, 'use at most 4 decimals');

const imagePrice = z
  .strictObject({
    perImage: amount.optional(),
    perCall: amount.optional(),
    /** gpt-image's high quality costs several times its low: `{ high: 4, medium: 2 }`. */
    qualityMultipliers: z.partialRecord(z.enum(IMAGE_QUALITIES), multiplier).optional(),
  })
  .superRefine(onePriceOf('perImage', 'perCall'))
  .transform((p) => ({
    ...(p.perImage !== undefined
      ? { unit: 'image' as const, amount: p.perImage }
      : { unit: 'call' as const, amount: p.perCall ?? 0 }),
    ...(p.qualityMultipliers
      ? { qualityMultipliers: p.qualityMultipliers as Partial<Record<ImageQuality, number>> }
      : {}),
  }));

/**
 * What the images API forwards beyond size and count, for the models that take it. Only what is
 * declared here is offered to users, as prompt flags (`--quality high`, `--seed 7`, `--no …`).
 */
const imageOptions = z.strictObject({
  quality: choice(z.enum(IMAGE_QUALITIES)).optional(),
  background: choice(z.enum(IMAGE_BACKGROUNDS)).optional(),
  outputFormat: choice(z.enum(IMAGE_FORMATS)).optional(),
  /** `seed`: the same seed and prompt give the same picture. */
  seed: z.boolean().default(false),
  /** `negative_prompt`: what the picture must not contain. */
  negativePrompt: z.boolean().default(false),
});

/** A quality multiplier needs the quality among the model's options. */
function checkQualityPrices(
  m: {
    price: { qualityMultipliers?: Partial<Record<ImageQuality, number>> };
    options?: { quality?: { allowed: readonly string[] } };
  },
  ctx: z.RefinementCtx,
) {
  const allowed = m.options?.quality?.allowed ?? [];
  for (const q of Object.keys(m.price.qualityMultipliers ?? {}))
    if (!allowed.includes(q))
      ctx.addIssue({
        code: 'custom',
        path: ['price', 'qualityMultipliers', q],
        message: `quality "${q}" is not in options.quality.allowed`,
      });
}

const videoPrice = z
  .strictObject({
    perCall: amount.optional(),
    perSecond: amount.optional(),
    modeMultipliers: z
      .strictObject({ std: multiplier.optional(), pro: multiplier.optional() })
      .optional(),
  })
  .superRefine(onePriceOf('perCall', 'perSecond'))
  .transform((p) => ({
    unit: p.perSecond !== undefined ? ('second' as const) : ('call' as const),
    amount: p.perSecond ?? p.perCall ?? 0,
    modeMultipliers: (p.modeMultipliers ?? {}) as Partial<Record<VideoMode, number>>,
  }));

const mjPrice = z.strictObject({
  imagine: amount,
  upscale: amount,
  variation: amount,
  low_variation: amount,
  high_variation: amount,
  reroll: amount,
  zoom: amount,
  pan: amount,
  custom_zoom: amount,
  inpaint: amount,
  modal: amount,
  blend: amount,
  describe: amount,
});

const common = {
  id: modelId,
  title: z.string().trim().min(1, 'must not be empty').max(64, 'must be at most 64 characters'),
  enabled: z.boolean().default(true),
  maxPromptLength: wholeNumber(1, 100_000),
};

/**
 * How long the bot waits for this model before it gives up and refunds. A synchronous call holds
 * a gateway slot all along, so it gets at most 15 minutes; an async task (Midjourney, video) is
 * only polled, and may take hours in a slow queue.
 */
const syncTimeout = { timeoutSeconds: wholeNumber(10, 900).optional() };
const asyncTimeout = { timeoutSeconds: wholeNumber(60, 6 * 3600).optional() };

/** Parameters shared by the three synchronous image families. */
const imageParams = {
  ...common,
  ...syncTimeout,
  sizes: choice(sizeValue).optional(),
  aspectRatios: choice(aspectValue).optional(),
  n: nRange.default(ONE_IMAGE),
  imageInput: imageInput.default(NO_IMAGES),
  price: imagePrice,
};
const responseFormat = z.enum(RESPONSE_FORMATS).default('url');

const imageModel = z
  .strictObject({
    ...imageParams,
    family: z.literal('image'),
    api: z.literal('images'),
    responseFormat,
    options: imageOptions.optional(),
  })
  .superRefine(checkQualityPrices);

const chatImageModel = z
  .strictObject({
    ...imageParams,
    family: z.literal('chat-image'),
    api: z.literal('chat'),
  })
  .superRefine(checkQualityPrices);

const editInput = imageInput.superRefine((r, ctx) => {
  if (r.min < 1)
    ctx.addIssue({ code: 'custom', path: ['min'], message: 'edit models need at least 1 image' });
});
const editModel = z.discriminatedUnion('api', [
  z
    .strictObject({
      ...imageParams,
      family: z.literal('edit'),
      api: z.literal('edits'),
      imageInput: editInput,
      responseFormat,
      options: imageOptions.optional(),
      /** It takes OpenAI's `mask` (gpt-image-*, dall-e-2): the Mini App's editor offers a brush. */
      mask: z.boolean().default(false),
    })
    .superRefine(checkQualityPrices),
  z
    .strictObject({
      ...imageParams,
      family: z.literal('edit'),
      api: z.literal('chat'),
      imageInput: editInput,
    })
    .superRefine(checkQualityPrices),
]);

const midjourneyModel = z.strictObject({
  ...common,
  ...asyncTimeout,
  family: z.literal('midjourney'),
  api: z.literal('midjourney'),
  mode: z.enum(MJ_MODES),
  botType: z.enum(MJ_BOT_TYPES),
  /** Reference images for imagine (`base64Array`). */
  imageInput: imageInput.default(NO_IMAGES),
  /**
   * Model versions a user may pick in /settings, sent as `--v 7` (Niji: `--niji 6`) unless the
   * prompt names one. Nobody picked one: the prompt goes as written, the account's default runs.
   */
  versions: z
    .array(z.string().regex(/^\d{1,2}(?:\.\d)?$/, 'a version such as 7 or 6.1'))
    .min(1, 'must list at least one version')
    .optional(),
  price: mjPrice,
});

const videoModel = z
  .strictObject({
    ...common,
    ...asyncTimeout,
    family: z.literal('video'),
    api: z.literal('video'),
    durations: choice(wholeNumber(1, 600)),
    secondsAs: z.enum(SECONDS_AS).default('number'),
    sizes: choice(sizeValue).optional(),
    aspectRatios: choice(aspectValue).optional(),
    modes: choice(z.enum(VIDEO_MODES)).optional(),
    imageInput: imageInput.default(NO_IMAGES),
    imageRole: z.enum(VIDEO_IMAGE_ROLES).default('frames'),
    /** A video the model works on (Runway Aleph edits it, Act-One takes its performance). */
    videoInput: z
      .strictObject({ min: wholeNumber(0, 1), max: wholeNumber(0, 1) })
      .refine((r) => r.min <= r.max, { path: ['max'], message: 'must be at least min' })
      .default(NO_IMAGES),
    /**
     * The video models whose results this one works on (Kling Extend continues them, Kling Lip
     * Sync makes them speak): a button under their videos, never a new request, and sent with
     * the earlier task's id.
     */
    follows: z.array(modelId).min(1, 'must list at least one model').optional(),
    /** Lip sync: the prompt is the words to say, in one of these voices (Kling `voice_id`). */
    speech: z
      .strictObject({
        voices: choice(z.string().regex(/^[\w.-]{1,40}$/, 'a voice id')),
        language: z.enum(['en', 'zh']).default('en'),
        /** The user may send a sound file (MP3, M4A, WAV, AAC) to speak instead of words. */
        audio: z.boolean().default(false),
      })
      .optional(),
    /** Kling Effects' scenes (`effect_scene`), chosen on the /video keyboard. */
    effects: choice(
      z.string().regex(/^[a-z][a-z0-9_]{1,19}$/, 'a scene id such as squish'),
    ).optional(),
    price: videoPrice,
  })
  .superRefine((m, ctx) => {
    if (m.speech && !m.follows)
      ctx.addIssue({
        code: 'custom',
        path: ['speech'],
        message: 'lip sync works on an earlier video: list its models in follows',
      });
    if (m.imageRole === 'frames' && m.imageInput.max > 2)
      ctx.addIssue({
        code: 'custom',
        path: ['imageInput', 'max'],
        message: 'frames are a first and a last one: at most 2 (use imageRole: references)',
      });
    for (const mode of Object.keys(m.price.modeMultipliers) as VideoMode[])
      if (!m.modes?.allowed.includes(mode))
        ctx.addIssue({
          code: 'custom',
          path: ['price', 'modeMultipliers', mode],
          message: `mode "${mode}" is not in modes.allowed`,
        });
  });

export const modelSpecSchema = z.discriminatedUnion('family', [
  imageModel,
  chatImageModel,
  editModel,
  midjourneyModel,
  videoModel,
]);

const defaultsSchema = z.strictObject({
  image: modelId.optional(),
  'chat-image': modelId.optional(),
  edit: modelId.optional(),
  midjourney: modelId.optional(),
  video: modelId.optional(),
});

export const catalogSchema = z
  .strictObject({
    version: z.literal(1, 'must be 1'),
    defaults: defaultsSchema,
    models: z.array(modelSpecSchema).min(1, 'must list at least one model'),
  })
  .superRefine((c, ctx) => {
    const byId = new Map<string, ModelSpec>();
    c.models.forEach((m, i) => {
      if (byId.has(m.id))
        ctx.addIssue({
          code: 'custom',
          path: ['models', i, 'id'],
          message: `duplicate id "${m.id}"`,
        });
      else byId.set(m.id, m);
    });
    for (const family of FAMILIES) {
      const id = c.defaults[family];
      const offered = c.models.some((m) => m.family === family && m.enabled);
      if (id === undefined) {
        if (offered)
          ctx.addIssue({
            code: 'custom',
            path: ['defaults', family],
            message: 'is required (the family has enabled models)',
          });
        continue;
      }
      const m = byId.get(id);
      const problem =
        m === undefined
          ? `no model with id "${id}"`
          : m.family !== family
            ? `"${id}" is a ${m.family} model, not ${family}`
            : !m.enabled
              ? `"${id}" is disabled`
              : undefined;
      if (problem) ctx.addIssue({ code: 'custom', path: ['defaults', family], message: problem });
    }
    c.models.forEach((m, i) => {
      if (m.family !== 'video') return;
      m.follows?.forEach((id, j) => {
        if (byId.get(id)?.family !== 'video')
          ctx.addIssue({
            code: 'custom',
            path: ['models', i, 'follows', j],
            message: `no video model with id "${id}"`,
          });
      });
    });
    const videoDefault = c.defaults.video === undefined ? undefined : byId.get(c.defaults.video);
    if (videoDefault?.family === 'video' && videoDefault.follows)
      ctx.addIssue({
        code: 'custom',
        path: ['defaults', 'video'],
        message: `"${videoDefault.id}" only continues earlier videos: it cannot be the default`,
      });
  });

/** The parsed file (prices normalised, defaults applied). */
export type CatalogData = z.output<typeof catalogSchema>;
export type ModelSpec = z.output<typeof modelSpecSchema>;
export type ModelOfFamily<F extends Family> = Extract<ModelSpec, { family: F }>;
export type ImageModel = ModelOfFamily<'image'>;
export type ChatImageModel = ModelOfFamily<'chat-image'>;
export type EditModel = ModelOfFamily<'edit'>;
export type MidjourneyModel = ModelOfFamily<'midjourney'>;
export type VideoModel = ModelOfFamily<'video'>;
/** Models answered synchronously with images; they share sizes/n/imageInput/price. */
export type ImageLikeModel = ImageModel | ChatImageModel | EditModel;
export type ImagePrice = ImageLikeModel['price'];
export type ImageOptionsSpec = z.output<typeof imageOptions>;

/** The forwarded options a model declares (none for chat-style models). */
export const optionsOf = (m: ImageLikeModel): ImageOptionsSpec | undefined =>
  'options' in m ? m.options : undefined;
/** Whether an edit model takes a mask (only `/v1/images/edits` models can). */
export const takesMask = (m: ModelSpec): boolean => m.family === 'edit' && 'mask' in m && m.mask;
export type VideoPrice = VideoModel['price'];
export type MjPriceTable = MidjourneyModel['price'];

export function isImageLike(m: ModelSpec): m is ImageLikeModel {
  return m.family === 'image' || m.family === 'chat-image' || m.family === 'edit';
}
