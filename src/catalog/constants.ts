/** Closed vocabularies of the catalog, shared by the schema, pricing and the MJ helpers. */

/** UI grouping of models (one menu each), in the order menus are shown. */
export const FAMILIES = ['image', 'chat-image', 'edit', 'midjourney', 'video'] as const;
export type Family = (typeof FAMILIES)[number];

/**
 * How a model is called: `images` = POST /v1/images/generations, `chat` = /v1/chat/completions,
 * `edits` = /v1/images/edits (multipart), `midjourney` = /mj/submit/*, `video` = /v1/video/generations.
 */
export const APIS = ['images', 'chat', 'edits', 'midjourney', 'video'] as const;
export type Api = (typeof APIS)[number];

/** Everything a Midjourney model must put a price on (mirrors new-api's billed `mj_*` names). */
export const MJ_PRICE_KINDS = [
  'imagine',
  'upscale',
  'variation',
  'low_variation',
  'high_variation',
  'reroll',
  'zoom',
  'pan',
  'custom_zoom',
  'inpaint',
  'modal',
  'blend',
  'describe',
] as const;
export type MjPriceKind = (typeof MJ_PRICE_KINDS)[number];

/** new-api path prefix: `/mj-fast/mj/...`, `/mj-relax/mj/...`, `/mj-turbo/mj/...`. */
export const MJ_MODES = ['fast', 'relax', 'turbo'] as const;
export type MjMode = (typeof MJ_MODES)[number];

export const MJ_BOT_TYPES = ['MID_JOURNEY', 'NIJI_JOURNEY'] as const;
export type MjBotType = (typeof MJ_BOT_TYPES)[number];

/** Kling-style quality modes sent as `mode`. */
export const VIDEO_MODES = ['std', 'pro'] as const;
export type VideoMode = (typeof VIDEO_MODES)[number];

/**
 * What a video model does with the photos it takes: `frames` animates from the first (and, with
 * two, ends on the second: Veo 3.1, Luma); `references` draws on them all (veo3.1-components).
 */
export const VIDEO_IMAGE_ROLES = ['frames', 'references'] as const;
export type VideoImageRole = (typeof VIDEO_IMAGE_ROLES)[number];

/** `none` = never send `response_format` (GPT-image models reject the field). */
export const RESPONSE_FORMATS = ['url', 'b64_json', 'none'] as const;
export type ResponseFormat = (typeof RESPONSE_FORMATS)[number];

/** Wire type of the video length: sora's `seconds` is a string ("8"), most others a number. */
export const SECONDS_AS = ['number', 'string'] as const;
export type SecondsAs = (typeof SECONDS_AS)[number];

/** `quality` values the images API takes: gpt-image's low/medium/high/auto, dall-e-3's standard/hd. */
export const IMAGE_QUALITIES = ['auto', 'low', 'medium', 'high', 'standard', 'hd'] as const;
export type ImageQuality = (typeof IMAGE_QUALITIES)[number];

export const IMAGE_BACKGROUNDS = ['auto', 'opaque', 'transparent'] as const;
export type ImageBackground = (typeof IMAGE_BACKGROUNDS)[number];

/** `output_format`; a transparent background needs one with an alpha channel (png, webp). */
export const IMAGE_FORMATS = ['png', 'jpeg', 'webp'] as const;
export type ImageFormat = (typeof IMAGE_FORMATS)[number];
