import { describe, expect, it } from 'vitest';
import { updateSettings } from '../../../src/accounts/users.js';
import { useTestBot } from '../../helpers/bot-harness.js';
import { balanceOf, fund, generationCalls, jobsOf, waitForJob } from './helpers.js';

describe('image generation (bot level)', () => {
  const bot = useTestBot({
    gateway: {
      chatImageVariant: {
        'nano-banana': 'markdown-data',
        'gemini-2.5-flash-image': 'raw-base64',
        'gpt-4o-image': 'markdown-url',
        sora_image: 'images-array',
        'nano-banana-pro': 'mixed',
      },
    },
  });

  const newUser = (balance = 1000, language_code = 'en') => {
    const user = bot.tg.user({ language_code });
    fund(bot.app, user.id, balance);
    return user;
  };
  const useModel = (userId: number, imageModel: string) =>
    updateSettings(bot.app.deps.database, userId, { imageModel });

  it('/imagine goes to the images API (url) and delivers a photo with buttons', async () => {
    const user = newUser(100);
    user.send('/imagine a red fox in the snow');
    const status = await user.waitFor({ text: /Queued/ });
    expect(status.message?.reply_markup?.inline_keyboard.flat()[0]?.text).toMatch(/Cancel/);
    const photo = await user.waitFor({ photo: true });
    expect(photo.message?.caption).toMatch(/^FLUX · /);
    expect(photo.message?.caption).toContain('a red fox in the snow');
    const buttons = photo.message?.reply_markup?.inline_keyboard.flat();
    expect(buttons?.map((b) => b.text)).toEqual(['🔁 Again', '✏️ Edit this', '📎 Original file']);
    for (const b of buttons ?? [])
      if ('callback_data' in b)
        expect(Buffer.byteLength(b.callback_data ?? '')).toBeLessThanOrEqual(64);
    const job = await waitForJob(bot.app, user.id, (j) => j.status === 'done');
    expect(job.price).toBe(3);
    expect(balanceOf(bot.app, user.id)).toBe(97);
    const call = generationCalls(bot.gateway).find(
      (r) => (r.body as { prompt?: string }).prompt === 'a red fox in the snow',
    );
    expect(call?.path).toBe('/v1/images/generations');
    expect(call?.body).toMatchObject({
      model: 'flux',
      n: 1,
      size: '1024x1024',
      response_format: 'url',
    });
    // The status message is replaced by the result.
    expect(user.messages().some((m) => m.message_id === status.message?.message_id)).toBe(false);
  });

  it('any plain text in a private chat is a prompt; b64 answers (GPT Image) are delivered too', async () => {
    const user = newUser();
    await useModel(user.id, 'gpt-image-1-mini');
    user.send('a lighthouse at dusk');
    await user.waitFor({ photo: true, text: /GPT Image 1 mini/ });
    const call = generationCalls(bot.gateway).find(
      (r) => (r.body as { prompt?: string }).prompt === 'a lighthouse at dusk',
    );
    expect(call?.body).toMatchObject({ model: 'gpt-image-1-mini' });
    expect(call?.body).not.toHaveProperty('response_format');
  });

  it.each([
    ['nano-banana', 'markdown data URI'],
    ['gemini-2.5-flash-image', 'raw base64'],
    ['gpt-4o-image', 'markdown https URL'],
    ['sora_image', 'message.images[]'],
  ])('chat model %s (%s) goes to /v1/chat/completions', async (model) => {
    const user = newUser();
    await useModel(user.id, model);
    const prompt = `a teapot for ${model}`;
    user.send(prompt);
    const photo = await user.waitFor({ photo: true });
    expect(photo.message?.caption).toContain(model);
    const call = generationCalls(bot.gateway).find(
      (r) => r.path === '/v1/chat/completions' && JSON.stringify(r.body).includes(prompt),
    );
    expect(call?.body).toMatchObject({ model, stream: false });
    await waitForJob(bot.app, user.id, (j) => j.status === 'done');
  });

  it('a chat answer with several images (mixed text) is one image: the requested n, no more', async () => {
    const user = newUser();
    await useModel(user.id, 'nano-banana-pro');
    const files = () => bot.gateway.requests.filter((r) => r.path.startsWith('/files/')).length;
    const before = files();
    user.send('three moods of the sea');
    const photo = await user.waitFor({ photo: true, text: /three moods of the sea/ });
    expect(photo.message?.reply_markup?.inline_keyboard.flat()[0]?.text).toBe('🔁 Again');
    const job = await waitForJob(bot.app, user.id, (j) => j.status === 'done');
    expect(job.result?.files).toHaveLength(1);
    // The hosted copy further down the reply is not downloaded at all.
    expect(files()).toBe(before);
    expect(job.price).toBe(15);
  });

  it('n > 1 from settings: a media group, then the buttons in a separate message; charged per image', async () => {
    const user = newUser(100);
    await updateSettings(bot.app.deps.database, user.id, { imageModel: 'flux', imageN: 3 });
    user.send('/imagine tiny robots');
    const group = await user.waitFor({ method: 'sendMediaGroup' });
    expect(group.messages).toHaveLength(3);
    expect(group.messages.every((m) => m.photo)).toBe(true);
    const buttons = await user.waitFor({ button: '🔁 Again' });
    expect(buttons.message?.photo).toBeUndefined();
    // The caption is on the album; the buttons' message is one short line, not a second caption.
    expect(group.messages[0]?.caption).toContain('tiny robots');
    expect(buttons.message?.text).toBe('⬆️ 3 images above. What next?');
    // "sending a photo…" while the album uploads.
    expect(
      bot.tg
        .callsTo('sendChatAction')
        .some((c) => c.params.chat_id === user.id && c.params.action === 'upload_photo'),
    ).toBe(true);
    const call = generationCalls(bot.gateway).find(
      (r) => (r.body as { prompt?: string }).prompt === 'tiny robots',
    );
    expect(call?.body).toMatchObject({ n: 3 });
    await waitForJob(bot.app, user.id, (j) => j.status === 'done');
    expect(balanceOf(bot.app, user.id)).toBe(100 - 9);
  });

  it('flags in the prompt override settings for one request (--n, --size)', async () => {
    const user = newUser(100);
    user.send('/imagine a kite --n 2 --size 1280x720');
    await user.waitFor({ method: 'sendMediaGroup' });
    const call = generationCalls(bot.gateway).find(
      (r) => (r.body as { prompt?: string }).prompt === 'a kite',
    );
    expect(call?.body).toMatchObject({ n: 2, size: '1280x720' });
  });

  it('an image too large for a photo is shown as a smaller copy; 📎 sends the original', async () => {
    const user = newUser();
    user.send('/imagine a castle [[big:12mb]]');
    const shown = await user.waitFor({ photo: true }, { timeoutMs: 15_000 });
    const photoId = shown.message?.photo?.at(-1)?.file_id ?? '';
    expect(bot.tg.fileBytes(photoId)?.byteLength ?? 0).toBeLessThan(10 * 1024 * 1024);
    await waitForJob(bot.app, user.id, (j) => j.status === 'done');
    if (!shown.message) throw new Error('no result photo');
    await user.press(shown.message, '📎 Original file');
    const doc = await user.waitFor({ document: true }, { timeoutMs: 15_000 });
    expect(doc.message?.document?.file_size).toBeGreaterThan(10 * 1024 * 1024);
  });

  it('in a group, chatter is never a prompt; /imagine@bot still works', async () => {
    const user = newUser();
    const group = bot.tg.group({ title: 'Friends', members: [user] });
    const inGroup = user.inGroup(group);
    inGroup.send('what a nice day, draw me like one of your french girls');
    inGroup.send(`/imagine@${bot.tg.botInfo.username} a group portrait`);
    await inGroup.waitFor({ photo: true, text: /a group portrait/ });
    expect(jobsOf(bot.app, user.id)).toHaveLength(1);
  });

  describe('bad input: a clear answer and nothing charged', () => {
    it('/imagine without a prompt explains how to use it', async () => {
      const user = newUser(50);
      user.send('/imagine');
      await user.waitFor({ text: /Describe the picture after the command/ });
      user.send('/imagine --n 2');
      await user.waitFor({ text: /description is empty/ });
      expect(jobsOf(bot.app, user.id)).toHaveLength(0);
      expect(balanceOf(bot.app, user.id)).toBe(50);
    });

    it('a 10,000-character prompt is refused with the model’s limit', async () => {
      const user = newUser(50);
      user.send('x'.repeat(10_000));
      const answer = await user.waitFor({ text: /too long/ });
      expect(answer.message?.text).toContain('10,000 characters');
      expect(answer.message?.text).toContain('at most 2,000');
      expect(jobsOf(bot.app, user.id)).toHaveLength(0);
      expect(balanceOf(bot.app, user.id)).toBe(50);
    });

    it('an unsupported size is refused with the allowed ones (in Russian for a Russian user)', async () => {
      const user = newUser(50, 'ru');
      user.send('/imagine кот --size 999x999');
      const answer = await user.waitFor({ text: /не предлагает такой размер/ });
      expect(answer.message?.text).toContain('1024x1024, 1024x768');
      expect(jobsOf(bot.app, user.id)).toHaveLength(0);
    });

    it('too many images for the model is refused with its maximum', async () => {
      const user = newUser(50);
      user.send('/imagine owls --n 9');
      const answer = await user.waitFor({ text: /at most 4 images/ });
      expect(answer.message?.text).toContain('1, 2, 3, 4');
      expect(balanceOf(bot.app, user.id)).toBe(50);
    });

    it('a short balance says the price and the balance, and creates no job', async () => {
      const user = newUser(2);
      user.send('/imagine a fox');
      const answer = await user.waitFor({ text: /Not enough balance/ });
      expect(answer.message?.text).toMatch(/0\.03.*0\.02/);
      expect(jobsOf(bot.app, user.id)).toHaveLength(0);
      expect(balanceOf(bot.app, user.id)).toBe(2);
    });
  });

  it('never sent a Telegram file URL to the gateway', () => {
    expect(bot.gateway.leaks).toEqual([]);
  });
});
