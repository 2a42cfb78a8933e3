import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GatewaySim, startGatewaySim } from '../fakes/gateway-sim/index.js';
import { startTelegramStandIn, type TelegramStandIn } from '../fakes/telegram/index.js';
import { type SpawnedBot, spawnBot, standInEnv } from '../helpers/spawn-bot.js';

const GATEWAY_KEY = 'sk-e2eOperatorKey0123456789abcdef';

describe('the bot as a separate process, started with the README command', () => {
  let tg: TelegramStandIn;
  let gateway: GatewaySim;
  let bot: SpawnedBot;

  beforeAll(async () => {
    tg = await startTelegramStandIn();
    gateway = await startGatewaySim({ keys: { [GATEWAY_KEY]: { unlimited: true } } });
    bot = spawnBot({
      ...standInEnv(tg, gateway, GATEWAY_KEY),
    });
    await bot.waitForOutput(/is polling for updates/, 30_000);
  }, 40_000);

  afterAll(async () => {
    await bot?.stop();
    bot?.cleanup();
    await tg?.close();
    await gateway?.close();
  });

  it('answers /start in the user’s language over real HTTP', async () => {
    const en = tg.user({ first_name: 'Ada', language_code: 'en' });
    en.send('/start');
    const hello = await en.waitFor({ text: /Hi, Ada/ }, { timeoutMs: 10_000 });
    expect(hello.message?.reply_markup?.inline_keyboard.flat().length).toBeGreaterThan(0);

    const ru = tg.user({ first_name: 'Иван', language_code: 'ru' });
    ru.send('/start');
    await ru.waitFor({ text: /Привет, Иван/ }, { timeoutMs: 10_000 });
  });

  it('publishes the command menu in English and Russian', () => {
    expect(tg.commands(undefined, 'en')?.map((c) => c.command)).toContain('imagine');
    expect(tg.commands(undefined, 'ru')?.find((c) => c.command === 'balance')?.description).toBe(
      'Баланс',
    );
  });

  it('stops cleanly on SIGTERM and never logs a secret', async () => {
    await bot.stop('SIGTERM');
    const logs = bot.output();
    expect(logs).toContain('stopped cleanly');
    expect(logs).not.toContain(tg.token);
    expect(logs).not.toContain(tg.token.split(':')[1]);
    expect(logs).not.toContain(GATEWAY_KEY);
  });
});
