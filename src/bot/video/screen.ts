/**
 * The /video settings keyboard as text + inline keyboard. Pure: a draft, its model and a
 * translator in, a screen out. The main view is compact: the model, one row of lengths, one of
 * shapes, one of modes (each only when the model offers a choice), and the confirm button that
 * names the price. The model view lists the models that fit the request (with or without a photo).
 */
import { InlineKeyboard } from 'grammy';
import type { Catalog, VideoModel } from '../../catalog/index.js';
import { escapeHtml, truncate } from '../format.js';
import type { Translate } from '../i18n.js';
import { modelToken } from '../settings/callback-data.js';
import { encodeVideo } from './callback-data.js';
import { draftInputs, requestInputs, type VideoDraft } from './drafts.js';
import { modelsForInput, priceOfChoice, shapeChoice } from './request.js';

export interface VideoScreenDeps {
  catalog: Catalog;
  t: Translate;
  money: (amount: number) => string;
  /** The user pays with their own gateway key: no price is charged here. */
  ownKey: boolean;
}

export interface Screen {
  /** HTML. */
  text: string;
  keyboard: InlineKeyboard;
}

const PROMPT_CHARS = 300;
const PER_ROW = 4;
const MODELS_PER_ROW = 2;
const mark = (on: boolean, label: string) => (on ? `✓ ${label}` : label);

/** "0.07 USD/s" or "0.20 USD": what one model costs, for the model list. */
export function modelPriceLabel(
  deps: Pick<VideoScreenDeps, 't' | 'money'>,
  model: VideoModel,
): string {
  const price = deps.money(model.price.amount);
  return model.price.unit === 'second'
    ? deps.t('video-price-second', { price })
    : deps.t('video-price-call', { price });
}

/** The confirm button's label: the price of exactly this request. */
export function confirmLabel(deps: VideoScreenDeps, model: VideoModel, draft: VideoDraft): string {
  if (deps.ownKey) return deps.t('video-button-confirm-own');
  return deps.t('video-button-confirm', { price: deps.money(priceOfChoice(model, draft)) });
}

/** A catalog value's name in the user's language; one the operator added without a name, as its id. */
function namedIn(t: Translate, prefix: string, id: string): string {
  const key = `${prefix}-${id}`;
  const label = t(key);
  return label === key ? id.replace(/_/g, ' ') : label;
}
export const effectLabel = (t: Translate, scene: string) => namedIn(t, 'video-effect', scene);
export const voiceLabel = (t: Translate, voice: string) => namedIn(t, 'video-voice', voice);

function rows<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** The main view. `warning` (plain text) explains why the request cannot start as it is. */
export function mainScreen(
  deps: VideoScreenDeps,
  draft: VideoDraft,
  model: VideoModel,
  warning?: string,
): Screen {
  const { t } = deps;
  const shapes = shapeChoice(model);
  const lines = [
    t('video-screen-title', { model: escapeHtml(model.title) }),
    draft.prompt === ''
      ? t(
          model.speech?.audio
            ? 'video-screen-ask-words-or-audio'
            : model.speech
              ? 'video-screen-ask-words'
              : 'video-screen-ask-prompt',
        )
      : `<i>${escapeHtml(truncate(draft.prompt, PROMPT_CHARS))}</i>`,
  ];
  if (draft.source) lines.push(t('video-screen-extend'));
  if (draft.video) lines.push(t('video-screen-video'));
  const photos = draftInputs(draft).length;
  if (photos > 0)
    lines.push(
      t(model.imageRole === 'references' ? 'video-screen-references' : 'video-screen-frames', {
        count: photos,
      }),
    );
  const params = [t('video-screen-duration', { seconds: draft.duration })];
  if (shapes && draft.shape) params.push(escapeHtml(draft.shape));
  if (draft.mode) params.push(t('video-screen-mode', { mode: draft.mode }));
  if (draft.effect) params.push(`✨ ${escapeHtml(effectLabel(t, draft.effect))}`);
  if (draft.audio) params.push('🎵');
  else if (draft.voice) params.push(`🗣 ${escapeHtml(voiceLabel(t, draft.voice))}`);
  lines.push(params.join(' · '));
  lines.push(
    deps.ownKey
      ? t('video-screen-own-key')
      : t('video-screen-price', { price: deps.money(priceOfChoice(model, draft)) }),
  );
  if (warning) lines.push('', `⚠️ ${escapeHtml(warning)}`);

  const kb = new InlineKeyboard().text(
    t('video-button-model', { model: model.title }),
    encodeVideo(draft.id, { op: 'models' }),
  );
  const choiceRows = (labels: Array<{ label: string; data: string }>) => {
    if (labels.length < 2) return; // one value is no choice: shown in the text only
    for (const row of rows(labels, PER_ROW)) {
      kb.row();
      for (const b of row) kb.text(b.label, b.data);
    }
  };
  choiceRows(
    model.durations.allowed.map((s) => ({
      label: mark(s === draft.duration, t('video-duration-label', { seconds: s })),
      data: encodeVideo(draft.id, { op: 'duration', value: s }),
    })),
  );
  if (shapes)
    choiceRows(
      shapes.allowed.map((v) => ({
        label: mark(v === draft.shape, v),
        data: encodeVideo(draft.id, { op: 'shape', value: v }),
      })),
    );
  if (model.speech && !draft.audio)
    choiceRows(
      model.speech.voices.allowed.map((v) => ({
        label: mark(v === draft.voice, voiceLabel(t, v)),
        data: encodeVideo(draft.id, { op: 'voice', value: v }),
      })),
    );
  if (model.effects)
    choiceRows(
      model.effects.allowed.map((e) => ({
        label: mark(e === draft.effect, effectLabel(t, e)),
        data: encodeVideo(draft.id, { op: 'effect', value: e }),
      })),
    );
  if (model.modes)
    choiceRows(
      model.modes.allowed.map((m) => ({
        label: mark(m === draft.mode, t('video-mode-label', { mode: m })),
        data: encodeVideo(draft.id, { op: 'mode', value: m }),
      })),
    );
  kb.row()
    .text(confirmLabel(deps, model, draft), encodeVideo(draft.id, { op: 'confirm' }))
    .text(t('video-button-cancel'), encodeVideo(draft.id, { op: 'cancel' }));
  return { text: lines.join('\n'), keyboard: kb };
}

/** The model list: those that fit the request, the current one ticked, with their prices. */
export function modelsScreen(deps: VideoScreenDeps, draft: VideoDraft): Screen {
  const photos = draftInputs(draft).length;
  const models = modelsForInput(deps.catalog, requestInputs(draft));
  const kb = new InlineKeyboard();
  for (const row of rows(models, MODELS_PER_ROW)) {
    for (const m of row)
      kb.text(
        mark(m.id === draft.model, `${m.title} · ${modelPriceLabel(deps, m)}`),
        encodeVideo(draft.id, { op: 'model', token: modelToken(m.id) }),
      );
    kb.row();
  }
  kb.text(deps.t('video-button-back'), encodeVideo(draft.id, { op: 'back' }));
  return {
    text:
      photos > 0
        ? deps.t('video-choose-model-image', { count: photos })
        : deps.t('video-choose-model'),
    keyboard: kb,
  };
}

/** The enabled video model a pressed token stands for, if it still fits the request. */
export function modelByToken(
  catalog: Catalog,
  draft: VideoDraft,
  token: string,
): VideoModel | undefined {
  return modelsForInput(catalog, requestInputs(draft)).find((m) => modelToken(m.id) === token);
}
