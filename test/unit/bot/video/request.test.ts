import { describe, expect, it } from 'vitest';
import { modelToken } from '../../../../src/bot/settings/callback-data.js';
import {
  encodeVideo,
  parseVideo,
  type VideoAction,
} from '../../../../src/bot/video/callback-data.js';
import type { VideoDraft } from '../../../../src/bot/video/drafts.js';
import {
  applyFlags,
  choiceFor,
  choiceFromSettings,
  modelsForInput,
  nearestShape,
  parseVideoFlags,
  prepareVideoJob,
  videoModelFor,
} from '../../../../src/bot/video/request.js';
import { mainScreen, modelByToken, modelsScreen } from '../../../../src/bot/video/screen.js';
import { loadCatalog, type VideoModel } from '../../../../src/catalog/index.js';
import { toSubmitRequest, videoJobParams } from '../../../../src/jobs/video/params.js';

const catalog = loadCatalog();
const model = (id: string): VideoModel => {
  const m = catalog.get(id, 'video');
  if (!m) throw new Error(id);
  return m;
};
const kling = model('kling-video-v2-6');
const sora = model('sora-2');
const soraPro = model('sora-2-pro');
const wanT2v = model('wan2.5-t2v-preview');
const runway = model('runwayml-gen4_turbo');

describe('video flags', () => {
  it('takes --duration/--seconds/--d, --ar/--aspect, --size and --mode out of the prompt', () => {
    expect(parseVideoFlags('a fox --duration 10 --ar 9/16 running --mode PRO')).toEqual({
      prompt: 'a fox running',
      duration: 10,
      aspectRatio: '9:16',
      mode: 'pro',
    });
    expect(parseVideoFlags('--seconds=12s waves --size 1280×720')).toEqual({
      prompt: 'waves',
      duration: 12,
      size: '1280x720',
    });
    expect(parseVideoFlags('x --d five').duration).toBeNaN();
    expect(parseVideoFlags('about --dogs and cats').prompt).toBe('about --dogs and cats');
  });

  it('refuses what the model does not offer, with the allowed values', () => {
    const base = choiceFor(kling, {});
    expect(applyFlags(kling, base, { prompt: 'x', duration: 7 })).toEqual({
      ok: false,
      problem: { code: 'duration_unsupported', allowed: ['5', '10'] },
    });
    expect(applyFlags(kling, base, { prompt: 'x', aspectRatio: '4:3' })).toMatchObject({
      ok: false,
      problem: { code: 'aspect_unsupported' },
    });
    expect(applyFlags(kling, base, { prompt: 'x', mode: 'ultra' })).toEqual({
      ok: false,
      problem: { code: 'mode_unsupported', allowed: ['std', 'pro'] },
    });
    expect(
      applyFlags(model('veo3.1'), choiceFor(model('veo3.1'), {}), { prompt: 'x', mode: 'pro' }),
    ).toMatchObject({ ok: false, problem: { code: 'mode_unsupported', allowed: [] } });
    expect(applyFlags(sora, choiceFor(sora, {}), { prompt: 'x', size: '1792x1024' })).toEqual({
      ok: false,
      problem: { code: 'size_unsupported', allowed: ['720x1280', '1280x720'] },
    });
  });

  it('translates an exact ratio to a size (and a size to a ratio)', () => {
    expect(
      applyFlags(sora, choiceFor(sora, {}), { prompt: 'x', aspectRatio: '16:9' }),
    ).toMatchObject({ ok: true, choice: { shape: '1280x720' } });
    expect(
      applyFlags(kling, choiceFor(kling, {}), { prompt: 'x', size: '720x1280' }),
    ).toMatchObject({ ok: true, choice: { shape: '9:16' } });
  });
});

