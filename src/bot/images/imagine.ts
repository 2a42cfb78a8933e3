/**
 * Image generation: `/imagine <prompt>` in any chat, and any plain text in a private chat. The
 * handler validates, reserves and queues (submitJob); the executor does the gateway call.
 */
import { Composer } from 'grammy';
import { getSettings } from '../../accounts/users.js';
import type { BotContext } from '../context.js';
import { submitJob } from '../jobs/submit-job.js';
import { generationModel, parsePromptFlags, prepareImageJob, storedParamsFor } from './request.js';

export const imagineFeature = new Composer<BotContext>();

/** Generates with the user's current model; `--size/--ar/--n` in the text override settings. */
export async function generateFromText(ctx: BotContext, text: string): Promise<void> {
  const userId = ctx.from?.id;
  if (userId === undefined) return;
  const { db, catalog } = ctx.deps;
  const settings = getSettings(db, userId);
  const model = generationModel(catalog, settings);
  if (!model) {
    await ctx.reply(ctx.t('imagine-no-model'));
    return;
  }
  const flags = parsePromptFlags(text);
  const stored = storedParamsFor(model, settings);
  const size = flags.size ?? stored.size;
  const aspectRatio = flags.aspectRatio ?? stored.aspectRatio;
  const n = flags.n ?? stored.n;
  await submitJob(
    ctx,
    prepareImageJob({
      model,
      kind: 'generate',
      prompt: flags.prompt,
      ...(size !== undefined ? { size } : {}),
      ...(aspectRatio !== undefined ? { aspectRatio } : {}),
      ...(n !== undefined ? { n } : {}),
      ...(ctx.msg ? { replyToMessageId: ctx.msg.message_id } : {}),
    }),
  );
}

imagineFeature.command('imagine', async (ctx) => {
  const text = typeof ctx.match === 'string' ? ctx.match : '';
  if (text.trim() === '') {
    await ctx.reply(ctx.t('imagine-usage'), { parse_mode: 'HTML' });
    return;
  }
  await generateFromText(ctx, text);
});

// Plain text is a prompt only in a private chat: in groups the bot never treats chatter as one.
imagineFeature.chatType('private').on('message:text', async (ctx, next) => {
  if (ctx.message.text.startsWith('/')) return next();
  await generateFromText(ctx, ctx.message.text);
});
