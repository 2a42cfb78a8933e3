/**
 * Video generation. `/video <prompt>` (or a photo captioned `/video <prompt>`, or `/video
 * <prompt>` in reply to a photo) opens a compact settings keyboard that starts from the user's
 * video model and choices: model, length, shape, mode, and a confirm button naming the price.
 * Only the confirm press validates, reserves and queues the job (submitJob); the async pipeline
 * does the rest. Photos travel as Telegram file ids; the submitter sends the bytes.
 */
import type { CallbackQueryContext } from 'grammy';
import type { Message } from 'grammy/types';
import { getSettings, updateSettings } from '../../accounts/users.js';
import type { VideoModel } from '../../catalog/index.js';
import { resultUsable } from '../../jobs/state.js';
import { getJob, type JobRow } from '../../jobs/store.js';
import { AUDIO_LIMIT, VIDEO_INPUT_LIMIT, videoJobParams } from '../../jobs/video/params.js';
import { Composer } from '../composer.js';
import type { BotContext } from '../context.js';
import { formatBytes, truncate } from '../format.js';
import { replyBadImage } from '../images/bad-image.js';
import { CommandAlbums } from '../images/command-albums.js';
import { captionCommand, type ImagePick, pickImage } from '../images/photo-input.js';
import { parseJobButton } from '../jobs/callback-data.js';
import { problemMessage } from '../jobs/job-draft.js';
import { choosePayer, replyProblem, submitJob } from '../jobs/submit-job.js';
import { moneyOf } from '../money/context.js';
import { replyParams } from '../transport/reply-params.js';
import { isNotModified } from '../transport/telegram-errors.js';
import { parseVideo, type VideoAction } from './callback-data.js';
import { draftInputs, newDraftId, type VideoDraft, VideoDrafts } from './drafts.js';
import {
  applyFlags,
  choiceFor,
  choiceFromSettings,
  type FollowUp,
  followUpOf,
  modelsForInput,
  parseVideoFlags,
  prepareVideoJob,
  settingsPatchFor,
  shapeChoice,
  type VideoChoice,
  type VideoInput,
  type VideoSource,
  videoModelFor,
} from './request.js';
import {
  effectLabel,
  mainScreen,
  modelByToken,
  modelsScreen,
  type Screen,
  voiceLabel,
} from './screen.js';

const BAD_IMAGE = {
  tooLarge: 'video-image-too-large',
  notImage: 'video-image-not-image',
};

export const videoFeature = new Composer<BotContext>();

type Query = CallbackQueryContext<BotContext>;

const drafts = (ctx: BotContext) => new VideoDrafts(ctx.deps.database);

/** Problems the keyboard can fix (another model): shown on the screen instead of refusing. */
const MODEL_PROBLEMS = new Set([
  'image_not_supported',
  'image_required',
  'too_many_images',
  'too_few_images',
  'video_required',
  'video_not_supported',
]);

async function screenFor(ctx: BotContext, draft: VideoDraft, model: VideoModel): Promise<Screen> {
  const deps = {
    catalog: ctx.deps.catalog,
    t: (key: string, vars?: Record<string, string | number>) => ctx.t(key, vars),
    money: moneyOf(ctx),
    ownKey: (await choosePayer(ctx.deps.database, draft.userId)) === 'own_key',
  };
  if (draft.view === 'models') return modelsScreen(deps, draft);
  const prepared = prepareVideoJob({
    model,
    choice: draft,
    prompt: draft.prompt,
    ...inputOf(draft),
  });
  const warning = prepared.ok ? undefined : problemText(ctx, prepared);
  return mainScreen(deps, draft, model, warning);
}

const inputOf = (draft: VideoDraft) => ({
  inputs: draftInputs(draft),
  ...(draft.video ? { video: draft.video } : {}),
  ...(draft.audio ? { audio: draft.audio } : {}),
  ...(draft.source ? { source: draft.source } : {}),
});

function problemText(ctx: BotContext, prepared: Parameters<typeof problemMessage>[0]): string {
  const { key, vars } = problemMessage(prepared);
  return ctx.t(key, vars);
}

/**
 * Opens the keyboard for a request. Refused at once, with nothing charged: a bad photo, an empty
 * or too long prompt, a flag the model does not offer. A model that does not fit the photo (or
 * its absence) is shown with a warning, so the user can pick another one on the same keyboard.
 */
