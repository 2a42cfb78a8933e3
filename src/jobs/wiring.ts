/**
 * The job workers wired together: one rule for which gateway key a job spends (and so which
 * lane it queues in), one input loader, the executor for the sync families, the submitter and
 * poller for the async ones, routing by family, and the sweeps that adopt jobs whose owner died.
 */
import type { KeyBox } from '../accounts/key-box.js';
import { getOwnKey, markKeyInvalid } from '../accounts/own-keys.js';
import type { Config } from '../config.js';
import type { Db } from '../db/client.js';
import type { Database } from '../db/engine.js';
import type { GatewayClient } from '../gateway/client.js';
import { GatewayError } from '../gateway/errors.js';
import type { MediaKind } from '../gateway/mime.js';
import type { Logger } from '../infra/logger.js';
import type { AsyncWorkerOptions } from './async-family.js';
import type { BackoffPolicy } from './backoff.js';
import { SyncExecutor } from './executor.js';
import { isTransientFailure, toFailure } from './failures.js';
import { MidjourneyFamily, type MjDeadlines } from './midjourney/family.js';
import type { AskModal } from './midjourney/modal.js';
import { AsyncPoller } from './poller.js';
import type { JobNotifier } from './ports.js';
import { type RecoveryReport, recoverJobs } from './recovery.js';
import type { ResultStore } from './result-store.js';
import { createImageRunner, type RunnerPorts } from './runners.js';
import { getJob, type JobRow, jobsInStatus, type KeyHolder } from './store.js';
import { AsyncSubmitter } from './submitter.js';
import { createVideoFamily } from './video/family.js';

/** Tests shorten these; production keeps the defaults. */
export interface JobTiming {
  /** Pauses before trying a refused (429 / no channel) call again. */
  retryDelaysMs?: readonly number[];
  /** How often the status message shows the elapsed time. */
  heartbeatMs?: number;
  /** A failed send waits this times the attempts so far (default 30 s). */
  deliveryRetryStepMs?: number;
  /** The clock of polls, deadlines and status-edit throttling. */
  now?: () => number;
  pollIntervalMs?: number;
  backoff?: Partial<BackoffPolicy>;
  leaseMs?: number;
  mjDeadlines?: Partial<MjDeadlines>;
  videoDeadlineMs?: number;
}

/** A user's file by Telegram file id, checked to be of the kind asked for (default an image). */
export type InputLoader = (
  fileId: string,
  maxBytes?: number,
  kind?: MediaKind,
) => Promise<{ data: Buffer; mime: string }>;

export interface JobWiring {
  db: Db;
  database: Database;
  logger: Logger;
  instanceId: string;
  config: Pick<
    Config,
    | 'JOB_CONCURRENCY'
    | 'KEY_CONCURRENCY'
    | 'uploadLimitBytes'
    | 'resultBudgetBytes'
    | 'RESULT_DOWNLOAD_TIMEOUT_MS'
    | 'MJ_FETCHES_PER_POLL'
    | 'MJ_FETCHES_MIN'
    | 'MJ_FETCHES_MAX'
  >;
  gateway: GatewayClient;
  keyBox: KeyBox;
  results: ResultStore;
  /** A user's file by Telegram file id (the Telegram side knows how). */
  loadInput: InputLoader;
  /** An earlier result of a job's owner, read as the gallery reads it (edits from the gallery). */
  loadResult: RunnerPorts['loadResult'];
  notifier: JobNotifier;
  /** The notifier of async jobs (it may add progress previews). */
  asyncNotifier: JobNotifier;
  /** The catalog's wait for a job's model, ms; undefined: the client's or the family's default. */
  timeoutOf: (job: JobRow) => number | undefined;
  /** The catalog price of a Midjourney job's modal step; undefined when its model is gone. */
  modalPrice: (job: JobRow) => number | undefined;
  askModal: AskModal;
  /** Redis mode: only the leader polls. */
  isLeader: () => boolean;
  /** Which lease owners are gone (all but ours at start in one process; dead instances in Redis). */
  orphanCheck: (
    owners: readonly (string | null)[],
    options?: { atStart?: boolean },
  ) => Promise<(owner: string | null) => boolean>;
  timing?: JobTiming;
}

export interface JobWorkers {
  executor: SyncExecutor;
  submitter: AsyncSubmitter;
  poller: AsyncPoller;
  /** Hands a new job to the worker of its family. */
  dispatch(jobId: string): void;
  /** Re-queues or ends the jobs whose owner is gone. */
  recoverOrphans(atStart?: boolean): Promise<RecoveryReport>;
  /** Frees the async leases of owners that are gone, so the poller takes their jobs over. */
  releaseAsyncOrphans(atStart?: boolean): Promise<void>;
}

/** A job paid with a user's key spends that key, in that key's lane; the rest the operator's. */
export const laneOf = (job: KeyHolder): string =>
  job.payer === 'own_key' ? `user:${job.userId}` : 'operator';

/** A lane as a metrics label: own keys together (a user id is neither a label nor bounded). */
export const laneKind = (lane: string): 'operator' | 'own_key' =>
  lane === 'operator' ? 'operator' : 'own_key';

