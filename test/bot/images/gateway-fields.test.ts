import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updateSettings } from '../../../src/accounts/users.js';
import { startTestBot, type TestBot } from '../../helpers/bot-harness.js';
import { balanceOf, fund, generationCalls, waitForJob } from './helpers.js';

describe('what reaches the gateway, and what its envelopes mean (bot level)', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startTestBot({
      gateway: {
        chatImageVariant: { 'gpt-4o-image': 'mixed', 'gemini-2.5-flash-image': 'prose-base64' },
      },
    });
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

  it('what the model said comes with the image: DALL-E 3’s revised prompt, a chat model’s text (escaped)', async () => {
    const dalle = newUser('dall-e-3');
    dalle.send('/imagine a fox in the snow');
    const first = await dalle.waitFor({ photo: true });
    expect(first.message?.caption).toContain(
      '💬 The model says: A vivid depiction of a fox in the snow',
    );

    const chat = newUser('gpt-4o-image');
    chat.send('/imagine a <b>bold</b> owl');
    const second = await chat.waitFor({ photo: true });
    expect(second.message?.caption).toMatch(/💬 The model says: Here you go:/);
    // The caption is HTML: the prompt (and any model text) arrives as text, not markup.
    expect(String(second.call.params.caption)).toContain('&lt;b&gt;bold&lt;/b&gt;');
  });

  it('base64 pasted inside the model’s prose is the image; the prose around it is the note', async () => {
    const user = newUser('gemini-2.5-flash-image');
    user.send('/imagine a paper boat');
    const result = await user.waitFor({ photo: true });
    expect(result.message?.caption).toContain(
      '💬 The model says: Sure! Here is your picture: Hope you like it.',
    );
    expect(result.message?.caption).not.toMatch(/iVBOR/);
  });

  it('a model that only echoes the prompt adds no note', async () => {
    const user = newUser('flux');
    user.send('/imagine a quiet harbour');
    const result = await user.waitFor({ photo: true });
    expect(result.message?.caption).not.toContain('💬');
  });
});
