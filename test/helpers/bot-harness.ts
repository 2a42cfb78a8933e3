import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type RunnerHandle, run } from '@grammyjs/runner';
import pino from 'pino';
import { type App, type AppOptions, createApp } from '../../src/app.js';
import { stopRunner } from '../../src/bot/transport/stop-runner.js';
import { loadConfig } from '../../src/config.js';
import { closeDb } from '../../src/db/client.js';
import {
  DEFAULT_TEST_KEY,
  type GatewaySim,
  type GatewaySimOptions,
  startGatewaySim,
} from '../fakes/gateway-sim/index.js';
import {
  type StandInOptions,
  startTelegramStandIn,
  type TelegramStandIn,
} from '../fakes/telegram/index.js';
import { suiteFixture } from './read-through.js';

export interface TestBot {
  app: App;
  tg: TelegramStandIn;
  gateway: GatewaySim;
  dataDir: string;
  /** Stops polling and the workers, keeping the database and the stand-ins (restart tests). */
  stopBot(): Promise<void>;
  /**
   * A killed process, as far as the data can tell: polling stops and the database is closed
   * under the workers, with no graceful stop (calls in flight are abandoned, rows stay as they
   * are). Start again with `reuse` to see what recovery makes of it.
   */
  crashBot(): Promise<void>;
  /** Everything: bot, stand-ins, temp folder. */
  close(): Promise<void>;
}

export interface TestBotOptions {
  /** Extra environment for loadConfig (ADMIN_IDS, SUPPORT_CHAT_ID, CURRENCY, …). */
  env?: Record<string, string>;
  gateway?: GatewaySimOptions;
  telegram?: StandInOptions;
  /** Reuse running stand-ins and a data folder (restart tests). */
  reuse?: { tg: TelegramStandIn; gateway: GatewaySim; dataDir: string };
  logLevel?: pino.Level | 'silent';
  /** Executor timing and other createApp options (botInfo and logger are the harness's). */
  app?: Omit<AppOptions, 'botInfo' | 'logger'>;
}

/**
 * The real app (createApp, as main.ts builds it) polling a Telegram stand-in and calling the
 * gateway simulator, both over HTTP on 127.0.0.1. Drive it with `tg.user(...)`.
 */
export async function startTestBot(options: TestBotOptions = {}): Promise<TestBot> {
  const tg = options.reuse?.tg ?? (await startTelegramStandIn(options.telegram));
  const gateway =
    options.reuse?.gateway ?? (await startGatewaySim({ speed: 20, ...options.gateway }));
  const dataDir = options.reuse?.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'genbot-bot-'));
  const config = loadConfig({
    BOT_TOKEN: tg.token,
    BOT_API_ROOT: tg.apiRoot,
    GATEWAY_BASE_URL: gateway.url,
    GATEWAY_API_KEY: DEFAULT_TEST_KEY,
    DATABASE_PATH: path.join(dataDir, 'bot.sqlite'),
    LOG_LEVEL: 'silent',
    // Bot-level tests send bursts far above Telegram's pace; the bench and pacer tests set it.
    TELEGRAM_SEND_RATE: '1000',
    ...options.env,
  });
  const app = createApp(config, {
    ...options.app,
    botInfo: tg.botInfo,
    logger: pino({ level: options.logLevel ?? 'silent' }),
  });
  await app.startWorkers();
  let runner: RunnerHandle | undefined = run(app.bot, { runner: { fetch: { timeout: 1 } } });
  let stopped = false;
  const stopBot = async () => {
    if (runner) await stopRunner(runner);
    runner = undefined;
    if (!stopped) await app.stop();
    stopped = true;
  };
  const crashBot = async () => {
    if (runner?.isRunning()) await runner.stop();
    runner = undefined;
    stopped = true;
    closeDb(app.deps.db);
  };
  return {
    app,
    tg,
    gateway,
    dataDir,
    stopBot,
    crashBot,
    close: async () => {
      await stopBot();
      if (!options.reuse) {
        await tg.close();
        await gateway.close();
        fs.rmSync(dataDir, { recursive: true, force: true });
      }
    },
  };
}

/**
 * One test bot for a describe block: beforeAll starts it (then runs `setup`, if given), afterAll
 * closes it. The returned object reads through to the running bot.
 */
export function useTestBot(
  options: TestBotOptions = {},
  setup?: (bot: TestBot) => void | Promise<void>,
): TestBot {
  return suiteFixture('useTestBot: the bot', () => startTestBot(options), { setup });
}
