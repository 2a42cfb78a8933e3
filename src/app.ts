import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { Bot } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import { createKeyBox, type KeyBox, loadOrCreateSecret } from './accounts/key-box.js';
import { GatewayWatch } from './alerts/gateway-watch.js';
import { type OperatorAlert, OperatorAlerts } from './alerts/operator-alerts.js';
import { referralCreditSince } from './billing/bonuses.js';
import { totals } from './billing/ledger.js';
import { formatMoney } from './billing/money.js';
import { starsTotals } from './billing/star-payments.js';
import { createAlertSender } from './bot/admin/operator-alerts.js';
import { dailyReconcile } from './bot/admin/reconcile.js';
import { TelegramBroadcastSender } from './bot/broadcast/sender.js';
import type { BotContext } from './bot/context.js';
import { createBot } from './bot/create-bot.js';
import type { BotDeps } from './bot/deps.js';
import { offerAgain, offerEdit } from './bot/gallery/offers.js';
import { sharedI18n, translateIn } from './bot/i18n.js';
import { deliverImages } from './bot/images/delivery.js';
import { IMAGE_FAMILIES } from './bot/jobs/again.js';
import type { DeliveryContext } from './bot/jobs/delivery-types.js';
import { TelegramNotifier } from './bot/jobs/notifier.js';
import { StatusEditor } from './bot/jobs/status-editor.js';
import { mjGalleryButtons } from './bot/midjourney/button-action.js';
import { deliverMidjourney } from './bot/midjourney/delivery.js';
import { offerMjAction } from './bot/midjourney/gallery-action.js';
import { askMjModal } from './bot/midjourney/modal-ask.js';
import { MjPreviews, withPreviews } from './bot/midjourney/preview.js';
import { offerVaryRegion, regionButton } from './bot/midjourney/region.js';
import { createSupportStaff } from './bot/support/staff.js';
import {
  createTelegramFileLoader,
  TELEGRAM_DOWNLOAD_LIMIT,
  type TelegramFileLoader,
} from './bot/transport/input-files.js';
import { SendPacer } from './bot/transport/send-pacer.js';
import { deliverVideo } from './bot/video/delivery.js';
import { BroadcastWorker } from './broadcast/worker.js';
import { createCatalogHolder } from './catalog/holder.js';
import { loadCatalog, modalPriceOf, timeoutMsOf } from './catalog/index.js';
import type { Config } from './config.js';
import { closeDb, type Db, openDb } from './db/client.js';
import { type Database, sqliteEngine } from './db/engine.js';
import { DbKvStorage } from './db/kv-storage.js';
import type { Quota } from './gateway/billing.js';
import { createGatewayClient } from './gateway/client.js';
import { GatewayWindow } from './infra/gateway-window.js';
import type { SubtreeHandler } from './infra/http-server.js';
import { createLogger, type Logger } from './infra/logger.js';
import { LoopTurns } from './infra/loop-turns.js';
import { Metrics } from './infra/metrics.js';
import { Periodic } from './infra/periodic.js';
import { createRuntime, type Runtime } from './infra/runtime.js';
import type { BackoffPolicy } from './jobs/backoff.js';
import type { SyncExecutor } from './jobs/executor.js';
import { pollerLagSeconds } from './jobs/lag.js';
import type { MjDeadlines } from './jobs/midjourney/family.js';
import type { AsyncPoller } from './jobs/poller.js';
import { ResultStore } from './jobs/result-store.js';
import { countByStatus } from './jobs/store.js';
import type { AsyncSubmitter } from './jobs/submitter.js';
import { createJobWorkers, type JobTiming, type JobWorkers, laneKind } from './jobs/wiring.js';
import { resultSourceLoader } from './miniapp/result-bytes.js';
import { miniAppHandler } from './miniapp/routes.js';
import { ThumbStore } from './miniapp/thumbs.js';

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
  /** Operator alerts (tests: a fast check and a short outage threshold). */
  alerts?: { checkMs?: number; downAfterMs?: number };
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
  /** The Mini App under MINI_APP_URL's path, served by the caller's HTTP server; off when unset. */
  miniApp: SubtreeHandler | undefined;
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

