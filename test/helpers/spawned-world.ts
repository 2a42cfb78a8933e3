import fs from 'node:fs';
import { afterAll, beforeAll } from 'vitest';
import type { GatewaySim, GatewaySimOptions } from '../fakes/gateway-sim/index.js';
import { startGatewaySim } from '../fakes/gateway-sim/index.js';
import type { StandInOptions, TelegramStandIn } from '../fakes/telegram/index.js';
import { startTelegramStandIn } from '../fakes/telegram/index.js';
import { type SpawnedBot, spawnBot, standInEnv } from './spawn-bot.js';

/** Both stand-ins and one real bot process (npm start) pointed at them; filled in by beforeAll. */
export interface SpawnedWorld {
  tg: TelegramStandIn;
  gateway: GatewaySim;
  /** The running process; a test that restarts the bot assigns the new one here. */
  bot: SpawnedBot;
  /** The environment the bot was started with (stand-ins, operator key and `env`'s extras). */
  env: Record<string, string>;
}

export interface SpawnedWorldOptions {
  /** The operator key; the gateway simulator knows it as unlimited. */
  key: string;
  telegram?: StandInOptions;
  gateway?: Omit<GatewaySimOptions, 'keys'>;
  /** Extra environment, computed once the Telegram stand-in is up. */
  env?: (tg: TelegramStandIn) => Record<string, string> | Promise<Record<string, string>>;
  /** A data folder the caller made; removed after the run. */
  dataDir?: string;
  /** What the bot prints once it is ready (polling by default). */
  ready?: RegExp;
  /** How to start it (default `npm start`). */
  command?: [string, string[]];
}

/**
 * The e2e environment block in one place: beforeAll starts the Telegram stand-in, the gateway
 * simulator and the bot, and waits until the bot says it is ready; afterAll stops and removes it
 * all. A suite's own afterAll (registered after this call) runs before this one.
 */
export function useSpawnedBot(options: SpawnedWorldOptions): SpawnedWorld {
  const world = {} as SpawnedWorld;

  beforeAll(async () => {
    world.tg = await startTelegramStandIn(options.telegram);
    world.gateway = await startGatewaySim({
      ...options.gateway,
      keys: { [options.key]: { unlimited: true } },
    });
    world.env = {
      ...standInEnv(world.tg, world.gateway, options.key),
      ...(await options.env?.(world.tg)),
    };
    world.bot = spawnBot(world.env, options.dataDir, options.command);
    await world.bot.waitForOutput(options.ready ?? /is polling for updates/, 30_000);
  }, 40_000);

  afterAll(async () => {
    await world.bot?.stop();
    world.bot?.cleanup();
    await world.tg?.close();
    await world.gateway?.close();
    if (options.dataDir) fs.rmSync(options.dataDir, { recursive: true, force: true });
  });

  return world;
}
