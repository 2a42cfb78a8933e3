/** A Midjourney button tapped in the gallery: asked in the chat with its price, ✅ there starts it. */
import type { Api } from 'grammy';
import { validateMidjourneyPrompt } from '../../catalog/index.js';
import { mjResultOf } from '../../jobs/midjourney/result.js';
import type { JobRow } from '../../jobs/store.js';
import type { BotDeps } from '../deps.js';
import type { Locale } from '../i18n.js';
import { offerFollowUp } from '../jobs/confirm-start.js';
import { mjButtonLabel, mjButtonStart, mjThenReserves } from './button-action.js';
import { mjJob } from './mj-jobs.js';
import { modalPromptFrom } from './modal-conversation.js';

export type MjActionOutcome =
  | 'offered'
  | 'stale'
  | 'region'
  | 'unsupported'
  | 'model_off'
  | 'prompt_needed'
  | 'prompt_bad';

/**
 * Button `index` of the job's stored list, as the chat's press would start it. Custom Zoom
 * takes its prompt from the page (a bare number keeps the prompt and sets the zoom, as in chat).
 */
export async function offerMjAction(
  deps: Pick<BotDeps, 'db' | 'database' | 'catalog' | 'money'>,
  api: Api,
  job: JobRow,
  input: { index: number; prompt?: string },
  locale: Locale,
): Promise<MjActionOutcome> {
  const probe = mjButtonStart(deps.catalog, job, input.index);
  if (!probe.ok) return probe.reason;
  let modalPrompt: string | undefined;
  if (probe.action.kind === 'custom_zoom') {
    const typed = input.prompt?.trim() ?? '';
    if (typed === '') return 'prompt_needed';
    const prompt = modalPromptFrom('zoom', mjResultOf(job).prompt ?? '', typed);
    const checked = validateMidjourneyPrompt(probe.start.model, prompt);
    if (!checked.ok) return 'prompt_bad';
    modalPrompt = checked.normalized.prompt;
  }
  // Built again with the prompt: the probe only told which action the button is.
  const pressed =
    modalPrompt === undefined ? probe : mjButtonStart(deps.catalog, job, input.index, modalPrompt);
  if (!pressed.ok) return pressed.reason;
  const prepared = mjJob(pressed.start);
  if (!prepared.ok) return 'stale';
  const { button, action } = pressed;
  await offerFollowUp(
    { api, db: deps.database, money: deps.money },
    job,
    prepared.draft,
    locale,
    (t, price) => t('gallery-mj-confirm', { action: mjButtonLabel(t, button, action), price }),
    mjThenReserves(deps.catalog, job, action),
  );
  return 'offered';
}
