import type { InlineQueryResult, InlineQueryResultsButton } from 'grammy/types';
import type { Core, Handler } from '../core.js';
import { badRequest, TEXTS } from '../errors.js';
import type { FileKind } from '../files.js';
import { INLINE_LIMITS, INLINE_TEXTS, type InlineAnswer } from '../inline.js';
import { bool, int, isRecord, json, type Params, str } from '../params.js';
import { CAPTION_LIMIT, codePoints, formatText } from '../text.js';

/** Cached results: which field names the file, and the kind of file it must be. */
const CACHED: Record<string, { field: string; kind: FileKind; title?: string }> = {
  photo: { field: 'photo_file_id', kind: 'photo' },
  video: { field: 'video_file_id', kind: 'video', title: INLINE_TEXTS.videoTitleEmpty },
  document: { field: 'document_file_id', kind: 'document', title: INLINE_TEXTS.documentTitleEmpty },
  gif: { field: 'gif_file_id', kind: 'animation' },
  mpeg4_gif: { field: 'mpeg4_file_id', kind: 'animation' },
  sticker: { field: 'sticker_file_id', kind: 'sticker' },
  audio: { field: 'audio_file_id', kind: 'audio' },
  voice: { field: 'voice_file_id', kind: 'voice' },
};

/** The URL field of a result of each type that is not cached (sent by address). */
const BY_URL: Record<string, string> = {
  photo: 'photo_url',
  video: 'video_url',
  document: 'document_url',
  gif: 'gif_url',
  mpeg4_gif: 'mpeg4_url',
  audio: 'audio_url',
  voice: 'voice_url',
};

const OTHER_TYPES = new Set(['article', 'contact', 'location', 'venue', 'game']);

/** tdlib's names for file types, as they appear in its "can't use file of type" text. */
const TYPE_NAMES: Record<FileKind, string> = {
  photo: 'Photo',
  video: 'Video',
  document: 'Document',
  animation: 'Animation',
  sticker: 'Sticker',
  audio: 'Audio',
  voice: 'VoiceNote',
  thumbnail: 'Thumbnail',
};

// Telegram resends any file but a photo as a document, as for sendDocument by file_id.
const fits = (have: FileKind, want: FileKind): boolean =>
  have === want || (want === 'document' && have !== 'photo' && have !== 'thumbnail');

const nonEmpty = (v: unknown): boolean => typeof v === 'string' && v.trim() !== '';

