/**
 * Size-capped downloads of generated media. The key is attached only for the gateway's own
 * origin (e.g. `/v1/videos/{id}/content`), re-checked on every redirect hop so a redirect to a
 * CDN never receives it. Oversize bodies fail with kind `too_large` as early as possible.
 */
import { Readable, Transform } from 'node:stream';
import { isPrivateAddress, privateTarget } from './address-guard.js';
import type { GatewayContext } from './context.js';
import { GatewayError } from './errors.js';
import { header, type OpenResponse, readAll } from './http.js';
import { baseMime, parseDataUrl, sniffMime } from './mime.js';

export interface DownloadOptions {
  maxBytes: number;
  signal?: AbortSignal;
  timeoutMs?: number;
}

export interface Downloaded {
  data: Buffer;
  mime: string;
  filename?: string;
}

export interface StreamOptions {
  maxBytes?: number;
  signal?: AbortSignal;
  /** Time allowed until response headers; the body is then bounded by the idle body timeout. */
  timeoutMs?: number;
}

export interface OpenedStream {
  stream: Readable;
  length?: number;
  mime: string;
  filename?: string;
}

const ROUTE = 'GET download';
const MAX_REDIRECTS = 5;
const GENERIC = new Set(['application/octet-stream', 'binary/octet-stream', 'application/binary']);

function tooLarge(maxBytes: number): GatewayError {
  return new GatewayError('too_large', `The file is larger than ${maxBytes} bytes`);
}

function filenameOf(contentDisposition: string | undefined, url: string): string | undefined {
  const cd = contentDisposition ?? '';
  const star = /filename\*\s*=\s*[^']*''([^;]+)/i.exec(cd)?.[1];
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(cd)?.[1];
  try {
    const fromCd = star ? decodeURIComponent(star) : plain;
    if (fromCd?.trim()) return fromCd.trim();
    const last = new URL(url).pathname.split('/').pop();
    return last?.includes('.') ? decodeURIComponent(last) : undefined;
  } catch {
    return undefined;
  }
}

const BY_EXTENSION: Record<string, string> = {
  mp4: 'video/mp4',
  webm: 'video/webm',
  mov: 'video/quicktime',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  gif: 'image/gif',
};

/** Declared type unless generic; then magic bytes; then the file extension. */
function resolveMime(
  contentType: string | undefined,
  head: Buffer | undefined,
  filename: string | undefined,
): string {
  const declared = baseMime(contentType);
  if (declared && !GENERIC.has(declared)) return declared;
  const ext = filename?.split('.').pop()?.toLowerCase();
  return (
    (head && sniffMime(head)) ??
    (ext ? BY_EXTENSION[ext] : undefined) ??
    declared ??
    'application/octet-stream'
  );
}

interface Opened {
  res: OpenResponse;
  url: string;
}

/** GET with manual redirects; resolves only for 2xx, otherwise throws a typed error. */
async function openFollowing(
  ctx: GatewayContext,
  startUrl: string,
  opts: StreamOptions,
  untilHeaders: boolean,
): Promise<Opened> {
  const { transport } = ctx;
  let url = startUrl;
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new GatewayError('invalid_request', 'Not a valid download URL');
    }
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
      throw new GatewayError('invalid_request', `Unsupported URL scheme ${parsed.protocol}`);
    }
    const own = parsed.origin === transport.origin;
    // An address literal skips the guarded DNS lookup: checked here instead.
    if (!own && !transport.allowsPrivateUrls && isPrivateAddress(parsed.hostname)) {
      throw privateTarget(parsed.host);
    }
    const res = await transport.open({
      method: 'GET',
      url,
      route: ROUTE,
      billed: false,
      deadlineUntilHeaders: untilHeaders,
      ...(own ? { apiKey: ctx.apiKey } : {}),
      ...(opts.signal ? { signal: opts.signal } : {}),
      ...(opts.timeoutMs === undefined ? {} : { timeoutMs: opts.timeoutMs }),
    });
    const location = header(res.headers, 'location');
    if (res.status >= 300 && res.status < 400 && location) {
      res.body.resume();
      res.release();
      url = new URL(location, url).href;
      continue;
    }
    if (res.status >= 400) {
      let text = '';
      try {
        text = (await readAll(res.body, 64 * 1024, ROUTE)).toString('utf8');
      } catch {
        // The status is what matters.
      } finally {
        res.release();
      }
      const host = parsed.host;
      // Expired signed links (Azure/S3/Discord) answer 403/404/410 with XML or text: the file is
      // gone. A JSON 403 from the gateway itself is a real auth error and is classified.
      const jsonError = /^\s*\{/.test(text);
      if (
        res.status === 404 ||
        res.status === 410 ||
        (res.status === 403 && (!own || !jsonError))
      ) {
        throw new GatewayError('not_found', `The file at ${host} is gone (HTTP ${res.status})`, {
          status: res.status,
        });
      }
      throw transport.classified(
        {
          status: res.status,
          headers: res.headers,
          contentType: header(res.headers, 'content-type'),
          text,
        },
        own ? ctx.apiKey : undefined,
      );
    }
    return { res, url };
  }
  throw new GatewayError('upstream', 'Too many redirects while downloading');
}

