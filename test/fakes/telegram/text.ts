import type { MessageEntity } from 'grammy/types';
import { badRequest } from './errors.js';
import { parseHtml } from './html.js';
import { parseMarkdownV1, parseMarkdownV2 } from './markdown.js';
import { isRecord, json, type Params, str } from './params.js';

export const TEXT_LIMIT = 4096;
export const CAPTION_LIMIT = 1024;

export interface Formatted {
  text: string;
  entities?: MessageEntity[];
}

/** Telegram counts limits in Unicode code points after entity parsing. */
export const codePoints = (s: string): number => [...s].length;

/** Applies parse_mode or explicit entities, the way the Bot API turns input into message text. */
export function formatText(
  raw: string,
  parseMode: string | undefined,
  explicit: unknown,
): Formatted {
  const mode = parseMode?.toLowerCase() ?? '';
  if (raw !== '' && mode !== '' && mode !== 'none') {
    if (mode === 'html') return withEntities(parseHtml(raw));
    if (mode === 'markdownv2') return withEntities(parseMarkdownV2(raw));
    if (mode === 'markdown') return withEntities(parseMarkdownV1(raw));
    throw badRequest('unsupported parse_mode');
  }
  if (Array.isArray(explicit) && explicit.length > 0) {
    return { text: raw, entities: explicit.filter(isRecord) as unknown as MessageEntity[] };
  }
  return { text: raw };
}

function withEntities(f: { text: string; entities: MessageEntity[] }): Formatted {
  return f.entities.length > 0 ? f : { text: f.text };
}

/** Message text: 1–4096 characters after parsing. */
export function messageText(
  p: Params,
  key = 'text',
  modeKey = 'parse_mode',
  entKey = 'entities',
): Formatted {
  const raw = str(p, key) ?? '';
  if (raw.trim() === '') throw badRequest('message text is empty');
  const f = formatText(raw, str(p, modeKey), json(p, entKey));
  if (f.text.trim() === '') throw badRequest('message text is empty');
  if (codePoints(f.text) > TEXT_LIMIT) throw badRequest('message is too long');
  return f;
}

/** Caption: 0–1024 characters after parsing; undefined when absent or empty. */
export function caption(p: Params): Formatted | undefined {
  return captionFrom(str(p, 'caption'), str(p, 'parse_mode'), json(p, 'caption_entities'));
}

export function captionFrom(
  raw: string | undefined,
  mode: string | undefined,
  entities: unknown,
): Formatted | undefined {
  if (raw === undefined || raw === '') return undefined;
  const f = formatText(raw, mode, entities);
  if (codePoints(f.text) > CAPTION_LIMIT) throw badRequest('message caption is too long');
  return f.text === '' ? undefined : f;
}

/** bot_command entities a Telegram client attaches to /cmd and /cmd@bot. */
export function commandEntities(text: string): MessageEntity[] {
  const out: MessageEntity[] = [];
  const re = /(^|[\s])(\/[a-zA-Z0-9_]{1,64}(?:@[a-zA-Z0-9_]{3,32})?)(?=$|[\s.,!?;:])/g;
  for (const m of text.matchAll(re)) {
    const lead = m[1] ?? '';
    const cmd = m[2] ?? '';
    out.push({ type: 'bot_command', offset: (m.index ?? 0) + lead.length, length: cmd.length });
  }
  return out;
}
