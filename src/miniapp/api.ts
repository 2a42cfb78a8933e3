/**
 * The gallery's JSON API, one small function per endpoint. Every call is already authenticated
 * (routes.ts): `call.user` is the one the signed initData names, and every job is checked to be
 * theirs; another user's job is answered like one that does not exist.
 */
import type http from 'node:http';
import { z } from 'zod';
import type { Locale } from '../accounts/locale.js';
import type { MjActionOutcome } from '../bot/midjourney/gallery-action.js';
import { takesMask } from '../catalog/index.js';
import { sendJson } from '../infra/http-server.js';
import { MAX_MASK_BASE64 } from '../jobs/image-params.js';
import { getJob, type JobRow, listUserResults } from '../jobs/store.js';
import { type GalleryFile, galleryFiles, galleryItem } from './gallery.js';
import type { MiniAppUser } from './init-data.js';
import { checkMask, type MaskForm } from './mask.js';
import { APP_STRINGS, type MiniAppDeps } from './ports.js';
import { resultFileBytes } from './result-bytes.js';

export interface ApiCall {
  deps: MiniAppDeps;
  user: MiniAppUser;
  locale: Locale;
  req: http.IncomingMessage;
  res: http.ServerResponse;
  url: URL;
}

const PAGE_SIZE = 24;
/** What the page may send at once: a mask of a 2048² image is far below this. */
const MAX_BODY = MAX_MASK_BASE64 + 16 * 1024;
const MAX_REGION_PROMPT = 1500;

type Endpoint = {
  method: 'GET' | 'POST';
  path: RegExp;
  run(call: ApiCall, match: RegExpExecArray): Promise<void>;
};

const ENDPOINTS: Endpoint[] = [
  { method: 'GET', path: /^\/me$/, run: me },
  { method: 'GET', path: /^\/results$/, run: results },
  { method: 'GET', path: /^\/results\/([\w-]{1,64})\/(thumb|file)\/(\d{1,2})$/, run: media },
  { method: 'POST', path: /^\/results\/([\w-]{1,64})\/region$/, run: region },
  { method: 'POST', path: /^\/results\/([\w-]{1,64})\/again$/, run: again },
  { method: 'POST', path: /^\/results\/([\w-]{1,64})\/action$/, run: mjAction },
  { method: 'GET', path: /^\/edit-models$/, run: editModels },
  { method: 'POST', path: /^\/results\/([\w-]{1,64})\/edit$/, run: edit },
];

export async function answerApi(call: ApiCall, path: string): Promise<void> {
  for (const endpoint of ENDPOINTS) {
    const match = call.req.method === endpoint.method ? endpoint.path.exec(path) : null;
    if (match) return endpoint.run(call, match);
  }
  sendJson(call.res, 404, { error: 'not_found' });
}

const refuse = (call: ApiCall, status: number, error: string, key: string) =>
  sendJson(call.res, status, { error, message: call.deps.t(call.locale, key) });

/** The question is in the chat now: the page says where to confirm it. */
const sentToChat = (call: ApiCall) =>
  sendJson(call.res, 200, { ok: true, message: call.deps.t(call.locale, 'app-sent-to-chat') });

/** The caller's own finished job, or undefined (refused as gone). */
function ownResult(call: ApiCall, jobId: string | undefined): JobRow | undefined {
  const job = jobId ? getJob(call.deps.db, jobId) : undefined;
  if (job && job.userId === call.user.id && job.status === 'done') return job;
  refuse(call, 404, 'gone', 'app-error-gone');
  return undefined;
}

const fileBytes = (call: ApiCall, file: GalleryFile) => resultFileBytes(call.deps, file);

/**
 * What a thumbnail is made from: an image's own bytes; for a video, Telegram's small thumbnail
 * by its file id (the video itself, up to the upload limit, is never fetched for it).
 */
function thumbSource(
  call: ApiCall,
  file: GalleryFile,
): (() => Promise<Buffer | undefined>) | undefined {
  if (file.mime.startsWith('image/')) return () => fileBytes(call, file);
  const id = file.thumbFileId;
  return id ? () => call.deps.fromTelegram(id, 'image') : undefined;
}

async function me(call: ApiCall): Promise<void> {
  const { deps, locale } = call;
  const strings = Object.fromEntries(APP_STRINGS.map((k) => [k, deps.t(locale, k)]));
  sendJson(call.res, 200, { locale, strings });
}

