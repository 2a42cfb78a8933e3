import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { Bot } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import { createKeyBox, type KeyBox, loadOrCreateSecret } from './accounts/key-box.js';
import { getOwnKey, markKeyInvalid } from './accounts/own-keys.js';
import { formatMoney } from './billing/money.js';
import { TelegramBroadcastSender } from './bot/broadcast/sender.js';
import type { BotContext } from './bot/context.js';
import { createBot } from './bot/create-bot.js';
import { deliverImages } from './bot/delivery/images.js';
import { TelegramNotifier } from './bot/delivery/notifier.js';
import { StatusEditor } from './bot/delivery/status-editor.js';
import type { BotDeps } from './bot/deps.js';
import { createI18n, type Locale } from './bot/i18n.js';
import { createTelegramFileLoader } from './bot/input-files.js';
import { BroadcastWorker } from './broadcast/worker.js';
import { createCatalogHolder } from './catalog/holder.js';
import { loadCatalog } from './catalog/index.js';
import type { Config } from './config.js';
import { closeDb, openDb } from './db/client.js';
import { SqliteKvStorage } from './db/kv-storage.js';
import { createGatewayClient } from './gateway/client.js';
import { GatewayError } from './gateway/errors.js';
import { createLogger, type Logger } from './infra/logger.js';
import { MemoryRateLimiter } from './infra/rate-limit.js';
import { SyncExecutor } from './jobs/executor.js';
import { isTransientFailure, toFailure } from './jobs/failures.js';
import { recoverJobs } from './jobs/recovery.js';
import { ResultStore } from './jobs/result-store.js';
import { createImageRunner } from './jobs/runners.js';
import type { JobRow } from './jobs/store.js';
import { GatewayWindow } from './stats/gateway-window.js';

export interface AppOptions {
  logger?: Logger;
  /** Skips getMe (tests). */
  botInfo?: UserFromGetMe;
  /** Names this process on the jobs it holds. */
  instanceId?: string;
  /** Executor timing (tests shorten the waits; production keeps the defaults). */
  executor?: {
    /** Pauses before trying a refused (429 / no channel) call again. */
    retryDelaysMs?: readonly number[];
    /** How often the status message shows the elapsed time. */
    heartbeatMs?: number;
    /** How long stop() lets running calls finish before aborting them (they fail, refunded). */
    shutdownGraceMs?: number;
  };
}

export interface App {
  config: Config;
  deps: BotDeps;
  bot: Bot<BotContext>;
  executor: SyncExecutor;
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
    ],
  });
}

/** The composition root: config → every dependency → the bot and its workers. */
export function createApp(config: Config, options: AppOptions = {}): App {
  const logger = options.logger ?? createAppLogger(config);
  const db = openDb(config.DATABASE_PATH);
  const catalog = loadCatalog(config.CATALOG_PATH);
  // /reload swaps the catalog; deps.catalog reads through the holder.
  const catalogs = createCatalogHolder(catalog, () => loadCatalog(config.CATALOG_PATH));
  const gatewayStats = new GatewayWindow();
  const gateway = createGatewayClient({
    baseUrl: config.GATEWAY_BASE_URL,
    apiKey: config.GATEWAY_API_KEY,
    generationTimeoutMs: config.GATEWAY_TIMEOUT_MS,
    logger,
    onRequest: (info) => gatewayStats.record(info),
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
      kick: () => broadcastWorker?.kick(),
      isSending: (id) => broadcastWorker?.isSending(id) ?? false,
    },
    gateway,
    keyBox,
    limiter: new MemoryRateLimiter(),
    results,
    money,
    jobs: { dispatch: (jobId) => executor?.enqueue(jobId) },
  };

  const i18n = createI18n();
  const bot = createBot(config.BOT_TOKEN, deps, {
    ...(options.botInfo ? { botInfo: options.botInfo } : {}),
    i18n,
    sessionStorage: new SqliteKvStorage(db, 'session:', 7 * 24 * 3600_000),
    conversationStorage: new SqliteKvStorage(db, 'conv:', 24 * 3600_000),
  });

  const notifier = new TelegramNotifier(
    {
      api: bot.api,
      db,
      config,
      logger,
      results,
      status: new StatusEditor(bot.api),
      t: (locale: Locale, key, vars) => i18n.t(locale, key, vars),
      money,
    },
    { image: deliverImages, 'chat-image': deliverImages, edit: deliverImages },
  );

  const gatewayFor = async (job: JobRow) => {
    if (job.payer !== 'own_key') return gateway;
    const key = getOwnKey(db, keyBox, job.userId);
    if (!key) throw new GatewayError('bad_key', 'the user unlinked their key');
    return gateway.withKey(key);
  };
  const runImage = createImageRunner({
    gatewayFor,
    loadInput: createTelegramFileLoader(bot.api, config.BOT_TOKEN, config.BOT_API_ROOT),
  });

  const instanceId = options.instanceId ?? randomUUID().slice(0, 8);
  executor = new SyncExecutor({
    db,
    logger,
    notifier,
    results,
    runners: { image: runImage, 'chat-image': runImage, edit: runImage },
    download: (url, maxBytes, signal) => gateway.download(url, { maxBytes, signal }),
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
    instanceId,
    ...(options.executor?.retryDelaysMs ? { retryDelaysMs: options.executor.retryDelaysMs } : {}),
    ...(options.executor?.heartbeatMs ? { heartbeatMs: options.executor.heartbeatMs } : {}),
  });

  broadcastWorker = new BroadcastWorker({
    db,
    logger,
    owner: instanceId,
    sender: new TelegramBroadcastSender({ api: bot.api, db, logger }),
    ratePerSecond: config.BROADCAST_RATE,
    excluded: () => config.ADMIN_IDS,
  });

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
    async startWorkers() {
      await recoverJobs({ db, logger, notifier, executor: executor as SyncExecutor });
      every(5_000, () => {
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
      await gateway.close();
      closeDb(db);
    },
  };
}
