import type { JobRow } from '../../jobs/store.js';
import { escapeHtml, truncate } from '../format.js';
import type { Locale } from '../i18n.js';
import type { DeliveryContext } from './delivery-types.js';

const CAPTION_PROMPT_CHARS = 700;

/**
 * Every deliverer's caption: "model · cost" and the prompt in italics, short enough for
 * Telegram's 1024 characters. HTML, everything from the user or the gateway escaped.
 */
export function resultCaption(
  ctx: DeliveryContext,
  job: JobRow,
  locale: Locale,
  o: { headKey?: string; prompt?: string } = {},
): string {
  const cost = job.payer === 'own_key' ? ctx.t(locale, 'job-cost-own-key') : ctx.money(job.price);
  const head = escapeHtml(
    ctx.t(locale, o.headKey ?? 'job-done-caption', { model: job.model, cost }),
  );
  const prompt = o.prompt ?? (typeof job.params.prompt === 'string' ? job.params.prompt : '');
  return prompt ? `${head}\n<i>${escapeHtml(truncate(prompt, CAPTION_PROMPT_CHARS))}</i>` : head;
}
