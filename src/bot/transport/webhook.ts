import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type Bot, webhookCallback } from 'grammy';
import type { Update } from 'grammy/types';
import type { RouteHandler } from '../../infra/http-server.js';
import type { Logger } from '../../infra/logger.js';
import type { BotContext } from '../context.js';

export const SECRET_HEADER = 'x-telegram-bot-api-secret-token';
/** Updates are a few KB; a megabyte leaves room for the largest and refuses floods. */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
/** Telegram waits ~10 s and then retries; answering well before keeps the chat's queue moving. */
export const DEFAULT_ACK_TIMEOUT_MS = 5_000;

export interface WebhookOptions {
  secret: string;
  logger: Logger;
  maxBodyBytes?: number;
  /** After this long the request is answered 200 and the update finishes in the background. */
  ackTimeoutMs?: number;
}

function secretMatches(header: string | string[] | undefined, secret: string): boolean {
  const given = Buffer.from(Array.isArray(header) ? (header[0] ?? '') : (header ?? ''));
  const wanted = Buffer.from(secret);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}

type BodyResult =
  | { ok: true; body: Buffer }
  /** `declared`: refused by its Content-Length, nothing read. */
  | { ok: false; status: 400 | 413; declared?: true };

/** Reads at most `max` bytes; stops (413) as soon as the declared or streamed size is over. */
function readLimited(req: IncomingMessage, max: number): Promise<BodyResult> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > max)
    return Promise.resolve({ ok: false, status: 413, declared: true });
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (r: BodyResult) => {
      if (done) return;
      done = true;
      resolve(r);
    };
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) {
        // Stop keeping it; the rest is discarded as it arrives (Node drains a request whose
        // answer went out), so the client reads its 413 instead of a reset connection.
        req.removeAllListeners('data');
        req.resume();
        // A sender that never stops gets its connection cut after a while.
        setTimeout(() => {
          if (!req.complete) req.socket.destroy();
        }, 10_000).unref();
        finish({ ok: false, status: 413 });
        return;
      }
      chunks.push(chunk);
    });
    req.once('end', () => finish({ ok: true, body: Buffer.concat(chunks) }));
    req.once('error', () => finish({ ok: false, status: 400 }));
  });
}

function plain(res: ServerResponse, status: number, text: string, close = false): void {
  if (res.headersSent) return;
  res.writeHead(status, {
    'content-type': 'text/plain',
    ...(close ? { connection: 'close' } : {}),
  });
  res.end(text);
}

/**
 * The webhook endpoint: secret checked before a byte of the body is read (401), body capped
 * (413), malformed JSON refused (400), then grammY handles the update. The answer goes out when
 * the handler returns or after `ackTimeoutMs`, whichever is first; a handler that throws gets a
 * 500, so Telegram delivers the update again (de-duplication lets that retry through).
 */
export function createWebhookHandler(bot: Bot<BotContext>, o: WebhookOptions): RouteHandler {
  const max = o.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const handle = webhookCallback(bot, 'callback', {
    secretToken: o.secret,
    onTimeout: 'return',
    timeoutMilliseconds: o.ackTimeoutMs ?? DEFAULT_ACK_TIMEOUT_MS,
  });
  return async (req, res) => {
    const header = req.headers[SECRET_HEADER];
    if (!secretMatches(header, o.secret)) {
      o.logger.warn(
        { remote: req.socket.remoteAddress, header: header === undefined ? 'missing' : 'wrong' },
        'webhook request without the right secret refused',
      );
      // The body is never read: close the connection instead of draining it.
      plain(res, 401, 'unauthorized', true);
      return;
    }
    const read = await readLimited(req, max);
    if (!read.ok) {
      o.logger.warn({ status: read.status, limit: max }, 'webhook request body refused');
      // Refused by its declared size: close rather than wait for it; a streamed one is drained.
      const text = read.status === 413 ? 'payload too large' : 'bad request';
      plain(res, read.status, text, read.declared === true);
      return;
    }
    let update: Update;
    try {
      const parsed: unknown = JSON.parse(read.body.toString('utf8'));
      if (typeof parsed !== 'object' || parsed === null || !('update_id' in parsed))
        throw new Error('not an update');
      update = parsed as Update;
    } catch {
      plain(res, 400, 'bad request');
      return;
    }
    const single = Array.isArray(header) ? header[0] : header;
    await handle(
      update,
      (json: string) => {
        if (!res.headersSent) res.writeHead(200, { 'content-type': 'application/json' });
        res.end(json);
      },
      single,
      () => plain(res, 401, 'unauthorized'),
    );
    if (!res.writableEnded) plain(res, 200, '');
  };
}
