import { describe, expect, it } from 'vitest';
import {
  editModelFor,
  generationModel,
  isGenerationModel,
  optionFlags,
  parsePromptFlags,
  patchForGenerationModel,
  preferredEditModel,
  prepareImageJob,
  storedParamsFor,
} from '../../../../src/bot/images/request.js';
import { type ImageLikeModel, loadCatalog } from '../../../../src/catalog/index.js';
import { imageJobParams } from '../../../../src/jobs/image-params.js';

const catalog = loadCatalog();
const model = (id: string) => {
  const m = catalog.get(id);
  if (!m || (m.family !== 'image' && m.family !== 'chat-image' && m.family !== 'edit'))
    throw new Error(`no image model ${id}`);
  return m as ImageLikeModel;
};

describe('which model a request uses', () => {
  it('the user’s generation model, or the default when theirs is gone or of another family', () => {
    expect(generationModel(catalog, {})?.id).toBe('flux');
    expect(generationModel(catalog, { imageModel: 'nano-banana' })?.id).toBe('nano-banana');
    expect(generationModel(catalog, { imageModel: 'mj_fast' })?.id).toBe('flux');
    expect(generationModel(catalog, { imageModel: 'mj_turbo' })?.id).toBe('flux');
    expect(generationModel(catalog, { imageModel: 'no-such-model' })?.id).toBe('flux');
  });

  it('edits: the user’s model when it takes that many photos, else one that does', () => {
    expect(preferredEditModel(catalog, {})?.id).toBe('flux-kontext-pro');
    expect(editModelFor(catalog, {}, 1)?.id).toBe('flux-kontext-pro');
    expect(editModelFor(catalog, {}, 3)?.id).toBe('gemini-2.5-flash-image-preview');
    expect(editModelFor(catalog, {}, 5)?.id).toBe('nano-banana-pro');
    expect(editModelFor(catalog, { editModel: 'gpt-image-1' }, 5)?.id).toBe('gpt-image-1');
    // A chat model without image input cannot edit: the default is used.
    expect(preferredEditModel(catalog, { editModel: 'flux' })?.id).toBe('flux-kontext-pro');
    // Nobody takes 20: the one that takes the most, so validation names its limit.
    const widest = editModelFor(catalog, {}, 20);
    expect(widest?.imageInput.max).toBe(16);
  });
});

describe('stored parameters', () => {
  it('keeps only what the model allows', () => {
    const settings = { imageSize: '1280x720', imageAspect: '16:9', imageN: 3 };
    expect(storedParamsFor(model('flux'), settings)).toEqual({ size: '1280x720', n: 3 });
    expect(storedParamsFor(model('dall-e-3'), settings)).toEqual({});
    expect(storedParamsFor(model('bfl/flux-pro-1.1-ultra'), settings)).toEqual({
      aspectRatio: '16:9',
    });
  });

  it('switching the model clears what the new one cannot use', () => {
    const gen = (id: string) => {
      const m = catalog.get(id);
      if (!isGenerationModel(m)) throw new Error(`${id} is not a generation model`);
      return m;
    };
    const settings = { imageModel: 'flux', imageSize: '1280x720', imageN: 3 };
    expect(patchForGenerationModel(gen('dall-e-3'), settings)).toEqual({
      imageModel: 'dall-e-3',
      imageSize: null,
      imageAspect: null,
      imageN: null,
    });
    expect(patchForGenerationModel(gen('flux-pro'), settings)).toMatchObject({
      imageSize: '1280x720',
      imageN: 3,
    });
  });
});

describe('prompt flags', () => {
  it.each([
    ['a fox', { prompt: 'a fox' }],
    ['a fox --ar 16:9', { prompt: 'a fox', aspectRatio: '16:9' }],
    ['--n 2 a fox --size 1024x768', { prompt: 'a fox', n: 2, size: '1024x768' }],
    ['a fox --aspect=3/4', { prompt: 'a fox', aspectRatio: '3:4' }],
    ['a fox --n two', { prompt: 'a fox', n: Number.NaN }],
    ['a fox -- and a hound --stylize 50', { prompt: 'a fox -- and a hound --stylize 50' }],
    ['  spaced   out  ', { prompt: 'spaced out' }],
    ['--n 2', { prompt: '', n: 2 }],
    [
      'a fox --quality high --bg transparent --format=webp --seed 42',
      {
        prompt: 'a fox',
        options: { quality: 'high', background: 'transparent', outputFormat: 'webp', seed: 42 },
      },
    ],
    ['a fox --seed -1', { prompt: 'a fox', options: { seed: Number.NaN } }],
    [
      'a fox --no snow, trees --ar 16:9 at dusk',
      { prompt: 'a fox at dusk', aspectRatio: '16:9', options: { negativePrompt: 'snow, trees' } },
    ],
    ['a fox --no text', { prompt: 'a fox', options: { negativePrompt: 'text' } }],
    ['a fox --no-border art', { prompt: 'a fox --no-border art' }],
  ])('%s', (text, expected) => {
    expect(parsePromptFlags(text)).toEqual(expected);
  });

  it('keeps line breaks of a long prompt', () => {
    expect(parsePromptFlags('line one\nline two').prompt).toBe('line one\nline two');
  });
});

