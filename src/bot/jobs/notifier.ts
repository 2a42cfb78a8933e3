import { InlineKeyboard } from 'grammy';
import { userLocale } from '../../accounts/locale.js';
import { setBlockedBot } from '../../accounts/users.js';
import type { DeliveryReceipt, JobNotifier, JobProgress } from '../../jobs/ports.js';
import type { JobFamily } from '../../jobs/state.js';
import type { JobRow } from '../../jobs/store.js';
import { escapeHtml, formatElapsed } from '../format.js';
import type { Locale } from '../i18n.js';
import { menuData } from '../start/menu.js';
import { isMessageGone, isUnreachable } from '../transport/telegram-errors.js';
import { chargeLine, withCharge } from './charge-line.js';
import type { Deliverer, DeliveryContext } from './delivery-types.js';

/** Failure codes whose message differs when the user's own key was used. */
const OWN_KEY_CODES = new Set([
  'bad_key',
  'key_exhausted',
  'model_not_allowed',
  'insufficient_balance',
]);

/**
 * Failures whose kind we know but whose cause only the provider can tell: its words (English,
 * steered by the prompt) are quoted after the reason, as theirs, when it gave any.
 */
const QUOTES_PROVIDER = new Set(['invalid_request', 'task_failed']);

/** The user-facing reason for a failed job, in their language. */
export function failureReason(ctx: DeliveryContext, job: JobRow, locale: Locale): string {
  const code = job.errorCode ?? 'unknown';
  const detail = job.errorMessage ?? '';
  const key =
    job.payer === 'own_key' && OWN_KEY_CODES.has(code)
      ? `job-failed-own-${code}`
      : `job-failed-${code}`;
  const vars = {
    word: code === 'banned_prompt' && detail ? detail : 'none',
    detail: detail || 'none',
  };
  const text = ctx.t(locale, key, vars);
  // An unknown id comes back as the id itself: fall back to the generic reason with the detail.
  if (text === key) return ctx.t(locale, 'job-failed-unknown', vars);
  if (QUOTES_PROVIDER.has(code) && detail)
    return `${text} ${ctx.t(locale, 'job-failed-provider-words', { detail })}`;
  return text;
}

/** Reaches the chat for the job workers: progress edits, results, failures. */
export class TelegramNotifier implements JobNotifier {
  constructor(
    private readonly ctx: DeliveryContext,
    private readonly deliverers: Partial<Record<JobFamily, Deliverer>>,
  ) {}

  private locale(job: JobRow): Promise<Locale> {
    return userLocale(this.ctx.database, job.userId);
  }

  async progress(job: JobRow, progress: JobProgress): Promise<void> {
    if (!job.statusMessageId) return;
    const locale = await this.locale(job);
    const elapsed = formatElapsed(Date.now() - job.createdAt);
    const model = this.ctx.catalog().title(job.model);
    const text =
      progress.stage === 'queued'
        ? this.ctx.t(locale, 'job-queued', { model })
        : progress.stage === 'generating'
          ? this.ctx.t(locale, 'job-generating', { model, elapsed })
          : progress.stage === 'held'
            ? this.ctx.t(locale, 'job-held', { reason: progress.text ?? '', elapsed })
            : this.ctx.t(locale, 'job-running', {
                model,
                progress:
                  progress.text ?? (progress.percent !== undefined ? `${progress.percent}%` : '…'),
                elapsed,
              });
    const charged = chargeLine(
      (k, v) => this.ctx.t(locale, k, v),
      job,
      (amount) => this.ctx.money(amount, locale),
    );
    await this.guard(job, () =>
      this.ctx.status.edit(job.chatId, job.statusMessageId as number, withCharge(text, charged)),
    );
  }

  async deliver(job: JobRow): Promise<DeliveryReceipt> {
    const deliverer = this.deliverers[job.family];
    if (!deliverer) throw new Error(`no deliverer for family ${job.family}`);
    let receipt: DeliveryReceipt;
    try {
      receipt = await deliverer(this.ctx, job, await this.locale(job));
    } catch (err) {
      if (isUnreachable(err)) return await this.markUnreachable(job);
      throw err;
    }
    await this.removeStatus(job);
    return receipt;
  }

  async failed(job: JobRow, refunded: boolean): Promise<void> {
    const locale = await this.locale(job);
    const refund = refunded
      ? this.ctx.t(locale, 'job-refunded', { amount: this.ctx.money(job.price, locale) })
      : '';
    // The reason may quote the provider's words: escaped, unlike the template's own tags.
    const text = this.ctx
      .t(locale, 'job-failed', {
        reason: escapeHtml(failureReason(this.ctx, job, locale)),
        refund: escapeHtml(refund),
        job: job.id,
      })
      .replace(/\n{2,}/g, '\n')
      .trim();
    const markup = new InlineKeyboard().text(
      this.ctx.t(locale, 'job-button-support'),
      menuData('support'),
    );
    await this.guard(job, async () => {
      if (job.statusMessageId) {
        try {
          await this.ctx.status.edit(job.chatId, job.statusMessageId, text, {
            force: true,
            markup,
            html: true,
          });
          this.ctx.status.forget(job.chatId, job.statusMessageId);
          return;
        } catch (err) {
          if (!isMessageGone(err)) throw err;
        }
      }
      await this.ctx.api.sendMessage(job.chatId, text, {
        parse_mode: 'HTML',
        reply_markup: markup,
      });
    });
  }

  private async removeStatus(job: JobRow): Promise<void> {
    if (!job.statusMessageId) return;
    this.ctx.status.forget(job.chatId, job.statusMessageId);
    await this.ctx.api.deleteMessage(job.chatId, job.statusMessageId).catch(() => {});
  }

  /** Progress and failure notes are best effort: a blocked user is recorded, nothing is retried. */
  private async guard(job: JobRow, send: () => Promise<unknown>): Promise<void> {
    try {
      await send();
    } catch (err) {
      if (isUnreachable(err)) {
        await this.markUnreachable(job);
        return;
      }
      this.ctx.logger.warn({ err, job: job.id }, 'could not update the chat about a job');
    }
  }

  private async markUnreachable(job: JobRow): Promise<DeliveryReceipt> {
    await setBlockedBot(this.ctx.database, job.userId, true);
    return { unreachable: true };
  }
}
