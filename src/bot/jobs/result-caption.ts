import type { JobRow } from '../../jobs/store.js';
import { escapeHtml, truncate } from '../format.js';
import type { Locale } from '../i18n.js';
import type { DeliveryContext } from './delivery-types.js';

const CAPTION_PROMPT_CHARS = 700;
/** The prompt always keeps this much when a model note shares the caption with it. */
const MIN_PROMPT_CHARS = 200;

/**
 * Every deliverer's caption: "model · cost", the prompt in italics, and what the model said
 * with its images (a chat reply, a revised prompt) when it said something; together short
 * enough for Telegram's 1024 characters. HTML, everything from the user or the gateway escaped.
 */
export function resultCaption(
  ctx: DeliveryContext,
  job: JobRow,
  locale: Locale,
  o: { headKey?: string; prompt?: string /** Plain text under the head. */; facts?: string[] } = {},
): string {
  const cost =
    job.payer === 'own_key' ? ctx.t(locale, 'job-cost-own-key') : ctx.money(job.price, locale);
  const head = escapeHtml(
    ctx.t(locale, o.headKey ?? 'job-done-caption', { model: ctx.catalog().title(job.model), cost }),
  );
  const prompt = o.prompt ?? (typeof job.params.prompt === 'string' ? job.params.prompt : '');
  const note = typeof job.result?.note === 'string' ? job.result.note : '';
  const promptChars = Math.max(MIN_PROMPT_CHARS, CAPTION_PROMPT_CHARS - [...note].length);
  return [
    head,
    ...(o.facts ?? []).map(escapeHtml),
    ...(prompt ? [`<i>${escapeHtml(truncate(prompt, promptChars))}</i>`] : []),
    ...(note ? [escapeHtml(ctx.t(locale, 'job-result-note', { note }))] : []),
  ].join('\n');
}
