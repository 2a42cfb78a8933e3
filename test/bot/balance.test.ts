import { describe, expect, it } from 'vitest';
import { getOwnKeyInfo, linkKey } from '../../src/accounts/own-keys.js';
import { getSettings } from '../../src/accounts/users.js';
import { adjust, reserveForJob, topUp } from '../../src/billing/ledger.js';
import { useTestBot } from '../helpers/bot-harness.js';
import { insertImageJob } from '../helpers/jobs.js';

const QUOTA_KEY = 'sk-balanceQuotaKey0123456789';
const UNLIMITED_KEY = 'sk-balanceUnlimitedKey012345';
const DOOMED_KEY = 'sk-balanceDoomedKey0123456789';

describe('/balance, /models, /language and the start menu (bot level)', () => {
  const bot = useTestBot(
    { env: { BUY_CODES_URL: 'https://shop.example/codes', SUPPORT_CONTACT: '@seller' } },
    ({ gateway }) => {
      // $10 total, $2.50 used (500 000 quota units = $1).
      gateway.addKey(QUOTA_KEY, { quota: 3_750_000, usedQuota: 1_250_000 });
      gateway.addKey(UNLIMITED_KEY, { unlimited: true });
      gateway.addKey(DOOMED_KEY, { unlimited: true });
    },
  );

  const db = () => bot.app.deps.db;
  const database = () => bot.app.deps.database;

  it('shows an empty balance with where to buy codes', async () => {
    const user = bot.tg.user({ language_code: 'en' });
    user.send('/balance');
    const reply = await user.waitFor({ text: /Balance: 0\.00 USD/ });
    expect(reply.message?.text).toContain('No transactions yet.');
    expect(reply.message?.text).toContain('https://shop.example/codes');
    expect(reply.call.params.parse_mode).toBe('HTML');
  });

  it('lists the recent transactions: codes, generations with their model, refunds, corrections', async () => {
    const user = bot.tg.user({ language_code: 'en' });
    user.send('/start');
    await user.waitFor({ text: /Hi/ });
    topUp(db(), { userId: user.id, amount: 1000, ref: `pay:${user.id}` });
    insertImageJob(db(), 'jbal1', user.id);
    reserveForJob(db(), { userId: user.id, jobId: 'jbal1', amount: 3 });
    adjust(db(), { userId: user.id, amount: -100, actorId: 1, note: 'secret admin note' });

    user.send('/balance');
    const text = (await user.waitFor({ text: /Balance: 8\.97 USD/ })).message?.text ?? '';
    expect(text).toContain('+10.00 USD · top-up');
    expect(text).toContain('-0.03 USD · generation, FLUX');
    expect(text).toContain('-1.00 USD · correction by the operator');
    expect(text).not.toContain('secret admin note');
    // newest first
    expect(text.indexOf('correction')).toBeLessThan(text.indexOf('top-up'));
  });

  it('with a linked key shows it masked and the gateway quota', async () => {
    const user = bot.tg.user({ language_code: 'en' });
    user.send('/start');
    await user.waitFor({ text: /Hi/ });
    expect((await linkKey(database(), bot.app.deps.keyBox, user.id, QUOTA_KEY)).ok).toBe(true);
    user.send('/balance');
    const text = (await user.waitFor({ text: /Balance/ })).message?.text ?? '';
    expect(text).toContain('sk-ba…6789');
    expect(text).not.toContain(QUOTA_KEY);
    expect(text).toContain('Key quota: $7.50 left of $10.00 (used $2.50)');

    await linkKey(database(), bot.app.deps.keyBox, user.id, UNLIMITED_KEY);
    user.send('/balance');
    expect((await user.waitFor({ text: /Balance/ })).message?.text).toContain(
      'Key quota: unlimited',
    );
  });

  it('reports a linked key the gateway now rejects, and marks it invalid', async () => {
    const user = bot.tg.user({ language_code: 'en' });
    user.send('/start');
    await user.waitFor({ text: /Hi/ });
    await linkKey(database(), bot.app.deps.keyBox, user.id, DOOMED_KEY);
    bot.gateway.key(DOOMED_KEY).disabled = true;
    user.send('/balance');
    const text = (await user.waitFor({ text: /Balance/ })).message?.text ?? '';
    expect(text).toMatch(/Your API key sk-ba…6789 is refused/);
    expect(text).toContain('/key remove');
    expect((await getOwnKeyInfo(database(), user.id))?.status).toBe('invalid');
  });

  it('keeps the balance out of groups', async () => {
    const user = bot.tg.user({ language_code: 'en' });
    const group = bot.tg.group({ title: 'Friends', members: [user] });
    const inGroup = user.inGroup(group);
    inGroup.send('/balance');
    await inGroup.waitFor({ text: /private chat/ });
  });

  it('lists models and prices in English and Russian', async () => {
    const en = bot.tg.user({ language_code: 'en' });
    en.send('/models');
    const enText = (await en.waitFor({ text: /Models and prices/ })).message?.text ?? '';
    expect(enText).toContain('🎨 Images');
    expect(enText).toMatch(/FLUX — 0\.03 USD per image/);
    expect(enText).toContain('Midjourney');
    expect(enText).toMatch(/per second|per video/);

    const ru = bot.tg.user({ language_code: 'ru' });
    ru.send('/models');
    const ruText = (await ru.waitFor({ text: /Модели и цены/ })).message?.text ?? '';
    expect(ruText).toMatch(/FLUX — 0,03 USD за изображение/);
    expect(ruText).toContain('🎬 Видео');
  });

  it('answers the start menu buttons at once and shows models and balance', async () => {
    const user = bot.tg.user({ language_code: 'en' });
    user.send('/start');
    const hello = await user.waitFor({ text: /Hi/ });
    const models = await user.press(hello.message ?? 0, '📋 Models and prices');
    expect(models.text).toBeUndefined();
    await user.waitFor({ text: /Models and prices/ });
    await user.press(hello.message ?? 0, '💰 Balance');
    await user.waitFor({ text: /Balance: 0\.00 USD/ });
  });

  /** A new English user who sent /language: the user and the menu message. */
  const languageMenu = async () => {
    const user = bot.tg.user({ language_code: 'en' });
    user.send('/language');
    const menu = await user.waitFor({ text: /Choose your language/ });
    return { user, menu };
  };

  it('/language switches to Russian and remembers it', async () => {
    const { user, menu } = await languageMenu();
    const answer = await user.press(menu.message ?? 0, '🇷🇺 Русский');
    expect(answer.text).toBe('✅ Язык: русский');
    await user.waitFor({ text: '✅ Язык: русский', edit: true });
    expect((await getSettings(database(), user.id)).locale).toBe('ru');

    user.send('/balance');
    await user.waitFor({ text: /Баланс: 0,00 USD/ });

    user.send('/language');
    const again = await user.waitFor({ text: /Выберите язык/ });
    expect((await user.press(again.message ?? 0, '🇬🇧 English')).text).toBe('✅ Language: English');
    user.send('/balance');
    await user.waitFor({ text: /Balance: 0\.00 USD/ });
  });

  it('/language switches to Chinese and remembers it', async () => {
    const user = bot.tg.user({ language_code: 'en' });
    user.send('/language');
    const menu = await user.waitFor({ text: /Choose your language/ });
    // Two a row, each under its own name.
    expect(
      menu.message?.reply_markup?.inline_keyboard.map((row) => row.map((b) => b.text)),
    ).toEqual([
      ['🇬🇧 English', '🇷🇺 Русский'],
      ['🇨🇳 中文', '🇪🇸 Español'],
      ['🇧🇷 Português', '🇺🇦 Українська'],
    ]);
    const answer = await user.press(menu.message ?? 0, '🇨🇳 中文');
    expect(answer.text).toBe('✅ 语言：简体中文');
    await user.waitFor({ text: '✅ 语言：简体中文', edit: true });
    expect((await getSettings(database(), user.id)).locale).toBe('zh');

    user.send('/balance');
    await user.waitFor({ text: /余额：/ });
    user.send('/language');
    await user.waitFor({ text: /请选择语言/ });
  });

  it('refuses a forged language button', async () => {
    const { user, menu } = await languageMenu();
    const answer = await user.pressData(menu.message ?? 0, 'lang:xx');
    expect(answer.text).toMatch(/no longer active/);
    expect((await getSettings(database(), user.id)).locale).toBeUndefined();
  });
});
