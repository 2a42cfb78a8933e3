import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Message } from 'grammy/types';
import {
  type GatewaySim,
  type GatewaySimOptions,
  startGatewaySim,
} from '../fakes/gateway-sim/index.js';
import {
  startTelegramStandIn,
  type TelegramStandIn,
  type TestGroup,
  type TestUser,
} from '../fakes/telegram/index.js';
import { startTestBot, type TestBot, type TestBotOptions } from '../helpers/bot-harness.js';
import { suiteFixture } from '../helpers/read-through.js';

/** A bot whose support chat and admin exist before it starts (their ids go into its config). */
export interface OperatorWorld {
  tg: TelegramStandIn;
  gateway: GatewaySim;
  dataDir: string;
  admin: TestUser;
  group?: TestGroup;
  env: Record<string, string>;
  bot: TestBot;
  /** Stops the bot and starts it again on the same database and stand-ins. */
  restart(): Promise<TestBot>;
  close(): Promise<void>;
}

export interface OperatorWorldOptions {
  support?: 'forum' | 'group' | 'none';
  env?: Record<string, string>;
  telegram?: TestBotOptions['telegram'];
  gateway?: GatewaySimOptions;
  app?: TestBotOptions['app'];
}

export async function startOperatorWorld(
  options: OperatorWorldOptions = {},
): Promise<OperatorWorld> {
  const tg = await startTelegramStandIn(options.telegram);
  const gateway = await startGatewaySim({ speed: 20, ...options.gateway });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'genbot-op-'));
  const admin = tg.user({ first_name: 'Olga', username: 'olga_support', language_code: 'en' });
  const kind = options.support ?? 'none';
  const group =
    kind === 'none'
      ? undefined
      : tg.group({ title: 'Support desk', forum: kind === 'forum', members: [admin] });
  const env: Record<string, string> = {
    ADMIN_IDS: String(admin.id),
    ...(group ? { SUPPORT_CHAT_ID: String(group.id) } : {}),
    ...options.env,
  };
  const reuse = { tg, gateway, dataDir };
  const world: OperatorWorld = {
    tg,
    gateway,
    dataDir,
    admin,
    ...(group ? { group } : {}),
    env,
    bot: await startTestBot({
      reuse,
      env,
      ...(options.app ? { app: options.app } : {}),
      ...(process.env.OP_LOG ? { logLevel: 'error' as const } : {}),
    }),
    async restart() {
      // The runner's stop() does not wait for handlers in flight (it only stops fetching), so
      // let the last update finish before its database closes.
      await pause(300);
      await world.bot.stopBot();
      world.bot = await startTestBot({ reuse, env, ...(options.app ? { app: options.app } : {}) });
      return world.bot;
    },
    async close() {
      await world.bot.close();
      await tg.close();
      await gateway.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return world;
}

/**
 * One operator world for a describe block: beforeAll starts it (then runs `setup`, if given),
 * afterAll closes it. The returned object reads through to the current world, so `w.bot` is the
 * new bot after `w.restart()`.
 */
export function useOperatorWorld(
  options: OperatorWorldOptions = {},
  setup?: (w: OperatorWorld) => Promise<void>,
): OperatorWorld {
  return suiteFixture('useOperatorWorld: the world', () => startOperatorWorld(options), { setup });
}

/** A user the bot has recorded (they pressed /start). */
export async function knownUser(
  tg: TelegramStandIn,
  options: { first_name?: string; username?: string; language_code?: string } = {},
): Promise<TestUser> {
  const user = tg.user({ first_name: 'Ann', language_code: 'en', ...options });
  user.send('/start');
  await user.waitFor({ text: /Hi|Привет/ });
  return user;
}

export const buttonTexts = (m: Message | undefined): string[] =>
  m?.reply_markup?.inline_keyboard.flat().map((b) => b.text) ?? [];

/** Resolves after `ms`: for "nothing else happens" checks. */
export const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
