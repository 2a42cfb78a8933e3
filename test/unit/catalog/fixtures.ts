import type { ImageModel, MidjourneyModel, VideoModel } from '../../../src/catalog/index.js';

/** The video families the seed document names, as the shipped catalog's model ids. */
export const SEED_VIDEO_MODELS = [
  'kling-video-v1',
  'kling-video-v2-6',
  'kling-video-v2-master',
  'kling-effects',
  'kling-video-extend',
  'sora-2',
  'sora-2-pro',
  'veo3.1',
  'veo3.1-fast',
  'veo3.1-pro',
  'veo3.1-pro-4k',
  'runwayml-gen3a_turbo',
  'runwayml-gen4_turbo',
  'runway-act_one',
  'runway-aleph',
  'hailuo',
  'seedance',
  'pika',
  'luma',
  'pixverse',
] as const;

/** A small valid catalog; tests break one line of it and check where the error lands. */
export const MINIMAL_LINES = [
  'version: 1', // 1
  'defaults:', // 2
  '  image: flux', // 3
  '  midjourney: mj', // 4
  'models:', // 5
  '  - id: flux', // 6
  '    family: image', // 7
  '    api: images', // 8
  '    title: FLUX', // 9
  '    price: { perImage: 3 }', // 10
  '    sizes: { allowed: [1024x1024, 1024x768], default: 1024x1024 }', // 11
  '    n: { min: 1, max: 4, default: 1 }', // 12
  '    maxPromptLength: 2000', // 13
  '  - id: mj', // 14
  '    family: midjourney', // 15
  '    api: midjourney', // 16
  '    title: MJ', // 17
  '    mode: fast', // 18
  '    botType: MID_JOURNEY', // 19
  '    maxPromptLength: 4000', // 20
  '    price:', // 21
  '      imagine: 10', // 22
  '      upscale: 5', // 23
  '      variation: 10', // 24
  '      low_variation: 10', // 25
  '      high_variation: 10', // 26
  '      reroll: 10', // 27
  '      zoom: 10', // 28
  '      pan: 10', // 29
  '      custom_zoom: 0', // 30
  '      inpaint: 0', // 31
  '      modal: 10', // 32
  '      blend: 10', // 33
  '      describe: 5', // 34
] as const;

export const MINIMAL = `${MINIMAL_LINES.join('\n')}\n`;

/** MINIMAL with 1-based line `line` replaced (or removed when `text` is null). */
export function withLine(line: number, text: string | null): string {
  const lines: string[] = [...MINIMAL_LINES];
  if (text === null) lines.splice(line - 1, 1);
  else lines[line - 1] = text;
  return `${lines.join('\n')}\n`;
}

/** Parsed-model builders for pricing/validation tests (what the schema would produce). */
export function imageModel(over: Partial<ImageModel> = {}): ImageModel {
  return {
    id: 'img',
    family: 'image',
    api: 'images',
    title: 'Img',
    enabled: true,
    maxPromptLength: 100,
    sizes: { allowed: ['1024x1024', '1792x1024'], default: '1024x1024' },
    n: { min: 1, max: 4, default: 1 },
    imageInput: { min: 0, max: 0 },
    price: { unit: 'image', amount: 5 },
    responseFormat: 'url',
    ...over,
  };
}

export function videoModel(over: Partial<VideoModel> = {}): VideoModel {
  return {
    id: 'vid',
    family: 'video',
    api: 'video',
    title: 'Vid',
    enabled: true,
    maxPromptLength: 100,
    durations: { allowed: [5, 10], default: 5 },
    secondsAs: 'number',
    aspectRatios: { allowed: ['16:9', '9:16'], default: '16:9' },
    modes: { allowed: ['std', 'pro'], default: 'std' },
    imageInput: { min: 0, max: 1 },
    imageRole: 'frames',
    videoInput: { min: 0, max: 0 },
    price: { unit: 'second', amount: 7, modeMultipliers: { pro: 2 } },
    ...over,
  };
}

export function mjModel(over: Partial<MidjourneyModel> = {}): MidjourneyModel {
  return {
    id: 'mj',
    family: 'midjourney',
    api: 'midjourney',
    title: 'MJ',
    enabled: true,
    maxPromptLength: 50,
    mode: 'fast',
    botType: 'MID_JOURNEY',
    imageInput: { min: 0, max: 5 },
    price: {
      imagine: 10,
      upscale: 5,
      variation: 10,
      low_variation: 10,
      high_variation: 10,
      reroll: 10,
      zoom: 10,
      pan: 10,
      custom_zoom: 0,
      inpaint: 0,
      modal: 10,
      blend: 10,
      describe: 5,
    },
    ...over,
  };
}
