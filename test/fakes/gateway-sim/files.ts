/** Generated assets (images, previews, videos) and their URLs; serving honours expiry / 404 markers. */
import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import type { SimClock } from './clock.js';
import { fakeSpec, trickle } from './hostile.js';
import { raw, type SimResponse } from './http.js';
import type { Markers } from './markers.js';
import { dimsForBytes, makePng, mp4Stream, TINY_WEBP } from './png.js';

export type FileSpec =
  | { kind: 'png'; width: number; height: number; seed: number; stored: boolean }
  | { kind: 'webp' }
  | { kind: 'mp4'; bytes: number }
  | { kind: 'bytes'; data: Buffer; contentType: string };

export interface FileEntry {
  id: string;
  spec: FileSpec;
  expired: boolean;
  missing: boolean;
  /** Sim epoch ms after which the URL answers 403. */
  expiresAt?: number;
  /** Real ms between 1 KB chunks of the body ([[trickle:]]). */
  trickleMs?: number;
}

const DISCORD_CHANNEL = '1050703772185268251';

export class FileStore {
  readonly #files = new Map<string, FileEntry>();
  readonly #pngCache = new Map<string, Buffer>();
  readonly #clock: SimClock;
  readonly #variety: number;
  readonly #pool: ReadonlyArray<{ data: Buffer; contentType: string }>;
  #next = 0;

  /**
   * `variety`: how many colourings generated PNGs come in (each is drawn once, then cached);
   * `pool`: given images handed out in turn instead (see GatewaySimOptions.resultImages).
   */
  constructor(
    clock: SimClock,
    variety = 256,
    pool: ReadonlyArray<{ data: Buffer; contentType: string }> = [],
  ) {
    this.#clock = clock;
    this.#variety = variety;
    this.#pool = pool;
  }

  add(spec: FileSpec, markers?: Markers): FileEntry {
    const id = randomBytes(12).toString('hex');
    const entry: FileEntry = {
      id,
      spec,
      expired: markers?.expired ?? false,
      missing: markers?.missing ?? false,
    };
    if (markers?.ttlMs !== undefined) entry.expiresAt = this.#clock.now() + markers.ttlMs;
    if (markers?.trickleMs !== undefined) entry.trickleMs = markers.trickleMs;
    this.#files.set(id, entry);
    return entry;
  }

