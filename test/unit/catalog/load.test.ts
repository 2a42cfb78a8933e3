import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  type CatalogError,
  defaultCatalogPath,
  FAMILIES,
  loadCatalog,
  MJ_PRICE_KINDS,
  parseCatalog,
} from '../../../src/catalog/index.js';
import { MINIMAL, SEED_VIDEO_MODELS, withLine } from './fixtures.js';

/** The lines of the CatalogError thrown for `text`, without the heading. */
function problems(text: string): string[] {
  try {
    parseCatalog(text, 'cat.yaml');
  } catch (err) {
    const e = err as CatalogError;
    expect(e.name).toBe('CatalogError');
    expect(e.message.split('\n')).toHaveLength(e.problems.length + 1);
    return e.message
      .split('\n')
      .slice(1)
      .map((l) => l.trim());
  }
  throw new Error('expected a CatalogError');
}

describe('shipped catalog', () => {
  const catalog = loadCatalog();
  const ids = catalog.models.map((m) => m.id);

  it('is found next to the module', () => {
    expect(defaultCatalogPath()).toBe(
      path.resolve(import.meta.dirname, '../../../src/catalog/default-catalog.yaml'),
    );
    expect(existsSync(defaultCatalogPath())).toBe(true);
  });

  it('has every model the gateway documents, in the right family and api', () => {
    const expected: [string, string, string][] = [
      ['flux', 'image', 'images'],
      ['flux-dev', 'image', 'images'],
      ['flux-pro', 'image', 'images'],
      ['flux-schnell', 'image', 'images'],
      ['dall-e-2', 'edit', 'edits'],
      ['dall-e-3', 'image', 'images'],
      ['recraftv3', 'image', 'images'],
      ['ideogram-generate-v3', 'image', 'images'],
      ['kling-image', 'image', 'images'],
      ['doubao-seedream-4-0-250828', 'image', 'images'],
      ['doubao-seedream-3-0-t2i-250415', 'image', 'images'],
      ['bfl/flux-pro-1.1', 'image', 'images'],
      ['bfl/flux-pro-1.1-ultra', 'image', 'images'],
      ['gpt-image-1-mini', 'image', 'images'],
      ['gemini-2.5-flash-image', 'chat-image', 'chat'],
      ['gemini-3-pro-image-preview', 'chat-image', 'chat'],
      ['nano-banana', 'chat-image', 'chat'],
      ['nano-banana-pro', 'chat-image', 'chat'],
      ['gpt-4o-image', 'chat-image', 'chat'],
      ['sora_image', 'chat-image', 'chat'],
      ['gpt-image-1', 'chat-image', 'chat'],
      ['flux-kontext-pro', 'edit', 'edits'],
      ['flux-kontext-max', 'edit', 'edits'],
      ['doubao-seededit-3-0-i2i-250628', 'edit', 'edits'],
      ['qwen-image-edit', 'edit', 'edits'],
      ['gemini-2.5-flash-image-preview', 'edit', 'chat'],
      ['mj_fast', 'midjourney', 'midjourney'],
      ['mj_relax', 'midjourney', 'midjourney'],
      ['mj_turbo', 'midjourney', 'midjourney'],
      ['niji_fast', 'midjourney', 'midjourney'],
      ['niji_relax', 'midjourney', 'midjourney'],
      ...[
        ...SEED_VIDEO_MODELS,
        'kling-video-v1-5',
        'kling-video-v1-6',
        'kling-video-v2-1',
        'kling-video-v2-5',
        'kling-lip-sync',
        'veo3.1-components',
        'wan2.5-t2v-preview',
        'wan2.5-i2v-preview',
      ].map((id): [string, string, string] => [id, 'video', 'video']),
    ];
    expect(ids.toSorted()).toEqual(expected.map(([id]) => id).toSorted());
    for (const [id, family, api] of expected)
      expect(
        catalog.models.find((m) => m.id === id),
        id,
      ).toMatchObject({ family, api });
  });

  it('encodes the gateway rules that matter', () => {
    const dalle = catalog.get('dall-e-3', 'image');
    expect(dalle?.sizes?.allowed).toEqual(['1024x1024', '1792x1024', '1024x1792']);
    expect(dalle?.n.max).toBe(1);
    expect(catalog.get('gpt-image-1-mini', 'image')?.responseFormat).toBe('none');
    expect(catalog.get('flux', 'image')?.responseFormat).toBe('url');
    expect(catalog.get('flux-kontext-pro', 'edit')?.imageInput).toEqual({ min: 1, max: 1 });
    expect(catalog.get('gpt-image-1', 'chat-image')?.imageInput.max).toBe(16);

    const sora = catalog.get('sora-2', 'video');
    const soraPro = catalog.get('sora-2-pro', 'video');
    expect(sora?.secondsAs).toBe('string');
    expect(Math.max(...(sora?.durations.allowed ?? []))).toBe(15);
    expect(Math.max(...(soraPro?.durations.allowed ?? []))).toBe(25);
    expect(catalog.get('kling-video-v2-6', 'video')?.modes?.allowed).toEqual(['std', 'pro']);
    expect(catalog.get('runwayml-gen4_turbo', 'video')?.imageInput.min).toBe(1);

    expect(catalog.get('mj_relax', 'midjourney')).toMatchObject({
      mode: 'relax',
      botType: 'MID_JOURNEY',
    });
    expect(catalog.get('niji_fast', 'midjourney')?.botType).toBe('NIJI_JOURNEY');
    for (const m of catalog.list('midjourney'))
      expect(Object.keys(m.price).toSorted()).toEqual([...MJ_PRICE_KINDS].toSorted());
  });

  it('has an enabled default per family and a query API over enabled models', () => {
    expect(catalog.families()).toEqual([...FAMILIES]);
    expect(Object.fromEntries(FAMILIES.map((f) => [f, catalog.defaultModel(f)?.id]))).toEqual({
      image: 'flux',
      'chat-image': 'nano-banana',
      edit: 'flux-kontext-pro',
      midjourney: 'mj_fast',
      video: 'kling-video-v2-6',
    });
    expect(catalog.models.find((m) => m.id === 'mj_turbo')?.enabled).toBe(false);
    expect(catalog.get('mj_turbo')).toBeUndefined();
    expect(catalog.list('midjourney').map((m) => m.id)).not.toContain('mj_turbo');
    expect(catalog.get('flux', 'video')).toBeUndefined();
    expect(catalog.list().every((m) => m.enabled)).toBe(true);
    expect(catalog.list('edit').every((m) => m.family === 'edit')).toBe(true);
    expect(Object.isFrozen(catalog.models[0])).toBe(true);
  });
});

