import type { User } from 'grammy/types';
import { describe, expect, it } from 'vitest';
import { getUser } from '../../src/accounts/users.js';
import { useTestBot } from '../helpers/bot-harness.js';

describe('start and help (bot level)', () => {
  const bot = useTestBot();

  it('greets a new user with what the catalog offers and how paying works', async () => {
    const user = bot.tg.user({ first_name: 'Ada', language_code: 'en' });
    user.send('/start');
    const hello = await user.waitFor({ text: /Hi, Ada/ });
    expect(hello.message?.reply_markup?.inline_keyboard.flat().map((b) => b.text)).toContain(
      '❓ Help',
    );
    expect((await getUser(bot.app.deps.database, user.id))?.firstName).toBe('Ada');
    const text = hello.message?.text ?? '';
    // One line per kind, a few names each (one per brand), from the catalog, not a fixed list.
    expect(text).toMatch(
      /🎨 Images: FLUX, DALL·E 3, GPT Image 1 mini, Recraft V3, Ideogram 3\.0 and \d+ more/,
    );
    expect(text).toMatch(/🖼 Midjourney, Niji and 2 more/);
    expect(text).toMatch(/🎬 Video: Kling 2\.6, Sora 2/);
    expect(text).toContain('Every generation is paid from your balance');
    expect(text).toContain('Your balance: 0.00 USD.');
    expect(text).toContain('Top up: send me a redeem code here');
  });

  it('/help shows topics; each button answers with that topic’s commands', async () => {
    const user = bot.tg.user({ first_name: 'Ada', language_code: 'en' });
    user.send('/help');
    const help = await user.waitFor({ text: /What I can do/ });
    const buttons = help.message?.reply_markup?.inline_keyboard.flat().map((b) => b.text);
    expect(buttons).toEqual([
      '🎨 Images',
      '🖼 Midjourney',
      '🎬 Video',
      '💰 Balance and payments',
      '⚙️ Settings and support',
    ]);
    await user.press(help.message ?? 0, '🎨 Images');
    const images = await user.waitFor({ text: /\/imagine prompt: generate an image/ });
    expect(images.message?.text).toContain('/edit instruction');
    await user.press(help.message ?? 0, '⚙️ Settings and support');
    await user.waitFor({ text: /\/cancel: stop what you are doing/ });
    const forged = await user.pressData(help.message ?? 0, 'help:nothing');
    expect(forged.text ?? '').toBe('');
  });

  it('/cancel with nothing open says so; a mistyped command gets a suggestion', async () => {
    const user = bot.tg.user({ language_code: 'en' });
    user.send('/cancel');
    await user.waitFor({ text: /^Nothing to cancel/ });
    user.send('/imagien a fox');
    await user.waitFor({ text: "I don't know /imagien. Did you mean /imagine?" });
    user.send('/blnd');
    await user.waitFor({ text: /Did you mean \/blend\?/ });
    user.send('/qwerty');
    await user.waitFor({ text: /^I don't know that command/ });
    const ru = bot.tg.user({ language_code: 'ru' });
    ru.send('/balanse');
    await ru.waitFor({ text: 'Я не знаю команду /balanse. Может быть, вы имели в виду /balance?' });
  });

  it('greets a Chinese app (zh-hans, zh-TW) in Simplified Chinese', async () => {
    for (const language_code of ['zh-hans', 'zh-TW']) {
      const user = bot.tg.user({ first_name: '小明', language_code });
      user.send('/start');
      const hello = await user.waitFor({ text: /你好，小明！/ });
      expect(hello.message?.reply_markup?.inline_keyboard.flat().map((b) => b.text)).toContain(
        '❓ 帮助',
      );
      user.send('/help');
      const help = await user.waitFor({ text: /我能做什么/ });
      expect(help.message?.text).not.toMatch(/What I can do|\{help-/);
    }
  });

  it('answers an unknown command and a stray button', async () => {
    const user = bot.tg.user({ language_code: 'ru' });
    user.send('/nonsense');
    await user.waitFor({ text: /не знаю такой команды/ });
    user.send('/start');
    const hello = await user.waitFor({ text: /Привет/ });
    const answer = await user.pressData(hello.message ?? 0, 'forged:data');
    expect(answer.text).toMatch(/больше не активна/);
  });

  it('serves a sender without first_name (odd or forged updates)', async () => {
    const user = bot.tg.user({ language_code: 'en' });
    const from = { id: user.id, is_bot: false, language_code: 'en' } as User;
    bot.tg.pushUpdate({
      message: {
        message_id: 1,
        date: Math.floor(Date.now() / 1000),
        chat: { id: user.id, type: 'private', first_name: '' },
        from,
        text: '/help',
        entities: [{ type: 'bot_command', offset: 0, length: 5 }],
      },
    });
    await user.waitFor({ text: /What I can do/ });
    expect((await getUser(bot.app.deps.database, user.id))?.firstName).toBe('');
  });

  it('names no third party by default: /start, /balance and a short balance say /redeem only', async () => {
    const user = bot.tg.user({ first_name: 'Bo <b>', language_code: 'en' });
    user.send('/start');
    const hello = await user.waitFor({ text: /Hi, Bo <b>/ });
    expect(hello.message?.text).toContain('Top up: send me a redeem code here (or /redeem code).');
    await user.press(hello.message ?? 0, '💰 Balance');
    const balance = await user.waitFor({ text: /Balance: 0\.00 USD/ });
    user.send('/imagine a fox');
    const short = await user.waitFor({ text: /Not enough balance/ });
    expect(short.message?.text).toContain('/redeem');
    expect(short.message?.text).toContain('/key');
    await user.press(hello.message ?? 0, '💬 Support');
    const support = await user.waitFor({ text: /Support is not set up/ });
    for (const m of [hello, balance, short, support]) {
      expect(m.message?.text).not.toMatch(/@\w|https?:|buy a code/);
    }
    const ru = bot.tg.user({ language_code: 'ru' });
    ru.send('/support');
    await ru.waitFor({ text: /Поддержка в этом боте пока не настроена/ });
  });
});

describe('start with a contact the operator configured (bot level)', () => {
  const bot = useTestBot({ env: { SUPPORT_CONTACT: '@our_codes' } });

  it('/start, /balance and a short balance name that contact to buy codes from', async () => {
    const user = bot.tg.user({ first_name: 'Cy', language_code: 'en' });
    user.send('/start');
    const hello = await user.waitFor({ text: /Hi, Cy/ });
    expect(hello.message?.text).toContain('Top up: buy a code from @our_codes');
    user.send('/balance');
    await user.waitFor({ text: /Balance: 0\.00 USD[\s\S]*buy a code from @our_codes/ });
    user.send('/imagine a fox');
    await user.waitFor({ text: /Not enough balance[\s\S]*buy a code from @our_codes/ });
    const ru = bot.tg.user({ first_name: 'Ия', language_code: 'ru' });
    ru.send('/start');
    await ru.waitFor({ text: /Привет, Ия[\s\S]*купите код у @our_codes/ });
  });
});
