/**
 * Starting Midjourney jobs from handlers: the model, the payer, the job with its reservation,
 * the "queued" status message, then the submitter. Nothing here waits for the gateway.
 */
import { getOwnKeyInfo } from '../../accounts/own-keys.js';
import type { Catalog, MidjourneyModel, MjPriceKind } from '../../catalog/index.js';
import { priceMidjourney } from '../../catalog/index.js';
import { cancelJob, createJob, setStatusMessage } from '../../jobs/lifecycle.js';
import type { MjModalPorts } from '../../jobs/midjourney/modal.js';
import type { MjJobParamsInput } from '../../jobs/midjourney/params.js';
import type { JobRow } from '../../jobs/store.js';
import type { BaseContext } from '../context.js';
import type { BotDeps } from '../deps.js';

type Distribute<T> = T extends unknown ? Omit<T, 'mode' | 'botType'> : never;
/** Job params without the queue fields, which come from the model. */
export type MjParamsSpec = Distribute<MjJobParamsInput>;

/** The user's chosen Midjourney model if it is still offered, else the catalog's default. */
export function mjModelFor(ctx: BaseContext): MidjourneyModel | undefined {
  const chosen = ctx.user?.settings.mjModel;
  const { catalog } = ctx.deps;
  return (
    (chosen ? catalog.get(chosen, 'midjourney') : undefined) ?? catalog.defaultModel('midjourney')
  );
}

/** A linked key the gateway has not rejected pays; otherwise the balance does. */
export function payerFor(ctx: BaseContext, userId: number): 'balance' | 'own_key' {
  return getOwnKeyInfo(ctx.deps.db, userId)?.status === 'ok' ? 'own_key' : 'balance';
}

/** The modal step's price for a job's model (disabled models included: the job is paid for). */
export function modalPriceOf(catalog: Catalog, job: Pick<JobRow, 'model'>): number | undefined {
  const model = catalog.models.find((m) => m.id === job.model);
  return model?.family === 'midjourney' ? priceMidjourney(model, 'modal') : undefined;
}

export function modalPorts(deps: BotDeps): MjModalPorts {
  return {
    db: deps.db,
    modalPrice: (job) => modalPriceOf(deps.catalog, job),
    dispatch: (id) => deps.jobs.dispatch(id),
  };
}

export const replyTo = (messageId: number | undefined) =>
  messageId === undefined
    ? {}
    : { reply_parameters: { message_id: messageId, allow_sending_without_reply: true } };

export async function localeOf(ctx: Pick<BaseContext, 'i18n'>): Promise<string> {
  return typeof ctx.i18n?.getLocale === 'function' ? await ctx.i18n.getLocale() : 'en';
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

export type MjStartOutcome =
  | { ok: true; job: JobRow }
  | { ok: false; reason: 'insufficient_funds' | 'no_user' };

export async function startMjJob(ctx: BaseContext, start: MjStart): Promise<MjStartOutcome> {
  const { db, jobs, money } = ctx.deps;
  const userId = ctx.from?.id;
  const chatId = ctx.chat?.id;
  if (userId === undefined || chatId === undefined) return { ok: false, reason: 'no_user' };
  const { model } = start;
  const created = createJob(db, {
    userId,
    chatId,
    family: 'midjourney',
    kind: start.kind,
    model: model.id,
    params: { ...start.params, mode: model.mode, botType: model.botType },
    price: priceMidjourney(model, start.priceKind),
    payer: start.payer ?? payerFor(ctx, userId),
    ...(start.parentJobId !== undefined ? { parentJobId: start.parentJobId } : {}),
    ...(start.replyToMessageId !== undefined ? { replyToMessageId: start.replyToMessageId } : {}),
  });
  if (!created.ok) {
    const locale = await localeOf(ctx);
    await ctx.reply(
      ctx.t('job-insufficient', {
        price: money(created.price, locale),
        balance: money(created.balance, locale),
      }),
      replyTo(start.replyToMessageId),
    );
    return { ok: false, reason: 'insufficient_funds' };
  }
  const { job } = created;
  let statusId: number;
  try {
    const status = await ctx.reply(
      ctx.t('job-queued', { model: model.id }),
      replyTo(start.replyToMessageId),
    );
    statusId = status.message_id;
  } catch (err) {
    // Nobody could be told about it: called off (refunded) rather than run blind.
    cancelJob(db, job.id, userId);
    throw err;
  }
  setStatusMessage(db, job.id, statusId);
  jobs.dispatch(job.id);
  ctx.log.info(
    { job: job.id, kind: job.kind, model: job.model, price: job.price },
    'mj job queued',
  );
  return { ok: true, job: { ...job, statusMessageId: statusId } };
}