export async function startVideo(
  ctx: BotContext,
  text: string,
  inputs: VideoInput[],
  messageId: number | undefined,
  video?: VideoInput,
): Promise<void> {
  const userId = ctx.from?.id;
  const chatId = ctx.chat?.id;
  if (userId === undefined || chatId === undefined) return;
  const flags = parseVideoFlags(text);
  if (!flags.prompt) {
    await ctx.reply(ctx.t('video-usage'), { parse_mode: 'HTML', ...replyParams(messageId) });
    return;
  }
  const { database, catalog } = ctx.deps;
  const settings = await getSettings(database, userId);
  const model = videoModelFor(catalog, settings);
  if (!model) {
    await ctx.reply(ctx.t('video-no-model'), replyParams(messageId));
    return;
  }
  const flagged = applyFlags(model, choiceFromSettings(model, settings), flags);
  if (!flagged.ok) {
    await replyProblem(ctx, { ok: false, problem: flagged.problem, model: model.title }, messageId);
    return;
  }
  const prepared = prepareVideoJob({
    model,
    choice: flagged.choice,
    prompt: flags.prompt,
    inputs,
    ...(video ? { video } : {}),
  });
  if (!prepared.ok && !MODEL_PROBLEMS.has(prepared.problem.code)) {
    await replyProblem(ctx, prepared, messageId);
    return;
  }
  await showNewDraft(
    ctx,
    {
      id: newDraftId(),
      userId,
      chatId,
      prompt: flags.prompt,
      ...flagged.choice,
      ...(inputs.length > 0 ? { inputs } : {}),
      ...(video ? { video } : {}),
      ...(messageId !== undefined ? { replyTo: messageId } : {}),
      view: 'main',
    },
    model,
  );
}

async function showNewDraft(ctx: BotContext, draft: VideoDraft, model: VideoModel): Promise<void> {
  await drafts(ctx).save(draft);
  const screen = await screenFor(ctx, draft, model);
  await ctx.reply(screen.text, {
    parse_mode: 'HTML',
    reply_markup: screen.keyboard,
    ...replyParams(draft.replyTo),
  });
}

/** The photo of a message as a video input; a file that is no usable image is explained. */
async function photoOf(
  ctx: BotContext,
  pick: ImagePick | undefined,
): Promise<VideoInput[] | undefined> {
  if (!pick) return [];
  if (!pick.ok) {
    await replyBadImage(ctx, pick, BAD_IMAGE);
    return undefined;
  }
  const { fileId, uniqueId } = pick.image;
  return [{ fileId, ...(uniqueId ? { uniqueId } : {}) }];
}

const VIDEO_MIMES = new Set(['video/mp4', 'video/quicktime', 'video/webm']);

/**
 * The video of a message, to work on (Runway Aleph, Act-One): a video, or a video file. Undefined
 * when it has none; null when it is too large for a bot to download (the user is told).
 */
async function videoOf(ctx: BotContext, message: Message): Promise<VideoInput | undefined | null> {
  const doc = message.document;
  const file =
    message.video ?? (doc && VIDEO_MIMES.has(doc.mime_type?.toLowerCase() ?? '') ? doc : undefined);
  if (!file) return undefined;
  if ((file.file_size ?? 0) > VIDEO_INPUT_LIMIT) {
    await ctx.reply(
      ctx.t('video-input-too-large', { sizeLimit: formatBytes(VIDEO_INPUT_LIMIT) }),
      replyParams(message.message_id),
    );
    return null;
  }
  return { fileId: file.file_id, uniqueId: file.file_unique_id };
}

/** `/video …` in reply to a photo (a first frame) or to a video (to work on). */
videoFeature.command('video', async (ctx) => {
  const text = typeof ctx.match === 'string' ? ctx.match : '';
  const replied = ctx.msg.reply_to_message;
  const video = replied && (await videoOf(ctx, replied));
  if (video === null) return;
  if (video) return startVideo(ctx, text, [], ctx.msg.message_id, video);
  const inputs = await photoOf(ctx, replied ? pickImage(replied) : undefined);
  if (inputs) await startVideo(ctx, text, inputs, ctx.msg.message_id);
});

/** An album captioned "/video …": first and last frame, or the references, in the order sent. */
const videoAlbums = new CommandAlbums('video', startVideo, BAD_IMAGE);

