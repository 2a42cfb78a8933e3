/**
 * The Mini App, served by the bot's own HTTP server under the path of MINI_APP_URL: the page, its
 * two assets, and a JSON API under `<path>/api/`. Every API request carries Telegram's signed
 * `initData` (`Authorization: tma <initData>`); the user is the one it names, nobody else.
 */
import { readFile } from 'node:fs/promises';
import type http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { isLocale, type Locale, pickLocale, type TranslateIn } from '../accounts/locale.js';
import { getSettings, getUser } from '../accounts/users.js';
import type { RegionOutcome } from '../bot/midjourney/region.js';
import type { Catalog } from '../catalog/index.js';
import type { Db } from '../db/client.js';
import { sendJson } from '../infra/http-server.js';
import { MAX_MASK_BASE64 } from '../jobs/midjourney/params.js';
import type { ResultStore } from '../jobs/result-store.js';
import { getJob, type JobRow, listUserResults } from '../jobs/store.js';
import { type GalleryFile, galleryFiles, galleryItem } from './gallery.js';
import { checkInitData, initDataKey, type MiniAppUser } from './init-data.js';
import { checkMask } from './mask.js';
import type { ThumbStore } from './thumbs.js';

export const WEB_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'web');

/** The page's strings, sent in the reader's language (the page has no catalog of its own). */
export const APP_STRINGS = [
  'app-title',
  'app-empty',
  'app-loading',
  'app-more',
  'app-original',
  'app-share',
  'app-error',
  'app-error-auth',
  'app-error-gone',
  'app-again',
  'app-region',
  'app-region-hint',
  'app-region-draw',
  'app-region-erase',
  'app-region-prompt',
  'app-region-send',
  'app-sent-to-chat',
  'app-region-off',
  'app-region-bad',
  'app-region-empty',
] as const;

/** What the page may send at once: a mask of a 2048² image is far below this. */
const MAX_BODY = MAX_MASK_BASE64 + 16 * 1024;
const MAX_REGION_PROMPT = 1500;

/**
 * The bot's side of the gallery's buttons: which results take them, and the question asked in
 * the chat (✅ there starts the job, priced and limited like any other).
 */
export interface ChatOffers {
  regionAvailable(job: JobRow): boolean;
  offerRegion(
    job: JobRow,
    input: { maskPng: Buffer; prompt: string },
    locale: Locale,
  ): Promise<RegionOutcome>;
  againAvailable(job: JobRow): boolean;
  offerAgain(job: JobRow, locale: Locale): Promise<boolean>;
}

const PAGE_SIZE = 24;

const ASSETS: Record<string, string> = {
  '': 'index.html',
  '/': 'index.html',
  '/app.js': 'app.js',
  '/style.css': 'style.css',
};
const TYPES: Record<string, string> = {
  'index.html': 'text/html; charset=utf-8',
  'app.js': 'text/javascript; charset=utf-8',
  'style.css': 'text/css; charset=utf-8',
};

export interface MiniAppDeps {
  basePath: string;
  botToken: string;
  db: Db;
  catalog: () => Catalog;
  results: ResultStore;
  thumbs: ThumbStore;
  t: TranslateIn;
  money: (amount: number, locale: string) => string;
  /** A delivered file back from Telegram by file id, when the result store no longer has it. */
  fromTelegram: (fileId: string, kind: 'image' | 'video') => Promise<Buffer | undefined>;
  offers: ChatOffers;
  now?: () => number;
}

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => Promise<boolean>;

