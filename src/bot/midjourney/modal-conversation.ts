import type { Conversation } from '@grammyjs/conversations';
import type { Context } from 'grammy';
import { validateMidjourneyPrompt } from '../../catalog/index.js';
import { cancelModal, provideModalPrompt } from '../../jobs/midjourney/modal.js';
import { getJob } from '../../jobs/store.js';
import type { BaseContext } from '../context.js';
import { CANCEL_RE } from '../dialog/draft.js';
import { escapeHtml, truncate } from '../format.js';
import { translator } from '../i18n.js';
import { localeOf } from '../jobs/submit-job.js';
import { moneyOf } from '../money/context.js';
import { MJ_WAIT_MS } from './conversation-common.js';
import { modalPorts } from './mj-jobs.js';

export const MJ_MODAL = 'mj-modal';

export interface MjModalArgs {
  /** The action job waiting (or about to wait) in MODAL. */
  jobId: string;
  ownerId: number;
  locale: string;
  /** Custom Zoom asks for a zoom prompt; a remix asks for any new prompt. */
  kind: 'zoom' | 'remix';
  /** The prompt the task would keep (shown, and reused when only a zoom number is sent). */
  prompt: string;
  /** The modal step's price, already formatted. */
  price: string;
}

type Outcome =
  | { status: 'continued' | 'stored' | 'gone' }
  | { status: 'too_long'; limit: number }
  | { status: 'insufficient'; text: string };

const ZOOM_ONLY = /^\d(?:[.,]\d+)?$/;

/** A bare number keeps the prompt and sets the zoom (MJ accepts 1.0–2.0). */
export function modalPromptFrom(kind: MjModalArgs['kind'], base: string, text: string): string {
  const answer = text.trim();
  if (kind === 'zoom' && ZOOM_ONLY.test(answer)) {
    const kept = base.replace(/\s--zoom\s+\S+/g, '').trim();
    return `${kept} --zoom ${answer.replace(',', '.')}`.trim();
  }
  return answer;
}

/** Runs outside the replay (database, money): hands the prompt to the modal step. */
async function submitText(outside: BaseContext, args: MjModalArgs, text: string): Promise<Outcome> {
  const { deps } = outside;
  const job = getJob(deps.db, args.jobId);
  if (!job) return { status: 'gone' };
  let prompt = modalPromptFrom(args.kind, args.prompt, text);
  const model = deps.catalog.models.find((m) => m.id === job.model);
  if (model?.family === 'midjourney') {
    const checked = validateMidjourneyPrompt(model, prompt);
    if (!checked.ok) return { status: 'too_long', limit: model.maxPromptLength };
    prompt = checked.normalized.prompt;
  }
  const outcome = provideModalPrompt(modalPorts(deps), args.jobId, args.ownerId, prompt);
  if (outcome.ok) return { status: 'stored' in outcome ? 'stored' : 'continued' };
  if (outcome.reason !== 'insufficient_funds') return { status: 'gone' };
  // Without money the step cannot run: the action is called off (refunded) and the user told.
  cancelModal(deps.db, args.jobId, args.ownerId);
  const locale = localeOf(outside);
  return {
    status: 'insufficient',
    text: outside.t('mj-modal-insufficient', {
      price: deps.money(outcome.price, locale),
      balance: deps.money(outcome.balance, locale),
    }),
  };
}

/** Calls the modal off; returns the refund note, or null when nothing was waiting any more. */
async function cancelFromChat(outside: BaseContext, args: MjModalArgs): Promise<string | null> {
  const { deps } = outside;
  const failed = cancelModal(deps.db, args.jobId, args.ownerId);
  if (!failed) return null;
  if (failed.statusMessageId !== null)
    await outside.api.deleteMessage(failed.chatId, failed.statusMessageId).catch(() => {});
  return failed.price > 0
    ? outside.t('job-refunded', { amount: moneyOf(outside)(failed.price) })
    : '';
}

/**
 * Asks for the prompt of a modal step (Custom Zoom, remix) and takes exactly one text answer
 * from the job's owner. /cancel calls the step off (refunded); another command also calls it off
 * and then runs as usual; updates from other people or without text pass through.
 */
export async function mjModal(
  conversation: Conversation<BaseContext, Context>,
  ctx: Context,
  args: MjModalArgs,
): Promise<void> {
  const t = translator(args.locale);
  await ctx.reply(
    args.kind === 'zoom'
      ? t('mj-modal-zoom-ask', {
          prompt: escapeHtml(truncate(args.prompt || '…', 900)),
          price: escapeHtml(args.price),
        })
      : t('mj-modal-new-ask'),
    { parse_mode: 'HTML' },
  );
  for (;;) {
    const next = await conversation.wait({ maxMilliseconds: MJ_WAIT_MS });
    if (next.from?.id !== args.ownerId) return conversation.skip({ next: true });
    const text = next.message?.text;
    if (text === undefined) {
      if (!next.message) return conversation.skip({ next: true });
      await next.reply(t('mj-modal-text-only'));
      continue;
    }
    if (text.startsWith('/')) {
      const refund = await conversation.external((outside) => cancelFromChat(outside, args));
      if (!CANCEL_RE.test(text)) return conversation.halt({ next: true });
      await next.reply(
        refund === null ? t('mj-modal-gone') : t('mj-modal-cancelled', { refund }).trim(),
      );
      return;
    }
    const outcome = await conversation.external((outside) => submitText(outside, args, text));
    switch (outcome.status) {
      case 'continued':
        await next.reply(t('mj-modal-continuing'));
        return;
      case 'stored':
        await next.reply(t('mj-modal-waiting'));
        return;
      case 'gone':
        await next.reply(t('mj-modal-gone'));
        return;
      case 'insufficient':
        await next.reply(outcome.text);
        return;
      case 'too_long':
        await next.reply(t('mj-prompt-too-long', { limit: outcome.limit }));
        continue;
    }
  }
}
