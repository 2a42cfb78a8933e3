/**
 * The one way a feature starts a generation, whatever the family: catalog problems become a
 * localised answer with the limits, the payer is chosen, the job and its reservation are created
 * in one transaction, the "queued" status message (with a cancel button) is sent and recorded,
 * and the job is handed to the workers. Nothing here waits for the gateway, so a handler that
 * calls it returns in milliseconds.
 */
import { InlineKeyboard } from 'grammy';
import { DEFAULT_LOCALE, type Locale } from '../../accounts/locale.js';
import { hasWorkingKey } from '../../accounts/own-keys.js';
import { getBalance } from '../../billing/ledger.js';
import type { Database } from '../../db/engine.js';
import { cancelJob, createJob, setStatusMessage } from '../../jobs/lifecycle.js';
import { countActiveJobs, getJobByStartKey, type JobRow } from '../../jobs/store.js';
import type { BaseContext } from '../context.js';
import { starsButton, topUpLine, topUpOf } from '../money/top-up.js';
import { replyParams } from '../transport/reply-params.js';
import { jobButton } from './callback-data.js';
import { chargeLine, withCharge } from './charge-line.js';
import { confirmKeyboard, needsConfirm, PendingStarts } from './confirm-start.js';
import { allowGeneration } from './generation-limit.js';
import { type JobDraft, type PreparedJob, problemMessage } from './job-draft.js';

/** Jobs one user may have in the pipeline at once: nobody fills the shared gateway lane alone. */
export const MAX_ACTIVE_JOBS_PER_USER = 10;

export type SubmitOutcome =
  /** `existing`: this update (or keyboard) had started the job already; nothing new happened. */
  | { ok: true; job: JobRow; existing?: true }
  | {
      ok: false;
      reason:
        | 'invalid'
        | 'insufficient_funds'
        | 'too_many_active'
        | 'no_user'
        | 'rate_limited'
        /** Above CONFIRM_ABOVE: the price was named, the job starts on ✅. */
        | 'awaiting_confirm';
    };

/** A linked key that the gateway has not rejected pays; otherwise the balance does. */
export async function choosePayer(db: Database, userId: number): Promise<'balance' | 'own_key'> {
  return (await hasWorkingKey(db, userId)) ? 'own_key' : 'balance';
}

/** The answer's locale (for number formats in amounts). */
export function localeOf(ctx: Pick<BaseContext, 'i18n'>): Locale {
  return typeof ctx.i18n?.getLocale === 'function' ? ctx.i18n.getLocale() : DEFAULT_LOCALE;
}

export const cancelKeyboard = (ctx: BaseContext, jobId: string) =>
  new InlineKeyboard().text(ctx.t('job-button-cancel'), jobButton(jobId, 'cancel'));

/** Tells the user why a request was refused (nothing was charged). */
export async function replyProblem(
  ctx: BaseContext,
  prepared: Extract<PreparedJob, { ok: false }>,
  replyTo?: number,
): Promise<void> {
  const { key, vars } = problemMessage(prepared);
  await ctx.reply(ctx.t(key, vars), replyParams(replyTo));
}

export interface SubmitOptions {
  maxActive?: number;
  /** Overrides the update's own start key: a single-use keyboard names itself (any tap, once). */
  startKey?: string;
  /** The user has seen the price and pressed start (CONFIRM_ABOVE asks no more). */
  confirmed?: true;
}

/**
 * The Telegram event that starts a job: a message (chat + message id: a webhook retry or a
 * redelivery after a crash carries the same) or a callback query (its id: Telegram's replay of
 * one tap). A new tap is a new query, so buttons meant to be pressed again still work.
 */
export function startKeyOf(ctx: Pick<BaseContext, 'update'>): string | undefined {
  const { message, callback_query: query } = ctx.update;
  if (query) return `q:${query.id}`;
  if (message) return `m:${message.chat.id}:${message.message_id}`;
  return undefined;
}

/** A second start of the same job: the first one answered the user and runs it. */
function repeated(ctx: BaseContext, job: JobRow): SubmitOutcome {
  ctx.log.info({ job: job.id, update: ctx.update.update_id }, 'job already started by this update');
  return { ok: true, job, existing: true };
}

/**
 * Names the price and waits for ✅ when it is over CONFIRM_ABOVE and the balance covers it (when
 * it does not, the insufficient-funds answer says so without a question first).
 */
