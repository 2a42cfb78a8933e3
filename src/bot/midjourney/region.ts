/** Vary (Region) from the Mini App: the drawn mask becomes an Inpaint action the user confirms. */
import type { Api } from 'grammy';
import { classifyMjCustomId, modalPriceOf } from '../../catalog/index.js';
import { mjResultOf } from '../../jobs/midjourney/result.js';
import type { JobRow } from '../../jobs/store.js';
import type { BotDeps } from '../deps.js';
import type { Locale } from '../i18n.js';
import { offerFollowUp } from '../jobs/confirm-start.js';
import { mjJob } from './mj-jobs.js';

export type RegionOutcome = 'offered' | 'no_region' | 'model_off';

/** The Inpaint button of a finished Midjourney result (upscales have one, grids do not). */
export function regionButton(job: JobRow): string | undefined {
  if (job.family !== 'midjourney' || job.status !== 'done') return undefined;
  const result = mjResultOf(job);
  if (!result.taskId || result.files?.length !== 1) return undefined;
  return result.buttons?.find((b) => classifyMjCustomId(b.customId).kind === 'inpaint')?.customId;
}

/**
 * Prepares the Inpaint action with the mask (and a new prompt, if given) and asks in the chat
 * whether to start it: the price is named there, and ✅ starts it like any button would.
 */
export async function offerVaryRegion(
  deps: Pick<BotDeps, 'db' | 'database' | 'catalog' | 'money'>,
  api: Api,
  job: JobRow,
  input: { maskPng: Buffer; prompt: string },
  locale: Locale,
): Promise<RegionOutcome> {
  const customId = regionButton(job);
  const result = mjResultOf(job);
  if (!customId || !result.taskId) return 'no_region';
  const model = deps.catalog.get(job.model, 'midjourney');
  if (!model) return 'model_off';
  const prepared = mjJob({
    kind: 'action',
    model,
    params: {
      op: 'action',
      taskId: result.taskId,
      customId,
      action: 'inpaint',
      prompt: result.prompt ?? '',
      // The task stops in MODAL; it goes on at once with this prompt and mask.
      modalPrompt: input.prompt,
      modalMask: `data:image/png;base64,${input.maskPng.toString('base64')}`,
      modalAsked: true,
    },
    priceKind: 'inpaint',
    payer: job.payer,
    parentJobId: job.id,
  });
  if (!prepared.ok) return 'no_region';
  await offerFollowUp(
    { api, db: deps.database, money: deps.money },
    job,
    prepared.draft,
    locale,
    (t, price) => t('mj-region-confirm', { price }),
    // Inpaint stops in MODAL; the modal step that sends the mask is priced on its own.
    modalPriceOf(deps.catalog, job) ?? 0,
  );
  return 'offered';
}
