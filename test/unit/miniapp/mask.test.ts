import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { checkMask } from '../../../src/miniapp/mask.js';

const solid = (width: number, height: number, background: string, channels: 3 | 4 = 3) =>
  sharp({ create: { width, height, channels, background } });

describe('masks for Vary (Region) and OpenAI edits', () => {
  it('takes a painted PNG of a 2048² image and hands it on as two levels', async () => {
    const image = await solid(2048, 2048, '#336699').png().toBuffer();
    const stroke = await solid(300, 120, '#ff3b30').png().toBuffer();
    // What the page draws: translucent strokes on a transparent canvas, exported white on black.
    const mask = await solid(2048, 2048, '#000000')
      .composite([{ input: stroke, left: 100, top: 200 }])
      .png()
      .toBuffer();
    const checked = await checkMask(mask, image);
    if (!checked.ok) throw new Error(checked.reason);
    const { data, info } = await sharp(checked.png)
      .greyscale()
      .raw()
      .toBuffer({ resolveWithObject: true });
    expect([info.width, info.height]).toEqual([2048, 2048]);
    expect(new Set(data)).toEqual(new Set([0, 255]));
    expect(data[250 * 2048 + 150]).toBe(255);
    expect(data[2047 * 2048 + 2047]).toBe(0);
  });

  it('refuses a wrong size, another format, an empty or a transparent mask, and garbage', async () => {
    const image = await solid(1024, 1024, '#336699').png().toBuffer();
    const white = (w: number, h: number) => solid(w, h, '#ffffff').png().toBuffer();
    expect(await checkMask(await white(1024, 1023), image)).toEqual({
      ok: false,
      reason: 'wrong_size',
    });
    const jpeg = await solid(1024, 1024, '#ffffff').jpeg().toBuffer();
    expect(await checkMask(jpeg, image)).toEqual({ ok: false, reason: 'not_png' });
    const black = await solid(1024, 1024, '#000000').png().toBuffer();
    expect(await checkMask(black, image)).toEqual({ ok: false, reason: 'empty' });
    // Nothing opaque: transparent pixels count as kept.
    const clear = await solid(1024, 1024, '#ffffff00', 4).png().toBuffer();
    expect(await checkMask(clear, image)).toEqual({ ok: false, reason: 'empty' });
    expect(await checkMask(Buffer.from('not a png'), image)).toEqual({
      ok: false,
      reason: 'not_png',
    });
  });

  it('hands a painted 2048² mask to OpenAI as alpha: transparent where painted, opaque elsewhere', async () => {
    const image = await solid(2048, 2048, '#336699').png().toBuffer();
    const stroke = await solid(300, 120, '#ffffff').png().toBuffer();
    const mask = await solid(2048, 2048, '#000000')
      .composite([{ input: stroke, left: 100, top: 200 }])
      .png()
      .toBuffer();
    const checked = await checkMask(mask, image, 'openai');
    if (!checked.ok) throw new Error(checked.reason);
    const meta = await sharp(checked.png).metadata();
    expect([meta.format, meta.width, meta.height, meta.hasAlpha]).toEqual([
      'png',
      2048,
      2048,
      true,
    ]);
    const { data, info } = await sharp(checked.png).raw().toBuffer({ resolveWithObject: true });
    expect(info.channels).toBe(4);
    const alphaAt = (x: number, y: number) => data[(y * 2048 + x) * 4 + 3];
    expect(alphaAt(150, 250)).toBe(0);
    expect(alphaAt(2047, 2047)).toBe(255);
    let transparent = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] === 0) transparent++;
    expect(transparent).toBe(300 * 120);
    // The same drawing in Midjourney's form: white exactly where OpenAI's is transparent.
    const mj = await checkMask(mask, image, 'midjourney');
    if (!mj.ok) throw new Error(mj.reason);
    const levels = await sharp(mj.png).greyscale().raw().toBuffer();
    expect(levels.filter((v) => v === 255).length).toBe(transparent);
  });

  it('refuses for OpenAI what it refuses for Midjourney', async () => {
    const image = await solid(512, 512, '#336699').png().toBuffer();
    const black = await solid(512, 512, '#000000').png().toBuffer();
    expect(await checkMask(black, image, 'openai')).toEqual({ ok: false, reason: 'empty' });
    const small = await solid(256, 256, '#ffffff').png().toBuffer();
    expect(await checkMask(small, image, 'openai')).toEqual({ ok: false, reason: 'wrong_size' });
    const webp = await solid(512, 512, '#ffffff').webp().toBuffer();
    expect(await checkMask(webp, image, 'openai')).toEqual({ ok: false, reason: 'not_png' });
  });
});
