/**
 * The `mask` of `/v1/images/edits`, checked as OpenAI checks it: a PNG with an alpha channel,
 * exactly the size of the (first) image, with at least one fully transparent pixel (where the
 * model may edit). Every mask that arrives is recorded, refused or not, for tests to assert on.
 */
import sharp from 'sharp';
import type { SimContext } from './context.js';
import { openAiError } from './errors.js';
import type { SimResponse } from './http.js';

export interface SimMask {
  model: string;
  width: number;
  height: number;
  hasAlpha: boolean;
  /** Pixels with alpha 0: the area to edit. */
  transparent: number;
  image: { width: number; height: number };
  /** Why it was refused (the message without the request id); undefined when accepted. */
  refused?: string;
}

interface Dims {
  width: number;
  height: number;
  format: string | undefined;
  hasAlpha: boolean;
}

async function dimsOf(file: File): Promise<{ bytes: Buffer; dims: Dims } | undefined> {
  const bytes = Buffer.from(await file.arrayBuffer());
  try {
    const m = await sharp(bytes).metadata();
    const dims = {
      width: m.width ?? 0,
      height: m.height ?? 0,
      format: m.format,
      hasAlpha: m.hasAlpha ?? false,
    };
    return { bytes, dims };
  } catch {
    return undefined;
  }
}

async function transparentPixels(png: Buffer): Promise<number> {
  const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  let count = 0;
  for (let i = info.channels - 1; i < data.length; i += info.channels) if (data[i] === 0) count++;
  return count;
}

/** Null when the mask is acceptable (or absent); otherwise OpenAI's 400. */
export async function checkEditMask(
  ctx: SimContext,
  model: string,
  image: File,
  mask: File | undefined,
): Promise<SimResponse | null> {
  if (!mask) return null;
  const [img, m] = await Promise.all([dimsOf(image), dimsOf(mask)]);
  const record: SimMask = {
    model,
    width: m?.dims.width ?? 0,
    height: m?.dims.height ?? 0,
    hasAlpha: m?.dims.hasAlpha ?? false,
    transparent: 0,
    image: { width: img?.dims.width ?? 0, height: img?.dims.height ?? 0 },
  };
  ctx.masks.push(record);
  const refuse = (message: string) => {
    record.refused = message;
    return openAiError(ctx, 400, message, {
      type: 'invalid_request_error',
      param: 'mask',
      code: 'invalid_value',
    });
  };
  if (m?.dims.format !== 'png')
    return refuse(
      "Invalid file 'mask': unsupported mimetype. Supported file formats are 'image/png'.",
    );
  if (!img) return refuse('Invalid input image - the image could not be read.');
  if (m.dims.width !== img.dims.width || m.dims.height !== img.dims.height)
    return refuse('Invalid mask image format - mask size does not match image size');
  if (!m.dims.hasAlpha)
    return refuse("Invalid input mask - format must be in ['RGBA', 'LA'], got one without alpha.");
  record.transparent = await transparentPixels(m.bytes);
  if (record.transparent === 0)
    return refuse('Invalid mask image - the mask has no fully transparent area to edit.');
  return null;
}
