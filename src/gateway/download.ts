/**
 * Size-capped, deadline-bounded downloads of generated media. A result URL comes from the
 * gateway's answer (which a prompt can steer), so it never gets the key, whatever its origin:
 * the key goes only with a content route the bot builds itself (`openOwnRoute`, e.g.
 * `/v1/videos/{id}/content`), and not across a redirect to another origin. Whatever the
 * Content-Type says, the body must sniff as the expected kind, or the answer is unusable.
 */
import { Readable, Transform } from 'node:stream';
import { isPrivateAddress, privateTarget } from './address-guard.js';
import { type GatewayContext, reportingKey } from './context.js';
import { GatewayError } from './errors.js';
import { header, type OpenResponse, readAll } from './http.js';
import { type MediaKind, parseDataUrl, SNIFF_BYTES, sniffKind } from './mime.js';

export interface DownloadOptions {
  maxBytes: number;
  /** What the body must be. */
  expect: MediaKind;
  signal?: AbortSignal;
  /** Total for the download, body included (default: the client's timeout). */
  timeoutMs?: number;
}

export interface Downloaded {
  data: Buffer;
  mime: string;
}

export interface StreamOptions extends Omit<DownloadOptions, 'maxBytes'> {
  maxBytes?: number;
}

export interface OpenedStream {
  stream: Readable;
  length?: number;
  /** Sniffed from the first bytes, never taken from Content-Type. */
  mime: string;
}

const ROUTE = 'GET download';
const MAX_REDIRECTS = 5;

function tooLarge(maxBytes: number): GatewayError {
  return new GatewayError('too_large', `The file is larger than ${maxBytes} bytes`);
}

/** A body that is not what was asked for: an HTML page, a JSON answer, anything else. */
function notMedia(kind: MediaKind, declared: string | undefined): GatewayError {
  return new GatewayError(
    'malformed',
    `The result is not ${kind === 'image' ? 'an image' : 'a video'} (declared ${declared ?? 'nothing'})`,
    { retryable: false },
  );
}

interface Opened {
  res: OpenResponse;
  own: boolean;
}

/** GET with manual redirects; resolves only for 2xx, otherwise throws a typed error. */
async function openFollowing(
  ctx: GatewayContext,
  startUrl: string,
  opts: StreamOptions,
  withKey: boolean,
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
      ...(withKey && own ? { apiKey: ctx.apiKey } : {}),
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
      const keyed = withKey && own;
      // Expired signed links (Azure/S3/Discord) answer 403/404/410 with XML or text: the file is
      // gone. A JSON 403 from a keyed gateway route is a real auth error and is classified.
      const jsonError = /^\s*\{/.test(text);
      if (
        res.status === 404 ||
        res.status === 410 ||
        (res.status === 403 && (!keyed || !jsonError))
      ) {
        throw new GatewayError(
          'not_found',
          `The file at ${parsed.host} is gone (HTTP ${res.status})`,
          { status: res.status },
        );
      }
      // An error answer to a URL we were handed says nothing about our key (a 401 there is no
      // rejected key): the answer is unusable, or the file host is down.
      if (!keyed) {
        throw new GatewayError(
          res.status >= 500 ? 'upstream' : 'malformed',
          `The result URL answered HTTP ${res.status}`,
          { status: res.status, retryable: false },
        );
      }
      throw transport.classified(
        {
          status: res.status,
          headers: res.headers,
          contentType: header(res.headers, 'content-type'),
          text,
        },
        ctx.apiKey,
      );
    }
    return { res, own };
  }
  throw new GatewayError('upstream', 'Too many redirects while downloading');
}

/**
 * Reads the first bytes of `source`, then hands back a stream of all of it. Resolves once
 * `bytes` arrived (or the body ended sooner); destroying the result destroys the source.
 */
