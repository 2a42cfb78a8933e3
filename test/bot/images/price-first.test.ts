import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkKey } from '../../../src/accounts/own-keys.js';
import { updateSettings } from '../../../src/accounts/users.js';
import { DEFAULT_TEST_KEY } from '../../fakes/gateway-sim/index.js';
import { startTestBot, type TestBot } from '../../helpers/bot-harness.js';
import { fund, waitForJob } from './helpers.js';

const OWN_KEY = 'sk-priceFirstOwnKey0123456789';

describe('the price first: the queued message says what was reserved and what is left', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startTestBot({
      env: { CURRENCY: 'credits', CURRENCY_DECIMALS: '0' },
      gateway: {
        keys: { [DEFAULT_TEST_KEY]: { unlimited: true }, [OWN_KEY]: { unlimited: true } },
      },
    });
  });
  afterAll(() => bot.close());

  it('a paid image names its price and the balance after it, in the user’s language', async () => {
    for (const [language_code, expected] of [
      ['en', /💳 7 credits reserved, 993 credits left\. Refunded if it fails\./],
      ['ru', /💳 Зарезервировано 7 credits, осталось 993 credits/],
    ] as const) {
      const user = bot.tg.user({ language_code });
      fund(bot.app, user.id, 1_000);
      updateSettings(bot.app.deps.db, user.id, { imageModel: 'bfl/flux-pro-1.1-ultra' });
      user.send('/imagine a lighthouse');
      const queued = await user.waitFor({ text: /Queued|В очереди/ });
      expect(queued.message?.text).toMatch(expected);
      await waitForJob(bot.app, user.id, (j) => j.status === 'done');
    }
  });

  it('on the user’s own key it says nothing is charged', async () => {
    const user = bot.tg.user({ language_code: 'en' });
    fund(bot.app, user.id, 10);
    expect(linkKey(bot.app.deps.db, bot.app.deps.keyBox, user.id, OWN_KEY).ok).toBe(true);
    user.send('/imagine a lighthouse');
    const queued = await user.waitFor({ text: /Queued/ });
    expect(queued.message?.text).toContain(
      'Runs on your own gateway key: nothing is charged here.',
    );
  });
});