function buildGateway(
  config: Config,
  logger: Logger,
  metrics: Metrics,
  window: GatewayWindow,
  watch: GatewayWatch,
) {
  return createGatewayClient({
    baseUrl: config.GATEWAY_BASE_URL,
    apiKey: config.GATEWAY_API_KEY,
    generationTimeoutMs: config.GATEWAY_TIMEOUT_MS,
    allowPrivateUrls: config.GATEWAY_ALLOW_PRIVATE_URLS,
    logger,
    onRequest: (info) => {
      window.record(info);
      metrics.observeGateway(info);
      watch.observe(info);
    },
    onKeyRejected: (kind) => watch.keyRejected(kind),
  });
}

const ALERT_WINDOW_MS = 30 * 60_000;

/**
 * Operator alerts: one per incident kind per 30 minutes across instances (the shared limiter),
 * sent through the bot once it exists.
 */
function buildAlertWatch(
  config: Config,
  o: { logger: Logger; runtime: Runtime; send: (alert: OperatorAlert) => Promise<void> },
  options: AppOptions,
  quota: () => Promise<Quota>,
): GatewayWatch {
  const alerts = new OperatorAlerts({
    logger: o.logger,
    send: o.send,
    claim: async (kind) =>
      (await o.runtime.limiter.hit(`alert:${kind}`, { limit: 1, windowMs: ALERT_WINDOW_MS }))
        .allowed,
  });
  if (config.ADMIN_IDS.length === 0 && config.SUPPORT_CHAT_ID === undefined)
    o.logger.warn('no ADMIN_IDS and no SUPPORT_CHAT_ID: operator alerts go to the log only');
  return new GatewayWatch({
    alerts,
    quota,
    lowBalanceUsd: config.OPERATOR_BALANCE_ALERT_USD,
    downAfterMs: options.alerts?.downAfterMs ?? config.GATEWAY_DOWN_ALERT_MINUTES * 60_000,
  });
}

/** The box that encrypts users' own keys, its secret from the environment or the data dir. */
function buildKeyBox(config: Config, logger: Logger): KeyBox {
  const keySecret = loadOrCreateSecret({
    dataDir: config.dataDir,
    ...(config.KEY_ENCRYPTION_SECRET ? { envSecret: config.KEY_ENCRYPTION_SECRET } : {}),
  });
  if (keySecret.source === 'created')
    logger.warn(
      { file: keySecret.file },
      'generated a key-encryption secret: back it up with the database',
    );
  return createKeyBox(keySecret.secret);
}

function watchBooks(metrics: Metrics, db: Db): void {
  metrics.setSources({
    jobs: () => countByStatus(db),
    ledger: () => {
      const t = totals(db);
      return {
        topups: t.topups,
        redeemed: t.redeemed,
        charges: t.charges,
        refunds: t.refunds,
        adjustments: t.adjustments,
        stars: t.stars,
        bonuses: t.bonuses,
        reversals: t.reversals,
        referral: referralCreditSince(db, 0),
      };
    },
    pollerLagSeconds: () => pollerLagSeconds(db),
    stars: () => starsTotals(db),
  });
}

/** AppOptions' timings in the shape the job wiring takes. */
function jobTiming(options: AppOptions): JobTiming {
  const e = options.executor ?? {};
  const a = options.asyncJobs ?? {};
  return {
    ...(e.retryDelaysMs ? { retryDelaysMs: e.retryDelaysMs } : {}),
    ...(e.heartbeatMs ? { heartbeatMs: e.heartbeatMs } : {}),
    ...(e.deliveryRetryStepMs ? { deliveryRetryStepMs: e.deliveryRetryStepMs } : {}),
    ...(a.now ? { now: a.now } : {}),
    ...(a.intervalMs ? { pollIntervalMs: a.intervalMs } : {}),
    ...(a.backoff ? { backoff: a.backoff } : {}),
    ...(a.leaseMs ? { leaseMs: a.leaseMs } : {}),
    ...(a.mjDeadlines ? { mjDeadlines: a.mjDeadlines } : {}),
    ...(a.videoDeadlineMs ? { videoDeadlineMs: a.videoDeadlineMs } : {}),
  };
}

