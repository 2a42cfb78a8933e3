/**
 * The preview pipeline itself, shared by the bot process (small images in memory) and the
 * low-priority preview process (stored results on disk): one definition of what a preview is.
 */
import { loadSharp } from '../../infra/sharp.js';

export const PHOTO_MAX_BYTES = 10 * 1024 * 1024;
/** Pixels a result may declare before it is refused undecoded (a 4× upscale is 4096 × 4096). */
export const MAX_INPUT_PIXELS = 8192 * 8192;
/** Longer side of a preview; the smaller step only when the first is still over 10 MB (noise). */
const PREVIEW_SIDES = [2048, 1280];

export interface Size {
  width: number;
  height: number;
}

/** Telegram's photo rules besides the byte size: width + height ≤ 10000, ratio ≤ 20. */
export const photoShaped = ({ width, height }: Size) =>
  width > 0 &&
  height > 0 &&
  width + height <= 10_000 &&
  Math.max(width, height) / Math.min(width, height) <= 20;

/**
 * A JPEG of `input` (bytes or a file path) that Telegram takes as a photo, or undefined when no
 * step gives one. Throws when libvips cannot read the input or it declares too many pixels.
 */
export async function renderPreview(input: Buffer | string): Promise<Buffer | undefined> {
  const sharp = await loadSharp();
  for (const side of PREVIEW_SIDES) {
    const { data, info } = await sharp(input, {
      limitInputPixels: MAX_INPUT_PIXELS,
      sequentialRead: true,
    })
      .rotate()
      .resize({ width: side, height: side, fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: 85 })
      .toBuffer({ resolveWithObject: true });
    if (data.length <= PHOTO_MAX_BYTES && photoShaped(info)) return data;
  }
  return undefined;
}
