/**
 * Midjourney's modal step (gateway-protocol §3.5). Custom Zoom, and variations on a remix
 * account, stop in status MODAL until `/mj/submit/modal` sends a prompt. The action job then
 * hands over to a new `modal` job on the same upstream task: the modal is billed on its own by
 * the gateway (mj_modal), so it reserves its own price, and the action job ends as `done`.
 */
import type { Db } from '../../db/client.js';
import { cancelJob, createJob, failJob, setStatusMessage } from '../lifecycle.js';
import { getJob, type JobRow, moveJob, patchJob } from '../store.js';
import { type MjJobParams, mjJobParams } from './params.js';
import { type MjModalState, mjResultOf } from './result.js';

export interface MjModalPorts {
  db: Db;
  /** The catalog price of the modal step for this job's model; undefined when the model is gone. */
  modalPrice(job: JobRow): number | undefined;
  dispatch(jobId: string): void;
}

/** Asks the user for the prompt (keep it, write a new one, or cancel). */
export type AskModal = (job: JobRow) => Promise<void>;

export type ContinueOutcome =
  | { ok: true; jobId: string }
  | { ok: false; reason: 'gone' | 'not_owner' | 'model_gone' }
  | { ok: false; reason: 'insufficient_funds'; price: number; balance: number };

export type PromptOutcome = ContinueOutcome | { ok: true; stored: true };

type ActionParams = Extract<MjJobParams, { op: 'action' }>;

function actionParams(job: JobRow): ActionParams | undefined {
  const parsed = mjJobParams.safeParse(job.params);
  return parsed.success && parsed.data.op === 'action' ? parsed.data : undefined;
}

/**
 * The task reached MODAL. Recorded once; the job is not polled again before its deadline. A
 * prompt typed earlier continues at once; otherwise the user is asked (unless already asked).
 */
export async function awaitModal(
  ports: MjModalPorts,
  ask: AskModal,
  job: JobRow,
  input: { taskId: string; finalPrompt: string },
): Promise<void> {
  const seen = ports.db.transaction(
    (tx) => {
      const current = getJob(tx, job.id);
      if (current?.status !== 'running') return undefined;
      const result = mjResultOf(current);
      if (result.modal) return undefined;
      const modal: MjModalState = { taskId: input.taskId, finalPrompt: input.finalPrompt };
      patchJob(tx, job.id, {
        result: { ...(current.result ?? {}), modal },
        nextPollAt: current.deadlineAt ?? current.nextPollAt,
      });
      return { ...current, result: { ...(current.result ?? {}), modal } };
    },
    { behavior: 'immediate' },
  );
  if (!seen) return;
  const params = actionParams(seen);
  if (params?.modalPrompt !== undefined) {
    const outcome = continueModal(ports, seen.id, seen.userId, params.modalPrompt);
    // Money ran short meanwhile: the question with keep/new/cancel lets the user decide.
    if (!outcome.ok && outcome.reason === 'insufficient_funds') await ask(seen);
    return;
  }
  if (!params?.modalAsked) await ask(seen);
}

/**
 * The user typed the modal prompt. Continues at once when the task already waits in MODAL;
 * otherwise keeps the prompt on the job for `awaitModal` (Custom Zoom asks before the gateway
 * has answered the click).
 */
export function provideModalPrompt(
  ports: MjModalPorts,
  jobId: string,
  userId: number,
  prompt: string,
): PromptOutcome {
  const state = ports.db.transaction(
    (tx) => {
      const job = getJob(tx, jobId);
      if (!job) return 'gone' as const;
      if (job.userId !== userId) return 'not_owner' as const;
      if (mjResultOf(job).modal) return 'ready' as const;
      if (!['queued', 'submitting', 'running'].includes(job.status)) return 'gone' as const;
      patchJob(tx, jobId, { params: { ...job.params, modalPrompt: prompt } });
      return 'stored' as const;
    },
    { behavior: 'immediate' },
  );
  if (state === 'ready') return continueModal(ports, jobId, userId, prompt);
  if (state === 'stored') return { ok: true, stored: true };
  return { ok: false, reason: state };
}

/** Starts the modal job (price reserved) and ends the action job as handed over. */
export function continueModal(
  ports: MjModalPorts,
  jobId: string,
  userId: number,
  prompt: string,
): ContinueOutcome {
  const { db } = ports;
  const action = getJob(db, jobId);
  if (!action) return { ok: false, reason: 'gone' };
  if (action.userId !== userId) return { ok: false, reason: 'not_owner' };
  const modal = mjResultOf(action).modal;
  const params = actionParams(action);
  if (action.status !== 'running' || !modal || modal.continuedBy || !params)
    return { ok: false, reason: 'gone' };
  const price = ports.modalPrice(action);
  if (price === undefined) return { ok: false, reason: 'model_gone' };

  const created = createJob(db, {
    userId,
    chatId: action.chatId,
    family: 'midjourney',
    kind: 'modal',
    model: action.model,
    params: {
      op: 'modal',
      mode: params.mode,
      botType: params.botType,
      taskId: modal.taskId,
      prompt,
      action: params.action,
      ...(params.modalMask !== undefined ? { mask: params.modalMask } : {}),
    },
    price,
    payer: action.payer,
    parentJobId: action.id,
    ...(action.replyToMessageId !== null ? { replyToMessageId: action.replyToMessageId } : {}),
  });
  if (!created.ok)
    return {
      ok: false,
      reason: 'insufficient_funds',
      price: created.price,
      balance: created.balance,
    };
  const modalJob = created.job;
  // The action's status message goes on showing the progress, now of the modal job.
  if (action.statusMessageId !== null) setStatusMessage(db, modalJob.id, action.statusMessageId);

  const handed = db.transaction(
    (tx) => {
      const current = getJob(tx, jobId);
      const currentModal = current ? mjResultOf(current).modal : undefined;
      if (!current || !currentModal || currentModal.continuedBy) return false;
      const result = {
        ...(current.result ?? {}),
        modal: { ...currentModal, continuedBy: modalJob.id },
      };
      if (!moveJob(tx, jobId, 'running', 'delivering', { result })) return false;
      return moveJob(tx, jobId, 'delivering', 'done');
    },
    { behavior: 'immediate' },
  );
  if (!handed) {
    // Someone else continued or cancelled first: this reservation goes back.
    cancelJob(db, modalJob.id, userId);
    return { ok: false, reason: 'gone' };
  }
  ports.dispatch(modalJob.id);
  return { ok: true, jobId: modalJob.id };
}

/**
 * The user called the modal off: the action job fails as cancelled and its price comes back.
 * Returns the failed job, or undefined when it had already continued or ended.
 */
export function cancelModal(db: Db, jobId: string, userId: number): JobRow | undefined {
  const job = getJob(db, jobId);
  if (!job || job.userId !== userId) return undefined;
  return failJob(db, jobId, ['queued', 'submitting', 'running'], { code: 'cancelled' });
}