// grammY matches commands in text only: a captioned photo (or file) is read here.
videoFeature.on('message:caption', async (ctx, next) => {
  const cmd = captionCommand(ctx.message.caption, ctx.me.username);
  if (cmd?.command !== 'video') return next();
  if (await videoAlbums.begin(ctx, cmd.args)) return;
  // A video captioned /video is worked on; in reply to a photo, that is the character (Act-One).
  const video = await videoOf(ctx, ctx.message);
  if (video === null) return;
  if (video) {
    const replied = ctx.message.reply_to_message;
    const photo = await photoOf(ctx, replied ? pickImage(replied) : undefined);
    if (photo) await startVideo(ctx, cmd.args, photo, ctx.message.message_id, video);
    return;
  }
  const inputs = await photoOf(
    ctx,
    pickImage(ctx.message) ?? { ok: false as const, reason: 'not_image' as const },
  );
  if (inputs) await startVideo(ctx, cmd.args, inputs, ctx.message.message_id);
});

/** The draft a /video keyboard message belongs to, read from its buttons. */
function draftIdOf(message: Message | undefined): string | undefined {
  for (const b of message?.reply_markup?.inline_keyboard.flat() ?? [])
    if ('callback_data' in b && b.callback_data) {
      const parsed = parseVideo(b.callback_data);
      if (parsed) return parsed.draftId;
    }
  return undefined;
}

/** Sound files Kling's lip sync takes; Telegram voice notes (OGG Opus) are not among them. */
const AUDIO_MIMES = new Set([
  'audio/mpeg',
  'audio/mp3',
  'audio/mp4',
  'audio/m4a',
  'audio/x-m4a',
  'audio/aac',
  'audio/wav',
  'audio/x-wav',
  'audio/wave',
]);

type Reply =
  | { prompt: string; audio?: VideoInput }
  | { refuse: string; vars?: Record<string, string> };

/**
 * What a reply to a /video keyboard says: text is its prompt (how Lip Sync gets the words), a
 * sound file the audio to speak. Undefined: not for the keyboard (a command, another document).
 */
function readReply(ctx: BotContext, model: VideoModel): Reply | undefined {
  const msg = ctx.message;
  if (!msg) return undefined;
  if (msg.text !== undefined) {
    const text = msg.text.trim();
    return text.startsWith('/') ? undefined : { prompt: text };
  }
  if (msg.voice) return { refuse: 'video-audio-voice-note' };
  const file = msg.audio ?? msg.document;
  const mime = file?.mime_type?.toLowerCase() ?? '';
  if (!file || !AUDIO_MIMES.has(mime))
    return msg.audio ? { refuse: 'video-audio-format' } : undefined;
  if (!model.speech?.audio)
    return { refuse: 'video-audio-not-taken', vars: { model: model.title } };
  if ((file.file_size ?? 0) > AUDIO_LIMIT)
    return { refuse: 'video-audio-too-large', vars: { sizeLimit: formatBytes(AUDIO_LIMIT) } };
  const name = (msg.audio?.title ?? file.file_name ?? '').trim() || '🎵';
  return {
    prompt: truncate(name, model.maxPromptLength),
    audio: { fileId: file.file_id, uniqueId: file.file_unique_id },
  };
}

videoFeature.on(
  ['message:text', 'message:audio', 'message:voice', 'message:document'],
  async (ctx, next) => {
    const replied = ctx.message.reply_to_message;
    const draftId = replied?.from?.id === ctx.me.id ? draftIdOf(replied) : undefined;
    if (!replied || !draftId) return next();
    const store = drafts(ctx);
    const draft = await store.get(draftId);
    const model =
      draft && (ctx.deps.catalog.get(draft.model, 'video') ?? fallbackModel(ctx, draft));
    const reply = model && readReply(ctx, model);
    if (draft && model && !reply) return next();
    if (!draft || !model || draft.userId !== ctx.from.id || draft.jobId) {
      await ctx.reply(ctx.t('video-draft-gone'), replyParams(ctx.message.message_id));
      return;
    }
    if (!reply || 'refuse' in reply) {
      await ctx.reply(
        ctx.t(reply?.refuse ?? 'video-draft-gone', reply?.vars),
        replyParams(ctx.message.message_id),
      );
      return;
    }
    const updated: VideoDraft = { ...draft, prompt: reply.prompt, view: 'main' };
    if (reply.audio) updated.audio = reply.audio;
    else delete updated.audio;
    await store.save(updated);
    await show(ctx, await screenFor(ctx, updated, model), replied.message_id);
    await ctx.reply(
      ctx.t(reply.audio ? 'video-audio-set' : 'video-prompt-set'),
      replyParams(ctx.message.message_id),
    );
  },
);