async function results(call: ApiCall): Promise<void> {
  const { deps, locale } = call;
  const before = Number(call.url.searchParams.get('before'));
  const cursor = Number.isSafeInteger(before) && before > 0 ? before : undefined;
  const rows = listUserResults(deps.db, call.user.id, PAGE_SIZE, cursor);
  const catalog = deps.catalog();
  const items = rows.flatMap((job) => {
    const item = galleryItem(job, catalog, (amount) => deps.money(amount, locale), {
      region: deps.offers.regionAvailable(job),
      again: deps.offers.againAvailable(job),
      mj: deps.offers.mjButtons(job),
    });
    return item ? [item] : [];
  });
  const last = rows.at(-1);
  const next = rows.length === PAGE_SIZE && last ? last.createdAt : null;
  sendJson(call.res, 200, { items, next });
}

async function media(call: ApiCall, [, jobId, what, n]: RegExpExecArray): Promise<void> {
  const job = ownResult(call, jobId);
  if (!job) return;
  const index = Number(n);
  const file = galleryFiles(job)[index];
  if (!file) return void refuse(call, 404, 'gone', 'app-error-gone');
  if (what === 'thumb') {
    const source = thumbSource(call, file);
    const thumb = source ? await call.deps.thumbs.get(job.id, index, source) : undefined;
    if (!thumb) return void call.res.writeHead(204).end();
    call.res
      .writeHead(200, { 'content-type': 'image/webp', 'cache-control': 'private, max-age=86400' })
      .end(thumb);
    return;
  }
  const bytes = await fileBytes(call, file);
  if (!bytes) return void refuse(call, 404, 'gone', 'app-error-gone');
  call.res
    .writeHead(200, {
      'content-type': file.mime,
      'content-length': String(bytes.length),
      'cache-control': 'private, max-age=3600',
      'x-content-type-options': 'nosniff',
    })
    .end(bytes);
}

const regionInput = z.object({
  mask: z
    .string()
    .min(1)
    .max(MAX_MASK_BASE64)
    .regex(/^[A-Za-z0-9+/]+=*$/),
  prompt: z.string().trim().max(MAX_REGION_PROMPT).default(''),
});

/** Vary (Region): the mask checked against the image, then the question in the chat. */
async function region(call: ApiCall, [, jobId]: RegExpExecArray): Promise<void> {
  const job = ownResult(call, jobId);
  const image = job ? galleryFiles(job)[0] : undefined;
  if (!job) return;
  if (!image || !call.deps.offers.regionAvailable(job))
    return void refuse(call, 409, 'no_region', 'app-region-off');
  const input = await readInput(call, regionInput, MAX_BODY, { tooLarge: 'app-region-bad' });
  if (!input) return;
  const maskPng = await drawnMask(call, image, input.mask, 'midjourney', 'app-region-empty');
  if (!maskPng) return;
  const drawn = { maskPng, prompt: input.prompt };
  const outcome = await call.deps.offers.offerRegion(job, drawn, call.locale);
  if (outcome !== 'offered') return void refuse(call, 409, outcome, 'app-region-off');
  sentToChat(call);
}

/** 🔁: the same request again, asked in the chat. */
async function again(call: ApiCall, [, jobId]: RegExpExecArray): Promise<void> {
  const job = ownResult(call, jobId);
  if (!job) return;
  const { offers } = call.deps;
  if (!offers.againAvailable(job) || !(await offers.offerAgain(job, call.locale)))
    return void refuse(call, 404, 'gone', 'app-error-gone');
  sentToChat(call);
}

const actionInput = z.object({
  /** The button's place in the list stored with the job (what the page was given). */
  button: z.number().int().min(0).max(99),
  prompt: z.string().max(MAX_REGION_PROMPT).optional(),
});
const MAX_ACTION_BODY = 8 * 1024;
const ACTION_REFUSALS: Partial<Record<MjActionOutcome, string>> = {
  prompt_needed: 'app-mj-prompt-needed',
  prompt_bad: 'app-mj-prompt-bad',
};

/** A Midjourney button: checked against the job's own stored buttons, then asked in the chat. */
async function mjAction(call: ApiCall, [, jobId]: RegExpExecArray): Promise<void> {
  const job = ownResult(call, jobId);
  if (!job) return;
  const input = await readInput(call, actionInput, MAX_ACTION_BODY, {
    tooLarge: 'app-error',
    malformed: () => 'app-mj-off',
  });
  if (!input) return;
  const { button, prompt } = input;
  const request = { index: button, ...(prompt !== undefined ? { prompt } : {}) };
  const outcome = await call.deps.offers.offerMjAction(job, request, call.locale);
  if (outcome !== 'offered') {
    const key = ACTION_REFUSALS[outcome];
    return void refuse(call, key ? 400 : 409, outcome, key ?? 'app-mj-off');
  }
  sentToChat(call);
}

