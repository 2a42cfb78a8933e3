/** /v1/images/generations (JSON) and /v1/images/edits (multipart), dall-e style responses. */
import { charge, checkFunds, checkModel } from './auth.js';
import {
  bannedWordIn,
  formFiles,
  formString,
  type JsonObject,
  num,
  requireObject,
  str,
} from './body.js';
import {
  FALLBACK_PRICE,
  pickDuration,
  priceOf,
  type SimContext,
  type SimRequest,
} from './context.js';
import { checkEditMask } from './edit-mask.js';
import { openAiError } from './errors.js';
import { linkUrl, resultCount } from './hostile.js';
import { json, type SimResponse } from './http.js';
import { parseMarkers, stripMarkers } from './markers.js';

const DALLE3_SIZES = new Set(['1024x1024', '1792x1024', '1024x1792']);
const DALLE2_SIZES = new Set(['256x256', '512x512', '1024x1024']);

/** Sizes are honoured in aspect only (longest side ≤ 512) so tests stay fast; use [[size:WxH]] for real dims. */
function previewDims(size: string): { width: number; height: number } {
  const m = /^(\d+)x(\d+)$/.exec(size);
  const w = Number(m?.[1] ?? 1024);
  const h = Number(m?.[2] ?? 1024);
  const scale = Math.min(1, 512 / Math.max(w, h, 1));
  return { width: Math.max(1, Math.round(w * scale)), height: Math.max(1, Math.round(h * scale)) };
}

interface ImageJob {
  model: string;
  prompt: string;
  n: number;
  size: string;
  responseFormat: string | undefined;
  quality: string | undefined;
  background: string | undefined;
  outputFormat: string | undefined;
}

/** OpenAI's value sets; other models pass the fields through to a provider that ignores them. */
const GPT_IMAGE_OPTIONS: Record<'quality' | 'background' | 'outputFormat', readonly string[]> = {
  quality: ['low', 'medium', 'high', 'auto'],
  background: ['transparent', 'opaque', 'auto'],
  outputFormat: ['png', 'jpeg', 'webp'],
};
const WIRE_NAME = { quality: 'quality', background: 'background', outputFormat: 'output_format' };

function validateOptions(ctx: SimContext, job: ImageJob): SimResponse | null {
  if (
    job.model === 'dall-e-3' &&
    job.quality !== undefined &&
    !['standard', 'hd'].includes(job.quality)
  )
    return openAiError(
      ctx,
      400,
      `Invalid value: '${job.quality}'. Supported values are: 'standard' and 'hd'.`,
      {
        type: 'invalid_request_error',
        param: 'quality',
        code: 'invalid_value',
      },
    );
  if (!job.model.startsWith('gpt-image')) return null;
  for (const key of ['quality', 'background', 'outputFormat'] as const) {
    const value = job[key];
    if (value !== undefined && !GPT_IMAGE_OPTIONS[key].includes(value))
      return openAiError(
        ctx,
        400,
        `Invalid value: '${value}'. Supported values are: ${GPT_IMAGE_OPTIONS[key].map((v) => `'${v}'`).join(', ')}.`,
        {
          type: 'invalid_request_error',
          param: WIRE_NAME[key],
          code: 'invalid_value',
        },
      );
  }
  if (job.background === 'transparent' && job.outputFormat === 'jpeg')
    return openAiError(
      ctx,
      400,
      'Transparent background is not supported for jpeg output format.',
      {
        type: 'invalid_request_error',
        param: 'background',
        code: 'invalid_value',
      },
    );
  return null;
}

/** Shared validation of §2.1 (new-api relay-image.go + one-api n range). */
function validate(ctx: SimContext, job: ImageJob): SimResponse | null {
  const oneApi = ctx.opts.errorType === 'one_api_error';
  if (job.prompt.trim() === '') {
    return openAiError(ctx, 400, 'prompt is required', { code: oneApi ? 'prompt_missing' : null });
  }
  if (job.size.includes('×')) {
    return openAiError(
      ctx,
      400,
      "size an unexpected error occurred in the parameter, please use 'x' instead of the multiplication sign '×'",
    );
  }
  const maxN = job.model === 'dall-e-3' ? 1 : job.model === 'dall-e-2' ? 10 : 4;
  if (!Number.isInteger(job.n) || job.n < 1 || job.n > maxN) {
    return openAiError(ctx, 400, 'invalid value of n', {
      code: oneApi ? 'n_not_within_range' : null,
    });
  }
  const sizes =
    job.model === 'dall-e-3' ? DALLE3_SIZES : job.model === 'dall-e-2' ? DALLE2_SIZES : null;
  if (sizes && !sizes.has(job.size)) {
    return openAiError(ctx, 400, 'size not supported for this image model', {
      code: oneApi ? 'size_not_supported' : null,
    });
  }
  return null;
}

