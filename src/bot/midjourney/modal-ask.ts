import { userLocale } from '../../accounts/locale.js';
import { classifyMjCustomId } from '../../catalog/mj-actions.js';
import { mjJobParams } from '../../jobs/midjourney/params.js';
import { mjResultOf } from '../../jobs/midjourney/result.js';
import type { JobRow } from '../../jobs/store.js';
import { escapeHtml, truncate } from '../format.js';
import type { DeliveryContext } from '../jobs/delivery-types.js';
import { replyParams } from '../transport/reply-params.js';
import { mjModalKeyboard } from './keyboard.js';

/** The action's name for the user ("Variation", "Pan"), from the pressed button. */
export function mjActionLabel(t: (key: string) => string, params: Record<string, unknown>): string {
  const parsed = mjJobParams.safeParse(params);
  const kind =
    parsed.success && parsed.data.op === 'action'
      ? classifyMjCustomId(parsed.data.customId).kind
      : 'variation';
  const key = `mj-action-${kind}`;
  const text = t(key);
  return text === key ? t('mj-action-variation') : text;
}

/**
 * A variation (pan, reroll) on a remix account stopped in MODAL: the user keeps the prompt,
 * writes a new one (a short conversation), or cancels (refunded).
 */
export async function askMjModal(
  ctx: DeliveryContext,
  job: JobRow,
  modalPrice: number | undefined,
): Promise<void> {
  const modal = mjResultOf(job).modal;
  if (!modal) return;
  const locale = await userLocale(ctx.database, job.userId);
  const t = (key: string, vars?: Record<string, string | number>) => ctx.t(locale, key, vars);
  const price =
    job.payer === 'own_key' ? t('job-cost-own-key') : ctx.money(modalPrice ?? job.price, locale);
  const text = t('mj-modal-remix-ask', {
    action: escapeHtml(mjActionLabel(t, job.params)),
    prompt: escapeHtml(truncate(modal.finalPrompt || '…', 900)),
    price: escapeHtml(price),
  });
  await ctx.api.sendMessage(job.chatId, text, {
    parse_mode: 'HTML',
    reply_markup: mjModalKeyboard(t, job.id),
    ...replyParams(job.statusMessageId),
  });
}
