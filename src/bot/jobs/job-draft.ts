/**
 * What a feature hands to `submitJob`: a job ready to be created, or the catalog's reason why
 * not. Family-neutral (images, Midjourney and video all produce these), and free of I/O.
 */
import type { ValidationProblem } from '../../catalog/index.js';
import type { JobFamily } from '../../jobs/state.js';

export interface JobDraft {
  family: JobFamily;
  /** What the job does within its family (generate, edit, imagine, t2v, …). */
  kind: string;
  /** Exact catalog/gateway model id. */
  model: string;
  params: Record<string, unknown>;
  /** Minor units, from the catalog's pricing (ignored when the user pays with their own key). */
  price: number;
  /** The user's message the status and the result answer. */
  replyToMessageId?: number;
  parentJobId?: string;
  deadlineAt?: number;
  /** Who pays, when fixed by the job's origin (a Midjourney button: its parent's payer). */
  payer?: 'balance' | 'own_key';
}

export type PreparedJob =
  | { ok: true; draft: JobDraft }
  | {
      ok: false;
      problem: ValidationProblem;
      /** Model name as users see it (the limits are that model's). */
      model: string;
      /** Prompt length in characters, told next to the limit when it is too long. */
      promptLength?: number;
    };

/** The catalog refused the request: carries what the message about it needs. */
export function rejectedJob(
  problem: ValidationProblem,
  model: { title: string },
  prompt: string,
): Extract<PreparedJob, { ok: false }> {
  return { ok: false, problem, model: model.title, promptLength: [...prompt.trim()].length };
}

export type MessageRef = { key: string; vars: Record<string, string | number> };

/** A catalog validation problem → the message id (jobs.ftl `job-problem-*`) and its variables. */
export function problemMessage(prepared: Extract<PreparedJob, { ok: false }>): MessageRef {
  const { problem, model } = prepared;
  const allowed = problem.allowed?.join(', ') ?? '';
  const vars: Record<string, string | number> = {
    model,
    limit: problem.limit ?? 0,
    allowed: allowed || '—',
    length: prepared.promptLength ?? 0,
    option: problem.option ?? '',
  };
  return { key: `job-problem-${problem.code}`, vars };
}