/** Where finished jobs go: one deliverer per family, through the bot's API. */
function buildNotifier(delivery: DeliveryContext): TelegramNotifier {
  return new TelegramNotifier(delivery, {
    image: deliverImages,
    'chat-image': deliverImages,
    edit: deliverImages,
    midjourney: deliverMidjourney,
    video: deliverVideo,
  });
}

/** The composition root: config → every dependency → the bot and its workers. */
/** What the workers deliver with: they send through the bot's API (bulk work, not replies). */
function buildDelivery(
  bot: Bot<BotContext>,
  sendPacer: SendPacer,
  deps: BotDeps,
  now: (() => number) | undefined,
): DeliveryContext {
  const { db, database, config, logger, results, money } = deps;
  return {
    api: bot.api,
    db,
    database,
    config,
    logger,
    results,
    status: new StatusEditor(bot.api, {
      ...(now ? { now } : {}),
      congested: (chatId) => sendPacer.congested(chatId),
    }),
    t: translateIn,
    money,
    catalog: () => deps.catalog,
  };
}

export function createApp(config: Config, options: AppOptions = {}): App {
  const logger = options.logger ?? createAppLogger(config);
  const db = openDb(config.DATABASE_PATH, { synchronous: config.DB_SYNCHRONOUS });
  // The async data layer on the same connection; modules move onto it from the sync `db`.
  const engine = sqliteEngine(db.$client);
  const instanceId = options.instanceId ?? randomUUID().slice(0, 8);
  const metrics = new Metrics();
  let started = false;
  let workers: JobWorkers | undefined;
  // Embedded (SQLite + memory) or Redis (several instances): storages, limits, de-dup, leases.
  const runtime = createRuntime({
    config,
    db: engine.db,
    logger,
    instanceId,
    metrics,
    // A new leader frees the async leases of dead instances at once instead of waiting them out.
    onLeaderChange: (leader) => {
      if (leader && started)
        void workers
          ?.releaseAsyncOrphans()
          .catch((err: unknown) => logger.warn({ err }, 'releasing orphaned async jobs failed'));
    },
    ...(options.runtime?.prefix ? { prefix: options.runtime.prefix } : {}),
    ...(options.runtime?.leader ? { leader: options.runtime.leader } : {}),
    ...(options.runtime?.presenceTtlMs ? { presenceTtlMs: options.runtime.presenceTtlMs } : {}),
  });
  watchBooks(metrics, db);
  // /reload swaps the catalog; deps.catalog reads through the holder.
  const catalogs = createCatalogHolder(loadCatalog(config.CATALOG_PATH), () =>
    loadCatalog(config.CATALOG_PATH),
  );
  const gatewayStats = new GatewayWindow();
  const watch = buildAlertWatch(
    config,
    { logger, runtime, send: (alert) => sendAlert(alert) },
    options,
    () => gateway.getQuota({ timeoutMs: 15_000 }),
  );
  const gateway = buildGateway(config, logger, metrics, gatewayStats, watch);
  const keyBox = buildKeyBox(config, logger);
  const results = new ResultStore(path.join(config.dataDir, 'results'));
  const money = (amount: number, locale: string) =>
    formatMoney(amount, { currency: config.CURRENCY, decimals: config.CURRENCY_DECIMALS, locale });

  let broadcastWorker: BroadcastWorker | undefined;
  const deps: BotDeps = {
    config,
    db,
    database: engine.db,
    logger,
    get catalog() {
      return catalogs.current;
    },
    catalogs,
    gatewayStats,
    broadcasts: {
      kick: () => broadcastWorker?.kick(),
      isSending: (id) => broadcastWorker?.isSending(id) ?? false,
    },
    gateway,
    keyBox,
    limiter: runtime.limiter,
    supportStaff: createSupportStaff({ mode: config.SUPPORT_STAFF, adminIds: config.ADMIN_IDS }),
    albums: runtime.albums,
    turns: new LoopTurns(),
    results,
    money,
    jobs: { dispatch: (jobId) => workers?.dispatch(jobId) },
  };

  const sendPacer = new SendPacer(config.TELEGRAM_SEND_RATE);
  const bot = createBot(config.BOT_TOKEN, deps, {
    ...(options.botInfo ? { botInfo: options.botInfo } : {}),
    i18n: sharedI18n(),
    sessionStorage: runtime.storage('session'),
    conversationStorage: runtime.storage('conv'),
    dedup: runtime.dedup,
    chatLock: runtime.chatLock,
    metrics,
    sendPacer,
  });

  const asyncOptions = options.asyncJobs ?? {};
  const delivery = buildDelivery(bot, sendPacer, deps, asyncOptions.now);
  const notifier = buildNotifier(delivery);
  const sendAlert = createAlertSender({
    api: bot.api,
    db: engine.db,
    config,
    logger,
    t: translateIn,
  });
  const previews = new MjPreviews(delivery, {
    download: (url, maxBytes) => gateway.download(url, { maxBytes, expect: 'image' }),
    ...(asyncOptions.now ? { now: asyncOptions.now } : {}),
  });
  const telegramFiles = telegramFileLoader(config, bot);
  const jobWorkers = createJobWorkers({
    db,
    database: engine.db,
    logger,
    instanceId,
    config,
    gateway,
    keyBox,
    results,
    loadInput: telegramFiles,
    loadResult: resultSourceLoader({ db, results, fromTelegram: bytesFromTelegram(telegramFiles) }),
    notifier,
    asyncNotifier: withPreviews(notifier, previews, logger, asyncOptions.previews !== false),
    timeoutOf: (job) => timeoutMsOf(deps.catalog, job),
    modalPrice: (job) => modalPriceOf(deps.catalog, job),
    askModal: (job) => askMjModal(delivery, job, modalPriceOf(deps.catalog, job)),
    isLeader: () => runtime.leader.isLeader(),
    orphanCheck: (owners, o) => runtime.orphanCheck(owners, o),
    timing: jobTiming(options),
  });
  workers = jobWorkers;
  const { executor, submitter, poller } = jobWorkers;
  metrics.setSources({
    fetchBudgets: () => poller.fetchBudgets().map((b) => ({ ...b, lane: laneKind(b.lane) })),
  });

  broadcastWorker = new BroadcastWorker({
    db: engine.db,
    logger,
    owner: instanceId,
    sender: new TelegramBroadcastSender({ api: bot.api, db: engine.db, logger }),
    ratePerSecond: config.BROADCAST_RATE,
    excluded: () => config.ADMIN_IDS,
  });
  const lifecycle = workerLifecycle({
    db,
    database: engine.db,
    logger,
    runtime,
    gateway,
    results,
    jobs: jobWorkers,
    broadcasts: broadcastWorker,
    watch,
    reconcile: () =>
      dailyReconcile(bot.api, {
        db,
        database: engine.db,
        logger,
        adminIds: config.ADMIN_IDS,
      }).catch((err) => {
        logger.warn({ err }, 'stars reconciliation failed');
      }),
    options,
    onStarted: () => {
      started = true;
    },
  });
  const miniApp = buildMiniApp(config, deps, bot);
  return { config, deps, bot, executor, poller, submitter, runtime, miniApp, ...lifecycle };
}

