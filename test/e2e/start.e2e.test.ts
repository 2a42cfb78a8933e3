import { describe, expect, it } from 'vitest';
import { useSpawnedBot } from '../helpers/spawned-world.js';

const GATEWAY_KEY = 'sk-e2eOperatorKey0123456789abcdef';

describe('the bot as a separate process, started with the README command', () => {
  const world = useSpawnedBot({ key: GATEWAY_KEY });

  it('answers /start in the user’s language over real HTTP', async () => {
    const en = world.tg.user({ first_name: 'Ada', language_code: 'en' });
    en.send('/start');
    const hello = await en.waitFor({ text: /Hi, Ada/ }, { timeoutMs: 10_000 });
    expect(hello.message?.reply_markup?.inline_keyboard.flat().length).toBeGreaterThan(0);

    const ru = world.tg.user({ first_name: 'Иван', language_code: 'ru' });
    ru.send('/start');
    await ru.waitFor({ text: /Привет, Иван/ }, { timeoutMs: 10_000 });
  });

  it('publishes the command menu in English and Russian', () => {
    expect(world.tg.commands(undefined, 'en')?.map((c) => c.command)).toContain('imagine');
    expect(
      world.tg.commands(undefined, 'ru')?.find((c) => c.command === 'balance')?.description,
    ).toBe('Баланс');
  });

  it('stops cleanly on SIGTERM and never logs a secret', async () => {
    await world.bot.stop('SIGTERM');
    const logs = world.bot.output();
    expect(logs).toContain('stopped cleanly');
    expect(logs).not.toContain(world.tg.token);
    expect(logs).not.toContain(world.tg.token.split(':')[1]);
    expect(logs).not.toContain(GATEWAY_KEY);
  });
});
