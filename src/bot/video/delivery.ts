/**
 * Sends a finished video: as a streamable video, else as a document, else as a link. Telegram
 * refuses uploads above the Bot API server's limit (50 MB on the cloud server, 2000 MB on a
 * self-hosted one) with 413; the collector already kept only the address of videos above the
 * configured limit, and a 413 here (a limit set too high) ends in the link as well.
 *
 * A link is sent only for addresses the user can open without a key. The gateway's own content
 * routes (sora's `/v1/videos/{id}/content`) need the key that made the task: the user is told
 * the video is ready but too large, with the task id for support, and no address at all, so the
 * bot never lends its key and never sends a link that answers 401.
 */
import { GrammyError, InlineKeyboard, InputFile } from 'grammy';
import type { Message } from 'grammy/types';
import type { DeliveryReceipt } from '../../jobs/ports.js';
import type { JobRow } from '../../jobs/store.js';
import { type VideoDelivery, type VideoJobResult, videoResultOf } from '../../jobs/video/result.js';
import { escapeHtml, formatBytes } from '../format.js';
import type { Locale } from '../i18n.js';
import { jobButton } from '../jobs/callback-data.js';
import type { Deliverer, DeliveryContext } from '../jobs/delivery-types.js';
import { resultCaption } from '../jobs/result-caption.js';
import { menuData } from '../start/menu.js';
import { showUploading } from '../transport/chat-action.js';
import { replyParams } from '../transport/reply-params.js';
import { isTooLarge } from '../transport/telegram-errors.js';
import { followUpsFor } from './request.js';

const EXT: Record<string, string> = {
  'video/mp4': 'mp4',
  'video/webm': 'webm',
  'video/quicktime': 'mov',
};

export function videoFileName(job: JobRow, mime: string): string {
  return `${job.model.replace(/[^\w.-]+/g, '_')}-${job.id}.${EXT[mime] ?? 'mp4'}`;
}

/** Telegram refused this file for this method (not the chat, not a flood wait, not an outage). */
const isRefused = (err: unknown) =>
  err instanceof GrammyError && (err.error_code === 400 || err.error_code === 413);

/** 🔁 the same again; ⏩ / 🗣 when an enabled model continues or lip-syncs this one's videos. */
export function videoKeyboard(ctx: DeliveryContext, job: JobRow, locale: Locale): InlineKeyboard {
  const keyboard = new InlineKeyboard().text(
    ctx.t(locale, 'job-button-again'),
    jobButton(job.id, 'again'),
  );
  if (!job.upstreamId) return keyboard;
  for (const kind of followUpsFor(ctx.catalog(), job.model))
    keyboard.text(ctx.t(locale, `job-button-${kind}`), jobButton(job.id, kind));
  return keyboard;
}

/** The text that replaces an upload: a link, or why there is none. HTML. */
export function linkText(
  ctx: DeliveryContext,
  job: JobRow,
  locale: Locale,
  result: VideoJobResult,
): string {
  // Not downloaded (over the configured limit): only known to be larger than that.
  const size =
    result.size !== undefined
      ? formatBytes(result.size)
      : ctx.t(locale, 'video-size-over', { sizeLimit: formatBytes(ctx.config.uploadLimitBytes) });
  const head = resultCaption(ctx, job, locale);
  const body =
    result.linkable && result.sourceUrl
      ? ctx.t(locale, 'video-link', { size, url: result.sourceUrl })
      : ctx.t(locale, 'video-link-private', { size, task: result.taskId ?? job.id });
  return `${head}\n\n${escapeHtml(body)}`;
}

/** The ids a delivered video is kept by: the video's, and its thumbnail's when Telegram made one. */
function deliveredVideoIds(sent: Message): Partial<VideoJobResult> {
  if (!sent.video) return {};
  const thumb = sent.video.thumbnail?.file_id;
  return { videoFileId: sent.video.file_id, ...(thumb ? { thumbFileId: thumb } : {}) };
}

export const deliverVideo: Deliverer = async (ctx, job, locale) => {
  const result = videoResultOf(job);
  const caption = resultCaption(ctx, job, locale);
  const keyboard = videoKeyboard(ctx, job, locale);
  const replyTo = replyParams(job.replyToMessageId);
  const extra = { caption, parse_mode: 'HTML' as const, reply_markup: keyboard, ...replyTo };
  const done = (as: VideoDelivery, sent: Message, ids: Partial<VideoJobResult> = {}) =>
    ({
      result: { deliveredAs: as, messageIds: [sent.message_id], ...ids },
    }) satisfies DeliveryReceipt;

  const file = result.file && (await ctx.results.exists(result.file)) ? result.file : undefined;
  if (file && !result.linkOnly) {
    const name = videoFileName(job, file.mime);
    await showUploading(ctx.api, job.chatId, 'upload_video');
    let tooLarge = false;
    try {
      const sent = await ctx.api.sendVideo(job.chatId, new InputFile(file.path, name), {
        ...extra,
        supports_streaming: true,
      });
      return done('video', sent, deliveredVideoIds(sent));
    } catch (err) {
      if (!isRefused(err)) throw err;
      tooLarge = isTooLarge(err);
      ctx.logger.info({ job: job.id, err }, 'video refused as a video');
    }
    // A 413 would only repeat for the same bytes as a document: straight to the link then.
    if (!tooLarge) {
      try {
        const sent = await ctx.api.sendDocument(job.chatId, new InputFile(file.path, name), extra);
        return done(
          'document',
          sent,
          sent.document ? { documentFileId: sent.document.file_id } : {},
        );
      } catch (err) {
        if (!isTooLarge(err)) throw err;
        ctx.logger.info({ job: job.id }, 'video too large as a document: sending a link');
      }
    }
  }

  const linkable = Boolean(result.linkable && result.sourceUrl);
  const sent = await ctx.api.sendMessage(job.chatId, linkText(ctx, job, locale, result), {
    parse_mode: 'HTML',
    link_preview_options: { is_disabled: true },
    reply_markup: linkable
      ? keyboard
      : keyboard.row().text(ctx.t(locale, 'job-button-support'), menuData('support')),
    ...replyTo,
  });
  return done(linkable ? 'link' : 'unlinkable', sent);
};
