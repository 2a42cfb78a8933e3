/** /v1/chat/completions: image models answer with images embedded in message content, in a per-model variant. */
import { randomBytes } from 'node:crypto';
import { charge, checkFunds, checkModel } from './auth.js';
import {
  bannedWordIn,
  isObject,
  type JsonObject,
  parseDataUrl,
  requireObject,
  str,
} from './body.js';
import {
  FALLBACK_PRICE,
  keyOf,
  pickDuration,
  priceOf,
  type SimContext,
  type SimRequest,
} from './context.js';
import { openAiError } from './errors.js';
import { linkUrl, resultCount } from './hostile.js';
import { json, raw, type SimResponse } from './http.js';
import { parseMarkers } from './markers.js';
import type { ChatImageVariant } from './types.js';

const IMAGE_MODEL = /image|banana|sora_image|seedream|seededit|flux|kontext/i;

function variantFor(ctx: SimContext, model: string): ChatImageVariant | undefined {
  const set = ctx.opts.chatImageVariant[model];
  if (set) return set;
  if (!IMAGE_MODEL.test(model)) return undefined;
  // Reverse-proxy "gpt-4o-image" style channels hand out hosted URLs; Gemini-style ones inline data.
  return /gpt-4o-image|sora_image/i.test(model) ? 'markdown-url' : 'markdown-data';
}

interface Inputs {
  text: string;
  images: number;
}

/** Collects user text and validates image_url parts (only data: URLs and plain https are accepted). */
function readMessages(messages: unknown[]): Inputs | string {
  let text = '';
  let images = 0;
  for (const m of messages) {
    if (!isObject(m)) return 'Invalid request, messages must be objects';
    const c = m.content;
    if (typeof c === 'string') {
      if (m.role === 'user') text = c;
      continue;
    }
    if (!Array.isArray(c)) continue;
    for (const part of c) {
      if (!isObject(part)) continue;
      if (part.type === 'text' && m.role === 'user') text = str(part.text) ?? text;
      if (part.type !== 'image_url') continue;
      const iu = part.image_url;
      const url = isObject(iu) ? str(iu.url) : str(iu);
      if (!url) return 'Invalid request, image_url.url is required';
      if (url.startsWith('data:')) {
        if (!parseDataUrl(url)) return 'Invalid request, image_url is not a valid base64 data URL';
      } else if (!/^https?:\/\//.test(url)) {
        return `Invalid request, unsupported image_url: ${url.slice(0, 32)}`;
      }
      images += 1;
    }
  }
  return { text, images };
}

function imageContent(ctx: SimContext, variant: ChatImageVariant, prompt: string, model: string) {
  const markers = parseMarkers(prompt, model);
  const png = () => ctx.files.addPng(markers, { width: 512, height: 512 });
  const data = () => ctx.files.dataUri(png());
  const url = () => ctx.files.url(ctx.baseUrl(), png());
  if (markers.link || markers.urls !== undefined) {
    // A reply the prompt steered: markdown images, as many as it wanted, pointing where it wanted.
    const target = markers.link;
    const one = target
      ? () => linkUrl(ctx.baseUrl(), target)
      : variant === 'markdown-url'
        ? url
        : data;
    const count = resultCount(markers, 1);
    const lines = Array.from({ length: count }, (_, i) => `![image ${i + 1}](${one()})`);
    return { content: `Here you go:\n${lines.join('\n')}`, count };
  }
  switch (variant) {
    case 'markdown-data':
      return { content: `![image](${data()})`, count: 1 };
    case 'markdown-url':
      return { content: `![image](${url()})`, count: 1 };
    case 'raw-base64':
      return { content: ctx.files.bytes(png()).toString('base64'), count: 1 };
    case 'prose-base64': {
      // Some channels paste the bytes into the prose, wrapped like a MIME body.
      const b64 = ctx.files.bytes(png()).toString('base64').replace(/.{76}/g, '$&\n');
      return { content: `Sure! Here is your picture:\n\n${b64}\n\nHope you like it.`, count: 1 };
    }
    case 'images-array':
      return {
        content: 'Here is your image.',
        images: [{ type: 'image_url', image_url: { url: data() } }],
        count: 1,
      };
    case 'mixed':
      return {
        content: `Here you go:\n![image](${data()})\n![image](${data()})\nAnd a hosted copy: ![image](${url()})`,
        count: 3,
      };
  }
}

export async function chatCompletions(ctx: SimContext, req: SimRequest): Promise<SimResponse> {
  const key = keyOf(req);
  const b = requireObject(ctx, req);
  if (!b.ok) return b.res;
  const model = str(b.value.model);
  if (!model) return openAiError(ctx, 400, 'Invalid request, model is required');
  const denied = checkModel(ctx, key, model);
  if (denied) return denied;
  const messages = b.value.messages;
  if (!Array.isArray(messages) || messages.length === 0) {
    return openAiError(ctx, 400, 'field messages is required', { type: 'invalid_request_error' });
  }
  const inputs = readMessages(messages);
  if (typeof inputs === 'string')
    return openAiError(ctx, 400, inputs, { type: 'invalid_request_error' });
  const price = priceOf(ctx, model, FALLBACK_PRICE.chat);
  const broke = checkFunds(ctx, key, price);
  if (broke) return broke;
  if (bannedWordIn(ctx, inputs.text)) {
    return openAiError(ctx, 400, 'Your request was rejected as a result of our safety system.', {
      type: 'invalid_request_error',
      param: null,
      code: 'content_policy_violation',
    });
  }
  charge(key, price);
  await ctx.clock.sleep(pickDuration(ctx.opts.timings.imageLatencyMs));

  const variant = variantFor(ctx, model);
  const message: JsonObject = { role: 'assistant', content: `Echo: ${inputs.text}` };
  let completionTokens = 12;
  if (variant) {
    const out = imageContent(ctx, variant, inputs.text, model);
    message.content = out.content;
    if (out.images) message.images = out.images;
    completionTokens = 1290 * out.count;
  }
  const id = `chatcmpl-${randomBytes(12).toString('hex')}`;
  const created = Math.floor(ctx.clock.now() / 1000);
  const usage = {
    prompt_tokens: 20 + 258 * inputs.images,
    completion_tokens: completionTokens,
    total_tokens: 20 + 258 * inputs.images + completionTokens,
  };
  if (b.value.stream === true) return sse(id, created, model, message, usage);
  return json(200, {
    id,
    object: 'chat.completion',
    created,
    model,
    choices: [{ index: 0, message, finish_reason: 'stop' }],
    usage,
  });
}

/** Streaming: the whole image arrives as one big delta chunk, as new-api's Gemini adaptor does. */
function sse(
  id: string,
  created: number,
  model: string,
  message: JsonObject,
  usage: JsonObject,
): SimResponse {
  const chunk = (delta: JsonObject, finish: string | null, extra: JsonObject = {}) =>
    `data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model, choices: [{ index: 0, delta, finish_reason: finish }], ...extra })}\n\n`;
  const body =
    chunk({ role: 'assistant', content: '' }, null) +
    chunk(
      { content: message.content, ...(message.images ? { images: message.images } : {}) },
      null,
    ) +
    chunk({}, 'stop', { usage }) +
    'data: [DONE]\n\n';
  return raw(200, body, 'text/event-stream');
}
