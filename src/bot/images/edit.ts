/**
 * Photo editing. Three ways in: a photo (or image file) with a caption; a reply to a photo with
 * `/edit <instruction>`; `/edit` first, then the photo. A photo without an instruction makes the
 * bot ask for one. Albums are collected over a short window and edited together by a model that
 * accepts that many images. Photos travel as Telegram file ids; the worker downloads the bytes.
 */

import type { Message } from 'grammy/types';
import { getSettings } from '../../accounts/users.js';
import type { AlbumStore } from '../../infra/album-store.js';
import { Composer } from '../composer.js';
import type { BotContext } from '../context.js';
import { submitJob } from '../jobs/submit-job.js';
import { replyParams } from '../transport/reply-params.js';
import { ALBUM_WINDOW_MS, AlbumCollector } from './albums.js';
import {
  clearEditAwaiting,
  type EditAwaiting,
  readEditAwaiting,
  writeEditAwaiting,
} from './awaiting.js';
import { replyBadImage } from './bad-image.js';
import { captionCommand, type ImageRef, pickImage } from './photo-input.js';
import { editModelFor, parsePromptFlags, prepareImageJob } from './request.js';

const BAD_IMAGE = { tooLarge: 'edit-too-large', notImage: 'edit-not-image' };

interface AlbumItem {
  image: ImageRef;
  caption: string;
  /** Instruction given with /edit before the album was sent. */
  prompt: string;
  messageId: number;
}

/** Starts an edit of these images with the user's edit model (or one that takes that many). */
export async function startEdit(
  ctx: BotContext,
  images: ImageRef[],
  instruction: string,
  replyToMessageId?: number,
): Promise<void> {
  const userId = ctx.from?.id;
  if (userId === undefined) return;
  const { database, catalog } = ctx.deps;
  const model = editModelFor(catalog, await getSettings(database, userId), images.length);
  if (!model) {
    await ctx.reply(ctx.t('edit-no-model'));
    return;
  }
  const flags = parsePromptFlags(instruction);
  await submitJob(
    ctx,
    prepareImageJob({
      model,
      kind: 'edit',
      prompt: flags.prompt,
      ...(flags.size !== undefined ? { size: flags.size } : {}),
      ...(flags.aspectRatio !== undefined ? { aspectRatio: flags.aspectRatio } : {}),
      ...(flags.n !== undefined ? { n: flags.n } : {}),
      ...(flags.options ? { options: flags.options } : {}),
      inputs: images.map((i) => ({
        fileId: i.fileId,
        ...(i.uniqueId ? { uniqueId: i.uniqueId } : {}),
      })),
      ...(replyToMessageId !== undefined ? { replyToMessageId } : {}),
    }),
  );
}

/** The "what should I change?" question; in groups it asks for a reply so the bot sees it. */
export async function askInstruction(ctx: BotContext, count: number): Promise<void> {
  const group = ctx.chat?.type !== 'private';
  await ctx.reply(count > 1 ? ctx.t('edit-ask-album', { count }) : ctx.t('edit-ask'), {
    ...(group ? { reply_markup: { force_reply: true, selective: true } } : {}),
    ...replyParams(ctx.msg?.message_id),
  });
}

const isReplyToBot = (ctx: BotContext) => ctx.msg?.reply_to_message?.from?.id === ctx.me.id;

