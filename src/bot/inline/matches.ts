/**
 * Inline sharing, the pure part: which of a user's recent jobs match what they typed after
 * `@bot`, and the inline results that resend them by Telegram file id (nothing is uploaded).
 * No grammY here (types only) and no database: the feature reads the jobs and answers.
 */
import type {
  InlineQueryResultCachedDocument,
  InlineQueryResultCachedPhoto,
  InlineQueryResultCachedVideo,
} from 'grammy/types';
import { mjResultOf } from '../../jobs/midjourney/result.js';
import { storedFileSchema } from '../../jobs/ports.js';
import type { RecentJob } from '../../jobs/store.js';
import { videoResultOf } from '../../jobs/video/result.js';
import { escapeHtml, truncate } from '../format.js';

/** Results per answer: Telegram takes 50, but a shorter page comes back sooner. */
export const PAGE_SIZE = 20;
/** How far back a query looks: the user's last jobs of any status, bounded whatever they did. */
export const RECENT_JOBS = 200;
/** Telegram's limit on a result id, in bytes. */
const MAX_ID_BYTES = 64;
/** Captions stay short (Telegram allows 1024): the model and the prompt, not the whole story. */
const CAPTION_PROMPT_CHARS = 300;
const DESCRIPTION_CHARS = 100;

export type SharedInlineResult =
  | InlineQueryResultCachedPhoto
  | InlineQueryResultCachedVideo
  | InlineQueryResultCachedDocument;

/** One delivered file of a job, as Telegram knows it. */
export interface SharedFile {
  jobId: string;
  /** Position in the job's result (an album's third image is 2). */
  index: number;
  kind: 'photo' | 'video' | 'document';
  fileId: string;
  model: string;
  prompt: string;
}

export interface InlinePage {
  results: SharedInlineResult[];
  /** '' when this page is the last one (Telegram's "no more results"). */
  nextOffset: string;
  /** Why there is nothing at all: no delivered result yet, or none matches the words. */
  empty?: 'nothing-yet' | 'no-match';
}

/** The prompt the user would recognise: Midjourney keeps the one it ran in its result. */
export function promptOf(job: RecentJob): string {
  const own = typeof job.params.prompt === 'string' ? job.params.prompt : '';
  if (job.family === 'midjourney') return mjResultOf(job).prompt ?? own;
  return own;
}

/**
 * The files of a finished job that Telegram holds: image families and Midjourney keep them in
 * `result.files` (a photo, or a document when the photo was refused), video keeps one video
 * (or document) id. Files never delivered (a link, a describe's text) have nothing to resend.
 */
export function sharedFiles(job: RecentJob): SharedFile[] {
  if (job.status !== 'done') return [];
  const base = { jobId: job.id, model: job.model, prompt: promptOf(job) };
  if (job.family === 'video') {
    const video = videoResultOf(job);
    if (video.videoFileId) return [{ ...base, index: 0, kind: 'video', fileId: video.videoFileId }];
    if (video.documentFileId)
      return [{ ...base, index: 0, kind: 'document', fileId: video.documentFileId }];
    return [];
  }
  const files = Array.isArray(job.result?.files) ? job.result.files : [];
  const out: SharedFile[] = [];
  files.forEach((raw: unknown, index) => {
    // A malformed entry is skipped, never thrown: one bad row must not break every query.
    const file = storedFileSchema.safeParse(raw);
    if (!file.success) return;
    const { photoFileId, documentFileId } = file.data;
    if (photoFileId) out.push({ ...base, index, kind: 'photo', fileId: photoFileId });
    else if (documentFileId) out.push({ ...base, index, kind: 'document', fileId: documentFileId });
  });
  return out;
}

/** Case- and form-insensitive text: NFKC folds width and ligatures, toLowerCase any script. */
const fold = (text: string): string => text.normalize('NFKC').toLowerCase();

/** The words of a query; none for an empty or blank one (which matches everything). */
export function queryWords(query: string): string[] {
  return fold(query)
    .split(/[\s\p{Z}]+/u)
    .filter((w) => w !== '');
}

/** Whether `prompt` contains every word (as a substring: "fox" finds "foxes"). */
export function matchesWords(prompt: string, words: readonly string[]): boolean {
  const text = fold(prompt);
  return words.every((w) => text.includes(w));
}

/**
 * Every file of `jobs` that matches, newest job first (files in their order). Sorting here
 * keeps the order whatever the caller read; the sort is stable, so jobs of one millisecond keep
 * the order they came in.
 */
export function matchingFiles(jobs: readonly RecentJob[], query: string): SharedFile[] {
  const words = queryWords(query);
  return [...jobs]
    .sort((a, b) => b.createdAt - a.createdAt)
    .filter((job) => matchesWords(promptOf(job), words))
    .flatMap(sharedFiles);
}

/** The offset Telegram sends back is our own next_offset; anything else starts from the top. */
export function parseOffset(offset: string): number {
  return /^\d{1,6}$/.test(offset) ? Number(offset) : 0;
}

/** `jobId:index`: unique per file, stable across queries (clients may cache by it). */
export function resultId(file: Pick<SharedFile, 'jobId' | 'index'>): string {
  return `${file.jobId}:${file.index}`;
}

/** "Model · prompt", escaped for HTML, well within Telegram's 1024 characters. */
export function shareCaption(title: string, prompt: string): string {
  const text = prompt.trim();
  const head = escapeHtml(title);
  return text ? `${head} · <i>${escapeHtml(truncate(text, CAPTION_PROMPT_CHARS))}</i>` : head;
}

export function toInlineResult(file: SharedFile, title: string): SharedInlineResult {
  const id = resultId(file);
  const caption = shareCaption(title, file.prompt);
  const description = truncate(file.prompt.trim(), DESCRIPTION_CHARS);
  const common = {
    id,
    caption,
    parse_mode: 'HTML' as const,
    // Video and document results need a title; the model names what it is.
    title: title || file.model,
    ...(description ? { description } : {}),
  };
  switch (file.kind) {
    case 'photo':
      return { type: 'photo', photo_file_id: file.fileId, ...common };
    case 'video':
      return { type: 'video', video_file_id: file.fileId, ...common };
    case 'document':
      return { type: 'document', document_file_id: file.fileId, ...common };
  }
}

/**
 * One page of answers to `query` from a user's recent jobs (theirs only: the caller reads
 * them by user id). `title` names a model as the catalog does.
 */
export function inlinePage(
  jobs: readonly RecentJob[],
  o: { query: string; offset: string; title: (model: string) => string; pageSize?: number },
): InlinePage {
  const size = Math.min(Math.max(o.pageSize ?? PAGE_SIZE, 1), 50);
  // Job ids are short; an id over Telegram's limit would fail the whole answer, so it is left out.
  const files = matchingFiles(jobs, o.query).filter(
    (f) => Buffer.byteLength(resultId(f)) <= MAX_ID_BYTES,
  );
  const start = parseOffset(o.offset);
  const slice = files.slice(start, start + size);
  const page: InlinePage = {
    results: slice.map((f) => toInlineResult(f, o.title(f.model))),
    nextOffset: start + size < files.length ? String(start + size) : '',
  };
  if (files.length === 0)
    page.empty = jobs.some((j) => sharedFiles(j).length > 0) ? 'no-match' : 'nothing-yet';
  return page;
}