describe('catalog errors carry file:line:col', () => {
  it('accepts the fixture', () => {
    expect(
      parseCatalog(MINIMAL, 'cat.yaml')
        .list()
        .map((m) => m.id),
    ).toEqual(['flux', 'mj']);
  });

  it('YAML syntax error', () => {
    expect(problems(withLine(9, '    title: FLUX: x'))).toEqual([
      'cat.yaml:9:12 (syntax): Nested mappings are not allowed in compact mappings [BLOCK_AS_IMPLICIT_KEY]',
    ]);
  });

  it('caps a cascade of syntax errors', () => {
    const lines = problems(withLine(12, '    n: { min: 1, max: 4, default: 1'));
    expect(lines).toHaveLength(6);
    expect(lines[0]).toMatch(/^cat\.yaml:13:5 \(syntax\): Flow map/);
    expect(lines[5]).toMatch(/\d+ more syntax errors$/);
  });

  it('unknown key (and the key it probably meant, now missing)', () => {
    expect(problems(withLine(13, '    maxPromptLenght: 2000'))).toEqual([
      'cat.yaml:6:5 models[0].maxPromptLength: is required',
      'cat.yaml:13:5 models[0].maxPromptLenght: unknown key (typo?)',
    ]);
  });

  it('wrong type', () => {
    expect(problems(withLine(12, '    n: { min: 1, max: "four", default: 1 }'))).toEqual([
      'cat.yaml:12:23 models[0].n.max: Invalid input: expected number, received string',
    ]);
  });

  it('default size not among the sizes', () => {
    expect(
      problems(withLine(11, '    sizes: { allowed: [1024x1024, 1024x768], default: 512x512 }')),
    ).toEqual([
      'cat.yaml:11:55 models[0].sizes.default: must be one of the allowed values (1024x1024, 1024x768)',
    ]);
  });

  it('duplicate id', () => {
    const extra = [
      '  - id: flux',
      '    family: image',
      '    api: images',
      '    title: Again',
      '    price: { perCall: 1 }',
      '    maxPromptLength: 10',
    ].join('\n');
    expect(problems(`${MINIMAL}${extra}\n`)).toEqual([
      'cat.yaml:35:9 models[2].id: duplicate id "flux"',
    ]);
  });

  it('missing Midjourney action price points at the price map', () => {
    expect(problems(withLine(34, null))).toEqual([
      'cat.yaml:21:5 models[1].price.describe: is required',
    ]);
  });

  it('cross-field and discriminator problems', () => {
    expect(problems(withLine(7, '    family: imgae'))[0]).toMatch(
      /^cat\.yaml:7:13 models\[0\]\.family: Invalid discriminator value/,
    );
    expect(problems(withLine(10, '    price: { perImage: 3, perCall: 2 }'))).toEqual([
      'cat.yaml:10:12 models[0].price: set exactly one of perImage, perCall',
    ]);
    expect(problems(withLine(3, '  image: mj'))).toEqual([
      'cat.yaml:3:10 defaults.image: "mj" is a midjourney model, not image',
    ]);
    expect(problems(withLine(3, '  image: nope'))).toEqual([
      'cat.yaml:3:10 defaults.image: no model with id "nope"',
    ]);
    expect(problems(withLine(12, '    n: { min: 1, max: 4, default: 5 }'))).toEqual([
      'cat.yaml:12:35 models[0].n.default: must be between min and max (1–4)',
    ]);
    expect(problems(withLine(10, '    price: { perImage: 2.5 }'))[0]).toBe(
      'cat.yaml:10:24 models[0].price.perImage: must be a whole number of minor units (e.g. cents)',
    );
    expect(problems(withLine(3, null))).toEqual([
      'cat.yaml:2:1 defaults.image: is required (the family has enabled models)',
    ]);
    // A disabled default is refused.
    const disabled = withLine(13, '    maxPromptLength: 2000\n    enabled: false');
    expect(problems(disabled)).toEqual(['cat.yaml:3:10 defaults.image: "flux" is disabled']);
    // A synchronous call holds a gateway slot: at most 15 minutes.
    expect(problems(withLine(13, '    maxPromptLength: 2000\n    timeoutSeconds: 901'))).toEqual([
      'cat.yaml:14:21 models[0].timeoutSeconds: must be at most 900',
    ]);
    // A quality price needs the quality among the options.
    expect(
      problems(withLine(10, '    price: { perImage: 3, qualityMultipliers: { hd: 2 } }')),
    ).toEqual([
      'cat.yaml:10:53 models[0].price.qualityMultipliers.hd: quality "hd" is not in options.quality.allowed',
    ]);
    expect(
      problems(
        withLine(
          13,
          '    maxPromptLength: 2000\n    options: { quality: { allowed: [low, high], default: med } }',
        ),
      )[0],
    ).toMatch(/^cat\.yaml:14:\d+ models\[0\]\.options\.quality\.default: /);
    expect(problems('')).toEqual(['cat.yaml:1:1 (root): the file is empty']);
    expect(problems('version: 1\ndefaults: {}\nmodels: []\n')).toEqual([
      'cat.yaml:3:9 models: must list at least one model',
    ]);
  });

  it('an unreadable file is a CatalogError too', () => {
    expect(() => loadCatalog('/nonexistent/catalog.yaml')).toThrow(
      /\/nonexistent\/catalog\.yaml:1:1 \(file\): cannot read/,
    );
  });
});
