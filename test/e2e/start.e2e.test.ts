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

  it('publishes the menus per scope and language, and the profile texts', async () => {
    // After polling has begun, so that they do not delay the first update.
    await world.bot.waitForOutput(/menus published/, 10_000);
    const privateChats = { type: 'all_private_chats' as const };
    const groups = { type: 'all_group_chats' as const };
    expect(world.tg.commands()?.map((c) => c.command)).toContain('imagine');
    expect(
      world.tg.commands(privateChats, 'ru')?.find((c) => c.command === 'balance')?.description,
    ).toBe('Баланс');
    for (const lang of ['en', 'ru', 'zh', 'es', 'pt', 'uk']) {
      expect(
        world.tg.commands(privateChats, lang)?.map((c) => c.command),
        lang,
      ).toContain('cancel');
      // Groups get what works there: no money, keys or support (those answer "write privately").
      const group = world.tg.commands(groups, lang)?.map((c) => c.command) ?? [];
      expect(group, lang).toEqual(expect.arrayContaining(['imagine', 'mj', 'video', 'cancel']));
      for (const privateOnly of ['balance', 'redeem', 'key', 'topup', 'support'])
        expect(group, lang).not.toContain(privateOnly);
      // The stand-in refuses texts over Telegram's limits (512 and 120), so being set is enough.
      expect(world.tg.botProfile('description', lang), lang).toMatch(/FLUX/);
      expect(world.tg.botProfile('short_description', lang), lang).toBeTruthy();
    }
    expect(world.tg.botProfile('description')).toMatch(/^I make images and videos/);
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
