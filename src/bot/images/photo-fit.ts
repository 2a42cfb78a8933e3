import os from 'node:os';
import { Semaphore } from '../../infra/semaphore.js';
import { loadSharp } from '../../infra/sharp.js';
import { PHOTO_MAX_BYTES, photoShaped, renderPreview, type Size } from './preview-render.js';
import { PreviewWorker } from './preview-worker.js';

export { MAX_INPUT_PIXELS, PHOTO_MAX_BYTES } from './preview-render.js';

const PHOTO_MIMES = new Set(['image/png', 'image/jpeg', 'image/webp']);

/** At most one image per core is decoded at once, in whichever process. */
const cores = Math.max(1, Math.min(os.availableParallelism(), 4));
const slots = new Semaphore(cores);
const worker = new PreviewWorker();

/**
 * An image in memory, or a stored result on disk: libvips and the upload read the file
 * themselves, so a 12 MB grid never becomes a Buffer on the JS heap (twenty at once did: the
 * garbage collector then stalled the event loop).
 */
export type ImageSource = Buffer | { path: string; size: number };

const bytesOf = (source: ImageSource) => (Buffer.isBuffer(source) ? source.length : source.size);
/** What sharp and grammY's InputFile take: the bytes, or the file's path (streamed). */
export const contentOf = (source: ImageSource): Buffer | string =>
  Buffer.isBuffer(source) ? source : source.path;

/** Pixel size from the header only (no decode); undefined when libvips cannot read it. */
async function sizeOf(source: ImageSource): Promise<Size | undefined> {
  try {
    const sharp = await loadSharp();
    const { width, height } = await sharp(contentOf(source)).metadata();
    return width && height ? { width, height } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether Telegram will take these bytes as a photo upload (≤ 10 MB, width + height ≤ 10000,
 * aspect ratio ≤ 20). Anything else goes as a document, which keeps the original too.
 */
export async function fitsAsPhoto(source: ImageSource, mime: string): Promise<boolean> {
  if (!PHOTO_MIMES.has(mime) || bytesOf(source) > PHOTO_MAX_BYTES) return false;
  const size = await sizeOf(source);
  return size !== undefined && photoShaped(size);
}

/**
 * A JPEG copy that Telegram takes as a photo, for an image it would refuse (a large grid or
 * upscale), so the result shows in the chat while the original goes as a document. Any format
 * libvips reads (PNG of any depth or interlace, JPEG, WebP, …), decoded off the event loop.
 * Undefined when no copy can be made: unreadable bytes, more than MAX_INPUT_PIXELS declared (a
 * decompression bomb is refused before any pixel is decoded), or a ratio over 20 that no
 * downscale fixes.
 */
export async function photoPreview(source: ImageSource): Promise<ImageSource | undefined> {
  const size = await sizeOf(source);
  if (!size || Math.max(size.width, size.height) / Math.min(size.width, size.height) > 20)
    return undefined;
  return slots.run(async () => {
    // A stored result (a grid, an upscale): the low-priority process, file to file.
    if (!Buffer.isBuffer(source)) {
      const output = `${source.path}.preview.jpg`;
      const bytes = await worker.render(source.path, output);
      return bytes === undefined ? undefined : { path: output, size: bytes };
    }
    return renderPreview(source).catch(() => undefined);
  });
}

/** What to send as a photo: the image itself when Telegram takes it, else a preview. */
export async function photoBytes(
  source: ImageSource,
  mime: string,
): Promise<ImageSource | undefined> {
  return (await fitsAsPhoto(source, mime)) ? source : photoPreview(source);
}

/** The upload name of a preview of `name` (always a JPEG). */
export const previewName = (name: string) => `preview-${name.replace(/\.[^.]+$/, '')}.jpg`;
