import { describe, expect, it } from 'vitest';
import { updateSettings } from '../../../src/accounts/users.js';
import { useTestBot } from '../../helpers/bot-harness.js';
import { balanceOf, fund, generationCalls, waitForJob } from './helpers.js';

describe('what reaches the gateway, and what its envelopes mean (bot level)', () => {
  const bot = useTestBot({
    gateway: {
      chatImageVariant: { 'gpt-4o-image': 'mixed', 'gemini-2.5-flash-image': 'prose-base64' },
    },
  });

  const newUser = async (imageModel: string, language_code = 'en') => {
    const user = bot.tg.user({ language_code });
    fund(bot.app, user.id, 1_000);
    await updateSettings(bot.app.deps.database, user.id, { imageModel });
    return user;
  };

  /** `/imagine text` from a new user of `model`, answered with a photo. */
  const imagineAs = async (model: string, text: string) => {
    const user = await newUser(model);
    user.send(`/imagine ${text}`);
    return { user, result: await user.waitFor({ photo: true }) };
  };

  /** `/imagine prompt flags` from a new user of `model`: the photo and the body the gateway got for it. */
  const imagineWith = async (model: string, prompt: string, flags: string) => {
    const { user, result } = await imagineAs(model, `${prompt} ${flags}`);
    const body = generationCalls(bot.gateway).find(
      (r) => (r.body as { prompt?: string }).prompt === prompt,
    )?.body;
    return { user, result, body };
  };

  it('FLUX 1.1 Pro Ultra gets the aspect ratio it was charged for, as aspect_ratio', async () => {
    const { body } = await imagineWith(
      'bfl/flux-pro-1.1-ultra',
      'a mountain lake at dawn',
      '--ar 21:9',
    );
    expect(body).toMatchObject({ model: 'bfl/flux-pro-1.1-ultra', aspect_ratio: '21:9' });
    expect(body).not.toHaveProperty('size');
  });

  it('GPT Image options reach the gateway as OpenAI names them, priced by quality', async () => {
    const { user, result, body } = await imagineWith(
      'gpt-image-1-mini',
      'a glass apple',
      '--quality high --bg transparent',
    );
    expect(body).toMatchObject({
      model: 'gpt-image-1-mini',
      quality: 'high',
      background: 'transparent',
      output_format: 'png',
    });
    expect(body).not.toHaveProperty('response_format');
    // 4 per image at medium, ×3 at high.
    expect(balanceOf(bot.app, user.id)).toBe(1_000 - 12);
    expect(result.message?.caption).toContain('0.12');
  });

  it('seed and negative prompt go as seed and negative_prompt to a model that takes them', async () => {
    const { body } = await imagineWith(
      'ideogram-generate-v3',
      'a lighthouse',
      '--no text, boats --seed 42',
    );
    expect(body).toMatchObject({ seed: 42, negative_prompt: 'text, boats' });
    expect(body).not.toHaveProperty('quality');
  });

  it.each([
    [
      'en',
      'gpt-image-1-mini',
      '--quality ultra',
      /does not offer this value for --quality\. Choose one of: low, medium, high\. Nothing was charged/,
    ],
    ['ru', 'gpt-image-1-mini', '--seed 5', /не принимает --seed\..*Ничего не списано/],
    ['en', 'flux', '--quality high', /does not take --quality/],
    [
      'ru',
      'gpt-image-1-mini',
      '--bg transparent --format jpeg',
      /Прозрачный фон возможен только в PNG или WebP/,
    ],
    ['en', 'ideogram-generate-v3', '--seed 99999999999', /whole number from 0 to 4,294,967,295/],
  ])(
    '%s, %s %s: refused before any charge, naming what is allowed',
    async (lang, model, flags, reply) => {
      const user = await newUser(model, lang);
      const prompt = `an owl ${lang} ${model} ${flags.length}`;
      user.send(`/imagine ${prompt} ${flags}`);
      await user.waitFor({ text: reply });
      expect(balanceOf(bot.app, user.id)).toBe(1_000);
      expect(
        generationCalls(bot.gateway).some((r) =>
          String((r.body as { prompt?: string }).prompt).startsWith(prompt),
        ),
      ).toBe(false);
    },
  );

  it('/settings and a bare /imagine name the options the chosen model takes', async () => {
    const user = await newUser('gpt-image-1-mini');
    user.send('/settings');
    const screen = await user.waitFor({ text: /Options:/ });
    expect(screen.message?.text).toContain(
      'Options: --quality low|medium|high, --background auto|opaque|transparent, --format png|jpeg|webp',
    );
    user.send('/imagine');
    const usage = await user.waitFor({ text: /also takes/ });
    expect(usage.message?.text).toContain('GPT Image 1 mini also takes: --quality low|medium|high');

    const plain = await newUser('flux-schnell', 'ru');
    plain.send('/settings');
    const plainScreen = await plain.waitFor({ text: /Модель изображений/ });
    // FLUX schnell takes no options; the edit model (FLUX Kontext) takes a seed.
    expect(plainScreen.message?.text).toMatch(
      /\(до 4\)\n✏️ Модель редактирования: FLUX Kontext Pro · [^\n]*\n⚙️ Параметры: --seed N\n/,
    );
  });

  it('an HTTP 200 envelope with code 403 "insufficient quota" is the gateway balance, refunded', async () => {
    const user = await newUser('flux');
    bot.gateway.inject({
      route: '/v1/images/generations',
      status: 200,
      body: { error: { message: 'insufficient quota', type: 'one_api_error', code: 403 } },
    });
    user.send('/imagine a lantern');
    await user.waitFor({ text: /account at the provider is out of funds/ });
    const job = await waitForJob(bot.app, user.id, (j) => j.status === 'failed');
    expect(job.errorCode).toBe('insufficient_balance');
    expect(balanceOf(bot.app, user.id)).toBe(1_000);
  });

  it('what the model said comes with the image: DALL-E 3’s revised prompt, a chat model’s text (escaped)', async () => {
    const { result: first } = await imagineAs('dall-e-3', 'a fox in the snow');
    expect(first.message?.caption).toContain(
      '💬 The model says: A vivid depiction of a fox in the snow',
    );

    const { result: second } = await imagineAs('gpt-4o-image', 'a <b>bold</b> owl');
    expect(second.message?.caption).toMatch(/💬 The model says: Here you go:/);
    // The caption is HTML: the prompt (and any model text) arrives as text, not markup.
    expect(String(second.call.params.caption)).toContain('&lt;b&gt;bold&lt;/b&gt;');
  });

  it('base64 pasted inside the model’s prose is the image; the prose around it is the note', async () => {
    const { result } = await imagineAs('gemini-2.5-flash-image', 'a paper boat');
    expect(result.message?.caption).toContain(
      '💬 The model says: Sure! Here is your picture: Hope you like it.',
    );
    expect(result.message?.caption).not.toMatch(/iVBOR/);
  });

  it('a model that only echoes the prompt adds no note', async () => {
    const { result } = await imagineAs('flux', 'a quiet harbour');
    expect(result.message?.caption).not.toContain('💬');
  });
});
