/** What the gallery's buttons start: asked in the chat, started there by ✅ like any job. */
import type { Api } from 'grammy';
import type { JobRow } from '../../jobs/store.js';
import type { BotDeps } from '../deps.js';
import type { Locale } from '../i18n.js';
import { againJob } from '../jobs/again.js';
import { offerFollowUp } from '../jobs/confirm-start.js';

/** 🔁 from the gallery: the same request again, priced anew; false when it cannot be repeated. */
export async function offerAgain(
  deps: Pick<BotDeps, 'db' | 'catalog' | 'money'>,
  api: Api,
  job: JobRow,
  locale: Locale,
): Promise<boolean> {
  const prepared = job.status === 'done' ? againJob(deps.catalog, job) : undefined;
  if (!prepared?.ok) return false;
  const model = deps.catalog.title(job.model);
  await offerFollowUp(
    { api, db: deps.db, money: deps.money },
    job,
    prepared.draft,
    locale,
    (t, price) => t('gallery-again-confirm', { model, price }),
  );
  return true;
}
