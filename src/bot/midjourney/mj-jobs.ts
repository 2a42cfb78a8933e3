/**
 * Midjourney requests for `submitJob` (which reserves, answers with the cancellable status
 * message and hands the job to the submitter), and the model and modal-step prices they use.
 */
import type { UserSettings } from '../../accounts/settings.js';
import type { Catalog, MidjourneyModel, MjPriceKind } from '../../catalog/index.js';
import { modalPriceOf, priceMidjourney } from '../../catalog/index.js';
import type { MjModalPorts } from '../../jobs/midjourney/modal.js';
import type { MjJobParamsInput } from '../../jobs/midjourney/params.js';
import type { BaseContext } from '../context.js';
import type { BotDeps } from '../deps.js';
import type { PreparedJob } from '../jobs/job-draft.js';

type Distribute<T> = T extends unknown ? Omit<T, 'mode' | 'botType'> : never;
/** Job params without the queue fields, which come from the model. */
export type MjParamsSpec = Distribute<MjJobParamsInput>;

/** The user's chosen Midjourney model if it is still offered, else the catalog's default. */
export function mjModelOf(
  catalog: Catalog,
  settings: Pick<UserSettings, 'mjModel'>,
): MidjourneyModel | undefined {
  const chosen = settings.mjModel ? catalog.get(settings.mjModel, 'midjourney') : undefined;
  return chosen ?? catalog.defaultModel('midjourney');
}

export const mjModelFor = (ctx: BaseContext): MidjourneyModel | undefined =>
  mjModelOf(ctx.deps.catalog, ctx.user?.settings ?? {});

export function modalPorts(deps: BotDeps): MjModalPorts {
  return {
    db: deps.db,
    modalPrice: (job) => modalPriceOf(deps.catalog, job),
    dispatch: (id) => deps.jobs.dispatch(id),
  };
}

export interface MjStart {
  kind: 'imagine' | 'action' | 'blend' | 'describe';
  model: MidjourneyModel;
  params: MjParamsSpec;
  priceKind: MjPriceKind;
  /** Children (buttons) pay like their parent: the upstream task belongs to its key. */
  payer?: 'balance' | 'own_key';
  parentJobId?: string;
  /** The message the status message and the result answer. */
  replyToMessageId?: number;
}

/**
 * A Midjourney request as `submitJob` takes it: the price of its kind, the queue fields from
 * the model. Handlers have already validated the prompt and the photos against the model.
 */
export function mjJob(start: MjStart): PreparedJob {
  const { model } = start;
  return {
    ok: true,
    draft: {
      family: 'midjourney',
      kind: start.kind,
      model: model.id,
      params: { ...start.params, mode: model.mode, botType: model.botType },
      price: priceMidjourney(model, start.priceKind),
      ...(start.payer !== undefined ? { payer: start.payer } : {}),
      ...(start.parentJobId !== undefined ? { parentJobId: start.parentJobId } : {}),
      ...(start.replyToMessageId !== undefined ? { replyToMessageId: start.replyToMessageId } : {}),
    },
  };
}