/** The Mini App's pages and API (when MINI_APP_URL is set), for the bot's HTTP server. */
function buildMiniApp(
  config: Config,
  deps: BotDeps,
  bot: Bot<BotContext>,
): SubtreeHandler | undefined {
  if (!config.MINI_APP_URL) return undefined;
  return miniAppHandler({
    basePath: new URL(config.MINI_APP_URL).pathname,
    botToken: config.BOT_TOKEN,
    db: deps.db,
    database: deps.database,
    catalog: () => deps.catalog,
    results: deps.results,
    thumbs: new ThumbStore(
      path.join(config.dataDir, 'thumbs'),
      config.THUMB_CACHE_MB * 1024 * 1024,
    ),
    t: translateIn,
    money: deps.money,
    offers: {
      regionAvailable: (job) => regionButton(job) !== undefined,
      offerRegion: (job, input, locale) => offerVaryRegion(deps, bot.api, job, input, locale),
      againAvailable: (job) => IMAGE_FAMILIES.has(job.family),
      offerAgain: (job, locale) => offerAgain(deps, bot.api, job, locale),
      mjButtons: mjGalleryButtons,
      offerMjAction: (job, input, locale) => offerMjAction(deps, bot.api, job, input, locale),
      offerEdit: (job, edit, locale) => offerEdit(deps, bot.api, job, edit, locale),
    },
    fromTelegram: bytesFromTelegram(telegramFileLoader(config, bot)),
  });
}

