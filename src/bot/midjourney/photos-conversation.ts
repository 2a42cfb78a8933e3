/**
 * The two Midjourney flows that start from photos: /blend (2–5 photos and a shape) and
 * /describe (one photo). Photos are kept as Telegram file ids; the worker downloads them.
 */
import type { Conversation } from '@grammyjs/conversations';
import type { Context } from 'grammy';
import type { Message, PhotoSize } from 'grammy/types';
import type { BaseContext } from '../context.js';
import { CANCEL_RE } from '../dialog/draft.js';
import { translator } from '../i18n.js';
import { submitJob } from '../jobs/submit-job.js';
import { MJ_WAIT_MS } from './conversation-common.js';
import { BLEND_DIMENSIONS, type BlendKey, MJ_BLEND_RE, mjBlendKeyboard } from './keyboard.js';
import { mjJob, mjModelFor } from './mj-jobs.js';

export const MJ_BLEND = 'mj-blend';
export const MJ_DESCRIBE = 'mj-describe';
const MAX_BLEND = 5;

/** The largest size Telegram made of a photo (what the model should see). */
export function largestPhoto(photo: readonly PhotoSize[] | undefined): PhotoSize | undefined {
  return photo?.reduce<PhotoSize | undefined>(
    (best, p) => (!best || (p.width ?? 0) * (p.height ?? 0) > best.width * best.height ? p : best),
    undefined,
  );
}

const photoRef = (message: Message | undefined) => {
  const p = largestPhoto(message?.photo);
  return p ? { fileId: p.file_id, uniqueId: p.file_unique_id } : undefined;
};

export interface MjPhotosArgs {
  ownerId: number;
  locale: string;
}

async function startBlend(
  outside: BaseContext,
  inputs: Array<{ fileId: string; uniqueId: string }>,
  dimensions: (typeof BLEND_DIMENSIONS)[BlendKey],
  replyToMessageId: number | undefined,
): Promise<void> {
  const model = mjModelFor(outside);
  if (!model) {
    await outside.reply(outside.t('mj-unavailable'));
    return;
  }
  await submitJob(
    outside,
    mjJob({
      kind: 'blend',
      model,
      params: { op: 'blend', inputs, dimensions },
      priceKind: 'blend',
      ...(replyToMessageId !== undefined ? { replyToMessageId } : {}),
    }),
  );
}

/**
 * Collects 2–5 photos (an album arrives as one update per photo), then offers the three shapes.
 * Entered by `/blend`, or by an album whose first photo has the caption `/blend`.
 */
export async function mjBlend(
  conversation: Conversation<BaseContext, Context>,
  ctx: Context,
  args: MjPhotosArgs,
): Promise<void> {
  const t = translator(args.locale);
  const inputs: Array<{ fileId: string; uniqueId: string }> = [];
  let firstMessage: number | undefined;
  let warned = false;
  let chooser: Message.TextMessage | undefined;
  const add = async (c: Context) => {
    const ref = photoRef(c.message);
    if (!ref) return;
    firstMessage ??= c.message?.message_id;
    if (inputs.length >= MAX_BLEND) {
      if (!warned) await c.reply(t('mj-blend-too-many'));
      warned = true;
      return;
    }
    inputs.push(ref);
  };
  if (ctx.message?.photo) await add(ctx);
  else await ctx.reply(t('mj-blend-ask'), { parse_mode: 'HTML' });

  for (;;) {
    if (inputs.length >= 2) {
      const text = t('mj-blend-choose', { count: inputs.length });
      if (!chooser) chooser = await ctx.reply(text, { reply_markup: mjBlendKeyboard(t) });
      else if (chooser.text !== text) {
        await ctx.api
          .editMessageText(chooser.chat.id, chooser.message_id, text, {
            reply_markup: mjBlendKeyboard(t),
          })
          .catch(() => {});
        chooser = { ...chooser, text };
      }
    }
    const next = await conversation.wait({ maxMilliseconds: MJ_WAIT_MS });
    if (next.from?.id !== args.ownerId) return conversation.skip({ next: true });
    if (next.message?.photo) {
      await add(next);
      continue;
    }
    const data = next.callbackQuery?.data;
    const picked = data ? MJ_BLEND_RE.exec(data)?.[1] : undefined;
    if (picked) {
      if (inputs.length < 2) {
        await next.answerCallbackQuery({ text: t('mj-blend-need-more') });
        continue;
      }
      await next.answerCallbackQuery();
      const dimensions = BLEND_DIMENSIONS[picked as BlendKey];
      if (chooser)
        await next.api.editMessageReplyMarkup(chooser.chat.id, chooser.message_id).catch(() => {});
      await conversation.external((outside) =>
        startBlend(outside, inputs, dimensions, firstMessage),
      );
      return;
    }
    const text = next.message?.text;
    if (text?.startsWith('/')) {
      if (!CANCEL_RE.test(text)) return conversation.halt({ next: true });
      await next.reply(t('mj-blend-cancelled'));
      return;
    }
    if (!next.message) return conversation.skip({ next: true });
    await next.reply(t('mj-photo-only'));
  }
}

export async function startDescribe(outside: BaseContext, message: Message): Promise<boolean> {
  const ref = photoRef(message);
  if (!ref) return false;
  const model = mjModelFor(outside);
  if (!model) {
    await outside.reply(outside.t('mj-unavailable'));
    return true;
  }
  await submitJob(
    outside,
    mjJob({
      kind: 'describe',
      model,
      params: { op: 'describe', inputs: [ref] },
      priceKind: 'describe',
      replyToMessageId: message.message_id,
    }),
  );
  return true;
}

/** `/describe` without a photo: waits for one photo. */
export async function mjDescribe(
  conversation: Conversation<BaseContext, Context>,
  ctx: Context,
  args: MjPhotosArgs,
): Promise<void> {
  const t = translator(args.locale);
  await ctx.reply(t('mj-describe-ask'), { parse_mode: 'HTML' });
  for (;;) {
    const next = await conversation.wait({ maxMilliseconds: MJ_WAIT_MS });
    if (next.from?.id !== args.ownerId) return conversation.skip({ next: true });
    const message = next.message;
    if (message?.photo) {
      await conversation.external((outside) => startDescribe(outside, message));
      return;
    }
    const text = message?.text;
    if (text?.startsWith('/')) {
      if (!CANCEL_RE.test(text)) return conversation.halt({ next: true });
      await next.reply(t('mj-describe-cancelled'));
      return;
    }
    if (!message) return conversation.skip({ next: true });
    await next.reply(t('mj-photo-only'));
  }
}
