/** Image models behind `/v1/chat/completions` (§2.3). */
import { z } from 'zod';
import { extractChatImages } from './chat-extract.js';
import { type CallOptions, type GatewayContext, postJson } from './context.js';
import { GatewayError, looksLikeContentPolicy } from './errors.js';
import type { GeneratedImage } from './images.js';
import { toDataUrl } from './mime.js';
import { parseBody, record, text } from './schemas.js';

export { type ChatExtraction, extractChatImages } from './chat-extract.js';

export interface ChatImageRequest {
  model: string;
  prompt: string;
  /** Input images (edits); sent inline as `data:` URLs, never as Telegram file URLs. */
  images?: Array<{ data: Buffer; mime: string }>;
  user?: string;
}

export interface ChatImageResult {
  images: GeneratedImage[];
  /** Any text the model wrote next to the image(s). */
  text?: string;
}

const chatResponse = z.looseObject({
  choices: z.array(z.looseObject({ message: record, finish_reason: text })).min(1),
});

const REFUSAL_RE =
  /\b(?:I can(?:no|['’])t|I(?:'m| am) (?:unable|not able)|I won['’]t|sorry)\b|抱歉|无法(?:生成|创建|提供)|不能(?:生成|创建)/i;

/** A reply without an image that reads like a refusal (or was cut by a filter). */
export function isRefusal(textOut: string, finishReason?: string): boolean {
  if (finishReason === 'content_filter' || finishReason === 'safety') return true;
  return looksLikeContentPolicy(textOut) || REFUSAL_RE.test(textOut);
}

export async function chatImage(
  ctx: GatewayContext,
  req: ChatImageRequest,
  opts: CallOptions = {},
): Promise<ChatImageResult> {
  const route = 'POST /v1/chat/completions';
  const content =
    req.images && req.images.length > 0
      ? [
          { type: 'text', text: req.prompt },
          ...req.images.map((img) => ({
            type: 'image_url',
            image_url: { url: toDataUrl(img.data, img.mime) },
          })),
        ]
      : req.prompt;
  const body = await postJson(ctx, {
    ...opts,
    route,
    path: '/v1/chat/completions',
    billed: true,
    json: {
      model: req.model,
      messages: [{ role: 'user', content }],
      // Streamed image deltas are huge single chunks; one JSON answer is simpler and no slower.
      stream: false,
      ...(req.user ? { user: req.user } : {}),
    },
  });
  const parsed = parseBody(chatResponse, body, route);
  const choice = parsed.choices[0];
  const { images, text: said } = extractChatImages(choice?.message);
  if (images.length > 0) return said ? { images, text: said } : { images };

  // No image: the text is usually a refusal, sometimes a description. Surface it either way.
  const shown = said.length > 400 ? `${said.slice(0, 400)}…` : said;
  if (isRefusal(said, choice?.finish_reason)) {
    throw new GatewayError('content_policy', shown || 'The model refused to draw this prompt');
  }
  throw new GatewayError('malformed', shown || 'The model returned no image');
}