export function createJobWorkers(w: JobWiring): JobWorkers {
  const { db, logger, config, gateway, results } = w;
  const timing = w.timing ?? {};
  const now = timing.now ? { now: timing.now } : {};
  const retries = timing.retryDelaysMs ? { retryDelaysMs: timing.retryDelaysMs } : {};
  const deliveryTiming = timing.deliveryRetryStepMs
    ? { deliveryRetryStepMs: timing.deliveryRetryStepMs }
    : {};

  const gatewayFor = async (job: KeyHolder) => {
    if (job.payer !== 'own_key') return gateway;
    const key = await getOwnKey(w.database, w.keyBox, job.userId);
    if (!key) throw new GatewayError('bad_key', 'the user unlinked their key');
    // Flags exactly the key that failed: the user may have linked another one meanwhile.
    return gateway.withKey(key, () => {
      markKeyInvalid(w.database, job.userId, { box: w.keyBox, key }).catch((err: unknown) =>
        logger.warn({ err, user: job.userId }, 'could not mark the own key invalid'),
      );
    });
  };

  const runImage = createImageRunner({
    gatewayFor,
    loadInput: w.loadInput,
    loadResult: w.loadResult,
    timeoutOf: w.timeoutOf,
  });
  const executor = new SyncExecutor({
    db,
    logger,
    notifier: w.notifier,
    results,
    runners: { image: runImage, 'chat-image': runImage, edit: runImage },
    openResult: (url, limits) => gateway.openStream(url, { ...limits, expect: 'image' }),
    laneOf,
    toFailure,
    isTransient: isTransientFailure,
    concurrency: config.JOB_CONCURRENCY,
    laneConcurrency: config.KEY_CONCURRENCY,
    maxResultBytes: config.uploadLimitBytes,
    resultBudgetBytes: config.resultBudgetBytes,
    downloadTimeoutMs: config.RESULT_DOWNLOAD_TIMEOUT_MS,
    instanceId: w.instanceId,
    ...retries,
    ...(timing.heartbeatMs ? { heartbeatMs: timing.heartbeatMs } : {}),
    ...deliveryTiming,
  });

  let submitter: AsyncSubmitter | undefined;
  const dispatch = (jobId: string) => {
    const family = getJob(db, jobId)?.family;
    if (family && submitter?.handles(family)) submitter.enqueue(jobId);
    else executor.enqueue(jobId);
  };

  const midjourney = new MidjourneyFamily({
    logger,
    gatewayFor,
    loadInput: w.loadInput,
    results,
    maxResultBytes: Math.min(config.uploadLimitBytes, config.resultBudgetBytes),
    downloadTimeoutMs: config.RESULT_DOWNLOAD_TIMEOUT_MS,
    modal: { db, modalPrice: w.modalPrice, dispatch },
    askModal: w.askModal,
    ...(timing.mjDeadlines ? { deadlines: timing.mjDeadlines } : {}),
  });
  const video = createVideoFamily({
    logger,
    gatewayFor,
    loadInput: w.loadInput,
    results,
    uploadLimitBytes: config.uploadLimitBytes,
    downloadTimeoutMs: config.RESULT_DOWNLOAD_TIMEOUT_MS,
    ...(timing.videoDeadlineMs ? { deadlineMs: timing.videoDeadlineMs } : {}),
  });
  const asyncWorker: AsyncWorkerOptions = {
    db,
    logger,
    notifier: w.asyncNotifier,
    families: [midjourney, video],
    laneOf,
    toFailure,
    instanceId: w.instanceId,
    ...deliveryTiming,
    ...now,
  };
  submitter = new AsyncSubmitter({
    ...asyncWorker,
    firstPollMs: timing.backoff?.firstMs ?? 3_000,
    timeoutOf: w.timeoutOf,
    isTransient: isTransientFailure,
    ...retries,
    concurrency: config.JOB_CONCURRENCY,
    laneConcurrency: config.KEY_CONCURRENCY,
  });
  const poller = new AsyncPoller({
    ...asyncWorker,
    isLeader: w.isLeader,
    fetchBudget: {
      start: config.MJ_FETCHES_PER_POLL,
      min: config.MJ_FETCHES_MIN,
      max: config.MJ_FETCHES_MAX,
    },
    ...(timing.backoff ? { backoff: timing.backoff } : {}),
    ...(timing.leaseMs ? { leaseMs: timing.leaseMs } : {}),
    ...(timing.pollIntervalMs ? { intervalMs: timing.pollIntervalMs } : {}),
  });

  return {
    executor,
    submitter,
    poller,
    dispatch,
    async recoverOrphans(atStart = false) {
      const owners = jobsInStatus(db, ['submitting', 'running', 'delivering']).map(
        (job) => job.leaseOwner,
      );
      const orphan = await w.orphanCheck(owners, { atStart });
      return recoverJobs({ db, logger, notifier: w.notifier, executor }, (job) =>
        orphan(job.leaseOwner),
      );
    },
    async releaseAsyncOrphans(atStart = false) {
      const owners = jobsInStatus(db, ['running', 'delivering']).map((job) => job.leaseOwner);
      const orphan = await w.orphanCheck(owners, { atStart });
      poller.releaseOrphans((job) => orphan(job.leaseOwner));
    },
  };
}
