/** What the gallery's buttons start: asked in the chat, started there by ✅ like any job. */
import type { Api } from 'grammy';
import type { JobRow } from '../../jobs/store.js';
import type { BotDeps } from '../deps.js';
import { type Locale, translator } from '../i18n.js';
import { againJob } from '../jobs/again.js';
import { offerStart } from '../jobs/confirm-start.js';

/** 🔁 from the gallery: the same request again, priced anew; false when it cannot be repeated. */
export async function offerAgain(
  deps: Pick<BotDeps, 'db' | 'catalog' | 'money'>,
  api: Api,
  job: JobRow,
  locale: Locale,
): Promise<boolean> {
  const prepared = job.status === 'done' ? againJob(deps.catalog, job) : undefined;
  if (!prepared?.ok) return false;
  const t = translator(locale);
  const price =
    job.payer === 'own_key' ? t('job-cost-own-key') : deps.money(prepared.draft.price, locale);
  await offerStart(api, deps.db, t, {
    userId: job.userId,
    chatId: job.chatId,
    draft: prepared.draft,
    question: t('gallery-again-confirm', { model: deps.catalog.title(job.model), price }),
    price,
  });
  return true;
}