/** Answers requests under `basePath`; returns false for every other path. */
export function miniAppHandler(deps: MiniAppDeps): Handler {
  const key = initDataKey(deps.botToken);
  const base = deps.basePath.replace(/\/+$/, '');
  const nowS = () => Math.floor((deps.now?.() ?? Date.now()) / 1000);

  const localeOf = (user: MiniAppUser): Locale => {
    const chosen = getUser(deps.db, user.id) ? getSettings(deps.db, user.id).locale : undefined;
    return isLocale(chosen) ? chosen : pickLocale(user.language_code);
  };

  const fileBytes = async (file: GalleryFile): Promise<Buffer | undefined> => {
    if (await deps.results.exists(file)) return readFile(file.path);
    const id = file.documentFileId ?? file.photoFileId ?? file.videoFileId;
    if (!id) return undefined;
    return deps.fromTelegram(id, file.mime.startsWith('video/') ? 'video' : 'image');
  };

  return async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://local');
    if (url.pathname !== base && !url.pathname.startsWith(`${base}/`)) return false;
    const rest = url.pathname.slice(base.length);
    const asset = ASSETS[rest];
    if (req.method === 'GET' && asset) {
      const body = await readFile(path.join(WEB_DIR, asset));
      res
        .writeHead(200, {
          'content-type': TYPES[asset] ?? 'application/octet-stream',
          'cache-control': 'no-cache',
          'x-content-type-options': 'nosniff',
        })
        .end(body);
      return true;
    }
    if (!rest.startsWith('/api/')) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return true;
    }
    const auth = req.headers.authorization;
    const raw = auth?.startsWith('tma ') ? auth.slice(4) : undefined;
    const check = checkInitData(raw, key, nowS());
    if (!check.ok) {
      // The message only: its language is the one thing taken from data that failed the check.
      const message = deps.t(pickLocale(claimedLanguage(raw)), 'app-error-auth');
      sendJson(res, 401, { error: check.reason, message });
      return true;
    }
    const user = check.user;
    const locale = localeOf(user);
    const api = rest.slice('/api'.length);

    if (req.method === 'GET' && api === '/me') {
      const strings = Object.fromEntries(APP_STRINGS.map((k) => [k, deps.t(locale, k)]));
      sendJson(res, 200, { locale, strings });
      return true;
    }
    if (req.method === 'GET' && api === '/results') {
      const before = Number(url.searchParams.get('before'));
      const rows = listUserResults(
        deps.db,
        user.id,
        PAGE_SIZE,
        Number.isSafeInteger(before) && before > 0 ? before : undefined,
      );
      const catalog = deps.catalog();
      const items = rows.flatMap((job) => {
        const item = galleryItem(job, catalog, (amount) => deps.money(amount, locale), {
          region: deps.offers.regionAvailable(job),
          again: deps.offers.againAvailable(job),
        });
        return item ? [item] : [];
      });
      const last = rows.at(-1);
      sendJson(res, 200, {
        items,
        next: rows.length === PAGE_SIZE && last ? last.createdAt : null,
      });
      return true;
    }
    const media = /^\/results\/([\w-]{1,64})\/(thumb|file)\/(\d{1,2})$/.exec(api);
    if (req.method === 'GET' && media) {
      const [, jobId = '', what, n] = media;
      const job = getJob(deps.db, jobId);
      const index = Number(n);
      const file = job && job.userId === user.id ? galleryFiles(job)[index] : undefined;
      // Another user's job is "not found" too: its existence is not theirs to learn.
      if (!job || job.userId !== user.id || job.status !== 'done' || !file) {
        sendJson(res, 404, { error: 'gone', message: deps.t(locale, 'app-error-gone') });
        return true;
      }
      if (what === 'thumb') {
        const thumb = file.mime.startsWith('image/')
          ? await deps.thumbs.get(job.id, index, () => fileBytes(file))
          : undefined;
        if (!thumb) {
          res.writeHead(204).end();
          return true;
        }
        res
          .writeHead(200, {
            'content-type': 'image/webp',
            'cache-control': 'private, max-age=86400',
          })
          .end(thumb);
        return true;
      }
      const bytes = await fileBytes(file);
      if (!bytes) {
        sendJson(res, 404, { error: 'gone', message: deps.t(locale, 'app-error-gone') });
        return true;
      }
      res
        .writeHead(200, {
          'content-type': file.mime,
          'content-length': String(bytes.length),
          'cache-control': 'private, max-age=3600',
          'x-content-type-options': 'nosniff',
        })
        .end(bytes);
      return true;
    }
    const region = /^\/results\/([\w-]{1,64})\/region$/.exec(api);
    if (req.method === 'POST' && region) {
      const refuse = (status: number, error: string, key: string) =>
        sendJson(res, status, { error, message: deps.t(locale, key) });
      const job = getJob(deps.db, region[1] ?? '');
      const image = job && job.userId === user.id ? galleryFiles(job)[0] : undefined;
      if (!job || job.userId !== user.id || !image) {
        refuse(404, 'gone', 'app-error-gone');
        return true;
      }
      if (!deps.offers.regionAvailable(job)) {
        refuse(409, 'no_region', 'app-region-off');
        return true;
      }
      const body = await readBody(req, MAX_BODY);
      if (body === undefined) {
        refuse(413, 'too_large', 'app-region-bad');
        return true;
      }
      const input = regionInput.safeParse(parseJson(body));
      if (!input.success) {
        refuse(400, 'malformed', 'app-region-bad');
        return true;
      }
      const imageBytes = await fileBytes(image);
      if (!imageBytes) {
        refuse(404, 'gone', 'app-error-gone');
        return true;
      }
      const mask = await checkMask(Buffer.from(input.data.mask, 'base64'), imageBytes);
      if (!mask.ok) {
        refuse(400, mask.reason, mask.reason === 'empty' ? 'app-region-empty' : 'app-region-bad');
        return true;
      }
      const outcome = await deps.offers.offerRegion(
        job,
        { maskPng: mask.png, prompt: input.data.prompt },
        locale,
      );
      if (outcome !== 'offered') {
        refuse(409, outcome, 'app-region-off');
        return true;
      }
      sendJson(res, 200, { ok: true, message: deps.t(locale, 'app-sent-to-chat') });
      return true;
    }
    const again = /^\/results\/([\w-]{1,64})\/again$/.exec(api);
    if (req.method === 'POST' && again) {
      const job = getJob(deps.db, again[1] ?? '');
      const offered =
        job !== undefined &&
        job.userId === user.id &&
        deps.offers.againAvailable(job) &&
        (await deps.offers.offerAgain(job, locale));
      if (offered) sendJson(res, 200, { ok: true, message: deps.t(locale, 'app-sent-to-chat') });
      else sendJson(res, 404, { error: 'gone', message: deps.t(locale, 'app-error-gone') });
      return true;
    }
    sendJson(res, 404, { error: 'not_found' });
    return true;
  };
}

const regionInput = z.object({
  mask: z
    .string()
    .min(1)
    .max(MAX_MASK_BASE64)
    .regex(/^[A-Za-z0-9+/]+=*$/),
  prompt: z.string().trim().max(MAX_REGION_PROMPT).default(''),
});

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

/** The language_code an unverified initData claims, for wording its refusal and nothing else. */
function claimedLanguage(raw: string | undefined): string | undefined {
  try {
    const user: unknown = JSON.parse(new URLSearchParams(raw ?? '').get('user') ?? 'null');
    const code =
      typeof user === 'object' && user !== null ? Reflect.get(user, 'language_code') : undefined;
    return typeof code === 'string' ? code : undefined;
  } catch {
    return undefined;
  }
}