export function createEditFeature(
  options: { albumWindowMs?: number; albumStore?: AlbumStore } = {},
): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  // Outside any update: nothing else would see a failure, so log it and tell the user.
  const albumFailed = async (err: unknown, ctx: BotContext) => {
    ctx.log.error({ err }, 'album edit failed');
    await ctx.reply(ctx.t('error-generic')).catch(() => {});
  };
  // The context of the album's last photo carries the hand-over (its chat, user, locale).
  const albums = new AlbumCollector<AlbumItem, BotContext>({
    windowMs: options.albumWindowMs ?? ALBUM_WINDOW_MS,
    ...(options.albumStore ? { store: options.albumStore } : {}),
    onComplete: (_key, items, ctx) => {
      const instruction =
        items.find((i) => i.caption)?.caption ?? items.find((i) => i.prompt)?.prompt ?? '';
      const images = items.map((i) => i.image);
      const run = instruction
        ? startEdit(ctx, images, instruction, items[0]?.messageId)
        : askInstruction(ctx, images.length);
      run.catch((err: unknown) => albumFailed(err, ctx));
    },
    onError: (err, ctx) => void albumFailed(err, ctx),
  });

  /**
   * One photo of an album. The instruction comes from any caption, or from an earlier /edit.
   * While the album has none, the session remembers its photos so the next text can be the
   * instruction (the session can only be written while an update is being handled).
   */
  async function collect(
    ctx: BotContext,
    key: string,
    image: ImageRef,
    caption: string,
    awaiting: EditAwaiting | undefined,
  ): Promise<void> {
    const message = ctx.msg as Message;
    let prompt = '';
    if (awaiting?.kind === 'edit-photo') {
      prompt = awaiting.prompt ?? '';
      clearEditAwaiting(ctx.session);
    }
    const items = await albums.add(
      key,
      { image, caption, prompt, messageId: message.message_id },
      ctx,
    );
    if (!items) return;
    if (items.some((i) => i.caption || i.prompt)) {
      if (awaiting?.kind === 'edit-prompt' && awaiting.group === key)
        clearEditAwaiting(ctx.session);
      return;
    }
    writeEditAwaiting(ctx.session, {
      kind: 'edit-prompt',
      images: items.map((i) => i.image),
      group: key,
    });
  }

  feature.command('cancel', async (ctx, next) => {
    if (!readEditAwaiting(ctx.session)) return next();
    clearEditAwaiting(ctx.session);
    await ctx.reply(ctx.t('edit-cancelled'));
  });

  feature.command('edit', async (ctx) => {
    const instruction = typeof ctx.match === 'string' ? ctx.match.trim() : '';
    const replied = ctx.msg.reply_to_message;
    const pick = replied ? pickImage(replied) : undefined;
    if (pick && !pick.ok) return replyBadImage(ctx, pick, BAD_IMAGE);
    if (pick?.ok) {
      if (!instruction) {
        writeEditAwaiting(ctx.session, { kind: 'edit-prompt', images: [pick.image] });
        return askInstruction(ctx, 1);
      }
      clearEditAwaiting(ctx.session);
      return startEdit(ctx, [pick.image], instruction, ctx.msg.message_id);
    }
    writeEditAwaiting(ctx.session, {
      kind: 'edit-photo',
      ...(instruction ? { prompt: instruction } : {}),
    });
    await ctx.reply(instruction ? ctx.t('edit-send-photo') : ctx.t('edit-send-photo-captioned'));
  });

  feature.on(['message:photo', 'message:document'], async (ctx, next) => {
    const msg = ctx.message;
    const cmd = captionCommand(msg.caption, ctx.me.username);
    // Another command in a caption (e.g. /video) is not an edit instruction.
    if (cmd && cmd.command !== 'edit') return next();
    const awaiting = readEditAwaiting(ctx.session);
    const key = msg.media_group_id ? `${ctx.chat.id}:${msg.media_group_id}` : undefined;
    const ours =
      ctx.chat.type === 'private' ||
      cmd !== undefined ||
      awaiting?.kind === 'edit-photo' ||
      (key !== undefined && (await albums.has(key)));
    if (!ours) return next();
    const pick = pickImage(msg);
    if (!pick) return next();
    if (!pick.ok) return replyBadImage(ctx, pick, BAD_IMAGE);
    const caption = cmd ? cmd.args : (msg.caption?.trim() ?? '');
    if (key) return collect(ctx, key, pick.image, caption, awaiting);

    const instruction = caption || (awaiting?.kind === 'edit-photo' ? (awaiting.prompt ?? '') : '');
    if (!instruction) {
      writeEditAwaiting(ctx.session, { kind: 'edit-prompt', images: [pick.image] });
      return askInstruction(ctx, 1);
    }
    clearEditAwaiting(ctx.session);
    await startEdit(ctx, [pick.image], instruction, msg.message_id);
  });

  // The instruction for photos already sent (or, after /edit, the instruction before the photo).
  feature.on('message:text', async (ctx, next) => {
    const text = ctx.message.text;
    if (text.startsWith('/')) return next();
    const awaiting = readEditAwaiting(ctx.session);
    if (!awaiting) return next();
    if (ctx.chat.type !== 'private' && !isReplyToBot(ctx)) return next();
    if (awaiting.kind === 'edit-prompt') {
      clearEditAwaiting(ctx.session);
      return startEdit(ctx, awaiting.images, text, ctx.message.message_id);
    }
    writeEditAwaiting(ctx.session, { kind: 'edit-photo', prompt: text });
    await ctx.reply(ctx.t('edit-send-photo'));
  });

  return feature;
}
