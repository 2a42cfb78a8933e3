import type { JobFamily } from '../db/schema.js';
import type { FetchGrant } from './fetch-budget.js';
import type { JobEnds } from './job-ends.js';
import type { JobFailure } from './lifecycle.js';
import type { JobProgress } from './ports.js';
import type { DueJob, JobRow, KeyHolder } from './store.js';

/**
 * What the poller and the submitter need from one asynchronous family (Midjourney, video):
 * how to submit, how to look at many tasks at once, and how to keep a finished task's output.
 * The family knows its gateway routes; the poller knows scheduling, leases, deadlines and money.
 */
export interface AsyncFamily {
  readonly family: JobFamily;
  /** How long a job may take from submit to result before it fails and is refunded. */
  deadlineMs(job: JobRow): number;
  /**
   * The one billed call. Throws on refusal (the submitter fails and refunds the job); never
   * retried, because a retry could charge twice.
   */
  submit(job: JobRow, signal: AbortSignal): Promise<AsyncSubmitted>;
  /**
   * Looks at the upstream tasks of jobs that share a gateway key, most promising first. Jobs
   * missing from the map were not looked at this time (the grant was spent) and stay due. A
   * family that fetches tasks one by one spends `grant` and reports each answer to it.
   */
  poll(
    jobs: readonly DueJob[],
    signal: AbortSignal,
    grant: FetchGrant,
  ): Promise<Map<string, AsyncObservation>>;
  /**
   * True while each look costs one request (the gateway has no batch route): the poller then
   * schedules looks by the expected finish and ranks due jobs for the grant.
   */
  singleFetches?(): boolean;
  /** Downloads and stores what a finished task produced; the returned object becomes job.result. */
  collect(job: JobRow, done: unknown, signal: AbortSignal): Promise<Record<string, unknown>>;
  /**
   * The task stopped for the user's input (Midjourney's modal). The family records what it
   * needs and asks the user; the job stays `running` and is not polled meanwhile.
   */
  awaitInput?(job: JobRow, input: unknown): Promise<void>;
}

export interface AsyncSubmitted {
  upstreamId: string;
  /** Shown in the status message until the first poll (e.g. "3 tasks ahead"). */
  progress?: JobProgress;
  /** Set when the task already waits for the user's input (Midjourney code 21). */
  input?: unknown;
}

export type AsyncObservation =
  | {
      state: 'pending';
      progress: JobProgress;
      /** What the task said about itself on the way (Midjourney's speed), kept in job.result. */
      facts?: Record<string, string>;
    }
  | { state: 'done'; done: unknown }
  | { state: 'failed'; failure: JobFailure }
  | { state: 'needs_input'; input: unknown }
  /** The gateway does not know the task (yet: replication lag right after submit). */
  | { state: 'missing' }
  /** This look failed (network, 5xx, timeout): try again later. */
  | { state: 'error'; error: unknown };

/** The short text a progress is compared by: an edit only when it changed. */
export function progressKey(progress: JobProgress): string {
  return (
    progress.text ?? (progress.percent === undefined ? progress.stage : `${progress.percent}%`)
  );
}

/** What the asynchronous workers (submitter and poller) are both given. */
export interface AsyncWorkerOptions extends JobEnds {
  families: readonly AsyncFamily[];
  /** Which gateway key a job's task belongs to: tasks are only visible to the key that made them. */
  laneOf: (job: KeyHolder) => string;
  toFailure: (err: unknown) => JobFailure;
}
