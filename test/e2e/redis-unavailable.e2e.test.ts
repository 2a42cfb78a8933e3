import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GatewaySim, startGatewaySim } from '../fakes/gateway-sim/index.js';
import { startTelegramStandIn, type TelegramStandIn } from '../fakes/telegram/index.js';
import { freePort } from '../helpers/net.js';
import { spawnBot, standInEnv } from '../helpers/spawn-bot.js';

describe('REDIS_URL set but nothing answers there', () => {
  let tg: TelegramStandIn;
  let gateway: GatewaySim;
  beforeAll(async () => {
    tg = await startTelegramStandIn();
    gateway = await startGatewaySim();
  });
  afterAll(async () => {
    await tg.close();
    await gateway.close();
  });

  it('refuses to start with a message that says what to fix, and exits non-zero', async () => {
    const deadPort = await freePort();
    const bot = spawnBot({
      ...standInEnv(tg, gateway, 'sk-test-unlimited'),
      REDIS_URL: `redis://:hunter2secret@127.0.0.1:${deadPort}`,
    });
    await bot.waitForOutput(/Redis is unreachable/, 30_000);
    const code = await bot.stop('SIGTERM', 20_000);
    const out = bot.output();
    expect(out).toMatch(/Redis is unreachable at redis:\/\/:\*\*\*@127\.0\.0\.1:\d+/);
    expect(out).toContain('unset REDIS_URL to run as a single instance');
    expect(out).not.toContain('hunter2secret');
    expect(out).not.toContain('is polling for updates');
    expect(code).not.toBe(0);
    bot.cleanup();
  });
});
