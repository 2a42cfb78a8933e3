import { describe, expect, it } from 'vitest';
import {
  type EditModel,
  validateImageRequest,
  validateMidjourneyPrompt,
  validateVideoRequest,
} from '../../../src/catalog/index.js';
import { imageModel, mjModel, videoModel } from './fixtures.js';

const edit: EditModel = {
  ...imageModel({ sizes: undefined }),
  family: 'edit',
  api: 'edits',
  imageInput: { min: 1, max: 2 },
  mask: false,
};
const chatRefs = { ...imageModel({ sizes: undefined }), imageInput: { min: 0, max: 3 } };

describe('validateImageRequest', () => {
  it('applies defaults and normalises', () => {
    expect(validateImageRequest(imageModel(), { prompt: '  a fox  ' })).toEqual({
      ok: true,
      normalized: {
        prompt: 'a fox',
        size: '1024x1024',
        aspectRatio: undefined,
        n: 1,
        images: 0,
        options: {},
      },
    });
    expect(
      validateImageRequest(imageModel(), { prompt: 'a', size: '1792 × 1024', n: 4 }),
    ).toMatchObject({ ok: true, normalized: { size: '1792x1024', n: 4 } });
    // A model without sizes sends none.
    expect(validateImageRequest(edit, { prompt: 'a', images: 1 })).toMatchObject({
      ok: true,
      normalized: { size: undefined, images: 1 },
    });
  });

  it.each([
    [{ prompt: '   ' }, { code: 'prompt_empty' }],
    [{ prompt: 'x'.repeat(101) }, { code: 'prompt_too_long', limit: 100 }],
    [
      { prompt: 'a', size: '512x512' },
      { code: 'size_unsupported', allowed: ['1024x1024', '1792x1024'] },
    ],
    [
      { prompt: 'a', aspectRatio: '16:9' },
      { code: 'aspect_unsupported', allowed: [] },
    ],
    [
      { prompt: 'a', n: 5 },
      { code: 'n_out_of_range', limit: 4, allowed: ['1', '2', '3', '4'] },
    ],
    [
      { prompt: 'a', n: 0 },
      { code: 'n_out_of_range', limit: 4, allowed: ['1', '2', '3', '4'] },
    ],
    [{ prompt: 'a', images: 1 }, { code: 'image_not_supported' }],
  ])('image model: %j → %j', (req, problem) => {
    expect(validateImageRequest(imageModel(), req)).toEqual({ ok: false, problem });
  });

  describe('forwarded options', () => {
    const gpt = imageModel({
      options: {
        quality: { allowed: ['low', 'medium', 'high'], default: 'medium' },
        background: { allowed: ['auto', 'transparent'], default: 'auto' },
        outputFormat: { allowed: ['png', 'jpeg'], default: 'png' },
        seed: false,
        negativePrompt: false,
      },
    });
    const seeded = imageModel({ options: { seed: true, negativePrompt: true } });

    it('fills the declared defaults and takes a value case-insensitively', () => {
      expect(validateImageRequest(gpt, { prompt: 'a' })).toMatchObject({
        ok: true,
        normalized: { options: { quality: 'medium', background: 'auto', outputFormat: 'png' } },
      });
      expect(
        validateImageRequest(gpt, { prompt: 'a', options: { quality: ' HIGH ' } }),
      ).toMatchObject({ ok: true, normalized: { options: { quality: 'high' } } });
      expect(
        validateImageRequest(seeded, {
          prompt: 'a',
          options: { seed: 4_294_967_295, negativePrompt: ' text, frames ' },
        }),
      ).toMatchObject({
        ok: true,
        normalized: { options: { seed: 4_294_967_295, negativePrompt: 'text, frames' } },
      });
    });

    it.each([
      [
        gpt,
        { quality: 'ultra' },
        { code: 'option_unsupported', option: '--quality', allowed: ['low', 'medium', 'high'] },
      ],
      [
        gpt,
        { outputFormat: 'gif' },
        { code: 'option_unsupported', option: '--format', allowed: ['png', 'jpeg'] },
      ],
      [gpt, { seed: 7 }, { code: 'option_not_taken', option: '--seed' }],
      [gpt, { negativePrompt: 'x' }, { code: 'option_not_taken', option: '--no' }],
      [seeded, { quality: 'high' }, { code: 'option_not_taken', option: '--quality' }],
      [seeded, { background: 'transparent' }, { code: 'option_not_taken', option: '--background' }],
      [
        gpt,
        { background: 'transparent', outputFormat: 'jpeg' },
        { code: 'transparent_format', option: '--background' },
      ],
      [seeded, { seed: Number.NaN }, { code: 'seed_invalid', limit: 4_294_967_295 }],
      [seeded, { seed: 4_294_967_296 }, { code: 'seed_invalid', limit: 4_294_967_295 }],
      [seeded, { negativePrompt: 'x'.repeat(101) }, { code: 'prompt_too_long', limit: 100 }],
      [seeded, { negativePrompt: '  ' }, { code: 'prompt_empty' }],
    ])('%#: %j is refused as %j', (model, options, problem) => {
      expect(validateImageRequest(model, { prompt: 'a', options })).toEqual({ ok: false, problem });
    });
  });

  it('counts characters, not UTF-16 units', () => {
    expect(validateImageRequest(imageModel(), { prompt: '🦊'.repeat(100) }).ok).toBe(true);
  });

  it('checks attached images against imageInput', () => {
    expect(validateImageRequest(edit, { prompt: 'a' }).ok).toBe(false);
    expect(validateImageRequest(edit, { prompt: 'a' })).toEqual({
      ok: false,
      problem: { code: 'image_required', limit: 1 },
    });
    expect(validateImageRequest(edit, { prompt: 'a', images: 3 })).toEqual({
      ok: false,
      problem: { code: 'too_many_images', limit: 2 },
    });
    const twoNeeded = { ...edit, imageInput: { min: 2, max: 4 } };
    expect(validateImageRequest(twoNeeded, { prompt: 'a', images: 1 })).toEqual({
      ok: false,
      problem: { code: 'too_few_images', limit: 2 },
    });
    expect(validateImageRequest(chatRefs, { prompt: 'a', images: 3 }).ok).toBe(true);
  });
});

