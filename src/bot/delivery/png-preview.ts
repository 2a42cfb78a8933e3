/**
 * A smaller copy of a large PNG (a Midjourney grid over Telegram's photo limits), so the result
 * can be shown as a photo with the full file as a document next to it. Pure zlib: 8-bit
 * grey/RGB/grey+alpha/RGBA, non-interlaced (what Midjourney and most generators write); anything
 * else returns undefined and the caller sends the document alone.
 */
import { crc32, deflateSync, inflateSync } from 'node:zlib';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const CHANNELS: Readonly<Record<number, number>> = { 0: 1, 2: 3, 4: 2, 6: 4 };
/** Refuse to inflate more than this (a 4096 × 4096 RGBA image). */
const MAX_RAW = 4096 * 4096 * 4 + 4096;

interface Decoded {
  width: number;
  height: number;
  channels: number;
  colorType: number;
  pixels: Buffer;
}

function decode(png: Buffer): Decoded | undefined {
  if (png.length < 33 || !png.subarray(0, 8).equals(SIGNATURE)) return undefined;
  let width = 0;
  let height = 0;
  let colorType = -1;
  const idat: Buffer[] = [];
  for (let at = 8; at + 12 <= png.length; ) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    const data = png.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      const depth = data[8];
      colorType = data[9] ?? -1;
      if (depth !== 8 || data[12] !== 0) return undefined; // 16-bit or interlaced
    } else if (type === 'IDAT') idat.push(data);
    else if (type === 'IEND') break;
    at += 12 + length;
  }
  const channels = CHANNELS[colorType];
  if (!channels || width === 0 || height === 0) return undefined;
  const stride = width * channels;
  if ((stride + 1) * height > MAX_RAW) return undefined;
  let raw: Buffer;
  try {
    raw = inflateSync(Buffer.concat(idat), { maxOutputLength: MAX_RAW });
  } catch {
    return undefined;
  }
  if (raw.length < (stride + 1) * height) return undefined;
  const pixels = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const src = y * (stride + 1) + 1;
    const row = y * stride;
    const up = row - stride;
    for (let x = 0; x < stride; x++) {
      const value = raw[src + x] ?? 0;
      const a = x >= channels ? (pixels[row + x - channels] ?? 0) : 0;
      const b = y > 0 ? (pixels[up + x] ?? 0) : 0;
      const c = y > 0 && x >= channels ? (pixels[up + x - channels] ?? 0) : 0;
      let predicted = 0;
      switch (filter) {
        case 0:
          break;
        case 1:
          predicted = a;
          break;
        case 2:
          predicted = b;
          break;
        case 3:
          predicted = (a + b) >> 1;
          break;
        case 4: {
          const p = a + b - c;
          const pa = Math.abs(p - a);
          const pb = Math.abs(p - b);
          const pc = Math.abs(p - c);
          predicted = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
          break;
        }
        default:
          return undefined;
      }
      pixels[row + x] = (value + predicted) & 0xff;
    }
  }
  return { width, height, channels, colorType, pixels };
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

/** Box-filtered copy whose longer side is at most `maxSide`; undefined when not decodable. */
export function pngPreview(png: Buffer, maxSide = 1280): Buffer | undefined {
  const img = decode(png);
  if (!img) return undefined;
  const factor = Math.max(1, Math.ceil(Math.max(img.width, img.height) / maxSide));
  const width = Math.max(1, Math.floor(img.width / factor));
  const height = Math.max(1, Math.floor(img.height / factor));
  const { channels } = img;
  const stride = width * channels;
  const raw = Buffer.alloc((stride + 1) * height);
  const area = factor * factor;
  for (let y = 0; y < height; y++) {
    const out = y * (stride + 1) + 1; // filter byte 0 stays 0
    for (let x = 0; x < width; x++) {
      for (let ch = 0; ch < channels; ch++) {
        let sum = 0;
        for (let dy = 0; dy < factor; dy++) {
          const base = ((y * factor + dy) * img.width + x * factor) * channels + ch;
          for (let dx = 0; dx < factor; dx++) sum += img.pixels[base + dx * channels] ?? 0;
        }
        raw[out + x * channels + ch] = Math.round(sum / area);
      }
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = img.colorType;
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 6 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
