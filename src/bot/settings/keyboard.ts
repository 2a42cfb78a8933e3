/**
 * The /settings screens as text + inline keyboard. Pure: catalog, the user's settings and a
 * translator in, a screen out; the feature sends or edits it.
 */
import { InlineKeyboard } from 'grammy';
import type { UserSettings } from '../../accounts/settings.js';
import {
  type Catalog,
  type ImageLikeModel,
  type MidjourneyModel,
  priceMidjourney,
  versionFlag,
  versionFor,
} from '../../catalog/index.js';
import { escapeHtml } from '../format.js';
import type { Translate } from '../i18n.js';
import {
  type EditingModel,
  type GenerationModel,
  generationModel,
  isEditingModel,
  isGenerationModel,
  optionFlags,
  preferredEditModel,
  storedParamsFor,
} from '../images/request.js';
import { mjModelOf } from '../midjourney/mj-jobs.js';
import {
  encodeSettings,
  type ModelTarget,
  modelToken,
  type SettingsFamily,
} from './callback-data.js';

export interface ScreenDeps {
  catalog: Catalog;
  t: Translate;
  money: (amount: number) => string;
}

export interface Screen {
  /** HTML. */
  text: string;
  keyboard: InlineKeyboard;
}

const TARGET_FAMILIES: Record<ModelTarget, readonly SettingsFamily[]> = {
  g: ['image', 'chat-image'],
  e: ['edit', 'chat-image'],
};

/** Models a menu offers for a target and family. */
export function modelsFor(
  catalog: Catalog,
  target: ModelTarget,
  family: SettingsFamily,
): Array<GenerationModel | EditingModel> {
  if (!TARGET_FAMILIES[target].includes(family)) return [];
  const all = catalog.list(family) as ImageLikeModel[];
  return target === 'g' ? all.filter(isGenerationModel) : all.filter(isEditingModel);
}

/** The enabled model a pressed token stands for, if it still fits the target. */
export function modelByToken(
  catalog: Catalog,
  target: ModelTarget,
  token: string,
): GenerationModel | EditingModel | undefined {
  for (const family of TARGET_FAMILIES[target]) {
    const hit = modelsFor(catalog, target, family).find((m) => modelToken(m.id) === token);
    if (hit) return hit;
  }
  return undefined;
}

export function priceLabel(deps: ScreenDeps, model: ImageLikeModel): string {
  const price = deps.money(model.price.amount);
  return model.price.unit === 'image'
    ? deps.t('settings-price-image', { price })
    : deps.t('settings-price-call', { price });
}

/** What the current generation model does with size: a list of sizes, of ratios, or nothing. */
export function sizeKind(model: ImageLikeModel): 'size' | 'aspect' | 'none' {
  if (model.sizes) return 'size';
  if (model.aspectRatios) return 'aspect';
  return 'none';
}

export function homeScreen(deps: ScreenDeps, settings: UserSettings): Screen {
  const { t, catalog } = deps;
  const gen = generationModel(catalog, settings);
  const edit = preferredEditModel(catalog, settings);
  const lines = [t('settings-title')];
  const keyboard = new InlineKeyboard();
  if (gen) {
    const p = storedParamsFor(gen, settings);
    lines.push(
      t('settings-line-model', { model: escapeHtml(gen.title), price: priceLabel(deps, gen) }),
    );
    const kind = sizeKind(gen);
    if (kind === 'size')
      lines.push(t('settings-line-size', { value: p.size ?? gen.sizes?.default ?? '' }));
    else if (kind === 'aspect')
      lines.push(
        t('settings-line-aspect', { value: p.aspectRatio ?? gen.aspectRatios?.default ?? '' }),
      );
    lines.push(t('settings-line-n', { n: p.n ?? gen.n.default, max: gen.n.max }));
    const flags = optionFlags(gen);
    if (flags) lines.push(t('settings-line-options', { flags: escapeHtml(flags) }));
    keyboard.text(t('settings-button-model'), encodeSettings({ kind: 'families', target: 'g' }));
    if (kind !== 'none')
      keyboard.text(
        t(kind === 'size' ? 'settings-button-size' : 'settings-button-aspect'),
        encodeSettings({ kind: 'sizes' }),
      );
    keyboard.row();
    if (gen.n.max > 1) keyboard.text(t('settings-button-n'), encodeSettings({ kind: 'counts' }));
  }
  if (edit) {
    lines.push(
      t('settings-line-edit', { model: escapeHtml(edit.title), price: priceLabel(deps, edit) }),
    );
    const flags = optionFlags(edit);
    if (flags) lines.push(t('settings-line-options', { flags: escapeHtml(flags) }));
    keyboard.text(t('settings-button-edit'), encodeSettings({ kind: 'families', target: 'e' }));
  }
  const mj = mjModelOf(catalog, settings);
  if (mj) {
    lines.push(
      t('settings-line-mj', { model: escapeHtml(mj.title), price: mjPriceLabel(deps, mj) }),
    );
    if (mj.versions) {
      const version = versionFor(mj, settings.mjVersion);
      lines.push(
        version === undefined
          ? t('settings-line-mj-version-default')
          : t('settings-line-mj-version', { flag: `${versionFlag(mj)} ${version}` }),
      );
    }
    keyboard.row().text(t('settings-button-mj'), encodeSettings({ kind: 'mj' }));
  }
  keyboard.row().text(t('settings-button-close'), encodeSettings({ kind: 'close' }));
  return { text: lines.join('\n'), keyboard };
}

const mjPriceLabel = (deps: ScreenDeps, model: MidjourneyModel) =>
  deps.t('settings-price-mj', {
    imagine: deps.money(priceMidjourney(model, 'imagine')),
    upscale: deps.money(priceMidjourney(model, 'upscale')),
  });