// The rest of an album whose first photo said /video (before edits take albums as theirs).
videoFeature.on(['message:photo', 'message:document'], async (ctx, next) => {
  if (!(await videoAlbums.follow(ctx))) return next();
});

/** Redraws a keyboard: the pressed one, or (`messageId`) the one a reply answered. */
async function show(ctx: BotContext, screen: Screen, messageId?: number): Promise<void> {
  const extra = { parse_mode: 'HTML' as const, reply_markup: screen.keyboard };
  try {
    if (messageId === undefined) await ctx.editMessageText(screen.text, extra);
    else await ctx.api.editMessageText(ctx.chat?.id ?? 0, messageId, screen.text, extra);
  } catch (err) {
    if (!isNotModified(err)) throw err;
  }
}

const toast = (ctx: Query, text: string, alert = false) =>
  ctx.answerCallbackQuery({ text: truncate(text, 200), ...(alert ? { show_alert: true } : {}) });

videoFeature.callbackQuery(/^v:/, async (ctx, next) => {
  const button = parseVideo(ctx.callbackQuery.data);
  if (!button) return next();
  const store = drafts(ctx);
  const draft = await store.get(button.draftId);
  if (!draft) {
    await toast(ctx, ctx.t('video-draft-gone'));
    await ctx.editMessageReplyMarkup().catch(() => {});
    return;
  }
  if (draft.userId !== ctx.from.id) return void (await toast(ctx, ctx.t('video-not-yours')));
  if (draft.jobId) return void (await toast(ctx, ctx.t('video-already-started')));
  const model = ctx.deps.catalog.get(draft.model, 'video');
  if (
    !model &&
    button.action.op !== 'models' &&
    button.action.op !== 'model' &&
    button.action.op !== 'cancel'
  ) {
    await toast(ctx, ctx.t('video-model-gone'));
    return show(ctx, await screenFor(ctx, { ...draft, view: 'models' }, fallbackModel(ctx, draft)));
  }
  await act(ctx, store, draft, model ?? fallbackModel(ctx, draft), button.action);
});

/** The model a draft falls back to when the operator removed its own (the default). */
function fallbackModel(ctx: BotContext, draft: VideoDraft): VideoModel {
  const model = videoModelFor(ctx.deps.catalog, {}) ?? ctx.deps.catalog.list('video')[0];
  if (!model) throw new Error(`no video model for draft ${draft.id}`);
  return model;
}

/** Applies a choice to the draft and to the user's settings, so the next /video starts there. */
async function choose(
  ctx: Query,
  store: VideoDrafts,
  draft: VideoDraft,
  choice: VideoChoice,
): Promise<VideoDraft> {
  const next: VideoDraft = { ...draft, ...choice, view: 'main' };
  if (choice.shape === undefined) delete next.shape;
  if (choice.mode === undefined) delete next.mode;
  if (choice.effect === undefined) delete next.effect;
  if (choice.voice === undefined) delete next.voice;
  await store.save(next);
  await updateSettings(ctx.deps.database, draft.userId, settingsPatchFor(choice));
  return next;
}

