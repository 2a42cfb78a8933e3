import { crc32, deflateSync, inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { pngPreview } from '../../../src/bot/delivery/png-preview.js';

const SIG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

/** Encodes pixels with one PNG filter type on every row (what real encoders mix). */
function encode(w: number, h: number, ch: number, pixels: Buffer, filter: number): Buffer {
  const stride = w * ch;
  const raw = Buffer.alloc((stride + 1) * h);
  for (let y = 0; y < h; y++) {
    raw[y * (stride + 1)] = filter;
    for (let x = 0; x < stride; x++) {
      const v = pixels[y * stride + x] ?? 0;
      const a = x >= ch ? (pixels[y * stride + x - ch] ?? 0) : 0;
      const b = y > 0 ? (pixels[(y - 1) * stride + x] ?? 0) : 0;
      const c = y > 0 && x >= ch ? (pixels[(y - 1) * stride + x - ch] ?? 0) : 0;
      const p = a + b - c;
      const paeth =
        Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c)
          ? a
          : Math.abs(p - b) <= Math.abs(p - c)
            ? b
            : c;
      const pred = [0, a, b, (a + b) >> 1, paeth][filter] ?? 0;
      raw[y * (stride + 1) + 1 + x] = (v - pred) & 0xff;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8;
  ihdr[9] = ch === 4 ? 6 : ch === 3 ? 2 : 0;
  return Buffer.concat([
    SIG,
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** The pixels of a PNG written by pngPreview (filter 0 rows). */
function pixelsOf(png: Buffer): { w: number; h: number; pixels: Buffer } {
  const w = png.readUInt32BE(16);
  const h = png.readUInt32BE(20);
  const idatLength = png.readUInt32BE(33);
  const raw = inflateSync(png.subarray(41, 41 + idatLength));
  const stride = (raw.length - h) / h;
  const pixels = Buffer.concat(
    Array.from({ length: h }, (_, y) => raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1))),
  );
  return { w, h, pixels };
}

const noise = (n: number) =>
  Buffer.from(Array.from({ length: n }, (_, i) => (i * 37 + (i >> 3) * 11) & 0xff));

describe('PNG preview (large Midjourney grids)', () => {
  it.each([0, 1, 2, 3, 4])('reads rows written with filter %i exactly', (filter) => {
    for (const ch of [3, 4]) {
      const pixels = noise(9 * 7 * ch);
      const out = pngPreview(encode(9, 7, ch, pixels, filter), 100);
      expect(out).toBeDefined();
      const back = pixelsOf(out as Buffer);
      expect([back.w, back.h]).toEqual([9, 7]);
      expect(back.pixels.equals(pixels)).toBe(true);
    }
  });

  it('scales the longer side down to the limit with box averages', () => {
    // 4×2 grey: left half 0, right half 200 → 2×1 at factor 2.
    const pixels = Buffer.from([0, 0, 200, 200, 0, 0, 200, 200]);
    const out = pngPreview(encode(4, 2, 1, pixels, 1), 2);
    const back = pixelsOf(out as Buffer);
    expect([back.w, back.h]).toEqual([2, 1]);
    expect([...back.pixels]).toEqual([0, 200]);
  });

  it('declines what it cannot read (not a PNG, 16-bit, interlaced)', () => {
    expect(pngPreview(Buffer.from('not a png at all, just some text'))).toBeUndefined();
    const png = encode(4, 4, 3, noise(48), 0);
    const sixteen = Buffer.from(png);
    sixteen[24] = 16;
    expect(pngPreview(sixteen)).toBeUndefined();
    const interlaced = Buffer.from(png);
    interlaced[28] = 1;
    expect(pngPreview(interlaced)).toBeUndefined();
  });
});