describe('stored choices', () => {
  it('starts from the user model, else the catalog default', () => {
    expect(videoModelFor(catalog, { videoModel: 'sora-2' })?.id).toBe('sora-2');
    expect(videoModelFor(catalog, { videoModel: 'gone-model' })?.id).toBe('kling-video-v2-6');
    expect(videoModelFor(catalog, { videoModel: 'flux' })?.id).toBe('kling-video-v2-6');
  });

  it('keeps what the model offers, maps a shape to the nearest one, defaults the rest', () => {
    expect(
      choiceFromSettings(kling, { videoDuration: 10, videoAspect: '9:16', videoMode: 'pro' }),
    ).toEqual({ model: kling.id, duration: 10, shape: '9:16', mode: 'pro' });
    expect(
      choiceFromSettings(sora, { videoDuration: 10, videoAspect: '9:16', videoMode: 'pro' }),
    ).toEqual({ model: sora.id, duration: 10, shape: '720x1280' });
    expect(choiceFromSettings(sora, { videoDuration: 25, videoAspect: '16:9' })).toEqual({
      model: sora.id,
      duration: 8,
      shape: '1280x720',
    });
    expect(nearestShape(kling, '1792x1024')).toBe('16:9');
    expect(nearestShape(kling, 'nonsense')).toBe('16:9');
    expect(nearestShape(model('hailuo'), '16:9')).toBeUndefined();
  });

  it('offers models that fit the input', () => {
    expect(modelsForInput(catalog, { images: 0 }).map((m) => m.id)).not.toContain(runway.id);
    expect(modelsForInput(catalog, { images: 1 }).map((m) => m.id)).toContain(runway.id);
    expect(modelsForInput(catalog, { images: 1 }).map((m) => m.id)).not.toContain(wanT2v.id);
    // Two photos: first-and-last-frame models and reference models; three: references only.
    const two = modelsForInput(catalog, { images: 2 }).map((m) => m.id);
    expect(two).toEqual(expect.arrayContaining(['veo3.1', 'luma', 'veo3.1-components']));
    expect(two).not.toContain(runway.id);
    expect(modelsForInput(catalog, { images: 3 }).map((m) => m.id)).toEqual(['veo3.1-components']);
  });
});

describe('prepareVideoJob', () => {
  it('t2v on kling: ratio, mode, number duration, priced per second with the pro multiplier', () => {
    const prepared = prepareVideoJob({
      model: kling,
      choice: { model: kling.id, duration: 10, shape: '9:16', mode: 'pro' },
      prompt: '  a fox  ',
      replyToMessageId: 5,
    });
    expect(prepared).toEqual({
      ok: true,
      draft: {
        family: 'video',
        kind: 't2v',
        model: kling.id,
        params: {
          prompt: 'a fox',
          duration: 10,
          secondsAs: 'number',
          aspectRatio: '9:16',
          mode: 'pro',
        },
        price: 7 * 10 * 2,
        replyToMessageId: 5,
      },
    });
    if (!prepared.ok) return;
    const params = videoJobParams.parse(prepared.draft.params);
    expect(toSubmitRequest(kling.id, params)).toEqual({
      model: kling.id,
      prompt: 'a fox',
      duration: 10,
      aspectRatio: '9:16',
      metadata: { aspect_ratio: '9:16' },
      mode: 'pro',
    });
  });

  it('i2v on sora: size, seconds as a string, the image bytes inline', () => {
    const prepared = prepareVideoJob({
      model: soraPro,
      choice: { model: soraPro.id, duration: 25, shape: '1792x1024' },
      prompt: 'paper plane',
      inputs: [{ fileId: 'F1', uniqueId: 'U1' }],
    });
    expect(prepared.ok && prepared.draft.kind).toBe('i2v');
    expect(prepared.ok && prepared.draft.price).toBe(30 * 25);
    if (!prepared.ok) return;
    const params = videoJobParams.parse(prepared.draft.params);
    const image = { data: Buffer.from('png'), mime: 'image/png' };
    expect(toSubmitRequest(soraPro.id, params, { images: [image] })).toEqual({
      model: soraPro.id,
      prompt: 'paper plane',
      duration: 25,
      seconds: '25',
      size: '1792x1024',
      images: { role: 'frames', files: [image] },
    });
  });

  it('several photos keep their order and the model’s role; old jobs with one `input` still parse', () => {
    const refs = model('veo3.1-components');
    const prepared = prepareVideoJob({
      model: refs,
      choice: choiceFor(refs, {}),
      prompt: 'a chef in this kitchen',
      inputs: [{ fileId: 'A' }, { fileId: 'B' }, { fileId: 'C' }],
    });
    expect(prepared.ok && prepared.draft.params).toMatchObject({
      inputs: [{ fileId: 'A' }, { fileId: 'B' }, { fileId: 'C' }],
      imageRole: 'references',
    });
    expect(
      prepareVideoJob({
        model: model('veo3.1'),
        choice: choiceFor(model('veo3.1'), {}),
        prompt: 'x',
        inputs: [{ fileId: 'A' }, { fileId: 'B' }, { fileId: 'C' }],
      }),
    ).toMatchObject({ ok: false, problem: { code: 'too_many_images', limit: 2 } });
    expect(
      videoJobParams.parse({ prompt: 'p', duration: 5, input: { fileId: 'OLD', uniqueId: 'U' } }),
    ).toMatchObject({ inputs: [{ fileId: 'OLD', uniqueId: 'U' }], imageRole: 'frames' });
  });

  it('refuses before any charge: too long, image not taken, image required', () => {
    const tooLong = prepareVideoJob({
      model: kling,
      choice: choiceFor(kling, {}),
      prompt: 'x'.repeat(2501),
    });
    expect(tooLong).toMatchObject({
      ok: false,
      problem: { code: 'prompt_too_long', limit: 2500 },
      promptLength: 2501,
    });
    expect(
      prepareVideoJob({
        model: wanT2v,
        choice: choiceFor(wanT2v, {}),
        prompt: 'x',
        inputs: [{ fileId: 'F' }],
      }),
    ).toMatchObject({ ok: false, problem: { code: 'image_not_supported' } });
    expect(
      prepareVideoJob({ model: runway, choice: choiceFor(runway, {}), prompt: 'x' }),
    ).toMatchObject({ ok: false, problem: { code: 'image_required' } });
    expect(
      prepareVideoJob({
        model: kling,
        choice: { ...choiceFor(kling, {}), duration: 7 },
        prompt: 'x',
      }),
    ).toMatchObject({ ok: false, problem: { code: 'duration_unsupported' } });
  });
});

