/**
 * /settings: the generation model (grouped by family), its size or aspect ratio, the number of
 * images where the model makes several, and the edit model. Inline keyboards; choices are
 * stored in the user's settings (database), so they survive restarts and apply in every chat.
 */
import type { CallbackQueryContext } from 'grammy';
import type { SettingsPatch } from '../../accounts/settings.js';
import { getSettings, updateSettings } from '../../accounts/users.js';
import { versionFlag } from '../../catalog/index.js';
import { Composer } from '../composer.js';
import type { BotContext } from '../context.js';
import { truncate } from '../format.js';
import { generationModel, isGenerationModel, patchForGenerationModel } from '../images/request.js';
import { problemMessage } from '../jobs/job-draft.js';
import { mjModelOf } from '../midjourney/mj-jobs.js';
import { moneyOf } from '../money/context.js';
import { replyParams } from '../transport/reply-params.js';
import { isMessageGone, isNotModified } from '../transport/telegram-errors.js';
import { parseSettings } from './callback-data.js';
import {
  countsScreen,
  familiesScreen,
  homeScreen,
  mjModelByToken,
  mjScreen,
  modelByToken,
  modelsScreen,
  type Screen,
  type ScreenDeps,
  sizesScreen,
} from './keyboard.js';

export const settingsFeature = new Composer<BotContext>();

type Query = CallbackQueryContext<BotContext>;

const screenDeps = (ctx: BotContext): ScreenDeps => ({
  catalog: ctx.deps.catalog,
  t: (key, vars) => ctx.t(key, vars),
  money: moneyOf(ctx),
});

settingsFeature.command('settings', async (ctx) => {
  if (!ctx.from) return;
  const screen = homeScreen(screenDeps(ctx), await getSettings(ctx.deps.database, ctx.from.id));
  await ctx.reply(screen.text, {
    parse_mode: 'HTML',
    reply_markup: screen.keyboard,
    // In a group the menu answers its owner's command: that is how presses are matched to them.
    ...(ctx.chat.type === 'private' ? {} : replyParams(ctx.msg.message_id)),
  });
});

async function show(ctx: Query, screen: Screen): Promise<void> {
  try {
    await ctx.editMessageText(screen.text, { parse_mode: 'HTML', reply_markup: screen.keyboard });
  } catch (err) {
    if (isNotModified(err)) return;
    // A menu too old to edit (or deleted): show the screen as a new message instead.
    if (!isMessageGone(err)) throw err;
    await ctx.reply(screen.text, { parse_mode: 'HTML', reply_markup: screen.keyboard });
  }
}

/** A short answer on the button (≤ 200 characters). */
const toast = (ctx: Query, text: string, alert = false) =>
  ctx.answerCallbackQuery({ text: truncate(text, 200), ...(alert ? { show_alert: true } : {}) });

