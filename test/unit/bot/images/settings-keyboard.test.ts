import type { InlineKeyboard } from 'grammy';
import { describe, expect, it } from 'vitest';
import { createI18n, LOCALES } from '../../../../src/bot/i18n.js';
import { modelToken, SETTINGS_FAMILIES } from '../../../../src/bot/settings/callback-data.js';
import {
  countsScreen,
  familiesScreen,
  homeScreen,
  modelByToken,
  modelsFor,
  modelsScreen,
  type ScreenDeps,
  sizesScreen,
} from '../../../../src/bot/settings/keyboard.js';
import { loadCatalog } from '../../../../src/catalog/index.js';

const catalog = loadCatalog();
const i18n = createI18n();
const deps = (locale: string): ScreenDeps => ({
  catalog,
  t: (key, vars) => i18n.t(locale, key, vars),
  money: (amount) => `$${(amount / 100).toFixed(2)}`,
});

const callbacks = (k: InlineKeyboard) =>
  k.inline_keyboard.flat().map((b) => ('callback_data' in b ? (b.callback_data ?? '') : ''));

describe('settings screens', () => {
  it('every button of every screen, for every current model, fits in 64 bytes (every locale)', () => {
    for (const locale of LOCALES) {
      const d = deps(locale);
      for (const m of [...catalog.list('image'), ...catalog.list('chat-image')]) {
        const settings = { imageModel: m.id };
        const screens = [
          homeScreen(d, settings),
          familiesScreen(d, 'g'),
          familiesScreen(d, 'e'),
          ...SETTINGS_FAMILIES.flatMap((f) => [
            modelsScreen(d, settings, 'g', f),
            modelsScreen(d, settings, 'e', f),
          ]),
          sizesScreen(d, settings),
          countsScreen(d, settings),
        ];
        for (const s of screens) {
          if (!s) continue;
          expect(s.text).not.toMatch(/settings-/);
          for (const data of callbacks(s.keyboard)) {
            expect(data.length, data).toBeGreaterThan(0);
            expect(Buffer.byteLength(data), data).toBeLessThanOrEqual(64);
          }
          for (const b of s.keyboard.inline_keyboard.flat())
            expect(b.text).not.toMatch(/settings-/);
        }
      }
    }
  });

  it('home shows the model, its size or ratio, the count and the edit model', () => {
    const home = homeScreen(deps('en'), {
      imageModel: 'flux-pro',
      imageSize: '1280x720',
      imageN: 2,
    });
    expect(home.text).toContain('Image model: <b>FLUX Pro</b> · $0.05 per image');
    expect(home.text).toContain('Size: 1280x720');
    expect(home.text).toContain('Images per request: 2 (up to 4)');
    expect(home.text).toContain('Edit model: <b>FLUX Kontext Pro</b> · $0.05 per request');
    const ultra = homeScreen(deps('en'), { imageModel: 'bfl/flux-pro-1.1-ultra' });
    expect(ultra.text).toContain('Aspect ratio: 1:1');
    expect(ultra.keyboard.inline_keyboard.flat().map((b) => b.text)).not.toContain(
      '🔢 Number of images',
    );
  });

  it('groups models by family, marks the current one, and offers only models fit for the target', () => {
    const screen = modelsScreen(deps('en'), { imageModel: 'dall-e-3' }, 'g', 'image');
    const labels = screen.keyboard.inline_keyboard.flat().map((b) => b.text);
    expect(labels).toContain('✅ DALL·E 3 · $0.08 per image');
    expect(labels.at(-1)).toBe('⬅️ Back');
    expect(modelsFor(catalog, 'g', 'edit')).toEqual([]);
    expect(modelsFor(catalog, 'e', 'image')).toEqual([]);
    expect(modelsFor(catalog, 'e', 'chat-image').every((m) => m.imageInput.max > 0)).toBe(true);
  });

  it('a token finds its model only for a target it fits', () => {
    expect(modelByToken(catalog, 'g', modelToken('nano-banana'))?.id).toBe('nano-banana');
    expect(modelByToken(catalog, 'e', modelToken('flux-kontext-max'))?.id).toBe('flux-kontext-max');
    expect(modelByToken(catalog, 'g', modelToken('flux-kontext-max'))).toBeUndefined();
    expect(modelByToken(catalog, 'g', modelToken('mj_turbo'))).toBeUndefined();
  });

  it('no size screen for models without sizes, no count screen for one-image models', () => {
    expect(sizesScreen(deps('en'), { imageModel: 'nano-banana' })).toBeUndefined();
    expect(countsScreen(deps('en'), { imageModel: 'dall-e-3' })).toBeUndefined();
    expect(
      callbacks(countsScreen(deps('en'), { imageModel: 'flux' })?.keyboard as InlineKeyboard),
    ).toEqual(['s:n:1', 's:n:2', 's:n:3', 's:n:4', 's:home']);
  });
});
