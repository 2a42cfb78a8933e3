/**
 * A mask from the page, checked like any upload: a PNG of exactly the image's size with something
 * drawn on it (painted = change). Re-encoded as its reader wants it: Midjourney's Vary (Region)
 * reads white as repaint and black as keep; OpenAI's `/v1/images/edits` reads an alpha channel,
 * fully transparent where it may edit and opaque elsewhere.
 */
import { loadSharp } from '../infra/sharp.js';

export type MaskForm = 'midjourney' | 'openai';

export type MaskCheck =
  | { ok: true; png: Buffer }
  | { ok: false; reason: 'not_png' | 'wrong_size' | 'empty' };

export async function checkMask(
  mask: Buffer,
  image: Buffer,
  form: MaskForm = 'midjourney',
): Promise<MaskCheck> {
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
  // Transparent pixels count as kept: flattened on black, then two levels only (white = painted).
  const levels = sharp(mask).flatten({ background: '#000000' }).greyscale().threshold(128);
  const painted = await levels.clone().png().toBuffer();
  const stats = await sharp(painted).stats();
  if ((stats.channels[0]?.max ?? 0) === 0) return { ok: false, reason: 'empty' };
  if (form === 'midjourney') return { ok: true, png: painted };
  // OpenAI: opaque black kept, alpha 0 where painted (the inverted levels are the alpha).
  const alpha = await levels.clone().negate().raw().toBuffer();
  const png = await sharp({
    create: { width: drawn.width ?? 0, height: drawn.height ?? 0, channels: 3, background: '#000' },
  })
    .joinChannel(alpha, {
      raw: { width: drawn.width ?? 0, height: drawn.height ?? 0, channels: 1 },
    })
    .png()
    .toBuffer();
  return { ok: true, png };
}
