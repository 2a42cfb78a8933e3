/**
 * Midjourney in chat: /mj (with reference photos), the result buttons (U/V/🔄, upscale and
 * vary, zoom, pan, Custom Zoom), the remix prompt buttons, /blend, /describe and its "imagine
 * this" buttons. Handlers validate, price, create the job and reply; workers do the rest.
 */
import { createConversation } from '@grammyjs/conversations';
import { modelForSpeed, validateMidjourneyPrompt, withVersion } from '../../catalog/index.js';
import { cancelModal, continueModal } from '../../jobs/midjourney/modal.js';
import { mjResultOf } from '../../jobs/midjourney/result.js';
import { getJob, type JobRow } from '../../jobs/store.js';
import { Composer } from '../composer.js';
import type { BaseContext, BotContext } from '../context.js';
import { type AlbumInput, CommandAlbums } from '../images/command-albums.js';
import { localeOf, submitJob } from '../jobs/submit-job.js';
import { mjButtonLabel, mjButtonStart, mjThenReserves } from './button-action.js';
import { MJ_BUTTON_RE, MJ_DESCRIBE_RE, MJ_MODAL_RE } from './keyboard.js';
import { mjJob, mjModelFor, modalPorts } from './mj-jobs.js';
import { MJ_MODAL, type MjModalArgs, mjModal } from './modal-conversation.js';
import {
  largestPhoto,
  MJ_BLEND,
  MJ_DESCRIBE,
  type MjPhotosArgs,
  mjBlend,
  mjDescribe,
  startDescribe,
} from './photos-conversation.js';

export const midjourneyFeature = new Composer<BotContext>();

// Conversations first: an active one sees the chat's updates before the handlers below, and
// enter() needs them installed upstream of the handler that calls it.
midjourneyFeature.use(
  createConversation<BaseContext, import('grammy').Context>(mjModal, {
    id: MJ_MODAL,
  }),
);
midjourneyFeature.use(
  createConversation<BaseContext, import('grammy').Context>(mjBlend, {
    id: MJ_BLEND,
  }),
);
midjourneyFeature.use(
  createConversation<BaseContext, import('grammy').Context>(mjDescribe, {
    id: MJ_DESCRIBE,
  }),
);

const MJ_CONVERSATIONS = [MJ_MODAL, MJ_BLEND, MJ_DESCRIBE];

/**
 * Enters a Midjourney conversation; a Midjourney one already open in this chat gives way (the
 * user started something new). Returns false when another feature's conversation is open.
 */
async function enter(
  ctx: BotContext,
  id: string,
  args: MjModalArgs | MjPhotosArgs,
): Promise<boolean> {
  for (const other of MJ_CONVERSATIONS)
    if (ctx.conversation.active(other)) await ctx.conversation.exit(other);
  try {
    await ctx.conversation.enter(id, args);
    return true;
  } catch (err) {
    ctx.log.info({ err }, 'could not enter a Midjourney conversation');
    await ctx.reply(ctx.t('mj-finish-first'));
    return false;
  }
}

// ── /mj ────────────────────────────────────────────────────────────────────────────────────

async function imagine(
  ctx: BotContext,
  raw: string,
  inputs: AlbumInput[],
  messageId: number | undefined,
): Promise<void> {
  const chosen = mjModelFor(ctx);
  if (!chosen) {
    await ctx.reply(ctx.t('mj-unavailable'));
    return;
  }
  if (raw.trim() === '') {
    await ctx.reply(ctx.t('mj-usage', { model: chosen.title }), { parse_mode: 'HTML' });
    return;
  }
  // --fast / --relax / --turbo pick the speed for this prompt: the model decides queue and price.
  const speed = modelForSpeed(ctx.deps.catalog, chosen, raw);
  if (!speed.ok) {
    await ctx.reply(
      ctx.t('mj-speed-unavailable', {
        mode: speed.mode,
        offered: speed.offered.map((m) => `--${m}`).join(', '),
      }),
    );
    return;
  }
  const { model } = speed;
  const checked = validateMidjourneyPrompt(
    model,
    withVersion(model, raw, ctx.user?.settings.mjVersion),
  );
  if (!checked.ok) {
    await ctx.reply(
      checked.problem.code === 'prompt_too_long'
        ? ctx.t('mj-prompt-too-long', { limit: model.maxPromptLength })
        : ctx.t('mj-usage', { model: model.title }),
      { parse_mode: 'HTML' },
    );
    return;
  }
  if (inputs.length > model.imageInput.max) {
    await ctx.reply(
      model.imageInput.max === 0
        ? ctx.t('mj-images-not-supported')
        : ctx.t('mj-too-many-images', { limit: model.imageInput.max }),
    );
    return;
  }
  await submitJob(
    ctx,
    mjJob({
      kind: 'imagine',
      model,
      params: { op: 'imagine', prompt: checked.normalized.prompt, inputs },
      priceKind: 'imagine',
      ...(messageId !== undefined ? { replyToMessageId: messageId } : {}),
    }),
  );
}

