import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getOwnKeyInfo, linkKey } from '../../../src/accounts/own-keys.js';
import { updateSettings } from '../../../src/accounts/users.js';
import { getJob } from '../../../src/jobs/store.js';
import type { Fault } from '../../fakes/gateway-sim/index.js';
import { startTestBot, type TestBot } from '../../helpers/bot-harness.js';
import { balanceOf, fund, generationCalls, jobsOf, waitForJob } from './helpers.js';

/**
 * Every way a generation can fail ends the job, refunds the reservation and tells the user what
 * happened and what to do, in their language. Own-key users are told about their key.
 */
describe('generation failures (bot level)', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startTestBot({
      env: { GATEWAY_TIMEOUT_MS: '1000' },
      app: { executor: { retryDelaysMs: [30, 60] } },
    });
  });
  afterAll(async () => {
    expect(bot.gateway.leaks).toEqual([]);
    await bot.close();
  });

  const newUser = (language_code = 'en') => {
    const user = bot.tg.user({ language_code });
    fund(bot.app, user.id, 100);
    return user;
  };

  /** Sends a prompt, waits for the failure message, checks the job and the refund. */
  async function failWith(prompt: string, fault: Fault | undefined, language_code = 'en') {
    const user = newUser(language_code);
    if (fault) bot.gateway.inject(fault);
    const before = generationCalls(bot.gateway).length;
    user.send(prompt);
    const failure = await user.waitFor({ text: /failed|не удалась/ }, { timeoutMs: 8_000 });
    const job = await waitForJob(bot.app, user.id, (j) => j.status === 'failed');
    expect(balanceOf(bot.app, user.id)).toBe(100);
    return {
      text: failure.message?.text ?? '',
      job,
      user,
      failure,
      calls: generationCalls(bot.gateway).length - before,
    };
  }

  const imagesRoute = '/v1/images/generations';

  it('content policy: refunded, asked to rephrase', async () => {
    const r = await failWith('a nude statue', undefined);
    expect(r.job.errorCode).toBe('content_policy');
    expect(r.text).toContain('refused by the model’s content policy'.replace('’', "'"));
    expect(r.text).toContain('Rephrase');
    expect(r.text).toContain('0.03 USD reserved for it has been returned');
    expect(r.failure.message?.reply_markup?.inline_keyboard.flat()[0]?.text).toBe('💬 Support');
  });

  it('banned prompt: the word is named', async () => {
    const r = await failWith('a forbidden thing', {
      route: imagesRoute,
      status: 400,
      body: {
        error: {
          message: 'sensitive words detected: forbidden (request id: 2025041112345)',
          type: 'one_api_error',
          code: 'sensitive_words_detected',
        },
      },
    });
    expect(r.job.errorCode).toBe('banned_prompt');
    expect(r.text).toContain('forbidden word (“forbidden”)');
    expect(r.text).not.toContain('request id');
  });

  it('model not allowed for the operator’s key: choose another model', async () => {
    const r = await failWith('a bird', { route: imagesRoute, preset: 'model-not-allowed' });
    expect(r.job.errorCode).toBe('model_not_allowed');
    expect(r.text).toContain('Choose another one in /settings');
  });

  it('operator key exhausted: try later or contact support', async () => {
    const r = await failWith('a tree', { route: imagesRoute, preset: 'exhausted' });
    expect(r.job.errorCode).toBe('key_exhausted');
    expect(r.text).toContain('used up its generation quota');
  });

  it('operator key rejected: the operator is told, the user waits', async () => {
    const r = await failWith('a road', { route: imagesRoute, preset: 'bad-key' });
    expect(r.job.errorCode).toBe('bad_key');
    expect(r.text).toContain("the bot's own API key was refused");
    expect(r.text).toMatch(/write to \/support\.\n.*\n?🆔 Job ID: \w+/);
  });

  it('gateway busy (429) after the allowed retries', async () => {
    const r = await failWith('a crowd', {
      route: imagesRoute,
      preset: 'rate-limit-json',
      times: 3,
    });
    expect(r.calls).toBe(3);
    expect(r.job.errorCode).toBe('rate_limited');
    expect(r.text).toContain('the models are busy right now. Try again in a minute.');
  });

  it('a 429 that clears on the retry succeeds without the user noticing', async () => {
    const user = newUser();
    bot.gateway.inject({ route: imagesRoute, preset: 'rate-limit-empty', times: 1 });
    user.send('a second chance');
    await user.waitFor({ photo: true, text: /a second chance/ });
    await waitForJob(bot.app, user.id, (j) => j.status === 'done');
    expect(balanceOf(bot.app, user.id)).toBe(97);
  });

  it('no channel for the model (503), after the retries', async () => {
    const r = await failWith('a bridge', { route: imagesRoute, preset: 'no-channel', times: 3 });
    expect(r.calls).toBe(3);
    expect(r.job.errorCode).toBe('no_channel');
    expect(r.text).toContain('temporarily unavailable');
  });

  it('a call that hangs past GATEWAY_TIMEOUT_MS times out (in Russian for a Russian user)', async () => {
    const r = await failWith('часы', { route: imagesRoute, hang: true }, 'ru');
    expect(r.job.errorCode).toBe('timeout');
    expect(r.calls).toBe(1);
    expect(r.text).toContain('слишком долго не отвечала');
    expect(r.text).toContain('возвращены на баланс');
  });

  it('a model with its own timeoutSeconds (GPT Image: 600) is waited for past GATEWAY_TIMEOUT_MS', async () => {
    const user = newUser();
    await updateSettings(bot.app.deps.database, user.id, { imageModel: 'gpt-image-1-mini' });
    // Twice the client's 1 s default; the catalog gives this model ten minutes.
    bot.gateway.inject({ route: imagesRoute, delayMs: 2_000, times: 1 });
    user.send('a slow glass apple');
    await user.waitFor({ photo: true, text: /a slow glass apple/ }, { timeoutMs: 8_000 });
    const job = await waitForJob(bot.app, user.id, (j) => j.status === 'done');
    expect(job.attempts).toBe(1);
    expect(balanceOf(bot.app, user.id)).toBe(96);
  });

  it('edits on a gateway without /v1/images/edits (501)', async () => {
    const user = newUser();
    bot.gateway.inject({
      route: '/v1/images/edits',
      status: 501,
      body: {
        error: {
          message: 'API not implemented',
          type: 'one_api_error',
          code: 'api_not_implemented',
        },
      },
    });
    user.sendPhoto({ width: 10, height: 10 }, { caption: 'sharpen' });
    const failure = await user.waitFor({ text: /failed/ });
    expect(failure.message?.text).toContain('this model does not offer that operation');
    await waitForJob(bot.app, user.id, (j) => j.status === 'failed');
    expect(balanceOf(bot.app, user.id)).toBe(100);
  });

  describe('with the user’s own key (nothing charged, the texts are about their key)', () => {
    const ownKey = (name: string) => `sk-own${name}0123456789abcdef`;
    const linked = async (key: string, language_code = 'en') => {
      const user = newUser(language_code);
      expect((await linkKey(bot.app.deps.database, bot.app.deps.keyBox, user.id, key)).ok).toBe(
        true,
      );
      return user;
    };

    it('generates with their key and charges nothing', async () => {
      const key = ownKey('Fine');
      bot.gateway.addKey(key, { unlimited: true });
      const user = await linked(key);
      user.send('my own cat');
      const photo = await user.waitFor({ photo: true });
      expect(photo.message?.caption).toContain('your key');
      const call = generationCalls(bot.gateway).find(
        (r) => (r.body as { prompt?: string }).prompt === 'my own cat',
      );
      expect(call?.headers.authorization).toBe(`Bearer ${key}`);
      expect(balanceOf(bot.app, user.id)).toBe(100);
    });

    it('model not allowed for their key', async () => {
      const key = ownKey('Limited');
      bot.gateway.addKey(key, { models: ['dall-e-3'] });
      const user = await linked(key);
      user.send('a limited fox');
      const failure = await user.waitFor({ text: /failed/ });
      expect(failure.message?.text).toContain('your API key may not use this model');
      expect(failure.message?.text).not.toContain('returned to your balance');
      expect(balanceOf(bot.app, user.id)).toBe(100);
    });

    it('their key exhausted: top it up or remove it; the key is flagged', async () => {
      const key = ownKey('Empty');
      bot.gateway.addKey(key, { quota: 0 });
      const user = await linked(key);
      user.send('an empty wallet');
      const failure = await user.waitFor({ text: /failed/ });
      expect(failure.message?.text).toContain('your API key has no quota left');
      expect((await getOwnKeyInfo(bot.app.deps.database, user.id))?.status).toBe('invalid');
      // The next request pays from the balance again.
      user.send('from the balance');
      await user.waitFor({ photo: true, text: /from the balance/ });
      await waitForJob(bot.app, user.id, (j) => j.status === 'done');
      expect(balanceOf(bot.app, user.id)).toBe(97);
    });

    it('their key rejected (in Russian)', async () => {
      const user = await linked(ownKey('Unknown'), 'ru');
      user.send('чужой ключ');
      const failure = await user.waitFor({ text: /не удалась/ });
      expect(failure.message?.text).toContain('ваш API-ключ отклонён');
      const job = jobsOf(bot.app, user.id)[0];
      expect(getJob(bot.app.deps.db, job?.id ?? '')?.errorCode).toBe('bad_key');
    });
  });

  it('content policy on a chat model too', async () => {
    const user = newUser();
    await updateSettings(bot.app.deps.database, user.id, { imageModel: 'nano-banana' });
    user.send('nude beach');
    const failure = await user.waitFor({ text: /failed/ });
    expect(failure.message?.text).toContain('content policy');
    await waitForJob(bot.app, user.id, (j) => j.status === 'failed');
    expect(balanceOf(bot.app, user.id)).toBe(100);
  });
});