describe('validateVideoRequest', () => {
  const base = { prompt: 'a hummingbird', images: 0 };

  it('applies defaults', () => {
    expect(validateVideoRequest(videoModel(), base)).toEqual({
      ok: true,
      normalized: {
        prompt: 'a hummingbird',
        duration: 5,
        aspectRatio: '16:9',
        size: undefined,
        mode: 'std',
        images: 0,
      },
    });
    expect(
      validateVideoRequest(videoModel(), { ...base, duration: 10, mode: 'PRO', images: 1 }),
    ).toMatchObject({ ok: true, normalized: { duration: 10, mode: 'pro', images: 1 } });
  });

  it.each([
    [{ prompt: '' }, { code: 'prompt_empty' }],
    [{ prompt: 'x'.repeat(101) }, { code: 'prompt_too_long', limit: 100 }],
    [{ duration: 7 }, { code: 'duration_unsupported', allowed: ['5', '10'] }],
    [{ mode: 'ultra' }, { code: 'mode_unsupported', allowed: ['std', 'pro'] }],
    [{ aspectRatio: '4:3' }, { code: 'aspect_unsupported', allowed: ['16:9', '9:16'] }],
    [{ size: '1280x720' }, { code: 'size_unsupported', allowed: [] }],
  ])('video: %j → %j', (over, problem) => {
    expect(validateVideoRequest(videoModel(), { ...base, ...over })).toEqual({
      ok: false,
      problem,
    });
  });

  it('checks image-to-video support', () => {
    const textOnly = videoModel({ imageInput: { min: 0, max: 0 } });
    const imageOnly = videoModel({ imageInput: { min: 1, max: 1 } });
    expect(validateVideoRequest(textOnly, { ...base, images: 1 })).toEqual({
      ok: false,
      problem: { code: 'image_not_supported' },
    });
    expect(validateVideoRequest(imageOnly, base)).toEqual({
      ok: false,
      problem: { code: 'image_required', limit: 1 },
    });
    // First and last frame; three references.
    const frames = videoModel({ imageInput: { min: 0, max: 2 } });
    expect(validateVideoRequest(frames, { ...base, images: 2 }).ok).toBe(true);
    expect(validateVideoRequest(frames, { ...base, images: 3 })).toEqual({
      ok: false,
      problem: { code: 'too_many_images', limit: 2 },
    });
    const refs = videoModel({ imageInput: { min: 1, max: 3 }, imageRole: 'references' });
    expect(validateVideoRequest(refs, { ...base, images: 3 }).ok).toBe(true);
    // A continuation model needs the earlier video, and one of a model it extends.
    const extender = videoModel({ follows: ['kling-video-v1'] });
    expect(validateVideoRequest(extender, base)).toEqual({
      ok: false,
      problem: { code: 'source_required' },
    });
    expect(validateVideoRequest(extender, { ...base, sourceModel: 'kling-video-v1' }).ok).toBe(
      true,
    );
    expect(validateVideoRequest(extender, { ...base, sourceModel: 'sora-2' })).toEqual({
      ok: false,
      problem: { code: 'source_not_supported' },
    });
    expect(validateVideoRequest(videoModel(), { ...base, sourceModel: 'x' })).toEqual({
      ok: false,
      problem: { code: 'source_not_supported' },
    });
    const noModes = videoModel({ modes: undefined });
    expect(validateVideoRequest(noModes, { ...base, mode: 'pro' })).toEqual({
      ok: false,
      problem: { code: 'mode_unsupported', allowed: [] },
    });
  });
});

describe('validateMidjourneyPrompt', () => {
  it('drops speed flags and fixes autocorrected dashes', () => {
    expect(validateMidjourneyPrompt(mjModel(), ' a  cat\n—ar 16:9 --relax --v 7 ')).toEqual({
      ok: true,
      normalized: { prompt: 'a cat --ar 16:9 --v 7' },
    });
    // An em dash inside words is text, not a parameter.
    expect(validateMidjourneyPrompt(mjModel(), 'cat—dog')).toMatchObject({
      normalized: { prompt: 'cat—dog' },
    });
  });

  it('reports empty and too long prompts', () => {
    expect(validateMidjourneyPrompt(mjModel(), ' --fast ')).toEqual({
      ok: false,
      problem: { code: 'prompt_empty' },
    });
    expect(validateMidjourneyPrompt(mjModel(), 'x'.repeat(51))).toEqual({
      ok: false,
      problem: { code: 'prompt_too_long', limit: 50 },
    });
  });
});
