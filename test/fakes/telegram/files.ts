import { randomBytes } from 'node:crypto';
import type { PhotoSize } from 'grammy/types';
import { extFromMime, sniffImage } from './image.js';

export type FileKind =
  | 'photo'
  | 'video'
  | 'document'
  | 'animation'
  | 'sticker'
  | 'audio'
  | 'voice'
  /** A video's thumbnail: downloadable by getFile, not sendable as a photo. */
  | 'thumbnail';

export interface StoredFile {
  file_id: string;
  file_unique_id: string;
  kind: FileKind;
  bytes: Uint8Array;
  mime: string;
  filename?: string;
  file_path: string;
  width?: number;
  height?: number;
  /** A video's thumbnail, made when it was stored (sent with it again on a resend). */
  thumbnail?: PhotoSize;
}

// Real file_ids start with a type-specific prefix; bots sometimes log or compare them.
const PREFIX: Record<FileKind, string> = {
  photo: 'AgACAgIAAxkBAAI',
  video: 'BAACAgIAAxkBAAI',
  document: 'BQACAgIAAxkBAAI',
  animation: 'CgACAgIAAxkBAAI',
  sticker: 'CAACAgIAAxkBAAI',
  audio: 'CQACAgIAAxkBAAI',
  voice: 'AwACAgIAAxkBAAI',
  thumbnail: 'AAMCAgADGQEAAI',
};

const DIR: Record<FileKind, string> = {
  photo: 'photos',
  video: 'videos',
  document: 'documents',
  animation: 'animations',
  sticker: 'stickers',
  audio: 'music',
  voice: 'voice',
  thumbnail: 'thumbnails',
};

const rand = (bytes: number): string => randomBytes(bytes).toString('base64url');

/** Telegram's photo size ladder: s, m, x, y, w. */
const PHOTO_STEPS = [90, 320, 800, 1280, 2560];

export class FileStore {
  private readonly byId = new Map<string, StoredFile>();
  private readonly byPath = new Map<string, StoredFile>();
  private readonly photoSets = new Map<string, PhotoSize[]>();
  private counter = 0;

  add(
    bytes: Uint8Array,
    kind: FileKind,
    meta: { mime: string; filename?: string; width?: number; height?: number },
  ): StoredFile {
    const n = this.counter++;
    const ext = meta.filename?.includes('.')
      ? meta.filename.split('.').pop()
      : extFromMime(meta.mime);
    const file: StoredFile = {
      file_id: `${PREFIX[kind]}${rand(40)}`,
      file_unique_id: `AQAD${rand(12)}`,
      kind,
      bytes,
      mime: meta.mime,
      file_path: `${DIR[kind]}/file_${n}.${kind === 'photo' || kind === 'thumbnail' ? 'jpg' : ext}`,
      ...(meta.filename !== undefined ? { filename: meta.filename } : {}),
      ...(meta.width !== undefined ? { width: meta.width } : {}),
      ...(meta.height !== undefined ? { height: meta.height } : {}),
    };
    this.byId.set(file.file_id, file);
    this.byPath.set(file.file_path, file);
    return file;
  }

  get(fileId: string): StoredFile | undefined {
    return this.byId.get(fileId);
  }

  byFilePath(path: string): StoredFile | undefined {
    return this.byPath.get(path);
  }

  /**
   * Stores a photo and returns its PhotoSize ladder. Every size gets its own
   * file_id; all serve the original bytes (the stand-in does not resample).
   */
  addPhoto(bytes: Uint8Array): PhotoSize[] {
    const info = sniffImage(bytes);
    const w = info?.width ?? 1;
    const h = info?.height ?? 1;
    const longest = Math.max(w, h);
    const targets = PHOTO_STEPS.filter((s) => s < longest);
    targets.push(Math.min(longest, 2560));
    const sizes: PhotoSize[] = [...new Set(targets)].map((target) => {
      const scale = target / longest;
      const width = Math.max(1, Math.round(w * scale));
      const height = Math.max(1, Math.round(h * scale));
      const f = this.add(bytes, 'photo', { mime: 'image/jpeg', width, height });
      return {
        file_id: f.file_id,
        file_unique_id: f.file_unique_id,
        file_size: bytes.byteLength,
        width,
        height,
      };
    });
    for (const s of sizes) this.photoSets.set(s.file_id, sizes);
    return sizes;
  }

  /** The whole ladder for any of its sizes, so resending a photo by file_id keeps all sizes. */
  photoSet(fileId: string): PhotoSize[] | undefined {
    return this.photoSets.get(fileId);
  }
}