settingsFeature.callbackQuery(/^s:/, async (ctx, next) => {
  const action = parseSettings(ctx.callbackQuery.data);
  if (!action) return next();
  const message = ctx.callbackQuery.message;
  if (
    message &&
    message.chat.type !== 'private' &&
    'reply_to_message' in message &&
    message.reply_to_message?.from?.id !== ctx.from.id
  ) {
    await toast(ctx, ctx.t('settings-not-yours'));
    return;
  }
  const { database: db, catalog } = ctx.deps;
  const userId = ctx.from.id;
  const deps = screenDeps(ctx);
  const settings = await getSettings(db, userId);
  const save = async (patch: SettingsPatch) =>
    (await updateSettings(db, userId, patch)) ?? settings;

  switch (action.kind) {
    case 'home':
      await ctx.answerCallbackQuery();
      return show(ctx, homeScreen(deps, settings));
    case 'close':
      await ctx.answerCallbackQuery();
      await ctx.deleteMessage().catch(() => ctx.editMessageReplyMarkup().catch(() => {}));
      return;
    case 'families':
      await ctx.answerCallbackQuery();
      return show(ctx, familiesScreen(deps, action.target));
    case 'family':
      await ctx.answerCallbackQuery();
      return show(ctx, modelsScreen(deps, settings, action.target, action.family));
    case 'model': {
      const model = modelByToken(catalog, action.target, action.token);
      if (!model) {
        await toast(ctx, ctx.t('settings-model-gone'));
        return show(ctx, familiesScreen(deps, action.target));
      }
      const next =
        action.target === 'e'
          ? await save({ editModel: model.id })
          : isGenerationModel(model)
            ? await save(patchForGenerationModel(model, settings))
            : settings;
      await toast(ctx, ctx.t('settings-saved-model', { model: model.title }));
      return show(ctx, homeScreen(deps, next));
    }
    case 'sizes': {
      const screen = sizesScreen(deps, settings);
      const gen = generationModel(catalog, settings);
      if (!screen)
        return void (await toast(ctx, ctx.t('settings-no-sizes', { model: gen?.title ?? '' })));
      await ctx.answerCallbackQuery();
      return show(ctx, screen);
    }
    case 'size':
    case 'aspect': {
      const gen = generationModel(catalog, settings);
      if (!gen) return void (await toast(ctx, ctx.t('imagine-no-model')));
      const choice = action.kind === 'size' ? gen.sizes : gen.aspectRatios;
      if (!choice?.allowed.includes(action.value)) {
        const { key, vars } = problemMessage({
          ok: false,
          model: gen.title,
          problem: {
            code: action.kind === 'size' ? 'size_unsupported' : 'aspect_unsupported',
            allowed: choice?.allowed ?? [],
          },
        });
        await toast(ctx, ctx.t(key, vars), true);
        return;
      }
      const next = await save(
        action.kind === 'size' ? { imageSize: action.value } : { imageAspect: action.value },
      );
      await toast(ctx, ctx.t('settings-saved-value', { value: action.value }));
      return show(ctx, homeScreen(deps, next));
    }
    case 'counts': {
      const screen = countsScreen(deps, settings);
      const gen = generationModel(catalog, settings);
      if (!screen)
        return void (await toast(ctx, ctx.t('settings-single-n', { model: gen?.title ?? '' })));
      await ctx.answerCallbackQuery();
      return show(ctx, screen);
    }
    case 'count': {
      const gen = generationModel(catalog, settings);
      if (!gen) return void (await toast(ctx, ctx.t('imagine-no-model')));
      if (action.value < gen.n.min || action.value > gen.n.max) {
        const allowed: string[] = [];
        for (let i = gen.n.min; i <= gen.n.max; i++) allowed.push(String(i));
        const { key, vars } = problemMessage({
          ok: false,
          model: gen.title,
          problem: { code: 'n_out_of_range', limit: gen.n.max, allowed },
        });
        await toast(ctx, ctx.t(key, vars), true);
        return;
      }
      const next = await save({ imageN: action.value });
      await toast(ctx, ctx.t('settings-saved-value', { value: String(action.value) }));
      return show(ctx, homeScreen(deps, next));
    }
    case 'mj':
      await ctx.answerCallbackQuery();
      return show(ctx, mjScreen(deps, settings));
    case 'mjModel': {
      const model = mjModelByToken(catalog, action.token);
      if (!model) {
        await toast(ctx, ctx.t('settings-model-gone'));
        return show(ctx, mjScreen(deps, settings));
      }
      const next = await save({ mjModel: model.id });
      await toast(ctx, ctx.t('settings-saved-model', { model: model.title }));
      return show(ctx, homeScreen(deps, next));
    }
    case 'mjVersion': {
      const model = mjModelOf(catalog, settings);
      if (action.value === 'default' && model?.versions) {
        const next = await save({ mjVersion: null });
        await toast(
          ctx,
          ctx.t('settings-saved-value', { value: ctx.t('settings-button-mj-version-default') }),
        );
        return show(ctx, mjScreen(deps, next));
      }
      if (!model?.versions?.includes(action.value)) {
        await toast(ctx, ctx.t('settings-mj-version-gone'), true);
        return show(ctx, mjScreen(deps, settings));
      }
      const next = await save({ mjVersion: action.value });
      await toast(
        ctx,
        ctx.t('settings-saved-value', { value: `${versionFlag(model)} ${action.value}` }),
      );
      return show(ctx, mjScreen(deps, next));
    }
  }
});
