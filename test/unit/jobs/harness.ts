import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import pino from 'pino';
import { topUp } from '../../../src/billing/ledger.js';
import type { Db } from '../../../src/db/client.js';
import { users } from '../../../src/db/schema.js';
import type { ExecutorOptions } from '../../../src/jobs/executor.js';
import {
  DEFAULT_FETCH_BUDGET,
  FetchBudget,
  type FetchGrant,
} from '../../../src/jobs/fetch-budget.js';
import { createJob, type JobRequest } from '../../../src/jobs/lifecycle.js';
import type { DeliveryReceipt, JobNotifier, JobProgress } from '../../../src/jobs/ports.js';
import { ResultStore } from '../../../src/jobs/result-store.js';
import type { JobRow } from '../../../src/jobs/store.js';

export const silentLogger = pino({ level: 'silent' });

/** A poll's grant of `allowance` single fetches (what the poller hands a family each tick). */
export function grantOf(allowance = 1_000): FetchGrant {
  return new FetchBudget({ ...DEFAULT_FETCH_BUDGET, start: allowance, max: allowance }, 0).grant(0);
}

export function addUser(db: Db, id: number, balance = 0): void {
  db.insert(users)
    .values({ id, firstName: `user${id}` })
    .run();
  if (balance > 0)
    db.transaction((tx) =>
      topUp(tx, { userId: id, amount: balance, ref: `test:${id}:${balance}` }),
    );
}

/** A 1×1 PNG's first bytes: enough for the sniffers. */
export const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

/** Creates the job (its price reserved) and returns its id; a test whose user cannot pay is wrong. */
export function queuedJobId(db: Db, request: JobRequest): string {
  const created = createJob(db, request);
  if (!created.ok) throw new Error('queuedJobId: not created (no funds?)');
  return created.job.id;
}

/**
 * A sync executor's options for image jobs on one operator lane: results opened as PNG, every
 * failure `unknown`, one call at a time unless `over` says otherwise.
 */
export function imageExecutorOptions(
  base: Pick<ExecutorOptions, 'db' | 'notifier' | 'results'> & {
    image: NonNullable<ExecutorOptions['runners']['image']>;
  },
  over: Partial<ExecutorOptions> = {},
): ExecutorOptions {
  return {
    db: base.db,
    notifier: base.notifier,
    results: base.results,
    logger: silentLogger,
    runners: { image: base.image },
    openResult: async () => ({ stream: Readable.from([PNG]), mime: 'image/png' }),
    laneOf: () => 'operator',
    toFailure: () => ({ code: 'unknown' }),
    concurrency: 1,
    laneConcurrency: 1,
    maxResultBytes: 1024 * 1024,
    resultBudgetBytes: 1024 * 1024,
    downloadTimeoutMs: 5_000,
    instanceId: 'test',
    ...over,
  };
}

export function tempResults(): { results: ResultStore; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'genbot-results-'));
  return {
    results: new ResultStore(dir),
    cleanup: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

/** Records what the workers tell the chat; `deliver` can be made to fail. */
export class RecordingNotifier implements JobNotifier {
  progressCalls: Array<{ job: string; progress: JobProgress }> = [];
  delivered: JobRow[] = [];
  failures: Array<{ job: JobRow; refunded: boolean }> = [];
  failDeliveries = 0;
  unreachable = false;

  async progress(job: JobRow, progress: JobProgress): Promise<void> {
    this.progressCalls.push({ job: job.id, progress });
  }

  async deliver(job: JobRow): Promise<DeliveryReceipt> {
    if (this.failDeliveries > 0) {
      this.failDeliveries--;
      throw new Error('telegram is down');
    }
    this.delivered.push(job);
    return this.unreachable ? { unreachable: true } : { result: { messageIds: [1] } };
  }

  async failed(job: JobRow, refunded: boolean): Promise<void> {
    this.failures.push({ job, refunded });
  }
}

/**
 * A whole job row for a family's own tests (no database): user 1 in chat 1, running, paid from
 * the balance, nothing else set; `over` names the job and sets the rest.
 */
export function jobRowOf(
  over: Pick<JobRow, 'id' | 'family' | 'kind' | 'model' | 'params'> & Partial<JobRow>,
): JobRow {
  return {
    userId: 1,
    chatId: 1,
    status: 'running',
    upstreamId: null,
    progress: null,
    price: 0,
    payer: 'balance',
    parentJobId: null,
    statusMessageId: null,
    replyToMessageId: null,
    attempts: 0,
    nextPollAt: null,
    deadlineAt: null,
    leaseOwner: null,
    leaseUntil: null,
    result: null,
    errorCode: null,
    errorMessage: null,
    createdAt: 0,
    updatedAt: 0,
    finishedAt: null,
    startKey: null,
    ...over,
  };
}