/** One result as Telegram checks it: its id, its file (only ones this server issued), caption. */
function checkResult(core: Core, raw: unknown, seen: Set<string>): InlineQueryResult {
  if (!isRecord(raw)) throw badRequest(INLINE_TEXTS.resultsUnparsable);
  const type = typeof raw.type === 'string' ? raw.type : '';
  const id = typeof raw.id === 'string' ? raw.id : '';
  if (id === '') throw badRequest(INLINE_TEXTS.resultIdEmpty);
  if (Buffer.byteLength(id) > INLINE_LIMITS.idBytes) throw badRequest(INLINE_TEXTS.resultIdInvalid);
  if (seen.has(id)) throw badRequest(INLINE_TEXTS.resultIdDuplicate);
  seen.add(id);
  const cached = CACHED[type];
  const urlField = BY_URL[type];
  if (cached && raw[cached.field] !== undefined) {
    const fileId = raw[cached.field];
    const file = typeof fileId === 'string' ? core.files.get(fileId) : undefined;
    if (!file) throw badRequest(INLINE_TEXTS.fileIdInvalid);
    if (!fits(file.kind, cached.kind))
      throw badRequest(
        `can't use file of type ${TYPE_NAMES[file.kind]} as ${TYPE_NAMES[cached.kind]}`,
      );
    if (cached.title && !nonEmpty(raw.title)) throw badRequest(cached.title);
  } else if (urlField) {
    if (typeof raw[urlField] !== 'string' || !/^https?:\/\//i.test(String(raw[urlField])))
      throw badRequest(TEXTS.wrongFile);
  } else if (!OTHER_TYPES.has(type)) {
    throw badRequest(INLINE_TEXTS.resultTypeInvalid);
  } else if (type === 'article' && !nonEmpty(raw.title)) {
    throw badRequest(INLINE_TEXTS.articleTitleEmpty);
  }
  if (typeof raw.caption === 'string' && raw.caption !== '') {
    const mode = typeof raw.parse_mode === 'string' ? raw.parse_mode : undefined;
    // Parsed like a message caption (bad HTML fails the same way); counted after parsing.
    const f = formatText(raw.caption, mode, raw.caption_entities);
    if (codePoints(f.text) > CAPTION_LIMIT) throw badRequest(INLINE_TEXTS.captionTooLong);
  }
  return raw as unknown as InlineQueryResult;
}

/** The button above the results: it opens the bot's chat with /start <start_parameter>. */
function checkButton(p: Params): InlineQueryResultsButton | undefined {
  const raw = json(p, 'button', 'InlineQueryResultsButton');
  if (raw === undefined) return undefined;
  if (!isRecord(raw) || !nonEmpty(raw.text)) throw badRequest(INLINE_TEXTS.buttonTextInvalid);
  const text = String(raw.text);
  if (isRecord(raw.web_app)) return { text, web_app: { url: String(raw.web_app.url ?? '') } };
  const start = typeof raw.start_parameter === 'string' ? raw.start_parameter : '';
  if (start === '') throw badRequest(INLINE_TEXTS.startParameterEmpty);
  if (start.length > INLINE_LIMITS.startParameterChars)
    throw badRequest(INLINE_TEXTS.startParameterTooLong);
  if (!/^[A-Za-z0-9_-]+$/.test(start)) throw badRequest(INLINE_TEXTS.startParameterInvalid);
  return { text, start_parameter: start };
}

/**
 * answerInlineQuery as Telegram runs it: every parameter is checked first (a refused answer
 * leaves the query open), then the query must be known, unanswered and younger than
 * `inlineQueryTimeoutMs` (10 s). The accepted answer is kept for the user's side to read.
 */
const answerInlineQuery: Handler = (core, call) => {
  const p = call.params;
  const id = str(p, 'inline_query_id') ?? '';
  const pending = core.inlineQueries.get(id);
  try {
    const rawResults = json(p, 'results', 'inline query results JSON object');
    if (!Array.isArray(rawResults)) throw badRequest(INLINE_TEXTS.resultsUnparsable);
    if (rawResults.length > INLINE_LIMITS.results) throw badRequest(INLINE_TEXTS.tooManyResults);
    const seen = new Set<string>();
    const results = rawResults.map((r) => checkResult(core, r, seen));
    const nextOffset = str(p, 'next_offset') ?? '';
    if (Buffer.byteLength(nextOffset) > INLINE_LIMITS.nextOffsetBytes)
      throw badRequest(INLINE_TEXTS.nextOffsetInvalid);
    const button = checkButton(p);
    const now = core.options.now();
    if (!pending || pending.answer || now - pending.createdAt > core.options.inlineQueryTimeoutMs)
      throw badRequest(TEXTS.queryTooOld);
    const answer: InlineAnswer = {
      queryId: id,
      query: pending.query,
      offset: pending.offset,
      results: structuredClone(results),
      cacheTime: Math.min(Math.max(int(p, 'cache_time') ?? 300, 0), 86_400),
      isPersonal: bool(p, 'is_personal'),
      nextOffset,
      ...(button ? { button } : {}),
      askedAt: pending.createdAt,
      answeredAt: now,
    };
    pending.answer = answer;
    pending.resolve(answer);
    return true;
  } catch (e) {
    if (pending && e instanceof Error) pending.refusals.push(e.message);
    throw e;
  }
};

export const inlineMethods: Record<string, Handler> = { answerInlineQuery };