async function act(
  ctx: Query,
  store: VideoDrafts,
  draft: VideoDraft,
  model: VideoModel,
  action: VideoAction,
): Promise<void> {
  const current: VideoChoice = {
    model: model.id,
    duration: draft.duration,
    ...(draft.shape !== undefined ? { shape: draft.shape } : {}),
    ...(draft.mode !== undefined ? { mode: draft.mode } : {}),
    ...(draft.effect !== undefined ? { effect: draft.effect } : {}),
    ...(draft.voice !== undefined ? { voice: draft.voice } : {}),
  };
  const refuse = (problem: Parameters<typeof problemMessage>[0]['problem']) =>
    toast(ctx, problemText(ctx, { ok: false, problem, model: model.title }), true);
  switch (action.op) {
    case 'models': {
      const next = { ...draft, view: 'models' as const };
      await store.save(next);
      await ctx.answerCallbackQuery();
      return show(ctx, await screenFor(ctx, next, model));
    }
    case 'back': {
      const next = { ...draft, view: 'main' as const };
      await store.save(next);
      await ctx.answerCallbackQuery();
      return show(ctx, await screenFor(ctx, next, model));
    }
    case 'model': {
      const chosen = modelByToken(ctx.deps.catalog, draft, action.token);
      if (!chosen) return void (await toast(ctx, ctx.t('video-model-gone')));
      // Keep what the new model also offers (a ratio maps to the nearest size, and back).
      const next = await choose(ctx, store, draft, choiceFor(chosen, current));
      await toast(ctx, ctx.t('video-saved-model', { model: chosen.title }));
      return show(ctx, await screenFor(ctx, next, chosen));
    }
    case 'duration': {
      if (!model.durations.allowed.includes(action.value))
        return void (await refuse({
          code: 'duration_unsupported',
          allowed: model.durations.allowed.map(String),
        }));
      const next = await choose(ctx, store, draft, { ...current, duration: action.value });
      await ctx.answerCallbackQuery();
      return show(ctx, await screenFor(ctx, next, model));
    }
    case 'shape': {
      const shapes = shapeChoice(model);
      if (!shapes?.allowed.includes(action.value))
        return void (await refuse({
          code: shapes?.kind === 'size' ? 'size_unsupported' : 'aspect_unsupported',
          allowed: shapes?.allowed ?? [],
        }));
      const next = await choose(ctx, store, draft, { ...current, shape: action.value });
      await ctx.answerCallbackQuery();
      return show(ctx, await screenFor(ctx, next, model));
    }
    case 'mode': {
      if (!model.modes?.allowed.includes(action.value))
        return void (await refuse({
          code: 'mode_unsupported',
          allowed: (model.modes?.allowed ?? []).map(String),
        }));
      const next = await choose(ctx, store, draft, { ...current, mode: action.value });
      await ctx.answerCallbackQuery();
      return show(ctx, await screenFor(ctx, next, model));
    }
    case 'effect': {
      if (!model.effects?.allowed.includes(action.value))
        return void (await refuse({
          code: 'effect_unsupported',
          allowed: (model.effects?.allowed ?? []).map((e) => effectLabel(ctx.t, e)),
        }));
      const next = await choose(ctx, store, draft, { ...current, effect: action.value });
      await ctx.answerCallbackQuery();
      return show(ctx, await screenFor(ctx, next, model));
    }
    case 'voice': {
      if (!model.speech?.voices.allowed.includes(action.value))
        return void (await refuse({
          code: 'voice_unsupported',
          allowed: (model.speech?.voices.allowed ?? []).map((v) => voiceLabel(ctx.t, v)),
        }));
      const next = await choose(ctx, store, draft, { ...current, voice: action.value });
      await ctx.answerCallbackQuery();
      return show(ctx, await screenFor(ctx, next, model));
    }
    case 'cancel':
      await store.delete(draft.id);
      await ctx.answerCallbackQuery({ text: ctx.t('video-cancelled') });
      await ctx.deleteMessage().catch(() => ctx.editMessageReplyMarkup().catch(() => {}));
      return;
    case 'confirm':
      return confirm(ctx, store, draft, model);
  }
}

/** Validates the request as it stands now, then reserves and queues it (once per draft). */
async function confirm(ctx: Query, store: VideoDrafts, draft: VideoDraft, model: VideoModel) {
  const prepared = prepareVideoJob({
    model,
    choice: draft,
    prompt: draft.prompt,
    ...inputOf(draft),
    ...(draft.replyTo !== undefined ? { replyToMessageId: draft.replyTo } : {}),
    ...(draft.parentJobId !== undefined ? { parentJobId: draft.parentJobId } : {}),
  });
  if (!prepared.ok) {
    await toast(ctx, problemText(ctx, prepared));
    await replyProblem(ctx, prepared, draft.replyTo);
    return;
  }
  await ctx.answerCallbackQuery();
  // The keyboard is single-use: a double tap (or the same tap on two instances) is one job.
  const outcome = await submitJob(ctx, prepared, {
    startKey: `video:${draft.id}`,
    confirmed: true,
  });
  if (!outcome.ok) return; // told by submitJob; the draft stays for another try (after a top-up)
  if (outcome.existing) return;
  await store.save({ ...draft, jobId: outcome.job.id });
  const price =
    outcome.job.payer === 'own_key' ? ctx.t('job-cost-own-key') : moneyOf(ctx)(outcome.job.price);
  await ctx
    .editMessageText(
      ctx.t('video-started', { model: model.title, seconds: draft.duration, price }),
      { reply_markup: { inline_keyboard: [] } },
    )
    .catch((err: unknown) => ctx.log.debug({ err }, 'video keyboard not closed'));
}

