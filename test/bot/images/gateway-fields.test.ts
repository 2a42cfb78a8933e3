import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updateSettings } from '../../../src/accounts/users.js';
import { startTestBot, type TestBot } from '../../helpers/bot-harness.js';
import { balanceOf, fund, generationCalls, waitForJob } from './helpers.js';

describe('what reaches the gateway, and what its envelopes mean (bot level)', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startTestBot();
  });
  afterAll(() => bot.close());

  const newUser = (imageModel: string) => {
    const user = bot.tg.user({ language_code: 'en' });
    fund(bot.app, user.id, 1_000);
    updateSettings(bot.app.deps.db, user.id, { imageModel });
    return user;
  };

  it('FLUX 1.1 Pro Ultra gets the aspect ratio it was charged for, as aspect_ratio', async () => {
    const user = newUser('bfl/flux-pro-1.1-ultra');
    user.send('/imagine a mountain lake at dawn --ar 21:9');
    await user.waitFor({ photo: true });
    const call = generationCalls(bot.gateway).find(
      (r) => (r.body as { prompt?: string }).prompt === 'a mountain lake at dawn',
    );
    expect(call?.body).toMatchObject({ model: 'bfl/flux-pro-1.1-ultra', aspect_ratio: '21:9' });
    expect(call?.body).not.toHaveProperty('size');
  });

  it('an HTTP 200 envelope with code 403 "insufficient quota" is the gateway balance, refunded', async () => {
    const user = newUser('flux');
    bot.gateway.inject({
      route: '/v1/images/generations',
      status: 200,
      body: { error: { message: 'insufficient quota', type: 'one_api_error', code: 403 } },
    });
    user.send('/imagine a lantern');
    await user.waitFor({ text: /gateway balance is too low/ });
    const job = await waitForJob(bot.app, user.id, (j) => j.status === 'failed');
    expect(job.errorCode).toBe('insufficient_balance');
    expect(balanceOf(bot.app, user.id)).toBe(1_000);
  });
});
