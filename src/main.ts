import fs from 'node:fs';
import { type RunnerHandle, run } from '@grammyjs/runner';
import { type App, createApp, createAppLogger } from './app.js';
import { menuOptions, publishAdminCommands, publishCommands } from './bot/commands.js';
import { DEFAULT_LOCALE, translateIn } from './bot/i18n.js';
import { ALLOWED_UPDATES } from './bot/transport/allowed-updates.js';
import { stopRunner } from './bot/transport/stop-runner.js';
import { createWebhookHandler } from './bot/transport/webhook.js';
import { CatalogError } from './catalog/index.js';
import { type Config, ConfigError, loadConfig } from './config.js';
import { startCheckpointer } from './db/checkpointer.js';
import { cachedReachability, checkHealth } from './infra/health.js';
import { type HttpServer, startHttpServer } from './infra/http-server.js';
import { type Logger, makeScrubber } from './infra/logger.js';
import { opsPolicy, opsRoutes } from './infra/ops-routes.js';
import { RedisUnavailableError } from './infra/redis.js';
import { pollerLagSeconds } from './jobs/lag.js';

// Tests import the list from there: importing this file would start the bot.
export { ALLOWED_UPDATES };

function readConfig(): Config {
  if (fs.existsSync('.env')) process.loadEnvFile('.env');
  try {
    return loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\nSee .env.example for every variable.\n`);
      process.exit(1);
    }
    throw err;
  }
}

async function main(): Promise<void> {
  const config = readConfig();
  const logger = createAppLogger(config);
  // Handlers first: a signal during start-up must still close what was opened so far.
  const cleanups: Array<() => Promise<void>> = [];
  installShutdown(logger, async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  let app: App;
  try {
    app = createApp(config, { logger });
  } catch (err) {
    if (err instanceof CatalogError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
  cleanups.push(() => app.stop());
  const { bot, deps } = app;
  // Stopped before the app closes the database (cleanups run in reverse).
  const checkpoints = startCheckpointer(deps.db, logger);
  cleanups.push(() => checkpoints.stop());
  const webhook =
    config.BOT_MODE === 'webhook' && config.WEBHOOK_URL && config.WEBHOOK_SECRET
      ? { url: config.WEBHOOK_URL, secret: config.WEBHOOK_SECRET }
      : undefined;
  // Polling: a webhook left over from another deployment makes getUpdates fail with 409. Clearing
  // it needs only the token, so it travels beside getMe and the workers' start (one round trip
  // to Telegram less before the first getUpdates).
  const webhookCleared = webhook ? Promise.resolve(true) : bot.api.deleteWebhook();
  webhookCleared.catch(() => {}); // awaited below; a bad token is reported by getMe first
  try {
    await bot.init();
  } catch (err) {
    logger.fatal(
      { err },
      'Telegram rejected the bot token or is unreachable (check BOT_TOKEN and BOT_API_ROOT)',
    );
    logger.flush(() => process.exit(1));
    return;
  }
  const gatewayReachable = cachedReachability(config.GATEWAY_BASE_URL);
  const ops = opsPolicy(config);
  const routes = opsRoutes(ops, {
    health: async () => {
      const { code, report } = await checkHealth({
        database: () => deps.db.$client.prepare('SELECT 1').get() !== undefined,
        redis: () => app.runtime.redisHealth(),
        gateway: gatewayReachable,
        pollerLagSeconds: () => pollerLagSeconds(deps.db),
      });
      return {
        code,
        report: { ...report, instance: app.runtime.instanceId, mode: app.runtime.mode },
      };
    },
    metrics: () => app.runtime.metrics.render(),
  });
  if (ops.exposed && !ops.token && !ops.public)
    logger.info('/metrics is off and /healthz bare: set METRICS_TOKEN (or METRICS_PUBLIC=true)');

  if (webhook) {
    routes.set(
      `POST ${new URL(webhook.url).pathname}`,
      createWebhookHandler(bot, { secret: webhook.secret, logger }),
    );
  }
  const http: HttpServer = await startHttpServer(routes, {
    host: config.HOST,
    port: config.PORT,
    logger,
    ...(app.miniApp ? { subtree: app.miniApp } : {}),
  });
  cleanups.push(() => http.close());
  try {
    await app.startWorkers();
  } catch (err) {
    if (err instanceof RedisUnavailableError) {
      logger.fatal(err.message);
      logger.flush(() => process.exit(1));
      return;
    }
    throw err;
  }

  if (webhook) {
    await bot.api.setWebhook(webhook.url, {
      secret_token: webhook.secret,
      allowed_updates: [...ALLOWED_UPDATES],
    });
    logger.info(
      {
        url: webhook.url,
        port: http.port,
        allowedUpdates: ALLOWED_UPDATES,
        mode: app.runtime.mode,
        instance: app.runtime.instanceId,
      },
      `@${bot.botInfo.username} is receiving updates by webhook at ${webhook.url} (secret token required)`,
    );
  } else {
    await webhookCleared;
    const runner: RunnerHandle = run(bot, {
      runner: { fetch: { allowed_updates: [...ALLOWED_UPDATES] } },
    });
    cleanups.push(() => stopRunner(runner));
    logger.info(
      { port: http.port, mode: app.runtime.mode, instance: app.runtime.instanceId },
      `@${bot.botInfo.username} is polling for updates`,
    );
  }
  void publishMenus(app, config, logger).catch((err: unknown) =>
    logger.warn({ err }, 'could not publish the menus'),
  );
}

/**
 * The command menus (per locale, per admin) and the chat's menu button: about 30 Bot API calls,
 * made once the bot is already taking updates, so that none of them delays the first one.
 */
async function publishMenus(app: App, config: Config, logger: Logger): Promise<void> {
  const { bot, deps } = app;
  await publishCommands(bot.api, translateIn, deps.catalog, menuOptions(config)).catch(
    (err: unknown) => logger.warn({ err }, 'could not publish the command menu'),
  );
  // Admin commands appear only in the admins' own chats (BotCommandScopeChat).
  const adminsWithoutChat = await publishAdminCommands(
    bot.api,
    config.ADMIN_IDS,
    translateIn,
    menuOptions(config),
  );
  if (config.MINI_APP_URL) {
    // The chat's menu button opens the gallery: one text for every chat (the default button
    // has no per-language variant), so the default locale's.
    const text = translateIn(DEFAULT_LOCALE, 'button-gallery');
    await bot.api
      .setChatMenuButton({
        menu_button: { type: 'web_app', text, web_app: { url: config.MINI_APP_URL } },
      })
      .catch((err: unknown) => logger.warn({ err }, 'could not set the menu button'));
  }
  if (adminsWithoutChat.length > 0)
    logger.info({ admins: adminsWithoutChat }, 'admin menu set on these admins’ first message');
  logger.info('menus published');
}

function installShutdown(logger: Logger, stop: () => Promise<void>): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    // The log destination is asynchronous: exit only once the last lines are written.
    const exit = (code: number) => logger.flush(() => process.exit(code));
    stop()
      .then(() => {
        logger.info('stopped cleanly');
        exit(0);
      })
      .catch((err: unknown) => {
        logger.error({ err }, 'shutdown failed');
        exit(1);
      });
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}

main().catch((err: unknown) => {
  const scrub = makeScrubber([process.env.BOT_TOKEN ?? '', process.env.GATEWAY_API_KEY ?? '']);
  process.stderr.write(scrub(`Fatal: ${err instanceof Error ? err.stack : String(err)}\n`));
  process.exit(1);
});