async function askFirst(
  ctx: BaseContext,
  draft: JobDraft,
  payer: 'balance' | 'own_key',
  userId: number,
): Promise<boolean> {
  const { db, config, money } = ctx.deps;
  if (!needsConfirm(config.confirmAboveMinor, payer, draft.price)) return false;
  const balance = getBalance(db, userId);
  if (balance < draft.price) return false;
  const locale = localeOf(ctx);
  const price = money(draft.price, locale);
  const id = await new PendingStarts(ctx.deps.database).add({ userId, draft });
  await ctx.reply(
    ctx.t('job-confirm-question', {
      model: ctx.deps.catalog.title(draft.model),
      price,
      balance: money(balance - draft.price, locale),
    }),
    {
      reply_markup: confirmKeyboard((k, v) => ctx.t(k, v), id, price),
      ...replyParams(draft.replyToMessageId),
    },
  );
  return true;
}

/**
 * Takes the plain context (no conversation flavour): conversations start jobs from
 * `conversation.external`, whose outside context is a `BaseContext`.
 */
export async function submitJob(
  ctx: BaseContext,
  prepared: PreparedJob,
  options: SubmitOptions = {},
): Promise<SubmitOutcome> {
  if (!prepared.ok) {
    await replyProblem(ctx, prepared, ctx.msg?.message_id);
    return { ok: false, reason: 'invalid' };
  }
  const { draft } = prepared;
  const { db, jobs, money } = ctx.deps;
  const userId = ctx.from?.id;
  const chatId = ctx.chat?.id;
  if (userId === undefined || chatId === undefined) return { ok: false, reason: 'no_user' };
  const replyTo = replyParams(draft.replyToMessageId);
  const startKey = options.startKey ?? startKeyOf(ctx);
  const earlier = startKey ? getJobByStartKey(db, startKey) : undefined;
  if (earlier) return repeated(ctx, earlier);
  const payer = draft.payer ?? (await choosePayer(ctx.deps.database, userId));
  if (!options.confirmed && (await askFirst(ctx, draft, payer, userId))) {
    return { ok: false, reason: 'awaiting_confirm' };
  }

  // Per-user pace of expensive requests (shared by instances in Redis mode).
  if (!(await allowGeneration(ctx))) return { ok: false, reason: 'rate_limited' };

  const limit = options.maxActive ?? MAX_ACTIVE_JOBS_PER_USER;
  if (countActiveJobs(db, userId) >= limit) {
    await ctx.reply(ctx.t('job-too-many-active', { limit }), replyTo);
    return { ok: false, reason: 'too_many_active' };
  }

  const created = createJob(db, {
    userId,
    chatId,
    family: draft.family,
    kind: draft.kind,
    model: draft.model,
    params: draft.params,
    price: draft.price,
    payer,
    ...(draft.parentJobId !== undefined ? { parentJobId: draft.parentJobId } : {}),
    ...(draft.replyToMessageId !== undefined ? { replyToMessageId: draft.replyToMessageId } : {}),
    ...(draft.deadlineAt !== undefined ? { deadlineAt: draft.deadlineAt } : {}),
    ...(startKey !== undefined ? { startKey } : {}),
  });
  if (created.ok && created.existing) return repeated(ctx, created.job);
  if (!created.ok) {
    const locale = localeOf(ctx);
    const text = [
      ctx.t('job-insufficient', {
        price: money(created.price, locale),
        balance: money(created.balance, locale),
      }),
      topUpLine(ctx.t, topUpOf(ctx.deps.config)),
      ctx.t('job-insufficient-own-key'),
    ].join('\n');
    const stars = starsButton(ctx.t, ctx.deps.config);
    await ctx.reply(text, {
      ...replyTo,
      parse_mode: 'HTML',
      ...(stars ? { reply_markup: stars } : {}),
    });
    return { ok: false, reason: 'insufficient_funds' };
  }

  const { job } = created;
  // The price first: what was reserved and what is left, before anything runs.
  const locale = localeOf(ctx);
  const charged = chargeLine(
    (k, v) => ctx.t(k, v),
    job,
    (amount) => money(amount, locale),
    getBalance(db, userId),
  );
  let statusId: number;
  try {
    const status = await ctx.reply(
      withCharge(ctx.t('job-queued', { model: ctx.deps.catalog.title(job.model) }), charged),
      {
        reply_markup: cancelKeyboard(ctx, job.id),
        ...replyTo,
      },
    );
    statusId = status.message_id;
  } catch (err) {
    // The user cannot be told about the job: call it off (refunded) rather than run it blind.
    cancelJob(db, job.id, userId);
    throw err;
  }
  // Starting the job (a transaction, the gateway request) is the costly half again: another turn,
  // or 200 status messages answered together would start 200 jobs back to back.
  await ctx.deps.turns.take();
  setStatusMessage(db, job.id, statusId);
  jobs.dispatch(job.id);
  ctx.log.info(
    {
      job: job.id,
      family: job.family,
      kind: job.kind,
      model: job.model,
      price: job.price,
      payer: job.payer,
    },
    'job queued',
  );
  return { ok: true, job: { ...job, statusMessageId: statusId } };
}
