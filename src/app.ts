import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { Bot } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import { createKeyBox, type KeyBox, loadOrCreateSecret } from './accounts/key-box.js';
import { getOwnKey, markKeyInvalid } from './accounts/own-keys.js';
import { totals } from './billing/ledger.js';
import { formatMoney } from './billing/money.js';
import { TelegramBroadcastSender } from './bot/broadcast/sender.js';
import type { BotContext } from './bot/context.js';
import { createBot } from './bot/create-bot.js';
import type { BotDeps } from './bot/deps.js';
import { createI18n, type Locale } from './bot/i18n.js';
import { deliverImages } from './bot/images/delivery.js';
import { TelegramNotifier } from './bot/jobs/notifier.js';
import { StatusEditor } from './bot/jobs/status-editor.js';
import { deliverMidjourney } from './bot/midjourney/delivery.js';
import { modalPorts, modalPriceOf } from './bot/midjourney/mj-jobs.js';
import { askMjModal } from './bot/midjourney/modal-ask.js';
import { MjPreviews } from './bot/midjourney/preview.js';
import { createTelegramFileLoader } from './bot/transport/input-files.js';
import { SendPacer } from './bot/transport/send-pacer.js';
import { deliverVideo } from './bot/video/delivery.js';
import { BroadcastWorker } from './broadcast/worker.js';
import { createCatalogHolder } from './catalog/holder.js';
import { loadCatalog } from './catalog/index.js';
import type { Config } from './config.js';
import { closeDb, openDb } from './db/client.js';
import { SqliteKvStorage } from './db/kv-storage.js';
import { createGatewayClient } from './gateway/client.js';
import { GatewayError } from './gateway/errors.js';
import { createLogger, type Logger } from './infra/logger.js';
import { LoopTurns } from './infra/loop-turns.js';
import { Metrics } from './infra/metrics.js';
import { createRuntime, type Runtime } from './infra/runtime.js';
import { type AsyncWorkerOptions, progressKey } from './jobs/async-family.js';
import type { BackoffPolicy } from './jobs/backoff.js';
import { SyncExecutor } from './jobs/executor.js';
import { isTransientFailure, toFailure } from './jobs/failures.js';
import { pollerLagSeconds } from './jobs/lag.js';
import { MidjourneyFamily, type MjDeadlines } from './jobs/midjourney/family.js';
import { AsyncPoller } from './jobs/poller.js';
import type { JobNotifier } from './jobs/ports.js';
import { recoverJobs } from './jobs/recovery.js';
import { ResultStore } from './jobs/result-store.js';
import { createImageRunner } from './jobs/runners.js';
import { countByStatus, getJob, type JobRow, jobsInStatus } from './jobs/store.js';
import { AsyncSubmitter } from './jobs/submitter.js';
import { createVideoFamily } from './jobs/video/family.js';
import { GatewayWindow } from './stats/gateway-window.js';

export interface AppOptions {
  logger?: Logger;
  /** Skips getMe (tests). */
  botInfo?: UserFromGetMe;
  /** Names this process on the jobs it holds. */
  instanceId?: string;
  /** Redis mode settings (tests: a unique key prefix, a short leader lease). */
  runtime?: {
    prefix?: string;
    leader?: { ttlMs?: number; renewMs?: number };
    presenceTtlMs?: number;
  };
  /** Executor timing (tests shorten the waits; production keeps the defaults). */
  executor?: {
    /** Pauses before trying a refused (429 / no channel) call again. */
    retryDelaysMs?: readonly number[];
    /** How often the status message shows the elapsed time. */
    heartbeatMs?: number;
    /** How long stop() lets running calls finish before aborting them (they fail, refunded). */
    shutdownGraceMs?: number;
    /** A failed send waits this times the attempts so far (default 30 s). */
    deliveryRetryStepMs?: number;
    /** Period of the sweeps: orphans, queued jobs, deliveries due again (default 5 s). */
    sweepMs?: number;
  };
  /** Poller and submitter of the async families (tests use a virtual clock and tick by hand). */
  asyncJobs?: {
    /** The clock of polls, deadlines and status-edit throttling. */
    now?: () => number;
    /** false: the poller loop is not started; tests call `app.poller.tick()`. */
    autoStart?: boolean;
    intervalMs?: number;
    backoff?: Partial<BackoffPolicy>;
    leaseMs?: number;
    mjDeadlines?: Partial<MjDeadlines>;
    /** Midjourney progress previews (download + upload); default on. */
    previews?: boolean;
    /** Shortest time a video task may take before it fails, refunded (default 20 min). */
    videoDeadlineMs?: number;
  };
}