midjourneyFeature.command('mj', (ctx) => imagine(ctx, ctx.match, [], ctx.msg.message_id));

const photosArgs = async (ctx: BotContext): Promise<MjPhotosArgs | undefined> =>
  ctx.from ? { ownerId: ctx.from.id, locale: localeOf(ctx) } : undefined;

midjourneyFeature.command('blend', async (ctx) => {
  const args = await photosArgs(ctx);
  if (args) await enter(ctx, MJ_BLEND, args);
});

midjourneyFeature.command('describe', async (ctx) => {
  const args = await photosArgs(ctx);
  if (args) await enter(ctx, MJ_DESCRIBE, args);
});

// grammY matches commands in text only: a photo captioned "/mj …", "/blend" or "/describe".
const CAPTION_COMMAND = /^\/(mj|blend|describe)(?:@(\w+))?(?:\s+([\s\S]*))?$/i;

/** An album captioned "/mj …": every photo of it is a reference image of one imagine. */
const mjAlbums = new CommandAlbums('mj', imagine, {
  tooLarge: 'mj-image-too-large',
  notImage: 'mj-image-not-image',
});

midjourneyFeature.on('message:photo', async (ctx, next) => {
  const m = CAPTION_COMMAND.exec(ctx.message.caption?.trim() ?? '');
  const mention = m?.[2];
  // The rest of an album whose first photo said /mj.
  if (!m && (await mjAlbums.follow(ctx))) return;
  if (!m || (mention && mention.toLowerCase() !== ctx.me.username.toLowerCase())) return next();
  switch (m[1]?.toLowerCase()) {
    case 'mj': {
      if (await mjAlbums.begin(ctx, m[3] ?? '')) return;
      const photo = largestPhoto(ctx.message.photo);
      const inputs = photo ? [{ fileId: photo.file_id, uniqueId: photo.file_unique_id }] : [];
      await imagine(ctx, m[3] ?? '', inputs, ctx.message.message_id);
      return;
    }
    case 'blend': {
      const args = await photosArgs(ctx);
      if (args) await enter(ctx, MJ_BLEND, args);
      return;
    }
    default:
      await startDescribe(ctx, ctx.message);
  }
});

// ── result buttons ─────────────────────────────────────────────────────────────────────────

/** The job behind a button, if the presser may use it; answers the query when not. */
async function ownJob(ctx: BotContext, jobId: string): Promise<JobRow | undefined> {
  const job = getJob(ctx.deps.db, jobId);
  if (job?.family !== 'midjourney') {
    await ctx.answerCallbackQuery({ text: ctx.t('mj-button-stale') });
    return undefined;
  }
  if (job.userId !== ctx.from?.id) {
    await ctx.answerCallbackQuery({ text: ctx.t('mj-button-not-yours'), show_alert: true });
    return undefined;
  }
  return job;
}

midjourneyFeature.callbackQuery(MJ_BUTTON_RE, async (ctx) => {
  const [, jobId = '', index = ''] = ctx.match;
  const job = await ownJob(ctx, jobId);
  if (!job) return;
  // Re-validated against the list stored with the job: the data may be stale or forged.
  const pressed = mjButtonStart(ctx.deps.catalog, job, Number(index));
  if (!pressed.ok) {
    const reason = pressed.reason;
    if (reason === 'stale')
      return void (await ctx.answerCallbackQuery({ text: ctx.t('mj-button-stale') }));
    // A mask is painted in the Mini App (when there is one); a chat cannot draw it.
    const region = ctx.deps.config.MINI_APP_URL ? 'mj-button-region-gallery' : 'mj-button-region';
    const key = { region, unsupported: 'mj-button-unsupported', model_off: 'mj-button-model-off' }[
      reason
    ];
    await ctx.answerCallbackQuery({ text: ctx.t(key), show_alert: true });
    return;
  }
  const { button, action, start } = pressed;
  // A double tap must not buy the same upscale twice.
  const press = await ctx.deps.limiter.hit(`mj-press:${job.id}:${index}`, {
    limit: 1,
    windowMs: 5_000,
  });
  if (!press.allowed) {
    await ctx.answerCallbackQuery({ text: ctx.t('mj-button-busy') });
    return;
  }
  await ctx.answerCallbackQuery({
    text: ctx.t('mj-button-working', { action: mjButtonLabel(ctx.t, button, action) }),
  });

  const zoom = action.kind === 'custom_zoom';
  // An action is a new paid task upstream like any other request, so it counts against the
  // generation rate limit as well as the active-jobs cap (an exemption would let buttons on old
  // results bypass the pace). The modal step that continues an action is not a new request.
  const started = await submitJob(
    ctx,
    mjJob({
      ...start,
      ...(ctx.callbackQuery.message
        ? { replyToMessageId: ctx.callbackQuery.message.message_id }
        : {}),
    }),
  );
  if (!started.ok || !zoom || !ctx.from) return;
  const locale = localeOf(ctx);
  const price = mjThenReserves(ctx.deps.catalog, job, action);
  const entered = await enter(ctx, MJ_MODAL, {
    jobId: started.job.id,
    ownerId: ctx.from.id,
    locale,
    kind: 'zoom',
    prompt: mjResultOf(job).prompt ?? '',
    price: job.payer === 'own_key' ? ctx.t('job-cost-own-key') : ctx.deps.money(price, locale),
  } satisfies MjModalArgs);
  if (!entered) cancelModal(ctx.deps.db, started.job.id, ctx.from.id);
});

