import fs from 'node:fs';
import { type RunnerHandle, run } from '@grammyjs/runner';
import { webhookCallback } from 'grammy';
import { type App, createApp, createAppLogger } from './app.js';
import { publishAdminCommands, publishCommands } from './bot/commands.js';
import { createI18n } from './bot/i18n.js';
import { CatalogError } from './catalog/index.js';
import { type Config, ConfigError, loadConfig } from './config.js';
import {
  type HttpServer,
  type RouteHandler,
  sendJson,
  startHttpServer,
} from './infra/http-server.js';
import { type Logger, makeScrubber } from './infra/logger.js';

/** Updates the bot handles; also sent to Telegram so it does not queue others. */
export const ALLOWED_UPDATES = [
  'message',
  'edited_message',
  'callback_query',
  'my_chat_member',
] as const;

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
  const i18n = createI18n();
  await publishCommands(bot.api, (locale, key) => i18n.t(locale, key)).catch((err: unknown) =>
    logger.warn({ err }, 'could not publish the command menu'),
  );
  // Admin commands appear only in the admins' own chats (BotCommandScopeChat).
  const adminsWithoutChat = await publishAdminCommands(bot.api, config.ADMIN_IDS, (locale, key) =>
    i18n.t(locale, key),
  );
  if (adminsWithoutChat.length > 0)
    logger.info({ admins: adminsWithoutChat }, 'admin menu set on these admins’ first message');

  const routes = new Map<string, RouteHandler>();
  routes.set('GET /healthz', (_req, res) => {
    let database = 'ok';
    try {
      deps.db.$client.prepare('SELECT 1').get();
    } catch {
      database = 'down';
    }
    sendJson(res, database === 'ok' ? 200 : 503, {
      status: database === 'ok' ? 'ok' : 'degraded',
      database,
    });
  });

  const webhook =
    config.BOT_MODE === 'webhook' && config.WEBHOOK_URL && config.WEBHOOK_SECRET
      ? { url: config.WEBHOOK_URL, secret: config.WEBHOOK_SECRET }
      : undefined;
  if (webhook) {
    const handle = webhookCallback(bot, 'http', { secretToken: webhook.secret });
    routes.set(`POST ${new URL(webhook.url).pathname}`, (req, res) => handle(req, res));
  }
  const http: HttpServer = await startHttpServer(routes, {
    host: config.HOST,
    port: config.PORT,
    logger,
  });
  cleanups.push(() => http.close());
  await app.startWorkers();

  if (webhook) {
    await bot.api.setWebhook(webhook.url, {
      secret_token: webhook.secret,
      allowed_updates: [...ALLOWED_UPDATES],
    });
    logger.info(
      { url: webhook.url, port: http.port },
      `@${bot.botInfo.username} is receiving updates by webhook`,
    );
  } else {
    // A webhook left over from another deployment makes getUpdates fail with 409.
    await bot.api.deleteWebhook();
    const runner: RunnerHandle = run(bot, {
      runner: { fetch: { allowed_updates: [...ALLOWED_UPDATES] } },
    });
    cleanups.push(async () => {
      if (runner.isRunning()) await runner.stop();
    });
    logger.info({ port: http.port }, `@${bot.botInfo.username} is polling for updates`);
  }
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
