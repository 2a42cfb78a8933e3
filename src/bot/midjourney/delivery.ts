import { InputFile } from 'grammy';
import type { Message } from 'grammy/types';
import { type MjJobResult, mjResultOf } from '../../jobs/midjourney/result.js';
import type { DeliveryReceipt, StoredFile } from '../../jobs/ports.js';
import { getJob, type JobRow } from '../../jobs/store.js';
import { escapeHtml, splitMessage } from '../format.js';
import type { Locale } from '../i18n.js';
import { fileName } from '../images/delivery.js';
import { contentOf, fitsAsPhoto, photoPreview, previewName } from '../images/photo-fit.js';
import type { Deliverer, DeliveryContext } from '../jobs/delivery-types.js';
import { resultCaption } from '../jobs/result-caption.js';
import { showUploading } from '../transport/chat-action.js';
import { replyParams } from '../transport/reply-params.js';
import { isPhotoRejected } from '../transport/telegram-errors.js';
import { keycap, mjDescribeKeyboard, mjResultKeyboard } from './keyboard.js';

/** The preview photo shown while the task ran goes once the result is there. */
export async function removeMjPreview(ctx: DeliveryContext, job: JobRow): Promise<void> {
  // The row handed to delivery may predate the last preview update: read it again.
  const preview = mjResultOf(getJob(ctx.db, job.id) ?? job).preview;
  if (preview) await ctx.api.deleteMessage(job.chatId, preview.messageId).catch(() => {});
}

/**
 * The speed Midjourney said it ran in, beside the price that was charged for the one asked for:
 * a relay may drop the mode (new-api's mode clear, a missing account filter).
 */
function ranModeLine(
  ctx: DeliveryContext,
  job: JobRow,
  locale: Locale,
  ran: MjJobResult['ranMode'],
): string[] {
  if (!ran) return [];
  const asked = typeof job.params.mode === 'string' ? job.params.mode : ran;
  const mode = (m: string) => ctx.t(locale, `mj-mode-${m}`);
  return [
    asked === ran
      ? ctx.t(locale, 'mj-ran-mode', { mode: mode(ran) })
      : ctx.t(locale, 'mj-ran-other-mode', { mode: mode(ran), asked: mode(asked) }),
  ];
}

/**
 * A Midjourney result: the image (grid or upscale) with the gateway's buttons laid out like
 * Midjourney's, as a photo; when Telegram would refuse the photo (a large grid), a smaller copy
 * with the buttons and the full file as a document;
 * a describe result as text with one "imagine this" button per prompt.
 */
export const deliverMidjourney: Deliverer = async (ctx, job, locale) => {
  const result = mjResultOf(job);
  await removeMjPreview(ctx, job);
  if (result.prompts && result.prompts.length > 0)
    return deliverPrompts(ctx, job, locale, result.prompts);

  const [file] = result.files ?? [];
  if (!file) throw new Error(`midjourney job ${job.id} has no result file`);
  const prompt =
    result.prompt ?? (typeof job.params.prompt === 'string' ? job.params.prompt : '') ?? '';
  const keyboard = mjResultKeyboard(job.id, result.buttons ?? []);
  const extra = {
    caption: resultCaption(ctx, job, locale, {
      headKey: 'mj-result-caption',
      prompt,
      facts: ranModeLine(ctx, job, locale, result.ranMode),
    }),
    parse_mode: 'HTML' as const,
    ...(keyboard ? { reply_markup: keyboard } : {}),
    ...replyParams(job.replyToMessageId),
  };
  const name = fileName(job, 0, file);
  const updated: StoredFile = { ...file };
  let sent: Message | undefined;
  const asPhoto = await fitsAsPhoto(file, file.mime);
  await showUploading(ctx.api, job.chatId, asPhoto ? 'upload_photo' : 'upload_document');
  if (asPhoto) {
    try {
      sent = await ctx.api.sendPhoto(job.chatId, new InputFile(file.path, name), extra);
      const id = sent.photo?.at(-1)?.file_id;
      if (id) updated.photoFileId = id;
    } catch (err) {
      if (!isPhotoRejected(err)) throw err;
    }
  }
  const messageIds: number[] = [];
  if (!sent) {
    // Too large for a photo: a smaller copy carries the caption and the buttons, the full file
    // follows as a document. Without a copy the document carries them (documents take keyboards).
    const preview = await photoPreview(file);
    let shown: Message | undefined;
    if (preview) {
      shown = await ctx.api
        .sendPhoto(job.chatId, new InputFile(contentOf(preview), previewName(name)), extra)
        .catch((err: unknown) => {
          if (isPhotoRejected(err)) return undefined;
          throw err;
        });
    }
    const note = escapeHtml(ctx.t(locale, 'mj-document-note'));
    sent = await ctx.api.sendDocument(
      job.chatId,
      new InputFile(file.path, name),
      shown
        ? {
            caption: note,
            ...replyParams(shown.message_id),
          }
        : { ...extra, caption: `${extra.caption}\n${note}` },
    );
    if (sent.document) updated.documentFileId = sent.document.file_id;
    if (shown) messageIds.push(shown.message_id);
  }
  messageIds.push(sent.message_id);
  return { result: { files: [updated], messageIds } } satisfies DeliveryReceipt;
};

async function deliverPrompts(
  ctx: DeliveryContext,
  job: JobRow,
  locale: Locale,
  prompts: readonly string[],
): Promise<DeliveryReceipt> {
  const lines = prompts.map((p, i) => `${keycap(i + 1)} <code>${escapeHtml(p)}</code>`);
  const text = [
    ctx.t(locale, 'mj-describe-title'),
    '',
    lines.join('\n\n'),
    '',
    escapeHtml(ctx.t(locale, 'mj-describe-hint')),
  ].join('\n');
  const keyboard = mjDescribeKeyboard(
    (key, vars) => ctx.t(locale, key, vars),
    job.id,
    prompts.length,
  );
  const parts = splitMessage(text);
  const messageIds: number[] = [];
  for (const [i, part] of parts.entries()) {
    const last = i === parts.length - 1;
    const sent = await ctx.api.sendMessage(job.chatId, part, {
      parse_mode: 'HTML',
      link_preview_options: { is_disabled: true },
      ...(last ? { reply_markup: keyboard } : {}),
      ...(i === 0 ? replyParams(job.replyToMessageId) : {}),
    });
    messageIds.push(sent.message_id);
  }
  return { result: { messageIds } };
}