describe('video buttons and screens', () => {
  const draft: VideoDraft = {
    id: 'AbCd_-12',
    userId: 1,
    chatId: 1,
    prompt: 'a <b>fox</b>',
    ...choiceFor(soraPro, {}),
    view: 'main',
  };
  const deps = {
    catalog,
    t: (key: string, vars?: Record<string, string | number>) =>
      `${key}${vars ? JSON.stringify(vars) : ''}`,
    money: (n: number) => `$${(n / 100).toFixed(2)}`,
    ownKey: false,
  };

  it('round-trips every action and refuses forged data', () => {
    const actions: VideoAction[] = [
      { op: 'models' },
      { op: 'back' },
      { op: 'model', token: modelToken('sora-2-pro') },
      { op: 'duration', value: 25 },
      { op: 'shape', value: '16:9' },
      { op: 'shape', value: '1792x1024' },
      { op: 'mode', value: 'pro' },
      { op: 'confirm' },
      { op: 'cancel' },
    ];
    for (const a of actions)
      expect(parseVideo(encodeVideo(draft.id, a))).toEqual({ draftId: draft.id, action: a });
    for (const bad of [
      'v:short:ok',
      'v:AbCd_-12:ok:1',
      'v:AbCd_-12:d:x',
      'v:AbCd_-12:o:max',
      'v:AbCd_-12:a:16/9',
      'v:AbCd_-12:zz',
    ])
      expect(parseVideo(bad)).toBeUndefined();
  });

  it('the main screen: every choice, the price on the confirm button, escaped prompt, ≤ 64-byte data', () => {
    const screen = mainScreen(deps, draft, soraPro);
    const buttons = screen.keyboard.inline_keyboard.flat();
    for (const b of buttons)
      expect(
        Buffer.byteLength('callback_data' in b ? (b.callback_data ?? '') : ''),
      ).toBeLessThanOrEqual(64);
    const texts = buttons.map((b) => b.text);
    expect(texts).toContain('✓ video-duration-label{"seconds":8}');
    expect(texts).toContain('1792x1024');
    expect(texts).toContain('video-button-confirm{"price":"$2.40"}');
    expect(screen.text).toContain('a &lt;b&gt;fox&lt;/b&gt;');
    expect(screen.text).toContain('video-screen-price{"price":"$2.40"}');
    // Seven lengths wrap into rows of at most four.
    expect(Math.max(...screen.keyboard.inline_keyboard.map((r) => r.length))).toBeLessThanOrEqual(
      4,
    );
  });

  it('one value is no choice; own-key users see no price; a warning is shown', () => {
    const veo = model('veo3.1');
    const screen = mainScreen(
      { ...deps, ownKey: true },
      { ...draft, ...choiceFor(veo, {}) },
      veo,
      'nope',
    );
    const texts = screen.keyboard.inline_keyboard.flat().map((b) => b.text);
    expect(texts.some((t) => t.startsWith('video-duration-label'))).toBe(false);
    expect(texts).toContain('video-button-confirm-own');
    expect(screen.text).toContain('video-screen-own-key');
    expect(screen.text).toContain('⚠️ nope');
  });

  it('the model list fits the input and resolves tokens of fitting models only', () => {
    const withPhoto = { ...draft, input: { fileId: 'F' } };
    const texts = modelsScreen(deps, withPhoto)
      .keyboard.inline_keyboard.flat()
      .map((b) => b.text);
    expect(texts.some((t) => t.includes(runway.title))).toBe(true);
    expect(texts.some((t) => t.startsWith(`${wanT2v.title} ·`))).toBe(false);
    expect(modelByToken(catalog, withPhoto, modelToken(runway.id))?.id).toBe(runway.id);
    expect(modelByToken(catalog, draft, modelToken(runway.id))).toBeUndefined();
  });
});
