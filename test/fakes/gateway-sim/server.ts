/** node:http front: body parsing, request log, faults, Telegram-URL tripwire, routing and auth. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import { authenticate } from './auth.js';
import { isObject, str, summarizeForm } from './body.js';
import type { SimContext, SimRequest } from './context.js';
import { newRequestId, openAiError } from './errors.js';
import { type FaultStore, faultResponse, isDelayOnly } from './faults.js';
import { json, type SimResponse, writeResponse } from './http.js';
import { relayMjSubmit } from './mj-relay.js';
import { matchRoute, type Route } from './router.js';
import type { RecordedRequest } from './types.js';

export interface ServerDeps {
  ctx: SimContext;
  faults: FaultStore;
  routes: readonly Route[];
  requests: RecordedRequest[];
  /** Housekeeping before each request (refunds for failed tasks, etc.). */
  beforeEach: () => void;
}

const TELEGRAM_FILE = /https?:\/\/api\.telegram\.org\/[^\s"'<>]*/g;

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

async function parseBody(
  raw: Buffer,
  contentType: string,
): Promise<{ body: unknown; form?: FormData }> {
  if (raw.length === 0) return { body: undefined };
  if (contentType.startsWith('multipart/form-data')) {
    try {
      const form = await new Response(raw, { headers: { 'content-type': contentType } }).formData();
      return { body: summarizeForm(form), form };
    } catch {
      return { body: raw.toString('utf8') };
    }
  }
  const text = raw.toString('utf8');
  // Gin binds JSON whatever the Content-Type says, so try it for anything that looks like JSON.
  if (contentType.includes('json') || /^\s*[[{]/.test(text)) {
    try {
      return { body: JSON.parse(text) as unknown };
    } catch {
      return { body: text };
    }
  }
  return { body: text };
}

function guessModel(body: unknown, path: string): string {
  const m = isObject(body) ? str(body.model) : undefined;
  if (m) return m;
  if (isObject(body) && isObject(body.fields)) {
    const f = body.fields.model;
    if (typeof f === 'string') return f;
  }
  return path.includes('/mj/') ? 'mj_imagine' : 'dall-e-3';
}

export function createHandler(deps: ServerDeps) {
  const { ctx, faults, routes, requests } = deps;
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const method = (req.method ?? 'GET').toUpperCase();
    const url = new URL(req.url ?? '/', 'http://sim.local');
    const path = url.pathname;
    const rawBody = await readBody(req);
    const contentType = String(req.headers['content-type'] ?? '').toLowerCase();
    const parsed = await parseBody(rawBody, contentType);
    requests.push({
      method,
      path,
      query: url.search,
      headers: { ...req.headers },
      body: parsed.body,
      at: ctx.clock.now(),
    });
    const extra = { 'x-oneapi-request-id': newRequestId(ctx.clock.now()) };
    const send = (r: SimResponse) => {
      if (!res.destroyed) writeResponse(res, r, extra);
    };

    try {
      deps.beforeEach();
      const fault = faults.take(method, path);
      if (fault?.delayMs) await delay(fault.delayMs);
      if (fault && !isDelayOnly(fault))
        return send(faultResponse(ctx, fault, guessModel(parsed.body, path)));

      // A Telegram file URL carries the bot token: the bot must upload bytes / data URLs instead.
      const leaked = rawBody.toString('utf8').match(TELEGRAM_FILE);
      if (leaked) {
        ctx.leaks.push(...leaked);
        return send(
          openAiError(
            ctx,
            400,
            'Invalid request, image URL points at api.telegram.org (leaked bot token)',
            {
              type: 'invalid_request_error',
              code: 'invalid_image_url',
            },
          ),
        );
      }

      const hit = matchRoute(routes, method, path);
      if (!hit) {
        return send(
          json(404, {
            error: {
              message: `Invalid URL (${method} ${path})`,
              type: 'invalid_request_error',
              param: '',
              code: '',
            },
          }),
        );
      }
      const simReq: SimRequest = {
        method,
        path,
        query: url.searchParams,
        headers: req.headers,
        rawBody,
        body: parsed.body,
        params: hit.params,
      };
      if (parsed.form) simReq.form = parsed.form;
      if (hit.route.auth !== 'none') {
        const key = authenticate(ctx, req.headers, hit.route.auth === 'mj');
        if ('kind' in key) return send(key);
        simReq.key = key;
      }
      const mode =
        method === 'POST' && hit.route.auth === 'mj'
          ? relayMjSubmit(ctx, simReq, hit.mode)
          : hit.mode;
      send(await hit.route.handle(ctx, simReq, mode));
    } catch (err) {
      send(
        openAiError(ctx, 500, `simulator bug: ${err instanceof Error ? err.message : String(err)}`),
      );
    }
  };
}
