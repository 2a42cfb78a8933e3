import { InlineKeyboard, InputFile, InputMediaBuilder } from 'grammy';
import type { Message } from 'grammy/types';
import type { DeliveryReceipt, StoredFile } from '../../jobs/ports.js';
import type { JobRow } from '../../jobs/store.js';
import type { Locale } from '../i18n.js';
import { jobButton } from '../jobs/callback-data.js';
import type { Deliverer, DeliveryContext } from '../jobs/delivery-types.js';
import { resultCaption } from '../jobs/result-caption.js';
import { showUploading } from '../transport/chat-action.js';
import { replyParams } from '../transport/reply-params.js';
import { isPhotoRejected } from '../transport/telegram-errors.js';
import { contentOf, type ImageSource, photoBytes, previewName } from './photo-fit.js';

const EXT_NAMES: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
};

export function resultFiles(job: JobRow): StoredFile[] {
  const files = job.result?.files;
  return Array.isArray(files) ? (files as StoredFile[]) : [];
}

export function fileName(job: JobRow, index: number, file: StoredFile): string {
  return `${job.model.replace(/[^\w.-]+/g, '_')}-${job.id}-${index + 1}.${EXT_NAMES[file.mime] ?? 'bin'}`;
}

export function resultKeyboard(ctx: DeliveryContext, job: JobRow, locale: Locale): InlineKeyboard {
  return new InlineKeyboard()
    .text(ctx.t(locale, 'job-button-again'), jobButton(job.id, 'again'))
    .text(ctx.t(locale, 'job-button-edit'), jobButton(job.id, 'edit'))
    .row()
    .text(ctx.t(locale, 'job-button-original'), jobButton(job.id, 'orig'));
}

const largestPhotoId = (message: Message) => message.photo?.at(-1)?.file_id;

/** The photo upload of a result: the file itself under its name, or a smaller copy (preview-…). */
const photoInput = (photo: ImageSource, file: StoredFile, name: string) =>
  new InputFile(contentOf(photo), photo === file ? name : previewName(name));

/**
 * One image: a photo with caption and buttons (a document when Telegram would refuse the photo).
 * Several: media groups of up to ten, then the buttons in a message of their own (media groups
 * cannot carry a keyboard). The status message is removed once the result is there.
 */
export const deliverImages: Deliverer = async (ctx, job, locale) => {
  const files = resultFiles(job);
  const caption = resultCaption(ctx, job, locale);
  const keyboard = resultKeyboard(ctx, job, locale);
  const replyTo = replyParams(job.replyToMessageId);
  const updated = files.map((f) => ({ ...f }));
  const messageIds: number[] = [];

  const [first] = files;
  if (files.length === 1 && first) {
    const name = fileName(job, 0, first);
    // Over Telegram's photo limits a smaller copy is shown; 📎 still sends the original.
    const photo = await photoBytes(first, first.mime);
    await showUploading(ctx.api, job.chatId, photo ? 'upload_photo' : 'upload_document');
    let sent: Message | undefined;
    if (photo) {
      try {
        sent = await ctx.api.sendPhoto(job.chatId, photoInput(photo, first, name), {
          caption,
          parse_mode: 'HTML',
          reply_markup: keyboard,
          ...replyTo,
        });
        const id = largestPhotoId(sent);
        if (id && updated[0]) updated[0].photoFileId = id;
      } catch (err) {
        if (!isPhotoRejected(err)) throw err;
      }
    }
    if (!sent) {
      sent = await ctx.api.sendDocument(job.chatId, new InputFile(first.path, name), {
        caption,
        parse_mode: 'HTML',
        reply_markup: keyboard,
        ...replyTo,
      });
      if (sent.document && updated[0]) updated[0].documentFileId = sent.document.file_id;
    }
    messageIds.push(sent.message_id);
  } else {
    // A media group is all photos or all documents: oversized images go as smaller copies, and
    // one that cannot be shown makes it documents.
    const photos = await Promise.all(files.map((f) => photoBytes(f, f.mime)));
    const asPhotos = photos.every(Boolean);
    await showUploading(ctx.api, job.chatId, asPhotos ? 'upload_photo' : 'upload_document');
    for (let start = 0; start < files.length; start += 10) {
      const chunk = files.slice(start, start + 10).map((f, j) => {
        const name = fileName(job, start + j, f);
        const photo = photos[start + j];
        return {
          file: asPhotos && photo ? photoInput(photo, f, name) : new InputFile(f.path, name),
          extra: start + j === 0 ? { caption, parse_mode: 'HTML' as const } : {},
        };
      });
      let sent: Message[];
      if (chunk.length === 1 && chunk[0]) {
        const { file, extra } = chunk[0];
        sent = [
          asPhotos
            ? await ctx.api.sendPhoto(job.chatId, file, { ...extra, ...replyTo })
            : await ctx.api.sendDocument(job.chatId, file, { ...extra, ...replyTo }),
        ];
      } else {
        sent = asPhotos
          ? await ctx.api.sendMediaGroup(
              job.chatId,
              chunk.map((c) => InputMediaBuilder.photo(c.file, c.extra)),
              replyTo,
            )
          : await ctx.api.sendMediaGroup(
              job.chatId,
              chunk.map((c) => InputMediaBuilder.document(c.file, c.extra)),
              replyTo,
            );
      }
      sent.forEach((message, j) => {
        const target = updated[start + j];
        if (!target) return;
        const photoId = largestPhotoId(message);
        if (photoId) target.photoFileId = photoId;
        if (message.document) target.documentFileId = message.document.file_id;
        messageIds.push(message.message_id);
      });
    }
    // The caption is on the album already; the buttons' own message only says what they are for.
    const buttons = await ctx.api.sendMessage(
      job.chatId,
      ctx.t(locale, 'job-album-buttons', { count: files.length }),
      { reply_markup: keyboard },
    );
    messageIds.push(buttons.message_id);
  }
  return { result: { files: updated, messageIds } } satisfies DeliveryReceipt;
};