// ── the remix question (keep / new / cancel) ───────────────────────────────────────────────

midjourneyFeature.callbackQuery(MJ_MODAL_RE, async (ctx) => {
  const [, jobId = '', choice] = ctx.match;
  const job = await ownJob(ctx, jobId);
  if (!job || !ctx.from) return;
  const modal = mjResultOf(job).modal;
  const closeQuestion = () => ctx.editMessageReplyMarkup().catch(() => {});
  if (job.status !== 'running' || !modal || modal.continuedBy) {
    await ctx.answerCallbackQuery({ text: ctx.t('mj-modal-gone') });
    await closeQuestion();
    return;
  }
  const locale = localeOf(ctx);
  if (choice === 'k') {
    // Blank prompt: the gateway reuses the task's final prompt.
    const outcome = continueModal(modalPorts(ctx.deps), job.id, ctx.from.id, '');
    if (!outcome.ok && outcome.reason === 'insufficient_funds') {
      await ctx.answerCallbackQuery({
        text: ctx.t('mj-modal-insufficient', {
          price: ctx.deps.money(outcome.price, locale),
          balance: ctx.deps.money(outcome.balance, locale),
        }),
        show_alert: true,
      });
      return;
    }
    await ctx.answerCallbackQuery({
      text: outcome.ok ? ctx.t('mj-modal-continuing') : ctx.t('mj-modal-gone'),
    });
    await closeQuestion();
    return;
  }
  if (choice === 'c') {
    const failed = cancelModal(ctx.deps.db, job.id, ctx.from.id);
    await ctx.answerCallbackQuery();
    if (!failed) {
      await closeQuestion();
      return;
    }
    const refund =
      failed.price > 0
        ? ctx.t('job-refunded', { amount: ctx.deps.money(failed.price, locale) })
        : '';
    await ctx.editMessageText(ctx.t('mj-modal-cancelled', { refund }).trim()).catch(() => {});
    if (failed.statusMessageId !== null)
      await ctx.api.deleteMessage(failed.chatId, failed.statusMessageId).catch(() => {});
    return;
  }
  await ctx.answerCallbackQuery();
  await closeQuestion();
  await enter(ctx, MJ_MODAL, {
    jobId: job.id,
    ownerId: ctx.from.id,
    locale,
    kind: 'remix',
    prompt: modal.finalPrompt,
    price: '',
  } satisfies MjModalArgs);
});

// ── describe: "imagine this" ───────────────────────────────────────────────────────────────

midjourneyFeature.callbackQuery(MJ_DESCRIBE_RE, async (ctx) => {
  const [, jobId = '', n = ''] = ctx.match;
  const job = await ownJob(ctx, jobId);
  if (!job) return;
  const prompt = mjResultOf(job).prompts?.[Number(n) - 1];
  const model = ctx.deps.catalog.get(job.model, 'midjourney') ?? mjModelFor(ctx);
  const checked = prompt && model ? validateMidjourneyPrompt(model, prompt) : undefined;
  if (!model || !checked?.ok) {
    await ctx.answerCallbackQuery({ text: ctx.t('mj-describe-gone') });
    return;
  }
  await ctx.answerCallbackQuery({
    text: ctx.t('mj-button-working', { action: `${n}` }),
  });
  await submitJob(
    ctx,
    mjJob({
      kind: 'imagine',
      model,
      params: { op: 'imagine', prompt: checked.normalized.prompt, inputs: [] },
      priceKind: 'imagine',
      parentJobId: job.id,
      ...(ctx.callbackQuery.message
        ? { replyToMessageId: ctx.callbackQuery.message.message_id }
        : {}),
    }),
  );
});
