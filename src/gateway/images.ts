/** `/v1/images/generations` and `/v1/images/edits` (§2.1, §2.2). */
import { Blob } from 'node:buffer';
import { FormData } from 'undici';
import { z } from 'zod';
import { type CallOptions, type GatewayContext, postJson } from './context.js';
import { GatewayError } from './errors.js';
import { decodeBase64, parseDataUrl, sniffMime } from './mime.js';
import { parseBody, text } from './schemas.js';

export type GeneratedImage =
  | { kind: 'url'; url: string }
  | { kind: 'bytes'; data: Buffer; mime: string };

export interface ImageResult {
  images: GeneratedImage[];
  revisedPrompt?: string;
}

export interface GenerateImagesRequest {
  model: string;
  prompt: string;
  n?: number;
  size?: string;
  /** For models that take a ratio instead of a size (BFL's flux-pro-1.1-ultra): `aspect_ratio`. */
  aspectRatio?: string;
  /** Omit for gpt-image models: OpenAI rejects the field there. */
  responseFormat?: 'url' | 'b64_json';
  /** Opaque end-user id forwarded as `user` (e.g. `tg:12345`). */
  user?: string;
  options?: ForwardedImageOptions;
}

/** What the catalog lets a model take beyond size and count; sent only when set. */
export interface ForwardedImageOptions {
  quality?: string | undefined;
  background?: string | undefined;
  outputFormat?: string | undefined;
  seed?: number | undefined;
  negativePrompt?: string | undefined;
}

export interface EditImageRequest {
  model: string;
  prompt: string;
  images: Array<{ data: Buffer; filename: string; mime: string }>;
  /** OpenAI's mask: a PNG of the first image's size, transparent where the model may edit. */
  mask?: Buffer;
  n?: number;
  size?: string;
  user?: string;
  options?: ForwardedImageOptions;
}

/** The options under their wire names (OpenAI's, and `negative_prompt` as new-api relays it). */
const wireOptions = (o: ForwardedImageOptions = {}) => ({
  quality: o.quality,
  background: o.background,
  output_format: o.outputFormat,
  seed: o.seed,
  negative_prompt: o.negativePrompt,
});

const imageResponse = z.looseObject({
  data: z.array(z.looseObject({ url: text, b64_json: text, revised_prompt: text })),
});

/** Turns an OpenAI-style images body into images; values are checked, not key presence. */
export function parseImageResponse(body: unknown, route: string): ImageResult {
  const parsed = parseBody(imageResponse, body, route);
  const images: GeneratedImage[] = [];
  let revisedPrompt: string | undefined;
  for (const item of parsed.data) {
    revisedPrompt ??= item.revised_prompt;
    const img = toImage(item.url, item.b64_json);
    if (img) images.push(img);
  }
  if (images.length === 0) throw new GatewayError('malformed', `${route} returned no image`);
  return revisedPrompt ? { images, revisedPrompt } : { images };
}

function toImage(url: string | undefined, b64: string | undefined): GeneratedImage | undefined {
  if (url?.startsWith('data:')) {
    const d = parseDataUrl(url);
    if (d) return { kind: 'bytes', data: d.data, mime: d.mime };
  } else if (url && /^https?:\/\//i.test(url)) {
    return { kind: 'url', url };
  }
  if (b64) {
    const d = b64.startsWith('data:') ? parseDataUrl(b64) : undefined;
    if (d) return { kind: 'bytes', data: d.data, mime: d.mime };
    const data = decodeBase64(b64);
    if (data) return { kind: 'bytes', data, mime: sniffMime(data) ?? 'image/png' };
  }
  return undefined;
}

function definedOnly(obj: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined));
}

export async function generateImages(
  ctx: GatewayContext,
  req: GenerateImagesRequest,
  opts: CallOptions = {},
): Promise<ImageResult> {
  const route = 'POST /v1/images/generations';
  const body = await postJson(ctx, {
    ...opts,
    route,
    path: '/v1/images/generations',
    billed: true,
    json: definedOnly({
      model: req.model,
      prompt: req.prompt,
      n: req.n,
      size: req.size,
      aspect_ratio: req.aspectRatio,
      ...wireOptions(req.options),
      response_format: req.responseFormat,
      user: req.user,
    }),
  });
  return parseImageResponse(body, route);
}

export async function editImage(
  ctx: GatewayContext,
  req: EditImageRequest,
  opts: CallOptions = {},
): Promise<ImageResult> {
  const route = 'POST /v1/images/edits';
  if (req.images.length === 0)
    throw new GatewayError('invalid_request', 'editImage needs an image');
  const form = new FormData();
  form.append('model', req.model);
  form.append('prompt', req.prompt);
  if (req.n !== undefined) form.append('n', String(req.n));
  if (req.size !== undefined) form.append('size', req.size);
  if (req.user !== undefined) form.append('user', req.user);
  for (const [name, value] of Object.entries(definedOnly(wireOptions(req.options))))
    form.append(name, String(value));
  // OpenAI: one file as `image`, several as repeated `image[]`.
  const field = req.images.length === 1 ? 'image' : 'image[]';
  for (const img of req.images) {
    form.append(field, new Blob([img.data], { type: img.mime }), img.filename);
  }
  if (req.mask) form.append('mask', new Blob([req.mask], { type: 'image/png' }), 'mask.png');
  const body = await postJson(ctx, {
    ...opts,
    route,
    path: '/v1/images/edits',
    billed: true,
    form,
  });
  return parseImageResponse(body, route);
}