/**
 * 🔁 on a delivered video: the same request on a fresh keyboard (priced anew on confirm); ⏩ a
 * continuation of it, 🗣 a lip sync of it, by a model that works on its model's videos.
 */
videoFeature.callbackQuery(/^j:/, async (ctx, next) => {
  const parsed = parseJobButton(ctx.callbackQuery.data);
  const action = parsed?.action;
  if (action !== 'again' && action !== 'extend' && action !== 'lipsync') return next();
  const job = getJob(ctx.deps.db, parsed?.jobId ?? '');
  if (job?.family !== 'video' || job.userId !== ctx.from.id) return next();
  await (action === 'again' ? again(ctx, job) : followUp(ctx, job, action));
});

/** The earlier video a job continued, as a source again (its own job may be gone). */
function sourceOf(ctx: BotContext, jobId: string, taskId: string): VideoSource | undefined {
  const parent = getJob(ctx.deps.db, jobId);
  return parent ? { jobId, taskId, model: parent.model } : undefined;
}

async function followUp(ctx: Query, job: JobRow, kind: FollowUp): Promise<void> {
  const params = videoJobParams.safeParse(job.params);
  const model = modelsForInput(ctx.deps.catalog, { images: 0, sourceModel: job.model }).find(
    (m) => followUpOf(m) === kind,
  );
  // Only a video that exists at the gateway can be continued: done, or being delivered now.
  if (
    !params.success ||
    !model ||
    !job.upstreamId ||
    !resultUsable(job.status) ||
    ctx.chat === undefined
  ) {
    await ctx.answerCallbackQuery({ text: ctx.t('video-extend-unavailable'), show_alert: true });
    return;
  }
  await ctx.answerCallbackQuery({ text: ctx.t(`video-${kind}-toast`) });
  const messageId = ctx.callbackQuery.message?.message_id;
  await showNewDraft(
    ctx,
    {
      id: newDraftId(),
      userId: ctx.from.id,
      chatId: ctx.chat.id,
      // A continuation goes on as described; a lip sync asks for the words to say.
      prompt: kind === 'extend' ? params.data.prompt : '',
      ...choiceFor(model, {}),
      source: { jobId: job.id, taskId: job.upstreamId, model: job.model },
      ...(messageId !== undefined ? { replyTo: messageId } : {}),
      parentJobId: job.id,
      view: 'main',
    },
    model,
  );
}

async function again(ctx: Query, job: JobRow): Promise<void> {
  const params = videoJobParams.safeParse(job.params);
  const model = ctx.deps.catalog.get(job.model, 'video');
  if (!params.success || !model || ctx.chat === undefined) {
    await ctx.answerCallbackQuery();
    await ctx.reply(ctx.t('video-again-model-gone', { model: ctx.deps.catalog.title(job.model) }));
    return;
  }
  await ctx.answerCallbackQuery({ text: ctx.t('video-again-toast') });
  const p = params.data;
  const choice = choiceFor(model, {
    duration: p.duration,
    ...((p.aspectRatio ?? p.size) !== undefined ? { shape: p.aspectRatio ?? p.size } : {}),
    ...(p.mode !== undefined ? { mode: p.mode } : {}),
    ...(p.effect !== undefined ? { effect: p.effect } : {}),
    ...(p.speech !== undefined ? { voice: p.speech.voice } : {}),
  });
  const messageId = ctx.callbackQuery.message?.message_id;
  const source = p.source && sourceOf(ctx, p.source.jobId, p.source.taskId);
  await showNewDraft(
    ctx,
    {
      id: newDraftId(),
      userId: ctx.from.id,
      chatId: ctx.chat.id,
      prompt: p.prompt,
      ...choice,
      ...(p.inputs.length > 0 ? { inputs: p.inputs } : {}),
      ...(source ? { source: source } : {}),
      ...(messageId !== undefined ? { replyTo: messageId } : {}),
      parentJobId: job.id,
      view: 'main',
    },
    model,
  );
}
