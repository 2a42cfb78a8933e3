import type { PhotoSize } from 'grammy/types';
import sharp from 'sharp';
import type { Core, MethodCall, UploadedFile } from './core.js';
import { badRequest, entityTooLarge, TEXTS } from './errors.js';
import type { FileKind, StoredFile } from './files.js';
import { mimeFromName, sniffImage } from './image.js';
import { int } from './params.js';

export interface ResolvedMedia {
  file: StoredFile;
  /** Set for photos: the whole size ladder. */
  photo?: PhotoSize[];
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/**
 * Turns an InputFile parameter (file_id, HTTP URL, attach://name or a direct
 * multipart part) into a stored file, with Telegram's limits and errors.
 */
export async function resolveMedia(
  core: Core,
  call: MethodCall,
  value: unknown,
  kind: FileKind,
): Promise<ResolvedMedia> {
  if (isUpload(value)) return withThumbnail(core, call, storeUpload(core, value, kind), kind);
  if (typeof value !== 'string' || value === '')
    throw badRequest(`there is no ${kind} in the request`);
  if (value.startsWith('attach://')) {
    const part = call.files.get(value.slice('attach://'.length));
    if (!part) throw badRequest(`${kind} not found`);
    return withThumbnail(core, call, storeUpload(core, part, kind), kind);
  }
  if (/^https?:\/\//i.test(value))
    return withThumbnail(core, call, await fetchUrl(core, value, kind, call.signal), kind);
  const file = core.files.get(value);
  if (!file) throw badRequest(TEXTS.wrongFile);
  if (!compatible(file.kind, kind)) throw badRequest('type of file mismatch');
  if (kind === 'photo') return { file, photo: core.files.photoSet(value) ?? [] };
  return { file };
}

/**
 * Telegram reads an uploaded video and answers with a JPEG thumbnail of it (at most 320 px a
 * side, its own file id). Only a container it can read gets one (MP4/MOV `ftyp`, WebM/Matroska):
 * anything else arrives as a video without a thumbnail.
 */
async function withThumbnail(
  core: Core,
  call: MethodCall,
  m: ResolvedMedia,
  kind: FileKind,
): Promise<ResolvedMedia> {
  const f = m.file;
  if (kind !== 'video' || f.thumbnail || !readableVideo(f.bytes)) return m;
  // The frame's shape: what the bot declared, as mediaContent reports it.
  const w = int(call.params, 'width') ?? f.width ?? 1280;
  const h = int(call.params, 'height') ?? f.height ?? 720;
  const scale = 320 / Math.max(w, h);
  const width = Math.max(1, Math.round(w * scale));
  const height = Math.max(1, Math.round(h * scale));
  // A real frame is busy: noise, so the JPEG is as large as Telegram's (~10–30 KB).
  const jpeg = await sharp({
    create: {
      width,
      height,
      channels: 3,
      background: '#000000',
      noise: { type: 'gaussian', mean: 128, sigma: 40 },
    },
  })
    .jpeg({ quality: 80 })
    .toBuffer();
  const thumb = core.files.add(new Uint8Array(jpeg), 'thumbnail', {
    mime: 'image/jpeg',
    width,
    height,
  });
  f.thumbnail = {
    file_id: thumb.file_id,
    file_unique_id: thumb.file_unique_id,
    file_size: jpeg.byteLength,
    width,
    height,
  };
  return m;
}

function readableVideo(b: Uint8Array): boolean {
  const ftyp = b.length > 8 && Buffer.from(b.subarray(4, 8)).toString('latin1') === 'ftyp';
  const ebml = b.length > 4 && b[0] === 0x1a && b[1] === 0x45 && b[2] === 0xdf && b[3] === 0xa3;
  return ftyp || ebml;
}

export function isUpload(v: unknown): v is UploadedFile {
  return typeof v === 'object' && v !== null && 'bytes' in v && v.bytes instanceof Uint8Array;
}

// Telegram lets any non-photo file be resent as a document.
const compatible = (have: FileKind, want: FileKind): boolean =>
  have === want || (want === 'document' && have !== 'photo' && have !== 'thumbnail');

function storeUpload(core: Core, up: UploadedFile, kind: FileKind): ResolvedMedia {
  const size = up.bytes.byteLength;
  if (size === 0) throw badRequest('file must be non-empty');
  const { photoLimitBytes, uploadLimitBytes } = core.options;
  if (kind === 'photo') {
    if (size > photoLimitBytes) {
      throw badRequest(
        `file of size ${size} bytes is too big for a photo; the maximum size is ${photoLimitBytes} bytes`,
      );
    }
    return storePhoto(core, up.bytes);
  }
  if (size > uploadLimitBytes) throw entityTooLarge();
  const mime = mimeFromName(
    up.filename,
    up.mime === 'application/octet-stream' ? undefined : up.mime,
  );
  return { file: core.files.add(up.bytes, kind, { mime, filename: up.filename }) };
}

function storePhoto(core: Core, bytes: Uint8Array): ResolvedMedia {
  const info = sniffImage(bytes);
  if (!info) throw badRequest('IMAGE_PROCESS_FAILED');
  const { width: w, height: h } = info;
  if (w + h > 10_000 || Math.max(w, h) / Math.max(1, Math.min(w, h)) > 20) {
    throw badRequest('PHOTO_INVALID_DIMENSIONS');
  }
  const photo = core.files.addPhoto(bytes);
  const largest = photo.at(-1);
  const file = largest && core.files.get(largest.file_id);
  if (!file) throw badRequest('IMAGE_PROCESS_FAILED');
  return { file, photo };
}

async function fetchUrl(
  core: Core,
  url: string,
  kind: FileKind,
  signal: AbortSignal,
): Promise<ResolvedMedia> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw badRequest(TEXTS.wrongFile);
  }
  // Tests never reach the internet; Telegram would fail to fetch an unreachable host the same way.
  if (!LOOPBACK.has(parsed.hostname)) throw badRequest(TEXTS.urlFailed);
  let res: Response;
  try {
    res = await fetch(url, { signal: AbortSignal.any([signal, AbortSignal.timeout(10_000)]) });
  } catch {
    throw badRequest(TEXTS.urlFailed);
  }
  if (!res.ok) throw badRequest(TEXTS.wrongFile);
  const type = res.headers.get('content-type') ?? '';
  if (kind === 'photo' && type.startsWith('text/')) throw badRequest(TEXTS.urlWrongType);
  const bytes = new Uint8Array(await res.arrayBuffer());
  if (bytes.byteLength === 0) throw badRequest(TEXTS.urlFailed);
  if (kind === 'photo') {
    if (bytes.byteLength > core.options.urlPhotoLimitBytes) throw badRequest(TEXTS.wrongFile);
    if (!sniffImage(bytes)) throw badRequest(TEXTS.urlWrongType);
    return storePhoto(core, bytes);
  }
  if (bytes.byteLength > core.options.urlFileLimitBytes) throw badRequest(TEXTS.urlFailed);
  const filename = decodeURIComponent(parsed.pathname.split('/').pop() || 'file');
  const mime = mimeFromName(filename, type.split(';')[0] || undefined);
  return { file: core.files.add(bytes, kind, { mime, filename }) };
}