function telegramFileLoader(config: Config, bot: Bot<BotContext>): TelegramFileLoader {
  return createTelegramFileLoader({
    api: bot.api,
    token: config.BOT_TOKEN,
    apiRoot: config.BOT_API_ROOT,
    filesDir: config.BOT_API_FILES_DIR,
  });
}

/** A delivered file's bytes by file id, or undefined when Telegram no longer gives them. */
const bytesFromTelegram =
  (load: TelegramFileLoader) =>
  (fileId: string, kind: 'image' | 'video'): Promise<Buffer | undefined> =>
    load(fileId, TELEGRAM_DOWNLOAD_LIMIT, kind).then(
      (file) => file.data,
      () => undefined,
    );

interface LifecycleParts {
  db: Db;
  database: Database;
  logger: Logger;
  runtime: Runtime;
  gateway: { close(): Promise<void> };
  results: ResultStore;
  jobs: JobWorkers;
  broadcasts: BroadcastWorker;
  watch: GatewayWatch;
  /** The daily Stars reconciliation (admins hear of any gap). */
  reconcile: () => Promise<void>;
  options: AppOptions;
  onStarted: () => void;
}

/** Start-up recovery, the periodic sweeps, and the shutdown order. */
function workerLifecycle(p: LifecycleParts): Pick<App, 'startWorkers' | 'stop'> {
  const { jobs, broadcasts, runtime, options } = p;
  const { executor, submitter, poller } = jobs;
  const periodic = new Periodic(p.logger);
  const graceMs = options.executor?.shutdownGraceMs;
  return {
    async startWorkers() {
      await runtime.start();
      p.onStarted();
      // Recovery of jobs whose owner is gone: all of them at start in one process; those of
      // dead instances (no presence key) in Redis mode, checked every few seconds.
      await jobs.recoverOrphans(true);
      const sweepMs = options.executor?.sweepMs ?? 5_000;
      if (runtime.mode === 'redis') periodic.every(sweepMs, () => jobs.recoverOrphans());
      // One process: every async lease not ours died with the previous process; with Redis,
      // the leases of dead instances (the new leader repeats this when it takes over).
      await jobs.releaseAsyncOrphans(true);
      submitter.sweepQueued();
      periodic.every(sweepMs, () => submitter.sweepQueued());
      if (options.asyncJobs?.autoStart !== false) poller.start();
      periodic.every(sweepMs, () => {
        executor.sweepQueued();
        executor.sweepDelivering();
      });
      // Unfinished broadcasts resume now; the periodic kick takes over one whose instance died.
      broadcasts.kick();
      periodic.every(15_000, () => broadcasts.kick());
      // The leader probes for everyone: one quota call a minute, whatever the instance count.
      periodic.every(options.alerts?.checkMs ?? 60_000, async () => {
        if (runtime.leader.isLeader()) await p.watch.check();
      });
      // Hourly ticks, a run when a day has passed: a bot restarted more often than daily
      // still reconciles (the first run an hour after start).
      let reconciledAt = 0;
      periodic.every(3_600_000, async () => {
        if (!runtime.leader.isLeader() || Date.now() - reconciledAt < 86_400_000) return;
        reconciledAt = Date.now();
        await p.reconcile();
      });
      periodic.every(3_600_000, async () => {
        await p.results.sweep(RESULT_RETENTION_MS);
        await new DbKvStorage(p.database, '').sweep();
      });
    },
    async stop() {
      periodic.stop();
      await broadcasts.stop();
      await executor.stop(graceMs);
      await poller.stop(graceMs);
      await submitter.stop(graceMs);
      await p.gateway.close();
      // Last: the leader lease goes only once this instance's workers have stopped.
      await runtime.stop();
      closeDb(p.db);
    },
  };
}
