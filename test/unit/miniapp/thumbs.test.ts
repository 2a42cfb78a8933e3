import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { THUMB_SIZE, ThumbStore } from '../../../src/miniapp/thumbs.js';

/** A 2048² PNG of noise: about 12 MB, as a real grid or an upscale can be. */
const bigPng = () =>
  sharp(randomBytes(2048 * 2048 * 3), { raw: { width: 2048, height: 2048, channels: 3 } })
    .png({ compressionLevel: 1 })
    .toBuffer();

describe('gallery thumbnails', () => {
  const dirs: string[] = [];
  const tempDir = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'genbot-thumbs-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('makes a small WebP of a 12 MB 2048² PNG once, then serves it from disk', async () => {
    const source = await bigPng();
    expect(source.length).toBeGreaterThan(10 * 1024 * 1024);
    const store = new ThumbStore(tempDir(), 50 * 1024 * 1024);
    let reads = 0;
    const read = async () => {
      reads += 1;
      return source;
    };
    const thumb = await store.get('job1', 0, read);
    expect(await sharp(thumb).metadata()).toMatchObject({
      format: 'webp',
      width: THUMB_SIZE,
      height: THUMB_SIZE,
    });
    expect(thumb?.length).toBeLessThan(200 * 1024);
    expect(await store.get('job1', 0, read)).toEqual(thumb);
    expect(reads).toBe(1);
  });

  it('keeps within its byte budget, removing the oldest first', async () => {
    const dir = tempDir();
    const source = await bigPng();
    const one = await new ThumbStore(tempDir(), 1e9).get('x', 0, async () => source);
    // Room for two thumbnails of noise, not three.
    const store = new ThumbStore(dir, Math.floor((one?.length ?? 0) * 2.5));
    for (const id of ['a', 'b', 'c']) {
      await store.get(id, 0, async () => source);
      await new Promise((r) => setTimeout(r, 20)); // distinct mtimes
    }
    const left = fs.readdirSync(dir).sort();
    expect(left).toEqual(['b-0.webp', 'c-0.webp']);
    const used = left.reduce((sum, f) => sum + fs.statSync(path.join(dir, f)).size, 0);
    expect(used).toBeLessThanOrEqual(Math.floor((one?.length ?? 0) * 2.5));
  });

  it('gives nothing for bytes that are not an image, or none at all', async () => {
    const store = new ThumbStore(tempDir(), 1e6);
    expect(await store.get('bad', 0, async () => Buffer.from('not an image'))).toBeUndefined();
    expect(await store.get('gone', 0, async () => undefined)).toBeUndefined();
  });
});