/** A generate request for the catalog model `id`. */
const generate = (
  id: string,
  prompt: string,
  extra: Omit<Parameters<typeof prepareImageJob>[0], 'model' | 'kind' | 'prompt'> = {},
) => prepareImageJob({ model: model(id), kind: 'generate', prompt, ...extra });

describe('job drafts', () => {
  it('forwards the options and prices by quality', () => {
    const prepared = generate('gpt-image-1-mini', 'a fox', {
      n: 2,
      options: { quality: 'high', background: 'transparent' },
    });
    expect(prepared.ok && prepared.draft).toMatchObject({
      price: 24,
      params: { quality: 'high', background: 'transparent', outputFormat: 'png' },
    });
    if (prepared.ok)
      expect(imageJobParams.parse(prepared.draft.params)).toMatchObject({
        quality: 'high',
      });
    expect(
      generate('flux', 'a fox', {
        options: { quality: 'high' },
      }),
    ).toMatchObject({ ok: false, problem: { code: 'option_not_taken', option: '--quality' } });
  });

  it('names the option flags a model takes, and none for others', () => {
    expect(optionFlags(model('gpt-image-1-mini'))).toBe(
      '--quality low|medium|high, --background auto|opaque|transparent, --format png|jpeg|webp',
    );
    expect(optionFlags(model('ideogram-generate-v3'))).toBe('--seed N, --no …');
    expect(optionFlags(model('nano-banana'))).toBeUndefined();
  });

  it('images API: params the runner reads, priced per image', () => {
    const prepared = generate('flux', ' a fox ', {
      n: 3,
      replyToMessageId: 7,
    });
    expect(prepared).toEqual({
      ok: true,
      draft: {
        family: 'image',
        kind: 'generate',
        model: 'flux',
        price: 9,
        replyToMessageId: 7,
        params: {
          api: 'images',
          prompt: 'a fox',
          n: 3,
          size: '1024x1024',
          responseFormat: 'url',
          inputs: [],
        },
      },
    });
    if (prepared.ok) expect(imageJobParams.parse(prepared.draft.params).prompt).toBe('a fox');
  });

  it('chat models: priced per call, no response format', () => {
    const prepared = generate('nano-banana', 'x');
    expect(prepared.ok && prepared.draft).toMatchObject({
      family: 'chat-image',
      price: 4,
      params: { api: 'chat', n: 1, inputs: [] },
    });
    expect(prepared.ok && prepared.draft.params).not.toHaveProperty('responseFormat');
  });

  it('edits: family edit, inputs by file id, the model’s api', () => {
    const multipart = prepareImageJob({
      model: model('flux-kontext-pro'),
      kind: 'edit',
      prompt: 'blue',
      inputs: [{ fileId: 'F1', uniqueId: 'U1' }],
      parentJobId: 'p',
    });
    expect(multipart.ok && multipart.draft).toMatchObject({
      family: 'edit',
      kind: 'edit',
      parentJobId: 'p',
      params: { api: 'edits', inputs: [{ fileId: 'F1', uniqueId: 'U1' }] },
    });
    const chat = prepareImageJob({
      model: model('nano-banana'),
      kind: 'edit',
      prompt: 'blue',
      inputs: [{ fileId: 'A' }, { fileId: 'B' }],
    });
    expect(chat.ok && chat.draft).toMatchObject({ family: 'edit', params: { api: 'chat' } });
  });

  it('problems carry what the message needs: the model, the limit, the allowed values, the length', () => {
    expect(generate('flux', '   ')).toMatchObject({
      ok: false,
      problem: { code: 'prompt_empty' },
    });
    expect(generate('flux', '😀'.repeat(2001))).toEqual({
      ok: false,
      model: 'FLUX',
      promptLength: 2001,
      problem: { code: 'prompt_too_long', limit: 2000 },
    });
    expect(generate('dall-e-3', 'x', { size: '512x512' })).toMatchObject({
      ok: false,
      problem: { code: 'size_unsupported', allowed: ['1024x1024', '1792x1024', '1024x1792'] },
    });
    expect(
      prepareImageJob({
        model: model('flux-kontext-pro'),
        kind: 'edit',
        prompt: 'x',
        inputs: [{ fileId: 'a' }, { fileId: 'b' }],
      }),
    ).toMatchObject({ ok: false, problem: { code: 'too_many_images', limit: 1 } });
    expect(
      generate('flux', 'x', {
        inputs: [{ fileId: 'a' }],
      }),
    ).toMatchObject({
      ok: false,
      problem: { code: 'image_not_supported' },
    });
  });
});