function contentPolicy(ctx: SimContext): SimResponse {
  return openAiError(
    ctx,
    400,
    'Your request was rejected as a result of our safety system. Your prompt may contain text that is not allowed by our safety system.',
    { type: 'invalid_request_error', param: null, code: 'content_policy_violation' },
  );
}

/** Validates, bills, waits the configured latency and renders `data[]`. */
async function run(ctx: SimContext, req: SimRequest, job: ImageJob): Promise<SimResponse> {
  const key = req.key;
  if (!key) return openAiError(ctx, 401, '无效的令牌');
  const denied = checkModel(ctx, key, job.model);
  if (denied) return denied;
  const invalid = validate(ctx, job) ?? validateOptions(ctx, job);
  if (invalid) return invalid;
  const price = priceOf(ctx, job.model, FALLBACK_PRICE.image) * job.n;
  const broke = checkFunds(ctx, key, price);
  if (broke) return broke;
  if (bannedWordIn(ctx, job.prompt)) return contentPolicy(ctx);
  charge(key, price);
  await ctx.clock.sleep(pickDuration(ctx.opts.timings.imageLatencyMs));

  const markers = parseMarkers(job.prompt, job.model);
  const gptImage = job.model.startsWith('gpt-image');
  const b64 = gptImage || job.responseFormat === 'b64_json';
  const data: JsonObject[] = [];
  const produce = (): JsonObject => {
    if (markers.link) return { url: linkUrl(ctx.baseUrl(), markers.link) };
    const file = ctx.files.addPng(markers, previewDims(job.size));
    return b64
      ? { b64_json: ctx.files.bytes(file).toString('base64') }
      : { url: ctx.files.url(ctx.baseUrl(), file) };
  };
  for (let i = 0; i < resultCount(markers, job.n); i++) {
    const item = produce();
    if (job.model === 'dall-e-3')
      item.revised_prompt = `A vivid depiction of ${stripMarkers(job.prompt)}`;
    data.push(item);
  }
  const body: JsonObject = { created: Math.floor(ctx.clock.now() / 1000), data };
  if (gptImage) {
    body.usage = {
      input_tokens: 50,
      output_tokens: 4160 * job.n,
      total_tokens: 50 + 4160 * job.n,
      input_tokens_details: { text_tokens: 50, image_tokens: 0 },
    };
    body.size = job.size;
    body.quality = job.quality ?? 'auto';
    body.background = job.background ?? 'auto';
    body.output_format = job.outputFormat ?? 'png';
  }
  return json(200, body);
}

export async function imageGenerations(ctx: SimContext, req: SimRequest): Promise<SimResponse> {
  const body = requireObject(ctx, req);
  if (!body.ok) return body.res;
  const o = body.value;
  return run(ctx, req, {
    model: str(o.model) ?? 'dall-e-2',
    prompt: str(o.prompt) ?? '',
    n: o.n === undefined ? 1 : (num(o.n) ?? Number.NaN),
    size: str(o.size) ?? '1024x1024',
    responseFormat: str(o.response_format),
    quality: str(o.quality),
    background: str(o.background),
    outputFormat: str(o.output_format),
  });
}

export async function imageEdits(ctx: SimContext, req: SimRequest): Promise<SimResponse> {
  if (ctx.opts.editsNotImplemented) {
    return openAiError(ctx, 501, 'API not implemented', { code: 'api_not_implemented' });
  }
  const form = req.form;
  if (!form) {
    return openAiError(
      ctx,
      400,
      'Invalid request, request Content-Type must be multipart/form-data',
    );
  }
  const model = formString(form, 'model') ?? 'dall-e-2';
  const prompt = formString(form, 'prompt') ?? '';
  if (prompt.trim() === '') return openAiError(ctx, 400, 'prompt is required');
  const [image] = formFiles(form, 'image', 'image[]');
  if (!image) return openAiError(ctx, 400, 'image is required');
  const badMask = await checkEditMask(ctx, model, image, formFiles(form, 'mask')[0]);
  if (badMask) return badMask;
  const n = formString(form, 'n');
  return run(ctx, req, {
    model,
    prompt,
    n: n === undefined ? 1 : (num(n) ?? Number.NaN),
    size: formString(form, 'size') ?? '1024x1024',
    responseFormat: formString(form, 'response_format'),
    quality: formString(form, 'quality'),
    background: formString(form, 'background'),
    outputFormat: formString(form, 'output_format'),
  });
}