/** The edit models ✏️ offers, and which of them take a mask (the page shows the brush then). */
async function editModels(call: ApiCall): Promise<void> {
  const models = call.deps
    .catalog()
    .list('edit')
    .map((m) => ({ id: m.id, title: m.title, mask: takesMask(m) }));
  sendJson(call.res, 200, { models });
}

const editInput = z.object({
  model: z.string().min(1).max(128),
  prompt: z.string().trim().min(1),
  mask: regionInput.shape.mask.optional(),
});

/**
 * ✏️: the result's first image, an edit model, an instruction and (for a model that takes one)
 * the painted part; every refusal is worded for the user and nothing is charged before ✅.
 */
async function edit(call: ApiCall, [, jobId]: RegExpExecArray): Promise<void> {
  const job = ownResult(call, jobId);
  if (!job) return;
  const image = galleryFiles(job)[0];
  if (!image?.mime.startsWith('image/')) return void refuse(call, 409, 'no_edit', 'app-edit-off');
  const input = await readInput(call, editInput, MAX_BODY, {
    tooLarge: 'app-edit-bad',
    malformed: (issues) =>
      issues.some((i) => i.path[0] === 'prompt') ? 'app-edit-no-prompt' : 'app-edit-bad',
  });
  if (!input) return;
  const { prompt, mask } = input;
  const model = call.deps.catalog().get(input.model, 'edit');
  if (!model) return void refuse(call, 400, 'not_edit_model', 'app-edit-off');
  if (mask && !takesMask(model)) return void refuse(call, 400, 'no_mask', 'app-edit-no-mask');
  if ([...prompt].length > model.maxPromptLength)
    return void refuse(call, 400, 'prompt_too_long', 'app-edit-too-long');
  let maskPng: Buffer | undefined;
  if (mask) {
    maskPng = await drawnMask(call, image, mask, 'openai', 'app-edit-mask-empty');
    if (!maskPng) return;
  }
  const edit = { model: model.id, prompt, ...(maskPng ? { maskPng } : {}) };
  if (!(await call.deps.offers.offerEdit(job, edit, call.locale)))
    return void refuse(call, 409, 'refused', 'app-edit-off');
  sentToChat(call);
}

/**
 * The JSON body checked by `schema`, or undefined once refused: 413 past `max` bytes, 400 when
 * it does not parse (worded by `malformed`, which may tell which field was wrong).
 */
async function readInput<S extends z.ZodType>(
  call: ApiCall,
  schema: S,
  max: number,
  keys: { tooLarge: string; malformed?: (issues: z.core.$ZodIssue[]) => string },
): Promise<z.output<S> | undefined> {
  const body = await readBody(call.req, max);
  if (body === undefined) return void refuse(call, 413, 'too_large', keys.tooLarge);
  const input = schema.safeParse(parseJson(body));
  if (input.success) return input.data;
  const key = keys.malformed?.(input.error.issues) ?? keys.tooLarge;
  return void refuse(call, 400, 'malformed', key);
}

/** The page's mask checked against the result's image in `form`, or undefined once refused. */
async function drawnMask(
  call: ApiCall,
  image: GalleryFile,
  maskBase64: string,
  form: MaskForm,
  emptyKey: string,
): Promise<Buffer | undefined> {
  const imageBytes = await fileBytes(call, image);
  if (!imageBytes) return void refuse(call, 404, 'gone', 'app-error-gone');
  const checked = await checkMask(Buffer.from(maskBase64, 'base64'), imageBytes, form);
  if (checked.ok) return checked.png;
  const key = checked.reason === 'empty' ? emptyKey : 'app-region-bad';
  return void refuse(call, 400, checked.reason, key);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The request body as text, or undefined past `max` bytes (the rest is not read). */
async function readBody(req: http.IncomingMessage, max: number): Promise<string | undefined> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > max) return undefined;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const part = chunk as Buffer;
    size += part.length;
    if (size > max) return undefined;
    chunks.push(part);
  }
  return Buffer.concat(chunks).toString('utf8');
}
