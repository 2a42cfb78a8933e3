import type { Message } from 'grammy/types';
import { describe, expect, it } from 'vitest';
import { linkKey } from '../../../src/accounts/own-keys.js';
import { updateSettings } from '../../../src/accounts/users.js';
import { DEFAULT_TEST_KEY } from '../../fakes/gateway-sim/index.js';
import { buttonsOf } from '../../fakes/telegram/matcher.js';
import { useTestBot } from '../../helpers/bot-harness.js';
import { balanceOf, ensureUser, fund, jobsOf, waitForJob } from './helpers.js';

const OWN_KEY = 'sk-priceFirstOwnKey0123456789';

describe('the price first: the queued message says what was reserved and what is left', () => {
  const bot = useTestBot({
    env: { CURRENCY: 'credits', CURRENCY_DECIMALS: '0' },
    gateway: {
      keys: { [DEFAULT_TEST_KEY]: { unlimited: true }, [OWN_KEY]: { unlimited: true } },
    },
  });

  it('a paid image names its price and the balance after it, in the user’s language', async () => {
    for (const [language_code, expected] of [
      ['en', /💳 7 credits reserved, 993 credits left\. Refunded if it fails\./],
      ['ru', /💳 Зарезервировано 7 credits, осталось 993 credits/],
    ] as const) {
      const user = bot.tg.user({ language_code });
      fund(bot.app, user.id, 1_000);
      await updateSettings(bot.app.deps.database, user.id, {
        imageModel: 'bfl/flux-pro-1.1-ultra',
      });
      user.send('/imagine a lighthouse');
      const queued = await user.waitFor({ text: /Queued|В очереди/ });
      expect(queued.message?.text).toMatch(expected);
      await waitForJob(bot.app, user.id, (j) => j.status === 'done');
    }
  });

  it('the progress edits keep the price line', async () => {
    const user = bot.tg.user({ language_code: 'en' });
    fund(bot.app, user.id, 100);
    // Slow enough for the first "generating" refresh (1.5 s after the call starts).
    bot.gateway.inject({ route: '/v1/images/generations', times: 1, delayMs: 2_500 });
    user.send('/imagine a windmill');
    const generating = await user.waitFor({ text: /Generating with FLUX/, edit: true });
    expect(generating.message?.text).toContain('💳 3 credits reserved, refunded if it fails.');
  });

  it('on the user’s own key it says nothing is charged', async () => {
    const user = bot.tg.user({ language_code: 'en' });
    fund(bot.app, user.id, 10);
    expect((await linkKey(bot.app.deps.database, bot.app.deps.keyBox, user.id, OWN_KEY)).ok).toBe(
      true,
    );
    user.send('/imagine a lighthouse');
    const queued = await user.waitFor({ text: /Queued/ });
    expect(queued.message?.text).toContain('Runs on your own API key: nothing is charged here.');
  });
});

describe('CONFIRM_ABOVE: a job over the threshold names its price and waits for ✅', () => {
  const bot = useTestBot({
    env: { CURRENCY: 'credits', CURRENCY_DECIMALS: '0', CONFIRM_ABOVE: '5' },
    gateway: {
      keys: { [DEFAULT_TEST_KEY]: { unlimited: true }, [OWN_KEY]: { unlimited: true } },
    },
  });

  const newUser = async (balance: number, language_code: 'en' | 'ru' = 'en') => {
    const user = bot.tg.user({ language_code });
    if (balance > 0) fund(bot.app, user.id, balance);
    else ensureUser(bot.app, user.id);
    await updateSettings(bot.app.deps.database, user.id, { imageModel: 'bfl/flux-pro-1.1-ultra' });
    return user;
  };

  it('asks before charging; ✅ starts it once, however often it is pressed', async () => {
    const user = await newUser(100);
    user.send('/imagine a glacier');
    const question = await user.waitFor({ text: /costs/ });
    expect(question.message?.text).toBe(
      '💳 FLUX 1.1 Pro Ultra (BFL) costs 7 credits; 93 credits will be left on your balance. Start it?',
    );
    expect(jobsOf(bot.app, user.id)).toHaveLength(0);
    expect(balanceOf(bot.app, user.id)).toBe(100);

    const message = question.message as Message;
    const start = buttonsOf(message).find((b) => b.text === '✅ Start · 7 credits');
    const data = start && 'callback_data' in start ? (start.callback_data ?? '') : '';
    const [first, second] = await Promise.all([
      user.press(message, '✅ Start · 7 credits'),
      user.press(message, '✅ Start · 7 credits'),
    ]);
    expect([first.text, second.text]).toContain('Starting…');
    await user.waitFor({ photo: true });
    expect(jobsOf(bot.app, user.id)).toHaveLength(1);
    expect(balanceOf(bot.app, user.id)).toBe(93);

    const late = await user.pressData(message, data);
    expect(late.text).toBe('This question has expired. Send the request again.');
    expect(jobsOf(bot.app, user.id)).toHaveLength(1);
  });

  it('✖ drops it: nothing charged, nothing queued; in Russian too', async () => {
    const user = await newUser(100, 'ru');
    user.send('/imagine a glacier');
    const question = await user.waitFor({
      text: /стоит 7 credits; на балансе останется 93 credits/,
    });
    await user.press(question.message as Message, '✖️ Отмена');
    const dropped = await user.waitFor({ edit: true });
    expect(dropped.message?.text).toBe('✖️ Не запущено. Ничего не списано.');
    expect(jobsOf(bot.app, user.id)).toHaveLength(0);
    expect(balanceOf(bot.app, user.id)).toBe(100);
  });

  it('in a group, someone else’s ✅ is refused', async () => {
    const owner = await newUser(100);
    const other = await newUser(100);
    const group = bot.tg.group({ title: 'Team', members: [owner, other] });
    owner.inGroup(group).send(`/imagine@${bot.tg.botInfo.username} a canyon`);
    const question = await owner.inGroup(group).waitFor({ text: /costs/ });
    const answer = await other.inGroup(group).press(question.message as Message, /Start/);
    expect(answer.text).toBe("This button belongs to someone else's generation.");
    expect(jobsOf(bot.app, owner.id)).toHaveLength(0);
    expect(jobsOf(bot.app, other.id)).toHaveLength(0);
  });

  it('no question below the threshold, on an own key, or when the balance does not cover it', async () => {
    const cheap = await newUser(100);
    await updateSettings(bot.app.deps.database, cheap.id, { imageModel: 'flux' });
    cheap.send('/imagine a pebble');
    expect((await cheap.waitFor({ text: /Queued/ })).message?.text).toContain('3 credits reserved');

    const keyed = await newUser(0);
    expect((await linkKey(bot.app.deps.database, bot.app.deps.keyBox, keyed.id, OWN_KEY)).ok).toBe(
      true,
    );
    keyed.send('/imagine a pebble');
    expect((await keyed.waitFor({ text: /Queued/ })).message?.text).toContain('own API key');

    const poor = await newUser(6);
    poor.send('/imagine a pebble');
    expect((await poor.waitFor({ text: /Not enough balance/ })).message?.text).toContain(
      'this costs 7 credits, you have 6 credits',
    );
    for (const u of [cheap, keyed, poor]) {
      expect(u.botMessages().some((m) => /Start it\?/.test(m.text ?? ''))).toBe(false);
    }
  });
});
