/** The gallery's view of jobs: which results a page lists, and the files behind each (pure). */
import { z } from 'zod';
import type { MjGalleryButton } from '../bot/midjourney/button-action.js';
import type { Catalog } from '../catalog/index.js';
import { type StoredFile, storedFileSchema } from '../jobs/ports.js';
import type { JobRow } from '../jobs/store.js';
import { videoResultOf } from '../jobs/video/result.js';

/** What the page shows of a result; no path, no upstream URL, no file id leaves the bot. */
export interface GalleryItem {
  id: string;
  family: string;
  kind: string;
  model: string;
  prompt: string;
  price: string;
  createdAt: number;
  /** `thumb`: a thumbnail can be asked for (images; videos Telegram made one of). */
  files: { index: number; media: 'image' | 'video'; thumb: boolean }[];
  /** Midjourney's Vary (Region) can be drawn on it. */
  region: boolean;
  /** 🔁 repeats it (image jobs). */
  again: boolean;
  /** Midjourney's buttons, in the chat keyboard's rows (none for other families). */
  mj: MjGalleryButton[][];
}

const resultFiles = z.array(storedFileSchema);

/** A result file with the Telegram ids of a delivered video and its thumbnail (kept beside it). */
export type GalleryFile = StoredFile & { videoFileId?: string; thumbFileId?: string };

/** The stored files of a finished job: images and Midjourney keep `files`, videos one `file`. */
export function galleryFiles(job: JobRow): GalleryFile[] {
  if (job.family === 'video') {
    const { file, videoFileId, thumbFileId, documentFileId } = videoResultOf(job);
    if (!file) return [];
    return [
      {
        ...file,
        ...(videoFileId ? { videoFileId } : {}),
        ...(thumbFileId ? { thumbFileId } : {}),
        ...(documentFileId ? { documentFileId } : {}),
      },
    ];
  }
  const files = resultFiles.safeParse(job.result?.files);
  return files.success ? files.data : [];
}

const mediaOf = (mime: string): 'image' | 'video' | undefined =>
  mime.startsWith('image/') ? 'image' : mime.startsWith('video/') ? 'video' : undefined;

export function galleryItem(
  job: JobRow,
  catalog: Catalog,
  money: (amount: number) => string,
  offers: Pick<GalleryItem, 'region' | 'again' | 'mj'>,
): GalleryItem | undefined {
  const files = galleryFiles(job).flatMap((f, index) => {
    const media = mediaOf(f.mime);
    return media ? [{ index, media, thumb: media === 'image' || f.thumbFileId !== undefined }] : [];
  });
  if (files.length === 0) return undefined;
  const prompt = typeof job.params.prompt === 'string' ? job.params.prompt : '';
  return {
    id: job.id,
    family: job.family,
    kind: job.kind,
    model: catalog.title(job.model),
    prompt,
    price: job.payer === 'own_key' ? '' : money(job.price),
    createdAt: job.createdAt,
    files,
    ...offers,
  };
}
