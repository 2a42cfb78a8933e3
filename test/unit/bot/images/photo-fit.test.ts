import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import {
  fitsAsPhoto,
  type ImageSource,
  PHOTO_MAX_BYTES,
  photoBytes,
  photoPreview,
} from '../../../../src/bot/images/photo-fit.js';
import { pngChunk } from '../../../fakes/telegram/image.js';

const noise = (width: number, height: number) =>
  sharp(randomBytes(width * height * 3), { raw: { width, height, channels: 3 } });

/** Telegram's photo rules (telegram.md): ≤ 10 MB, width + height ≤ 10000, ratio ≤ 20. */
async function expectTelegramPhoto(source: ImageSource | undefined) {
  if (!source) throw new Error('expected a preview');
  const bytes = Buffer.isBuffer(source) ? source : fs.readFileSync(source.path);
  const meta = await sharp(bytes).metadata();
  expect(bytes?.length).toBeLessThanOrEqual(PHOTO_MAX_BYTES);
  expect(meta.width + meta.height).toBeLessThanOrEqual(10_000);
  expect(Math.max(meta.width, meta.height) / Math.min(meta.width, meta.height)).toBeLessThan(20);
  return meta;
}

/** A few hundred bytes that declare a 50000 × 50000 RGBA image (10 GB of pixels). */
function bombPng(): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(50_000, 0);
  ihdr.writeUInt32BE(50_000, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(Buffer.alloc(200_001))),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

describe('photo fit and previews (sharp, off the event loop)', () => {
  it('a JPEG over 10 MB gets a JPEG preview within Telegram’s photo rules', async () => {
    const jpeg = await noise(3000, 3000).jpeg({ quality: 100 }).toBuffer();
    expect(jpeg.length).toBeGreaterThan(PHOTO_MAX_BYTES);
    expect(await fitsAsPhoto(jpeg, 'image/jpeg')).toBe(false);
    const meta = await expectTelegramPhoto(await photoPreview(jpeg));
    expect(meta.format).toBe('jpeg');
    expect(Math.max(meta.width, meta.height)).toBe(2048);
  });

  it('a WebP over the dimension limit (w + h > 10000) gets a preview; a small one is sent as is', async () => {
    const big = await sharp({
      create: { width: 6000, height: 4500, channels: 3, background: '#3366aa' },
    })
      .webp()
      .toBuffer();
    expect(await fitsAsPhoto(big, 'image/webp')).toBe(false);
    const meta = await expectTelegramPhoto(await photoBytes(big, 'image/webp'));
    expect([meta.width, meta.height]).toEqual([2048, 1536]);
    const small = await sharp({
      create: { width: 640, height: 480, channels: 3, background: '#3366aa' },
    })
      .webp()
      .toBuffer();
    expect(await photoBytes(small, 'image/webp')).toBe(small);
  });

  it('a 2048² incompressible PNG (a real grid, ~12.6 MB) gets a preview under the limits', async () => {
    const png = await noise(2048, 2048).png({ compressionLevel: 1 }).toBuffer();
    expect(png.length).toBeGreaterThan(12 * 1024 * 1024);
    expect(await fitsAsPhoto(png, 'image/png')).toBe(false);
    // The work runs on libvips' threads: the event loop keeps turning while it is done.
    let turns = 0;
    let spinning = true;
    const spin = () => {
      turns++;
      if (spinning) setImmediate(spin);
    };
    setImmediate(spin);
    const preview = await photoPreview(png);
    spinning = false;
    expect(turns).toBeGreaterThan(1);
    await expectTelegramPhoto(preview);
  });

  it('16-bit and interlaced PNGs (the old decoder’s blind spots) get previews too', async () => {
    const deep = await noise(3000, 3000)
      .toColourspace('rgb16')
      .png({ compressionLevel: 1, progressive: true })
      .toBuffer();
    expect(deep.length).toBeGreaterThan(PHOTO_MAX_BYTES);
    await expectTelegramPhoto(await photoPreview(deep));
  });

  it('a decompression bomb (a small PNG declaring 50000 × 50000) fails cleanly, undecoded', async () => {
    const bomb = bombPng();
    expect(bomb.length).toBeLessThan(2_000);
    const rssBefore = process.memoryUsage().rss;
    expect(await fitsAsPhoto(bomb, 'image/png')).toBe(false);
    expect(await photoPreview(bomb)).toBeUndefined();
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(200 * 1024 * 1024);
  });

  it('bytes libvips cannot read, and a ratio over 20, give no preview', async () => {
    expect(await photoPreview(Buffer.from('not an image at all'))).toBeUndefined();
    const strip = await sharp({
      create: { width: 8000, height: 200, channels: 3, background: '#000' },
    })
      .png()
      .toBuffer();
    expect(await photoPreview(strip)).toBeUndefined();
  });

  it('a stored file on disk is read by libvips itself: a preview for a 12 MB grid, the file itself when it fits', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'genbot-fit-'));
    try {
      const store = async (name: string, bytes: Buffer) => {
        const file = path.join(dir, name);
        fs.writeFileSync(file, bytes);
        return { path: file, size: bytes.length };
      };
      const grid = await store('grid.png', await noise(2048, 2048).png().toBuffer());
      expect(grid.size).toBeGreaterThan(PHOTO_MAX_BYTES);
      // Made by the nice-19 preview process, written next to the result.
      const preview = await photoBytes(grid, 'image/png');
      expect(preview).toEqual({ path: `${grid.path}.preview.jpg`, size: expect.any(Number) });
      const meta = await expectTelegramPhoto(preview);
      expect(meta.format).toBe('jpeg');
      // A truncated grid (its header reads, its pixels do not): no preview, nothing thrown,
      // and the preview process still serves the next one.
      const cut = fs.readFileSync(grid.path).subarray(0, 200_000);
      expect(await photoPreview(await store('cut.png', cut))).toBeUndefined();
      expect(await photoPreview(grid)).toBeDefined();
      const small = await store('small.png', await noise(64, 64).png().toBuffer());
      expect(await photoBytes(small, 'image/png')).toBe(small);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
