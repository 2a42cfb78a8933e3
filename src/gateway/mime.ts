/** Image/video/audio type sniffing and `data:` URL helpers (no I/O). */

/** ISO-BMFF brands of still images (AVIF, HEIF): an `ftyp` box that is not a video. */
const STILL_BRANDS = new Set(['avif', 'avis', 'heic', 'heix', 'mif1', 'msf1']);
const QT_ATOMS = new Set(['moov', 'mdat', 'wide', 'free', 'skip']);

const MAGIC: ReadonlyArray<readonly [string, (b: Buffer) => boolean]> = [
  [
    'image/png',
    (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  ],
  ['image/jpeg', (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff],
  ['image/gif', (b) => b.subarray(0, 4).toString('latin1') === 'GIF8'],
  [
    'image/webp',
    (b) =>
      b.subarray(0, 4).toString('latin1') === 'RIFF' &&
      b.subarray(8, 12).toString('latin1') === 'WEBP',
  ],
  // QuickTime: the `qt  ` brand, or a file from before `ftyp` existed that opens with an atom.
  ['video/quicktime', (b) => b.subarray(4, 10).toString('latin1') === 'ftypqt'],
  ['video/quicktime', (b) => QT_ATOMS.has(b.subarray(4, 8).toString('latin1'))],
  // M4A is an MP4 with an audio brand; it must come before the video rule.
  ['audio/mp4', (b) => b.subarray(4, 12).toString('latin1') === 'ftypM4A '],
  [
    'video/mp4',
    (b) =>
      b.subarray(4, 8).toString('latin1') === 'ftyp' &&
      !STILL_BRANDS.has(b.subarray(8, 12).toString('latin1')),
  ],
  ['video/webm', (b) => b.subarray(0, 4).equals(Buffer.from([0x1a, 0x45, 0xdf, 0xa3]))],
  ['audio/mpeg', (b) => b.subarray(0, 3).toString('latin1') === 'ID3'],
  [
    'audio/wav',
    (b) =>
      b.subarray(0, 4).toString('latin1') === 'RIFF' &&
      b.subarray(8, 12).toString('latin1') === 'WAVE',
  ],
  // Frame sync: ADTS AAC (layer bits 00), else an MPEG audio frame (MP3 without an ID3 tag).
  ['audio/aac', (b) => b[0] === 0xff && ((b[1] ?? 0) & 0xf6) === 0xf0],
  ['audio/mpeg', (b) => b[0] === 0xff && ((b[1] ?? 0) & 0xe0) === 0xe0],
];

/** Detects a media type from magic bytes; undefined when unknown. */
export function sniffMime(data: Buffer): string | undefined {
  // Each test compares fixed-length slices, so short buffers simply fail to match.
  for (const [mime, test] of MAGIC) if (test(data)) return mime;
  return undefined;
}

/** The bytes a type is sniffed from (WebP needs 12). */
export const SNIFF_BYTES = 16;

export type MediaKind = 'image' | 'video' | 'audio';

/** The media type of `head` when it is of the expected kind; undefined for anything else. */
export function sniffKind(head: Buffer, kind: MediaKind): string | undefined {
  const mime = sniffMime(head);
  return mime?.startsWith(`${kind}/`) ? mime : undefined;
}

/** Base64 prefixes of the image signatures (§2.3 step 4). */
const B64_MAGIC: ReadonlyArray<readonly [string, string]> = [
  ['iVBORw0KGgo', 'image/png'],
  ['/9j/', 'image/jpeg'],
  ['UklGR', 'image/webp'],
  ['R0lGOD', 'image/gif'],
];

export function sniffBase64Mime(b64: string): string | undefined {
  for (const [prefix, mime] of B64_MAGIC) if (b64.startsWith(prefix)) return mime;
  return undefined;
}

const B64_RE = /^[A-Za-z0-9+/_-]+={0,2}$/;

/** Decodes strict-ish base64 (whitespace ignored); undefined when it is not base64 or empty. */
export function decodeBase64(b64: string): Buffer | undefined {
  const clean = b64.replace(/\s+/g, '');
  if (clean === '' || !B64_RE.test(clean)) return undefined;
  const buf = Buffer.from(
    clean,
    clean.includes('-') || clean.includes('_') ? 'base64url' : 'base64',
  );
  return buf.length > 0 ? buf : undefined;
}

export interface DataUrl {
  mime: string;
  data: Buffer;
}

const DATA_URL_RE = /^data:([^;,]*)((?:;[^;,]*)*?)(;base64)?,(.*)$/is;

/** Parses a `data:` URL (base64 or percent-encoded); undefined when malformed or empty. */
export function parseDataUrl(url: string): DataUrl | undefined {
  const m = DATA_URL_RE.exec(url.trim());
  if (!m) return undefined;
  const payload = m[4] ?? '';
  let data: Buffer | undefined;
  if (m[3]) data = decodeBase64(payload);
  else {
    try {
      data = Buffer.from(decodeURIComponent(payload), 'utf8');
    } catch {
      return undefined;
    }
  }
  if (!data || data.length === 0) return undefined;
  const declared = (m[1] ?? '').trim().toLowerCase();
  return { mime: declared || sniffMime(data) || 'application/octet-stream', data };
}

export function toDataUrl(data: Buffer, mime: string): string {
  return `data:${mime};base64,${data.toString('base64')}`;
}

/** Strips parameters from a Content-Type header value. */
export function baseMime(contentType: string | undefined): string | undefined {
  const m = contentType?.split(';')[0]?.trim().toLowerCase();
  return m ? m : undefined;
}
