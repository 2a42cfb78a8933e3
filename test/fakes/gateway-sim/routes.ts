/** All gateway routes in one table (handlers live in their own modules). */
import * as billing from './billing.js';
import { chatCompletions } from './chat.js';
import type { SimContext, SimRequest } from './context.js';
import { imageEdits, imageGenerations } from './images.js';
import * as mj from './midjourney.js';
import type { Route } from './router.js';
import * as video from './video.js';

const param = (req: SimRequest, i: number): string => req.params[i] ?? '';

/** /files/<id>.<ext> and Discord-like /attachments/<channel>/<id>/<name>. */
const serveFile = (ctx: SimContext, req: SimRequest) => ctx.files.serve(param(req, 0), req.query);

/** Batch task lookup; `mjNoList` leaves it out, as gateways without it do. */
export const MJ_LIST_ROUTE: Route = {
  method: 'POST',
  pattern: /^\/mj\/task\/list-by-condition$/,
  auth: 'mj',
  handle: (c, r) => mj.listByCondition(c, r),
};

export const ROUTES: Route[] = [
  {
    method: 'POST',
    pattern: /^\/v1\/images\/generations$/,
    auth: 'token',
    handle: imageGenerations,
  },
  { method: 'POST', pattern: /^\/v1\/images\/edits$/, auth: 'token', handle: imageEdits },
  { method: 'POST', pattern: /^\/v1\/chat\/completions$/, auth: 'token', handle: chatCompletions },

  {
    method: 'POST',
    pattern: /^\/mj\/submit\/imagine$/,
    auth: 'mj',
    handle: (c, r, m) => mj.imagine(c, r, m),
  },
  {
    method: 'POST',
    pattern: /^\/mj\/submit\/action$/,
    auth: 'mj',
    handle: (c, r, m) => mj.action(c, r, m),
  },
  {
    method: 'POST',
    pattern: /^\/mj\/submit\/modal$/,
    auth: 'mj',
    handle: (c, r) => mj.modal(c, r),
  },
  {
    method: 'POST',
    pattern: /^\/mj\/submit\/change$/,
    auth: 'mj',
    handle: (c, r, m) => mj.changeRoute(c, r, m),
  },
  {
    method: 'POST',
    pattern: /^\/mj\/submit\/simple-change$/,
    auth: 'mj',
    handle: (c, r, m) => mj.simpleChange(c, r, m),
  },
  {
    method: 'POST',
    pattern: /^\/mj\/submit\/describe$/,
    auth: 'mj',
    handle: (c, r, m) => mj.describe(c, r, m),
  },
  {
    method: 'POST',
    pattern: /^\/mj\/submit\/blend$/,
    auth: 'mj',
    handle: (c, r, m) => mj.blend(c, r, m),
  },
  {
    method: 'GET',
    pattern: /^\/mj\/task\/([^/]+)\/fetch$/,
    auth: 'mj',
    handle: (c, r) => mj.fetchTask(c, r, param(r, 0)),
  },
  MJ_LIST_ROUTE,
  {
    method: 'GET',
    pattern: /^\/mj\/image\/([^/]+)$/,
    auth: 'none',
    handle: (c, r) => mj.mjImage(c, param(r, 0)),
  },

  {
    method: 'POST',
    pattern: /^\/v1\/video\/generations$/,
    auth: 'token',
    handle: (c, r) => video.submitVideo(c, r, 'generic'),
  },
  {
    method: 'GET',
    pattern: /^\/v1\/video\/generations\/([^/]+)$/,
    auth: 'token',
    handle: (c, r) => video.getVideo(c, r, param(r, 0)),
  },
  {
    method: 'POST',
    pattern: /^\/v1\/videos$/,
    auth: 'token',
    handle: (c, r) => video.submitVideo(c, r, 'openai'),
  },
  {
    method: 'GET',
    pattern: /^\/v1\/videos\/([^/]+)$/,
    auth: 'token',
    handle: (c, r) => video.getVideo(c, r, param(r, 0)),
  },
  {
    method: 'GET',
    pattern: /^\/v1\/videos\/([^/]+)\/content$/,
    auth: 'token',
    handle: (c, r) => video.videoContent(c, r, param(r, 0)),
  },

  {
    method: 'GET',
    pattern: /^(?:\/v1)?\/dashboard\/billing\/subscription$/,
    auth: 'token',
    handle: billing.subscription,
  },
  {
    method: 'GET',
    pattern: /^(?:\/v1)?\/dashboard\/billing\/usage$/,
    auth: 'token',
    handle: billing.usage,
  },
  { method: 'GET', pattern: /^\/v1\/models$/, auth: 'token', handle: billing.models },
  { method: 'POST', pattern: /^\/api\/user\/topup$/, auth: 'none', handle: billing.topup },

  { method: 'GET', pattern: /^\/files\/([0-9a-f]+)\.[a-z0-9]+$/, auth: 'none', handle: serveFile },
  {
    method: 'GET',
    pattern: /^\/attachments\/\d+\/([0-9a-f]+)\/[^/]+$/,
    auth: 'none',
    handle: serveFile,
  },
];
