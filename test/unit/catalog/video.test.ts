import { describe, expect, it } from 'vitest';
import { loadCatalog, priceVideo, type VideoModel } from '../../../src/catalog/index.js';
import { SEED_VIDEO_MODELS } from './fixtures.js';

/** The shipped catalog against the seed document's list of video families. */
describe('default catalog: video models', () => {
  const catalog = loadCatalog();
  const video = catalog.models.filter((m): m is VideoModel => m.family === 'video');
  const byId = (id: string) => {
    const m = video.find((v) => v.id === id);
    if (!m) throw new Error(`${id} missing`);
    return m;
  };

  it('lists every family the seed names', () => {
    const ids = video.map((m) => m.id);
    for (const id of SEED_VIDEO_MODELS) expect(ids).toContain(id);
    expect(ids.some((id) => id.startsWith('wan2.'))).toBe(true);
  });

  it('sora-2 goes up to 15 s and sora-2-pro up to 25 s, both with seconds as a string and sizes', () => {
    const sora = byId('sora-2');
    const pro = byId('sora-2-pro');
    expect(Math.max(...sora.durations.allowed)).toBe(15);
    expect(Math.max(...pro.durations.allowed)).toBe(25);
    for (const m of [sora, pro]) {
      expect(m.secondsAs).toBe('string');
      expect(m.sizes?.allowed).toContain('1280x720');
      expect(m.aspectRatios).toBeUndefined();
    }
  });

  it('kling has std/pro modes priced by multiplier; runway needs an image; prices are per call or per second', () => {
    const kling = byId('kling-video-v2-6');
    expect(kling.modes?.allowed).toEqual(['std', 'pro']);
    expect(priceVideo(kling, { duration: 10, mode: 'pro' })).toBe(
      2 * priceVideo(kling, { duration: 10, mode: 'std' }),
    );
    expect(byId('runwayml-gen4_turbo').imageInput.min).toBe(1);
    expect(byId('kling-video-v2-master').modes).toBeUndefined();
    expect(byId('veo3.1').price.unit).toBe('call');
    expect(byId('sora-2').price.unit).toBe('second');
    // Every enabled model can be priced at each of its durations.
    for (const m of video.filter((v) => v.enabled))
      for (const d of m.durations.allowed)
        expect(priceVideo(m, { duration: d })).toBeGreaterThan(0);
  });

  it('the default video model takes text alone', () => {
    expect(catalog.defaultModel('video')?.imageInput.min).toBe(0);
  });
});
