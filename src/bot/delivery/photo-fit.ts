import { imageSize } from 'image-size';

export const PHOTO_MAX_BYTES = 10 * 1024 * 1024;
const PHOTO_MIMES = new Set(['image/png', 'image/jpeg', 'image/webp']);

/**
 * Whether Telegram will take these bytes as a photo upload (≤ 10 MB, width + height ≤ 10000,
 * aspect ratio ≤ 20). Anything else goes as a document, which keeps the original too.
 */
export function fitsAsPhoto(data: Buffer, mime: string): boolean {
  if (!PHOTO_MIMES.has(mime) || data.length > PHOTO_MAX_BYTES) return false;
  try {
    const { width, height } = imageSize(data);
    if (!width || !height) return false;
    return width + height <= 10_000 && Math.max(width, height) / Math.min(width, height) <= 20;
  } catch {
    return false;
  }
}
