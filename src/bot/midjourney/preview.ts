import { InputFile } from 'grammy';
import { userLocale } from '../../accounts/locale.js';
import type { Logger } from '../../infra/logger.js';
import { Semaphore } from '../../infra/semaphore.js';
import { progressKey } from '../../jobs/async-family.js';
import { mjResultOf } from '../../jobs/midjourney/result.js';
import type { JobNotifier, JobProgress } from '../../jobs/ports.js';
import { getJob, type JobRow, patchJob } from '../../jobs/store.js';
import type { DeliveryContext } from '../jobs/delivery-types.js';
import { replyParams } from '../transport/reply-params.js';

export interface MjPreviewOptions {
  /** Fetches a preview by URL, size-capped (the gateway client's download). */
  download(url: string, maxBytes: number): Promise<{ data: Buffer; mime: string }>;
  /** A preview is refreshed at most this often per job. */
  minIntervalMs?: number;
  maxBytes?: number;
  /** Preview downloads at once; beyond that a preview is skipped, never queued. */
  concurrency?: number;
  now?: () => number;
}

const PREVIEW_MIMES = new Set(['image/webp', 'image/png', 'image/jpeg']);

/**
 * The low-resolution progress image Midjourney shows while it works. Gateway URLs never go to
 * Telegram (they are Discord links that expire, or the gateway's own): the bytes are downloaded
 * and uploaded as a photo below the status message, then swapped in place with
 * editMessageMedia when progress moved, at most every `minIntervalMs`. Best effort: a preview
 * that fails, or that would wait for a busy download slot, is skipped. The photo is deleted
 * when the result is delivered or the job fails.
 */
export class MjPreviews {
  private readonly slots: Semaphore;
  private readonly limit: number;

  constructor(
    private readonly ctx: DeliveryContext,
    private readonly o: MjPreviewOptions,
  ) {
    this.limit = o.concurrency ?? 2;
    this.slots = new Semaphore(this.limit);
  }

  private now(): number {
    return (this.o.now ?? Date.now)();
  }

  async show(job: JobRow, progress: JobProgress, key: string): Promise<void> {
    const url = progress.previewUrl;
    if (!url || job.statusMessageId === null || job.family !== 'midjourney') return;
    const current = mjResultOf(getJob(this.ctx.db, job.id) ?? job).preview;
    if (
      current &&
      (current.key === key || this.now() - current.at < (this.o.minIntervalMs ?? 10_000))
    )
      return;
    if (this.slots.inUse >= this.limit) return;
    await this.slots.run(async () => {
      const { data, mime } = await this.o.download(url, this.o.maxBytes ?? 2 * 1024 * 1024);
      if (!PREVIEW_MIMES.has(mime)) return;
      const ext = mime.split('/')[1] ?? 'png';
      const file = new InputFile(data, `preview.${ext}`);
      let messageId: number;
      if (current) {
        await this.ctx.api.editMessageMedia(job.chatId, current.messageId, {
          type: 'photo',
          media: file,
        });
        messageId = current.messageId;
      } else {
        const locale = await userLocale(this.ctx.database, job.userId);
        const sent = await this.ctx.api.sendPhoto(job.chatId, file, {
          caption: this.ctx.t(locale, 'mj-preview-caption'),
          disable_notification: true,
          ...replyParams(job.statusMessageId),
        });
        messageId = sent.message_id;
      }
      const fresh = getJob(this.ctx.db, job.id);
      if (fresh?.status !== 'running') {
        // The job finished while the preview travelled: it would never be cleaned up.
        await this.ctx.api.deleteMessage(job.chatId, messageId).catch(() => {});
        return;
      }
      patchJob(this.ctx.db, job.id, {
        result: { ...(fresh.result ?? {}), preview: { messageId, key, at: this.now() } },
      });
    });
  }

  async remove(job: JobRow): Promise<void> {
    const preview = mjResultOf(getJob(this.ctx.db, job.id) ?? job).preview;
    if (preview) await this.ctx.api.deleteMessage(job.chatId, preview.messageId).catch(() => {});
  }
}

/** Async jobs' notifier: Midjourney progress also shows (and at the end removes) a preview. */
export function withPreviews(
  notifier: JobNotifier,
  previews: MjPreviews,
  logger: Logger,
  enabled = true,
): JobNotifier {
  return {
    async progress(job, progress) {
      await notifier.progress(job, progress);
      if (enabled)
        await previews
          .show(job, progress, progressKey(progress))
          .catch((err: unknown) => logger.debug({ err, job: job.id }, 'preview skipped'));
    },
    deliver: (job) => notifier.deliver(job),
    async failed(job, refunded) {
      await previews.remove(job);
      await notifier.failed(job, refunded);
    },
  };
}
