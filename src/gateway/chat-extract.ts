/**
 * Pure extraction of images from a chat-completion message (§2.3). Image models answer in
 * several dialects; the first step that yields an image wins, so a picture that appears both in
 * `images[]` and as markdown is not returned twice.
 */
import type { GeneratedImage } from './images.js';
import { decodeBase64, parseDataUrl, sniffBase64Mime } from './mime.js';

export interface ChatExtraction {
  images: GeneratedImage[];
  /** The message text with image markup removed (a caption, or a refusal). */
  text: string;
}

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const MARKDOWN_IMAGE_RE =
  /!\[[^\]]*\]\(\s*(data:image\/[a-z0-9+.-]+;base64,[A-Za-z0-9+/=\s]+|https?:\/\/[^\s)]+)\s*\)/gi;
const URL_RE = /https?:\/\/[^\s)\]"'<>]+/gi;
const IMAGE_PATH_RE = /\.(?:png|jpe?g|webp|gif)$/i;
/** A run of base64 (optionally a `data:image/…;base64,` URL), possibly wrapped over lines. */
const BASE64_RUN_RE =
  /(?<![A-Za-z0-9+/=_-])(?:data:image\/[a-z0-9+.-]+;base64,)?[A-Za-z0-9+/]{32,}(?:\r?\n[A-Za-z0-9+/]+)*={0,2}/gi;

function fromUrl(url: string): GeneratedImage | undefined {
  const u = url.trim();
  if (u.startsWith('data:')) {
    const d = parseDataUrl(u);
    return d ? { kind: 'bytes', data: d.data, mime: d.mime } : undefined;
  }
  return /^https?:\/\//i.test(u) ? { kind: 'url', url: u } : undefined;
}

/** `{image_url:{url}}`, `{image_url:"…"}`, `{url}` or a bare string. */
function partUrl(part: unknown): string | undefined {
  if (typeof part === 'string') return part;
  if (!isObj(part)) return undefined;
  const iu = part.image_url;
  if (isObj(iu) && typeof iu.url === 'string') return iu.url;
  if (typeof iu === 'string') return iu;
  return typeof part.url === 'string' ? part.url : undefined;
}

function dedupe(images: GeneratedImage[]): GeneratedImage[] {
  const seen = new Set<string>();
  return images.filter((img) => {
    const key = img.kind === 'url' ? img.url : img.data.toString('base64');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * A wrapped base64 block (MIME wraps at 64 or 76) has full lines of one width and a shorter last
 * one; a line after that, or after one long unwrapped line, is text such as "Enjoy".
 */
const MAX_WRAP_WIDTH = 120;
function wrappedPart(run: string): string {
  const lines = run.split(/\r?\n/);
  const width = lines[0]?.length ?? 0;
  let end = 1;
  while (end < lines.length && width <= MAX_WRAP_WIDTH && lines[end - 1]?.length === width) end++;
  return lines.slice(0, end).join('\n');
}

function inlineBase64(content: string): ChatExtraction {
  const images: GeneratedImage[] = [];
  const text = content.replace(BASE64_RUN_RE, (run) => {
    const part = wrappedPart(run);
    const b64 = part.replace(/^data:[^,]*,/i, '').replace(/\s+/g, '');
    const mime = sniffBase64Mime(b64);
    const data = mime ? decodeBase64(b64) : undefined;
    if (!mime || !data) return run;
    images.push({ kind: 'bytes', data, mime });
    return run.slice(part.length);
  });
  return { images, text };
}

const tidy = (s: string) => s.replace(/\n{3,}/g, '\n\n').trim();

export function extractChatImages(message: unknown): ChatExtraction {
  const msg = isObj(message) ? message : {};
  // Content may be a string or an array of parts (text + image_url).
  const parts: unknown[] = Array.isArray(msg.content) ? msg.content : [];
  const content =
    typeof msg.content === 'string'
      ? msg.content
      : parts
          .map((p) => (isObj(p) && p.type === 'text' && typeof p.text === 'string' ? p.text : ''))
          .filter(Boolean)
          .join('\n');

  // 1. message.images[] (OpenRouter style) and image parts of an array content.
  const listed: unknown[] = [
    ...(Array.isArray(msg.images) ? msg.images : []),
    ...parts.filter((p) => isObj(p) && p.type === 'image_url'),
  ];
  const step1 = dedupe(listed.map(partUrl).flatMap((u) => (u ? (fromUrl(u) ?? []) : [])));
  if (step1.length > 0) return { images: step1, text: tidy(content) };

  // 2. Markdown images with a data URI or an http(s) URL.
  const step2: GeneratedImage[] = [];
  for (const m of content.matchAll(MARKDOWN_IMAGE_RE)) {
    const img = m[1] ? fromUrl(m[1].replace(/\s+/g, '')) : undefined;
    if (img) step2.push(img);
  }
  if (step2.length > 0) {
    return { images: dedupe(step2), text: tidy(content.replace(MARKDOWN_IMAGE_RE, '')) };
  }

  // 3. Bare URLs whose path ends in an image extension (also catches `[下载](https://…png)`).
  const step3: GeneratedImage[] = [];
  for (const m of content.matchAll(URL_RE)) {
    const url = m[0];
    let path: string;
    try {
      path = new URL(url).pathname;
    } catch {
      continue;
    }
    if (IMAGE_PATH_RE.test(path)) step3.push({ kind: 'url', url });
  }
  if (step3.length > 0) {
    const text = content
      .replace(/\[[^\]]*\]\(\s*https?:\/\/[^\s)]+\s*\)/g, '')
      .replace(URL_RE, (u) => (step3.some((i) => i.kind === 'url' && i.url === u) ? '' : u));
    return { images: dedupe(step3), text: tidy(text) };
  }

  // 4. Base64 with a known image signature anywhere in the text, bare or as a `data:` URL.
  const step4 = inlineBase64(content);
  if (step4.images.length > 0) return { images: dedupe(step4.images), text: tidy(step4.text) };

  return { images: [], text: tidy(content) };
}
