/**
 * The Mini App, served by the bot's own HTTP server under the path of MINI_APP_URL: the page, its
 * two assets, and a JSON API under `<path>/api/`. Every API request carries Telegram's signed
 * `initData` (`Authorization: tma <initData>`); the user is the one it names, nobody else.
 */
import { readFile } from 'node:fs/promises';
import type http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { pickLocale, userLocale } from '../accounts/locale.js';
import { sendJson } from '../infra/http-server.js';
import { type ApiCall, answerApi } from './api.js';
import { AuthDates } from './auth-dates.js';
import { checkInitData, initDataKey } from './init-data.js';
import type { MiniAppDeps } from './ports.js';

export const WEB_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'web');

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

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => Promise<boolean>;

/** Answers requests under `basePath`; returns false for every other path. */
export function miniAppHandler(deps: MiniAppDeps): Handler {
  const key = initDataKey(deps.botToken);
  const base = deps.basePath.replace(/\/+$/, '');
  const now = () => deps.now?.() ?? Date.now();
  const nowS = () => Math.floor(now() / 1000);
  const authDates = new AuthDates(deps.database, now);

  return async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://local');
    if (url.pathname !== base && !url.pathname.startsWith(`${base}/`)) return false;
    const rest = url.pathname.slice(base.length);
    const asset = ASSETS[rest];
    if (req.method === 'GET' && asset) {
      await serveAsset(res, asset);
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
    const locale = await userLocale(deps.database, check.user.id, check.user.language_code);
    if (!(await authDates.admit(check.user.id, check.authDate))) {
      sendJson(res, 401, { error: 'superseded', message: deps.t(locale, 'app-error-reopen') });
      return true;
    }
    const call: ApiCall = {
      deps,
      user: check.user,
      locale,
      req,
      res,
      url,
    };
    await answerApi(call, rest.slice('/api'.length));
    return true;
  };
}

async function serveAsset(res: http.ServerResponse, asset: string): Promise<void> {
  const body = await readFile(path.join(WEB_DIR, asset));
  res
    .writeHead(200, {
      'content-type': TYPES[asset] ?? 'application/octet-stream',
      'cache-control': 'no-cache',
      'x-content-type-options': 'nosniff',
    })
    .end(body);
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
