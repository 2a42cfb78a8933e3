/**
 * A Vary (Region) mask from the page, checked like any upload: a PNG of exactly the image's
 * size with something drawn on it. Re-encoded as Midjourney reads it: white repaints, black keeps.
 */
import { loadSharp } from '../infra/sharp.js';

export type MaskCheck =
  | { ok: true; png: Buffer }
  | { ok: false; reason: 'not_png' | 'wrong_size' | 'empty' };

export async function checkMask(mask: Buffer, image: Buffer): Promise<MaskCheck> {
  let drawn: { width?: number; height?: number; format?: string };
  let target: { width?: number; height?: number };
  const sharp = await loadSharp();
  try {
    [drawn, target] = await Promise.all([sharp(mask).metadata(), sharp(image).metadata()]);
  } catch {
    return { ok: false, reason: 'not_png' };
  }
  if (drawn.format !== 'png') return { ok: false, reason: 'not_png' };
  if (drawn.width !== target.width || drawn.height !== target.height)
    return { ok: false, reason: 'wrong_size' };
  // Transparent pixels count as kept: flattened on black, then two levels only.
  const png = await sharp(mask)
    .flatten({ background: '#000000' })
    .greyscale()
    .threshold(128)
    .png()
    .toBuffer();
  const stats = await sharp(png).stats();
  if ((stats.channels[0]?.max ?? 0) === 0) return { ok: false, reason: 'empty' };
  return { ok: true, png };
}