export async function download(
  ctx: GatewayContext,
  url: string,
  opts: DownloadOptions,
): Promise<Downloaded> {
  if (url.startsWith('data:')) {
    const d = parseDataUrl(url);
    if (!d) throw new GatewayError('malformed', 'Invalid data: URL');
    if (d.data.length > opts.maxBytes) throw tooLarge(opts.maxBytes);
    return { data: d.data, mime: d.mime };
  }
  const started = Date.now();
  const { res, url: finalUrl } = await openFollowing(ctx, url, opts, false);
  try {
    const length = Number(header(res.headers, 'content-length'));
    if (Number.isFinite(length) && length > opts.maxBytes) {
      res.body.destroy();
      throw tooLarge(opts.maxBytes);
    }
    const data = await readAll(res.body, opts.maxBytes, ROUTE);
    ctx.transport.observe(ROUTE, started, res.attempts, res.status);
    const filename = filenameOf(header(res.headers, 'content-disposition'), finalUrl);
    const out: Downloaded = {
      data,
      mime: resolveMime(header(res.headers, 'content-type'), data, filename),
    };
    if (filename) out.filename = filename;
    return out;
  } catch (e) {
    const err = e instanceof GatewayError ? e : res.mapError(e);
    ctx.transport.observe(ROUTE, started, res.attempts, res.status, err.kind);
    throw err;
  } finally {
    res.release();
  }
}

/**
 * Opens a download as a stream (large videos) without buffering it. The caller must consume
 * or destroy `stream`; it errors with `too_large` if more than `maxBytes` arrive.
 */
export async function openStream(
  ctx: GatewayContext,
  url: string,
  opts: StreamOptions = {},
): Promise<OpenedStream> {
  const max = opts.maxBytes ?? Number.POSITIVE_INFINITY;
  if (url.startsWith('data:')) {
    const d = parseDataUrl(url);
    if (!d) throw new GatewayError('malformed', 'Invalid data: URL');
    if (d.data.length > max) throw tooLarge(max);
    return { stream: Readable.from([d.data]), length: d.data.length, mime: d.mime };
  }
  const started = Date.now();
  const { res, url: finalUrl } = await openFollowing(ctx, url, opts, true);
  const lengthHeader = Number(header(res.headers, 'content-length'));
  const length = Number.isFinite(lengthHeader) && lengthHeader >= 0 ? lengthHeader : undefined;
  if (length !== undefined && length > max) {
    res.body.destroy();
    res.release();
    ctx.transport.observe(ROUTE, started, res.attempts, res.status, 'too_large');
    throw tooLarge(max);
  }
  ctx.transport.observe(ROUTE, started, res.attempts, res.status);

  let seen = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      seen += chunk.length;
      if (seen > max) cb(tooLarge(max));
      else cb(null, chunk);
    },
  });
  res.body.on('error', (e) => counter.destroy(res.mapError(e)));
  counter.on('close', () => {
    res.release();
    if (!res.body.destroyed) res.body.destroy();
  });
  res.body.pipe(counter);

  const filename = filenameOf(header(res.headers, 'content-disposition'), finalUrl);
  const out: OpenedStream = {
    stream: counter,
    mime: resolveMime(header(res.headers, 'content-type'), undefined, filename),
  };
  if (length !== undefined) out.length = length;
  if (filename) out.filename = filename;
  return out;
}