export interface App {
  config: Config;
  deps: BotDeps;
  bot: Bot<BotContext>;
  executor: SyncExecutor;
  /** Shared state (embedded or Redis), leader lease and metrics. */
  runtime: Runtime;
  /** The one loop that follows every async job (Midjourney, video). */
  poller: AsyncPoller;
  submitter: AsyncSubmitter;
  /** Recovers jobs a crash interrupted, then starts the periodic sweeps. */
  startWorkers(): Promise<void>;
  /** Stops the workers at a safe point and closes the database (the bot's runner is the caller's). */
  stop(): Promise<void>;
}

const RESULT_RETENTION_MS = 48 * 3600_000;

/** JSON logs with every configured secret scrubbed from every line. */
export function createAppLogger(config: Config): Logger {
  return createLogger({
    level: config.LOG_LEVEL,
    secrets: [
      config.BOT_TOKEN,
      config.GATEWAY_API_KEY,
      config.WEBHOOK_SECRET ?? '',
      config.KEY_ENCRYPTION_SECRET ?? '',
      config.METRICS_TOKEN ?? '',
    ],
  });
}

/** The composition root: config → every dependency → the bot and its workers. */
export function createApp(config: Config, options: AppOptions = {}): App {
  const logger = options.logger ?? createAppLogger(config);
  const db = openDb(config.DATABASE_PATH);
  const instanceId = options.instanceId ?? randomUUID().slice(0, 8);
  const metrics = new Metrics();
  let started = false;
  // Embedded (SQLite + memory) or Redis (several instances): storages, limits, de-dup, leases.
  const runtime = createRuntime({
    config,
    db,
    logger,
    instanceId,
    metrics,
    // A new leader frees the async leases of dead instances at once instead of waiting them out.
    onLeaderChange: (leader) => {
      if (leader && started)
        void releaseAsyncOrphans().catch((err: unknown) =>
          logger.warn({ err }, 'releasing orphaned async jobs failed'),
        );
    },
    ...(options.runtime?.prefix ? { prefix: options.runtime.prefix } : {}),
    ...(options.runtime?.leader ? { leader: options.runtime.leader } : {}),
    ...(options.runtime?.presenceTtlMs ? { presenceTtlMs: options.runtime.presenceTtlMs } : {}),
  });
  metrics.setSources({
    jobs: () => countByStatus(db),
    ledger: () => {
      const { topups, redeemed, charges, refunds, adjustments } = totals(db);
      return { topups, redeemed, charges, refunds, adjustments };
    },
    pollerLagSeconds: () => pollerLagSeconds(db),
  });
  const catalog = loadCatalog(config.CATALOG_PATH);
  // /reload swaps the catalog; deps.catalog reads through the holder.
  const catalogs = createCatalogHolder(catalog, () => loadCatalog(config.CATALOG_PATH));
  const gatewayStats = new GatewayWindow();
  const gateway = createGatewayClient({
    baseUrl: config.GATEWAY_BASE_URL,
    apiKey: config.GATEWAY_API_KEY,
    generationTimeoutMs: config.GATEWAY_TIMEOUT_MS,
    allowPrivateUrls: config.GATEWAY_ALLOW_PRIVATE_URLS,
    logger,
    onRequest: (info) => {
      gatewayStats.record(info);
      metrics.observeGateway(info);
    },
  });
  const keySecret = loadOrCreateSecret({
    dataDir: config.dataDir,
    ...(config.KEY_ENCRYPTION_SECRET ? { envSecret: config.KEY_ENCRYPTION_SECRET } : {}),
  });
  if (keySecret.source === 'created')
    logger.warn(
      { file: keySecret.file },
      'generated a key-encryption secret: back it up with the database',
    );
  const keyBox: KeyBox = createKeyBox(keySecret.secret);
  const results = new ResultStore(path.join(config.dataDir, 'results'));
  const money = (amount: number, locale?: string) =>
    formatMoney(amount, {
      currency: config.CURRENCY,
      decimals: config.CURRENCY_DECIMALS,
      ...(locale ? { locale } : {}),
    });

  let executor: SyncExecutor | undefined;
  let submitter: AsyncSubmitter | undefined;
  let broadcastWorker: BroadcastWorker | undefined;
  const deps: BotDeps = {
    config,
    db,
    logger,
    get catalog() {
      return catalogs.current;
    },
    catalogs,
    gatewayStats,
    broadcasts: {
      // The worker sends through the bot's API: bulk work, not replies, for the pacer.
      kick: () => broadcastWorker?.kick(),
      isSending: (id) => broadcastWorker?.isSending(id) ?? false,
    },
    gateway,
    keyBox,
    limiter: runtime.limiter,
    albums: runtime.albums,
    turns: new LoopTurns(),
    results,
    money,
    jobs: {
      // The workers send through the bot's API: bulk work, not replies, for the pacer.
      dispatch: (jobId) => {
        const family = getJob(db, jobId)?.family;
        if (family && submitter?.handles(family)) submitter.enqueue(jobId);
        else executor?.enqueue(jobId);
      },
    },
  };

  const i18n = createI18n();
  const sendPacer = new SendPacer(config.TELEGRAM_SEND_RATE);
  const bot = createBot(config.BOT_TOKEN, deps, {
    ...(options.botInfo ? { botInfo: options.botInfo } : {}),
    i18n,
    sessionStorage: runtime.storage('session'),
    conversationStorage: runtime.storage('conv'),
    dedup: runtime.dedup,
    chatLock: runtime.chatLock,
    metrics,
    sendPacer,
  });

  const asyncOptions = options.asyncJobs ?? {};
  const delivery = {
    api: bot.api,
    db,
    config,
    logger,
    results,
    status: new StatusEditor(bot.api, {
      ...(asyncOptions.now ? { now: asyncOptions.now } : {}),
      congested: (chatId) => sendPacer.congested(chatId),
    }),
    t: (locale: Locale, key: string, vars?: Record<string, string | number>) =>
      i18n.t(locale, key, vars),
    money,
  };
  const notifier = new TelegramNotifier(delivery, {
    image: deliverImages,
    'chat-image': deliverImages,
    edit: deliverImages,
    midjourney: deliverMidjourney,
    video: deliverVideo,
  });

  const gatewayFor = async (job: JobRow) => {
    if (job.payer !== 'own_key') return gateway;
    const key = getOwnKey(db, keyBox, job.userId);
    if (!key) throw new GatewayError('bad_key', 'the user unlinked their key');
    return gateway.withKey(key);
  };
  const deliveryTiming = options.executor?.deliveryRetryStepMs
    ? { deliveryRetryStepMs: options.executor.deliveryRetryStepMs }
    : {};
  const runImage = createImageRunner({
    gatewayFor,
    loadInput: createTelegramFileLoader(bot.api, config.BOT_TOKEN, config.BOT_API_ROOT),
  });

  executor = new SyncExecutor({
    db,
    logger,
    notifier,
    results,
    runners: { image: runImage, 'chat-image': runImage, edit: runImage },
    openResult: (url, limits) => gateway.openStream(url, { ...limits, expect: 'image' }),
    laneOf: (job) => (job.payer === 'own_key' ? `user:${job.userId}` : 'operator'),
    toFailure,
    isTransient: isTransientFailure,
    onFailed: (job, failure) => {
      if (
        job.payer === 'own_key' &&
        (failure.code === 'bad_key' || failure.code === 'key_exhausted')
      ) {
        markKeyInvalid(db, job.userId);
      }
    },
    concurrency: config.JOB_CONCURRENCY,
    laneConcurrency: config.KEY_CONCURRENCY,
    maxResultBytes: config.uploadLimitBytes,
    resultBudgetBytes: config.resultBudgetBytes,
    downloadTimeoutMs: config.RESULT_DOWNLOAD_TIMEOUT_MS,
    instanceId,
    ...(options.executor?.retryDelaysMs ? { retryDelaysMs: options.executor.retryDelaysMs } : {}),
    ...(options.executor?.heartbeatMs ? { heartbeatMs: options.executor.heartbeatMs } : {}),
    ...deliveryTiming,
  });

  // Async families: one submitter and one poller shared by Midjourney and (later) video.
  const laneOf = (job: JobRow) => (job.payer === 'own_key' ? `user:${job.userId}` : 'operator');
  const onAsyncFailed = (job: JobRow, failure: { code: string }) => {
    if (job.payer === 'own_key' && (failure.code === 'bad_key' || failure.code === 'key_exhausted'))
      markKeyInvalid(db, job.userId);
  };
  const previews = new MjPreviews(delivery, {
    download: (url, maxBytes) => gateway.download(url, { maxBytes, expect: 'image' }),
    ...(asyncOptions.now ? { now: asyncOptions.now } : {}),
  });
  const asyncNotifier: JobNotifier = {
    async progress(job, progress) {
      await notifier.progress(job, progress);
      if (asyncOptions.previews !== false)
        await previews
          .show(job, progress, progressKey(progress))
          .catch((err: unknown) => logger.debug({ err, job: job.id }, 'preview skipped'));
    },
    deliver: (job) => notifier.deliver(job),
    async failed(job, refunded) {
      await previews.remove(job);
      await notifier.failed(job, refunded);
    },
  };
  const midjourney = new MidjourneyFamily({
    logger,
    gatewayFor,
    loadInput: createTelegramFileLoader(bot.api, config.BOT_TOKEN, config.BOT_API_ROOT),
    results,
    maxResultBytes: Math.min(config.uploadLimitBytes, config.resultBudgetBytes),
    downloadTimeoutMs: config.RESULT_DOWNLOAD_TIMEOUT_MS,
    modal: modalPorts(deps),
    askModal: (job) => askMjModal(delivery, job, modalPriceOf(deps.catalog, job)),
    maxFetchesPerPoll: config.MJ_FETCHES_PER_POLL,
    ...(asyncOptions.mjDeadlines ? { deadlines: asyncOptions.mjDeadlines } : {}),
  });
  const video = createVideoFamily({
    logger,
    gatewayFor,
    loadInput: createTelegramFileLoader(bot.api, config.BOT_TOKEN, config.BOT_API_ROOT),
    results,
    uploadLimitBytes: config.uploadLimitBytes,
    downloadTimeoutMs: config.RESULT_DOWNLOAD_TIMEOUT_MS,
    ...(asyncOptions.videoDeadlineMs ? { deadlineMs: asyncOptions.videoDeadlineMs } : {}),
  });
  const asyncWorker: AsyncWorkerOptions = {
    db,
    logger,
    notifier: asyncNotifier,
    families: [midjourney, video],
    laneOf,
    toFailure,
    onFailed: onAsyncFailed,
    instanceId,
    ...deliveryTiming,
    ...(asyncOptions.now ? { now: asyncOptions.now } : {}),
  };
  submitter = new AsyncSubmitter({
    ...asyncWorker,
    firstPollMs: asyncOptions.backoff?.firstMs ?? 3_000,
    concurrency: config.JOB_CONCURRENCY,
    laneConcurrency: config.KEY_CONCURRENCY,
  });
  const poller = new AsyncPoller({
    ...asyncWorker,
    // Redis mode: one poller leader at a time; a successor takes over when its lease lapses.
    isLeader: () => runtime.leader.isLeader(),
    ...(asyncOptions.backoff ? { backoff: asyncOptions.backoff } : {}),
    ...(asyncOptions.leaseMs ? { leaseMs: asyncOptions.leaseMs } : {}),
    ...(asyncOptions.intervalMs ? { intervalMs: asyncOptions.intervalMs } : {}),
  });
  const asyncSubmitter = submitter;

  broadcastWorker = new BroadcastWorker({
    db,
    logger,
    owner: instanceId,
    sender: new TelegramBroadcastSender({ api: bot.api, db, logger }),
    ratePerSecond: config.BROADCAST_RATE,
    excluded: () => config.ADMIN_IDS,
  });

  const releaseAsyncOrphans = async (atStart = false) => {
    const owners = jobsInStatus(db, ['running', 'delivering']).map((job) => job.leaseOwner);
    const orphan = await runtime.orphanCheck(owners, { atStart });
    poller.releaseOrphans((job) => orphan(job.leaseOwner));
  };
  // Recovery of jobs whose owner is gone: all of them at start in one process; those of dead
  // instances (no presence key) in Redis mode, checked every few seconds so survivors take over.
  const recoverOrphans = async (atStart = false) => {
    const owners = jobsInStatus(db, ['submitting', 'running', 'delivering']).map(
      (job) => job.leaseOwner,
    );
    const orphan = await runtime.orphanCheck(owners, { atStart });
    return recoverJobs({ db, logger, notifier, executor: executor as SyncExecutor }, (job) =>
      orphan(job.leaseOwner),
    );
  };

  const timers: NodeJS.Timeout[] = [];
  const every = (ms: number, task: () => unknown) => {
    const timer = setInterval(() => {
      Promise.resolve()
        .then(task)
        .catch((err: unknown) => logger.error({ err }, 'periodic task failed'));
    }, ms);
    timer.unref();
    timers.push(timer);
  };

  return {
    config,
    deps,
    bot,
    executor,
    poller,
    submitter: asyncSubmitter,
    runtime,
    async startWorkers() {
      await runtime.start();
      started = true;
      await recoverOrphans(true);
      const sweepMs = options.executor?.sweepMs ?? 5_000;
      if (runtime.mode === 'redis') every(sweepMs, () => recoverOrphans());
      // One process: every async lease not ours died with the previous process; with Redis,
      // the leases of dead instances (the new leader repeats this when it takes over).
      await releaseAsyncOrphans(true);
      asyncSubmitter.sweepQueued();
      every(sweepMs, () => asyncSubmitter.sweepQueued());
      if (asyncOptions.autoStart !== false) poller.start();
      every(sweepMs, () => {
        executor?.sweepQueued();
        executor?.sweepDelivering();
      });
      // Unfinished broadcasts resume now; the periodic kick takes over one whose instance died.
      broadcastWorker?.kick();
      every(15_000, () => broadcastWorker?.kick());
      every(3_600_000, async () => {
        await results.sweep(RESULT_RETENTION_MS);
        new SqliteKvStorage(db, '').sweep();
      });
    },
    async stop() {
      for (const timer of timers) clearInterval(timer);
      await broadcastWorker?.stop();
      await executor?.stop(options.executor?.shutdownGraceMs);
      await poller.stop(options.executor?.shutdownGraceMs);
      await asyncSubmitter.stop(options.executor?.shutdownGraceMs);
      await gateway.close();
      // Last: the leader lease goes only once this instance's workers have stopped.
      await runtime.stop();
      closeDb(db);
    },
  };
}
