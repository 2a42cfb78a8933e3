/** What the gallery's buttons start: asked in the chat, started there by ✅ like any job. */
import type { Api } from 'grammy';
import { takesMask } from '../../catalog/index.js';
import type { JobRow } from '../../jobs/store.js';
import type { BotDeps } from '../deps.js';
import type { Locale } from '../i18n.js';
import { prepareImageJob } from '../images/request.js';
import { againJob } from '../jobs/again.js';
import { offerFollowUp } from '../jobs/confirm-start.js';

/** 🔁 from the gallery: the same request again, priced anew; false when it cannot be repeated. */
export async function offerAgain(
  deps: Pick<BotDeps, 'db' | 'database' | 'catalog' | 'money'>,
  api: Api,
  job: JobRow,
  locale: Locale,
): Promise<boolean> {
  const prepared = job.status === 'done' ? againJob(deps.catalog, job) : undefined;
  if (!prepared?.ok) return false;
  const model = deps.catalog.title(job.model);
  await offerFollowUp(
    { api, db: deps.database, money: deps.money },
    job,
    prepared.draft,
    locale,
    (t, price) => t('gallery-again-confirm', { model, price }),
  );
  return true;
}

export interface GalleryEdit {
  /** An edit model of the catalog (checked by the caller, again here). */
  model: string;
  prompt: string;
  /** OpenAI's mask for the result's first image (transparent = edit), for models that take one. */
  maskPng?: Buffer;
}

/**
 * ✏️ from the gallery: the result's first image edited by the chosen edit model, asked in the
 * chat with its price. The job reads the image when it runs (result store or Telegram), so a
 * restart before ✅ or mid-queue loses nothing. False when the catalog refuses the request.
 */
export async function offerEdit(
  deps: Pick<BotDeps, 'db' | 'database' | 'catalog' | 'money'>,
  api: Api,
  job: JobRow,
  edit: GalleryEdit,
  locale: Locale,
): Promise<boolean> {
  const model = deps.catalog.get(edit.model, 'edit');
  if (!model || job.status !== 'done' || (edit.maskPng && !takesMask(model))) return false;
  const prepared = prepareImageJob({
    model,
    kind: 'edit',
    prompt: edit.prompt,
    source: {
      ref: { jobId: job.id, index: 0 },
      ...(edit.maskPng ? { maskPng: edit.maskPng } : {}),
    },
    parentJobId: job.id,
  });
  if (!prepared.ok) return false;
  const title = model.title;
  await offerFollowUp(
    { api, db: deps.database, money: deps.money },
    job,
    prepared.draft,
    locale,
    (t, price) =>
      t(edit.maskPng ? 'gallery-edit-mask-confirm' : 'gallery-edit-confirm', {
        model: title,
        price,
      }),
  );
  return true;
}