  /**
   * A PNG sized by markers: a [[fake:]] body labelled image/png, else explicit [[size:]], else
   * [[big:]] bytes, else the next given image, else the given default.
   */
  addPng(markers: Markers, fallback: { width: number; height: number }): FileEntry {
    if (markers.fake) return this.add(fakeSpec(markers.fake, 'image/png'), markers);
    const seed = Math.floor(Math.random() * this.#variety);
    if (markers.dims)
      return this.add({ kind: 'png', ...markers.dims, seed, stored: false }, markers);
    if (markers.bigBytes !== undefined) {
      return this.add(
        { kind: 'png', ...dimsForBytes(markers.bigBytes), seed, stored: true },
        markers,
      );
    }
    const given = this.#pool[this.#next++ % Math.max(1, this.#pool.length)];
    if (given) return this.add({ kind: 'bytes', ...given }, markers);
    return this.add({ kind: 'png', ...fallback, seed, stored: false }, markers);
  }

  get(id: string): FileEntry | undefined {
    return this.#files.get(id);
  }

  /** Bytes of a PNG/WebP/bytes entry (for b64_json and data URIs). Videos are streamed, never buffered. */
  bytes(entry: FileEntry): Buffer {
    const s = entry.spec;
    switch (s.kind) {
      case 'png': {
        const k = `${s.width}x${s.height}:${s.seed}:${s.stored}`;
        let buf = this.#pngCache.get(k);
        if (!buf) {
          buf = makePng(s.width, s.height, s.seed, s.stored);
          // Keep the cache small: big PNGs are tens of MB.
          if (this.#pngCache.size > 16) this.#pngCache.clear();
          this.#pngCache.set(k, buf);
        }
        return buf;
      }
      case 'webp':
        return TINY_WEBP;
      case 'bytes':
        return s.data;
      case 'mp4':
        throw new Error('mp4 entries are streamed');
    }
  }

  dataUri(entry: FileEntry): string {
    return `data:${contentTypeOf(entry.spec)};base64,${this.bytes(entry).toString('base64')}`;
  }

  /** Plain sim-hosted URL, signed like an Azure blob for realism (`se=`/`sig=` are cosmetic). */
  url(base: string, entry: FileEntry): string {
    const ext = extOf(entry.spec);
    if (entry.spec.kind === 'mp4') return `${base}/files/${entry.id}.${ext}`;
    const se = new Date(this.#clock.now() + 3_600_000).toISOString().slice(0, 19);
    return `${base}/files/${entry.id}.${ext}?se=${encodeURIComponent(`${se}Z`)}&sp=r&sig=${randomBytes(8).toString('hex')}`;
  }

  /** Discord-CDN-like URL with ex/is/hm params; ex (hex unix seconds) is enforced when served. */
  discordUrl(base: string, entry: FileEntry, name: string): string {
    const nowS = Math.floor(this.#clock.now() / 1000);
    const ex = (nowS + 86_400).toString(16);
    const is = nowS.toString(16);
    return `${base}/attachments/${DISCORD_CHANNEL}/${entry.id}/${name}?ex=${ex}&is=${is}&hm=${randomBytes(32).toString('hex')}&`;
  }

  serve(id: string, query: URLSearchParams): SimResponse {
    const entry = this.#files.get(id);
    const now = this.#clock.now();
    if (!entry || entry.missing) {
      return raw(
        404,
        '<?xml version="1.0" encoding="utf-8"?><Error><Code>BlobNotFound</Code><Message>The specified blob does not exist.</Message></Error>',
        'application/xml',
      );
    }
    const ex = query.get('ex');
    if (ex !== null && Number.parseInt(ex, 16) * 1000 < now) {
      return raw(404, 'This content is no longer available.', 'text/plain; charset=utf-8');
    }
    if (entry.expired || (entry.expiresAt !== undefined && now > entry.expiresAt)) {
      return raw(
        403,
        `<?xml version="1.0" encoding="utf-8"?><Error><Code>AuthenticationFailed</Code><Message>Server failed to authenticate the request.</Message><AuthenticationErrorDetail>Signed expiry time [${new Date(entry.expiresAt ?? now - 1000).toUTCString()}] must be after signed start time [${new Date(now).toUTCString()}]</AuthenticationErrorDetail></Error>`,
        'application/xml',
      );
    }
    return this.body(entry);
  }

  /** The bytes of an entry as a response, without any expiry checks (authenticated content routes). */
  body(entry: FileEntry): SimResponse {
    const { spec, trickleMs } = entry;
    const paced = (open: () => Readable) =>
      trickleMs === undefined ? open : () => trickle(open(), trickleMs);
    if (spec.kind === 'mp4') {
      const length = spec.bytes;
      return {
        kind: 'stream',
        status: 200,
        contentType: 'video/mp4',
        length,
        open: paced(() => mp4Stream(length)),
      };
    }
    const buf = this.bytes(entry);
    return {
      kind: 'stream',
      status: 200,
      contentType: contentTypeOf(spec),
      length: buf.length,
      open: paced(() => Readable.from([buf])),
    };
  }
}

/** Content type of the kinds the simulator makes itself. */
const MADE_TYPES = { png: 'image/png', webp: 'image/webp', mp4: 'video/mp4' } as const;

function contentTypeOf(spec: FileSpec): string {
  return spec.kind === 'bytes' ? spec.contentType : MADE_TYPES[spec.kind];
}

function extOf(spec: FileSpec): string {
  return spec.kind === 'bytes'
    ? (spec.contentType.split('/')[1]?.split(/[;+]/)[0] ?? 'bin')
    : spec.kind;
}
