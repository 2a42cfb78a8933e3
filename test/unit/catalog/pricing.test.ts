import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isImageLike,
  loadCatalog,
  MAX_PRICE,
  MJ_PRICE_KINDS,
  optionsOf,
  priceImage,
  priceMidjourney,
  priceVideo,
  type VideoMode,
} from '../../../src/catalog/index.js';
import { imageModel, mjModel, videoModel } from './fixtures.js';

const catalog = loadCatalog();
const isPrice = (p: number) => Number.isSafeInteger(p) && p >= 0;

const amount = fc.integer({ min: 0, max: MAX_PRICE });
/** Multipliers as the schema allows them: positive, ≤ 100, at most 4 decimals. */
const multiplier = fc.integer({ min: 1, max: 1_000_000 }).map((bp) => bp / 10_000);
const mode = fc.constantFrom<VideoMode>('std', 'pro');

describe('priceImage', () => {
  it('is perImage × n or a flat perCall', () => {
    expect(priceImage(imageModel(), { n: 3 })).toBe(15);
    expect(priceImage(imageModel({ price: { unit: 'call', amount: 8 } }), { n: 3 })).toBe(8);
    expect(() => priceImage(imageModel(), { n: 0 })).toThrow(RangeError);
    expect(() => priceImage(imageModel(), { n: 1.5 })).toThrow(RangeError);
  });

  it('is a non-negative integer, monotone in n (property)', () => {
    fc.assert(
      fc.property(
        amount,
        fc.constantFrom('image' as const, 'call' as const),
        fc.integer({ min: 1, max: 10 }),
        fc.integer({ min: 1, max: 10 }),
        (a, unit, n1, n2) => {
          const m = imageModel({ price: { unit, amount: a } });
          const [lo, hi] = n1 <= n2 ? [n1, n2] : [n2, n1];
          const p1 = priceImage(m, { n: lo });
          const p2 = priceImage(m, { n: hi });
          expect(isPrice(p1) && isPrice(p2)).toBe(true);
          expect(p1).toBeLessThanOrEqual(p2);
        },
      ),
    );
  });

  it('multiplies by the quality asked for, rounding up once', () => {
    const m = imageModel({
      price: { unit: 'image', amount: 5, qualityMultipliers: { low: 0.5, high: 3 } },
    });
    expect(priceImage(m, { n: 1, quality: 'low' })).toBe(3); // 2.5 → 3
    expect(priceImage(m, { n: 3, quality: 'low' })).toBe(8); // 7.5 → 8, not 3 × 3
    expect(priceImage(m, { n: 2, quality: 'high' })).toBe(30);
    // A quality without a multiplier is the base price.
    expect(priceImage(m, { n: 2, quality: 'medium' })).toBe(10);
    expect(priceImage(m, { n: 2 })).toBe(10);
  });

  it('prices every shipped image model for every allowed n', () => {
    for (const m of catalog.models.filter(isImageLike))
      for (let n = m.n.min; n <= m.n.max; n++)
        for (const quality of optionsOf(m)?.quality?.allowed ?? [undefined])
          expect(isPrice(priceImage(m, { n, quality }))).toBe(true);
  });
});

describe('priceVideo', () => {
  it('multiplies per second and per mode, rounding up once', () => {
    const m = videoModel(); // 7/s, pro ×2
    expect(priceVideo(m, { duration: 5 })).toBe(35);
    expect(priceVideo(m, { duration: 5, mode: 'std' })).toBe(35);
    expect(priceVideo(m, { duration: 10, mode: 'pro' })).toBe(140);
    const kling16 = catalog.get('kling-video-v1-6', 'video');
    if (!kling16) throw new Error('kling-video-v1-6 missing');
    expect(priceVideo(kling16, { duration: 5, mode: 'pro' })).toBe(44); // 25 × 1.75 = 43.75
    // 10 × 1.1 is 11.000000000000002 in floats; basis points keep it exactly 11.
    const m11 = videoModel({ price: { unit: 'call', amount: 10, modeMultipliers: { pro: 1.1 } } });
    expect(priceVideo(m11, { duration: 5, mode: 'pro' })).toBe(11);
    expect(priceVideo(m11, { duration: 10, mode: 'pro' })).toBe(11);
    const noModes = videoModel({
      modes: undefined,
      price: { unit: 'call', amount: 9, modeMultipliers: {} },
    });
    expect(priceVideo(noModes, { duration: 10 })).toBe(9);
    expect(() => priceVideo(m, { duration: 0 })).toThrow(RangeError);
  });

  it('is a non-negative integer, monotone in duration, ≥ the base (property)', () => {
    fc.assert(
      fc.property(
        amount,
        fc.constantFrom('second' as const, 'call' as const),
        multiplier,
        mode,
        fc.integer({ min: 1, max: 600 }),
        fc.integer({ min: 1, max: 600 }),
        (a, unit, mult, md, d1, d2) => {
          const m = videoModel({ price: { unit, amount: a, modeMultipliers: { pro: mult } } });
          const [lo, hi] = d1 <= d2 ? [d1, d2] : [d2, d1];
          const p1 = priceVideo(m, { duration: lo, mode: md });
          const p2 = priceVideo(m, { duration: hi, mode: md });
          expect(isPrice(p1) && isPrice(p2)).toBe(true);
          expect(p1).toBeLessThanOrEqual(p2);
          const base = unit === 'second' ? a * lo : a;
          if (md === 'pro') {
            // Rounded up: never below the exact product, never a whole unit above it.
            const exact = BigInt(base) * BigInt(Math.round(mult * 10_000));
            expect(BigInt(p1) * 10_000n >= exact).toBe(true);
            expect(BigInt(p1 - 1) * 10_000n < exact).toBe(true);
          } else expect(p1).toBe(base);
        },
      ),
    );
  });

  it('prices every shipped video model for every allowed duration and mode', () => {
    for (const m of catalog.models)
      if (m.family === 'video')
        for (const duration of m.durations.allowed)
          for (const md of m.modes?.allowed ?? [undefined])
            expect(isPrice(priceVideo(m, { duration, mode: md }))).toBe(true);
  });
});

describe('priceMidjourney', () => {
  it('reads the action price', () => {
    expect(priceMidjourney(mjModel(), 'upscale')).toBe(5);
    const relax = catalog.get('mj_relax', 'midjourney');
    const fast = catalog.get('mj_fast', 'midjourney');
    if (!relax || !fast) throw new Error('MJ models missing');
    for (const kind of MJ_PRICE_KINDS) {
      expect(isPrice(priceMidjourney(fast, kind))).toBe(true);
      expect(priceMidjourney(relax, kind)).toBeLessThanOrEqual(priceMidjourney(fast, kind));
    }
  });
});