async function peek(source: Readable, bytes: number): Promise<{ head: Buffer; rest: Readable }> {
  const it = source[Symbol.asyncIterator]();
  const chunks: Buffer[] = [];
  let have = 0;
  while (have < bytes) {
    const next = await it.next();
    if (next.done) break;
    const chunk = next.value as Buffer;
    chunks.push(chunk);
    have += chunk.length;
  }
  const head = Buffer.concat(chunks);
  async function* all() {
    yield head;
    for (let next = await it.next(); !next.done; next = await it.next()) yield next.value as Buffer;
  }
  return { head, rest: Readable.from(all(), { objectMode: false }) };
}

/** Bytes of a `data:` URL, checked like any download. */
function fromDataUrl(url: string, kind: MediaKind, maxBytes: number): Downloaded {
  const d = parseDataUrl(url);
  if (!d) throw new GatewayError('malformed', 'Invalid data: URL');
  if (d.data.length > maxBytes) throw tooLarge(maxBytes);
  const mime = sniffKind(d.data, kind);
  if (!mime) throw notMedia(kind, d.mime);
  return { data: d.data, mime };
}

/** A small file, buffered (previews); results are streamed to disk with `openStream`. */
export async function download(
  ctx: GatewayContext,
  url: string,
  opts: DownloadOptions,
): Promise<Downloaded> {
  if (url.startsWith('data:')) return fromDataUrl(url, opts.expect, opts.maxBytes);
  const opened = await openStream(ctx, url, opts);
  const data = await readAll(opened.stream, opts.maxBytes, ROUTE);
  return { data, mime: opened.mime };
}

/**
 * Opens a download as a stream without buffering it. The caller must consume or destroy
 * `stream`; it errors with `too_large` past `maxBytes`, `timeout` past the total deadline.
 */
export function openStream(
  ctx: GatewayContext,
  url: string,
  opts: StreamOptions,
): Promise<OpenedStream> {
  if (url.startsWith('data:')) {
    const d = fromDataUrl(url, opts.expect, opts.maxBytes ?? Number.POSITIVE_INFINITY);
    return Promise.resolve({
      stream: Readable.from([d.data]),
      length: d.data.length,
      mime: d.mime,
    });
  }
  return openChecked(ctx, url, opts, false);
}

/** A content route of the gateway the bot built itself (never a URL from an answer): keyed. */
export function openOwnRoute(
  ctx: GatewayContext,
  path: string,
  opts: StreamOptions,
): Promise<OpenedStream> {
  return reportingKey(ctx, () => openChecked(ctx, ctx.transport.url(path), opts, true));
}

async function openChecked(
  ctx: GatewayContext,
  url: string,
  opts: StreamOptions,
  withKey: boolean,
): Promise<OpenedStream> {
  const max = opts.maxBytes ?? Number.POSITIVE_INFINITY;
  const started = Date.now();
  const { res } = await openFollowing(ctx, url, opts, withKey);
  const fail = (err: GatewayError): GatewayError => {
    res.body.destroy();
    res.release();
    ctx.transport.observe(ROUTE, started, res.attempts, res.status, err.kind);
    return err;
  };
  const lengthHeader = Number(header(res.headers, 'content-length'));
  const length = Number.isFinite(lengthHeader) && lengthHeader >= 0 ? lengthHeader : undefined;
  if (length !== undefined && length > max) throw fail(tooLarge(max));

  let head: Buffer;
  let rest: Readable;
  try {
    ({ head, rest } = await peek(res.body, SNIFF_BYTES));
  } catch (e) {
    throw fail(e instanceof GatewayError ? e : res.mapError(e));
  }
  const mime = sniffKind(head, opts.expect);
  if (!mime) throw fail(notMedia(opts.expect, header(res.headers, 'content-type')));
  ctx.transport.observe(ROUTE, started, res.attempts, res.status);

  let seen = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      seen += chunk.length;
      if (seen > max) cb(tooLarge(max));
      else cb(null, chunk);
    },
  });
  rest.on('error', (e) => counter.destroy(res.mapError(e)));
  counter.on('close', () => {
    // Stops the total deadline's timer; the body is let go with it.
    res.release();
    if (!rest.destroyed) rest.destroy();
    if (!res.body.destroyed) res.body.destroy();
  });
  rest.pipe(counter);

  const out: OpenedStream = { stream: counter, mime };
  if (length !== undefined) out.length = length;
  return out;
}