/**
 * Midjourney and Niji at each speed the catalog enables, with their prices, then the versions
 * of the chosen one (the same price: the version does not change what a grid costs).
 */
export function mjScreen(deps: ScreenDeps, settings: UserSettings): Screen {
  const { t, catalog } = deps;
  const chosen = mjModelOf(catalog, settings);
  const keyboard = new InlineKeyboard();
  for (const m of catalog.list('midjourney'))
    keyboard
      .text(
        `${m.id === chosen?.id ? '✅ ' : ''}${m.title} · ${mjPriceLabel(deps, m)}`,
        encodeSettings({ kind: 'mjModel', token: modelToken(m.id) }),
      )
      .row();
  if (chosen?.versions) {
    const current = versionFor(chosen, settings.mjVersion);
    const tick = (on: boolean, label: string) => `${on ? '✅ ' : ''}${label}`;
    keyboard.text(
      tick(current === undefined, t('settings-button-mj-version-default')),
      encodeSettings({ kind: 'mjVersion', value: 'default' }),
    );
    for (const v of chosen.versions)
      keyboard.text(
        tick(v === current, `${versionFlag(chosen)} ${v}`),
        encodeSettings({ kind: 'mjVersion', value: v }),
      );
    keyboard.row();
  }
  keyboard.text(t('settings-button-back'), encodeSettings({ kind: 'home' }));
  return { text: t('settings-choose-mj'), keyboard };
}

/** The enabled Midjourney model a pressed token stands for. */
export const mjModelByToken = (catalog: Catalog, token: string): MidjourneyModel | undefined =>
  catalog.list('midjourney').find((m) => modelToken(m.id) === token);

export function familiesScreen(deps: ScreenDeps, target: ModelTarget): Screen {
  const { t } = deps;
  const keyboard = new InlineKeyboard();
  for (const family of TARGET_FAMILIES[target]) {
    const count = modelsFor(deps.catalog, target, family).length;
    if (count === 0) continue;
    keyboard
      .text(
        t(`settings-family-${family}`, { count }),
        encodeSettings({ kind: 'family', target, family }),
      )
      .row();
  }
  keyboard.text(t('settings-button-back'), encodeSettings({ kind: 'home' }));
  return {
    text: t(target === 'g' ? 'settings-choose-family-g' : 'settings-choose-family-e'),
    keyboard,
  };
}

export function modelsScreen(
  deps: ScreenDeps,
  settings: UserSettings,
  target: ModelTarget,
  family: SettingsFamily,
): Screen {
  const { t, catalog } = deps;
  const current =
    target === 'g'
      ? generationModel(catalog, settings)?.id
      : preferredEditModel(catalog, settings)?.id;
  const keyboard = new InlineKeyboard();
  for (const m of modelsFor(catalog, target, family)) {
    const mark = m.id === current ? '✅ ' : '';
    keyboard
      .text(
        `${mark}${m.title} · ${priceLabel(deps, m)}`,
        encodeSettings({ kind: 'model', target, token: modelToken(m.id) }),
      )
      .row();
  }
  keyboard.text(t('settings-button-back'), encodeSettings({ kind: 'families', target }));
  return {
    text: t(target === 'g' ? 'settings-choose-model-g' : 'settings-choose-model-e', {
      family: t(`settings-family-${family}`, { count: modelsFor(catalog, target, family).length }),
    }),
    keyboard,
  };
}

/** Sizes or aspect ratios of the generation model; undefined when it has neither. */
export function sizesScreen(deps: ScreenDeps, settings: UserSettings): Screen | undefined {
  const { t, catalog } = deps;
  const gen = generationModel(catalog, settings);
  if (!gen) return undefined;
  const p = storedParamsFor(gen, settings);
  const keyboard = new InlineKeyboard();
  const kind = sizeKind(gen);
  if (kind === 'none') return undefined;
  const values = kind === 'size' ? (gen.sizes?.allowed ?? []) : (gen.aspectRatios?.allowed ?? []);
  const current =
    kind === 'size' ? (p.size ?? gen.sizes?.default) : (p.aspectRatio ?? gen.aspectRatios?.default);
  values.forEach((value, i) => {
    keyboard.text(
      `${value === current ? '✅ ' : ''}${value}`,
      encodeSettings(kind === 'size' ? { kind: 'size', value } : { kind: 'aspect', value }),
    );
    if (i % 3 === 2) keyboard.row();
  });
  keyboard.row().text(t('settings-button-back'), encodeSettings({ kind: 'home' }));
  return {
    text: t(kind === 'size' ? 'settings-choose-size' : 'settings-choose-aspect', {
      model: escapeHtml(gen.title),
    }),
    keyboard,
  };
}

/** 1…max images per request; undefined when the model makes one at a time. */
export function countsScreen(deps: ScreenDeps, settings: UserSettings): Screen | undefined {
  const { t, catalog } = deps;
  const gen = generationModel(catalog, settings);
  if (!gen || gen.n.max <= 1) return undefined;
  const current = storedParamsFor(gen, settings).n ?? gen.n.default;
  const keyboard = new InlineKeyboard();
  for (let n = gen.n.min; n <= gen.n.max; n++)
    keyboard.text(`${n === current ? '✅ ' : ''}${n}`, encodeSettings({ kind: 'count', value: n }));
  keyboard.row().text(t('settings-button-back'), encodeSettings({ kind: 'home' }));
  return {
    text: t('settings-choose-n', { model: escapeHtml(gen.title), max: gen.n.max }),
    keyboard,
  };
}
