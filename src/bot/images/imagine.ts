/**
 * Image generation: `/imagine <prompt>` in any chat, and any plain text in a private chat. The
 * handler validates, reserves and queues (submitJob); the executor does the gateway call.
 */

import { getSettings } from '../../accounts/users.js';
import { Composer } from '../composer.js';
import type { BotContext } from '../context.js';
import { escapeHtml } from '../format.js';
import { submitJob } from '../jobs/submit-job.js';
import {
  generationModel,
  optionFlags,
  parsePromptFlags,
  prepareImageJob,
  storedParamsFor,
} from './request.js';

export const imagineFeature = new Composer<BotContext>();

/** Generates with the user’s current model; `--size/--ar/--n` override settings, option flags add to them. */
export async function generateFromText(ctx: BotContext, text: string): Promise<void> {
  const userId = ctx.from?.id;
  if (userId === undefined) return;
  const { database, catalog } = ctx.deps;
  const settings = await getSettings(database, userId);
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
      ...(flags.options ? { options: flags.options } : {}),
      ...(ctx.msg ? { replyToMessageId: ctx.msg.message_id } : {}),
    }),
  );
}

imagineFeature.command('imagine', async (ctx) => {
  const text = typeof ctx.match === 'string' ? ctx.match : '';
  if (text.trim() === '') {
    const userId = ctx.from?.id;
    const model =
      userId === undefined
        ? undefined
        : generationModel(ctx.deps.catalog, await getSettings(ctx.deps.database, userId));
    const flags = model && optionFlags(model);
    const usage = ctx.t('imagine-usage');
    await ctx.reply(
      flags
        ? `${usage}\n${ctx.t('imagine-model-options', { model: escapeHtml(model.title), flags: escapeHtml(flags) })}`
        : usage,
      { parse_mode: 'HTML' },
    );
    return;
  }
  await generateFromText(ctx, text);
});

// Plain text is a prompt only in a private chat: in groups the bot never treats chatter as one.
imagineFeature.chatType('private').on('message:text', async (ctx, next) => {
  if (ctx.message.text.startsWith('/')) return next();
  await generateFromText(ctx, ctx.message.text);
});
