import type { Message } from 'grammy/types';
import { describe, expect, it } from 'vitest';
import { getSettings, updateSettings } from '../../../src/accounts/users.js';
import { useTestBot } from '../../helpers/bot-harness.js';
import { ensureUser, fund, generationCalls } from './helpers.js';

function expectCallbacksFit(message: Message | undefined): void {
  const buttons = message?.reply_markup?.inline_keyboard.flat() ?? [];
  expect(buttons.length).toBeGreaterThan(0);
  for (const b of buttons) {
    const data = 'callback_data' in b ? (b.callback_data ?? '') : '';
    expect(Buffer.byteLength(data), data).toBeGreaterThan(0);
    expect(Buffer.byteLength(data), data).toBeLessThanOrEqual(64);
  }
}

describe('/settings (bot level)', () => {
  const bot = useTestBot();

  const settingsOf = (id: number) => getSettings(bot.app.deps.database, id);

  it('round trip: model by family, size, number of images, edit model; stored and used', async () => {
    const user = bot.tg.user({ language_code: 'en' });
    fund(bot.app, user.id, 1000);
    user.send('/settings');
    const home = await user.waitFor({ text: /Settings/ });
    expect(home.message?.text).toContain('Image model: FLUX');
    expect(home.message?.text).toContain('Size: 1024x1024');
    expectCallbacksFit(home.message);
    const screen = home.message as Message;

    await user.press(screen, '🎨 Image model');
    const families = await user.waitFor({ edit: true, text: /Which kind of model/ });
    expectCallbacksFit(families.message);
    await user.press(screen, /Image models/);
    const models = await user.waitFor({ edit: true, text: /choose the model for new images/ });
    expectCallbacksFit(models.message);
    expect(models.message?.reply_markup?.inline_keyboard.flat()[0]?.text).toMatch(/^✅ FLUX ·/);
    const chosen = await user.press(screen, /^FLUX Pro ·/);
    expect(chosen.text).toBe('✅ Model: FLUX Pro');
    await user.waitFor({ edit: true, text: /Image model: FLUX Pro/ });
    expect((await settingsOf(user.id)).imageModel).toBe('flux-pro');

    await user.press(screen, '📐 Size');
    const sizes = await user.waitFor({ edit: true, text: /Sizes FLUX Pro offers/ });
    expectCallbacksFit(sizes.message);
    await user.press(screen, '1280x720');
    await user.waitFor({ edit: true, text: /Size: 1280x720/ });

    await user.press(screen, '🔢 Number of images');
    const counts = await user.waitFor({ edit: true, text: /How many images/ });
    expectCallbacksFit(counts.message);
    await user.press(screen, '2');
    await user.waitFor({ edit: true, text: /Images per request: 2/ });

    await user.press(screen, '✏️ Edit model');
    await user.waitFor({ edit: true, text: /edit your photos/ });
    await user.press(screen, /Photo edit models/);
    await user.waitFor({ edit: true, text: /model for editing photos/ });
    await user.press(screen, /^FLUX Kontext Max ·/);
    await user.waitFor({ edit: true, text: /Edit model: FLUX Kontext Max/ });

    expect(await settingsOf(user.id)).toMatchObject({
      imageModel: 'flux-pro',
      imageSize: '1280x720',
      imageN: 2,
      editModel: 'flux-kontext-max',
    });

    user.send('a windmill');
    await user.waitFor({ method: 'sendMediaGroup' });
    const call = generationCalls(bot.gateway).find(
      (r) => (r.body as { prompt?: string }).prompt === 'a windmill',
    );
    expect(call?.body).toMatchObject({ model: 'flux-pro', size: '1280x720', n: 2 });

    await user.press(screen, '✖️ Close');
    await user.waitFor({ method: 'deleteMessage' });
  });

  it('aspect ratios for models that have them; a chat model shows no size button', async () => {
    const user = bot.tg.user({ language_code: 'ru' });
    ensureUser(bot.app, user.id);
    await updateSettings(bot.app.deps.database, user.id, { imageModel: 'bfl/flux-pro-1.1-ultra' });
    user.send('/settings');
    const home = await user.waitFor({ text: /Настройки/ });
    const screen = home.message as Message;
    await user.press(screen, '📐 Соотношение сторон');
    await user.waitFor({ edit: true, text: /Соотношения сторон/ });
    await user.press(screen, '16:9');
    await user.waitFor({ edit: true, text: /Соотношение сторон: 16:9/ });
    expect((await settingsOf(user.id)).imageAspect).toBe('16:9');
    expect(home.message?.reply_markup?.inline_keyboard.flat().map((b) => b.text)).not.toContain(
      '🔢 Количество изображений',
    );

    // Switching to a model without those options drops the stored values it cannot use.
    await user.press(screen, '🎨 Модель изображений');
    await user.waitFor({ edit: true, text: /Какой тип модели/ });
    await user.press(screen, /Чат-модели/);
    await user.waitFor({ edit: true, text: /выберите модель/ });
    await user.press(screen, /^Nano Banana ·/);
    const after = await user.waitFor({ edit: true, text: /Nano Banana/ });
    const labels = after.message?.reply_markup?.inline_keyboard.flat().map((b) => b.text);
    expect(labels).not.toContain('📐 Размер');
    expect(labels).not.toContain('📐 Соотношение сторон');
    expect((await settingsOf(user.id)).imageAspect).toBeUndefined();
  });

  it('forged or stale buttons: unsupported values are refused with the allowed ones', async () => {
    const user = bot.tg.user({ language_code: 'en' });
    user.send('/settings');
    const home = await user.waitFor({ text: /Settings/ });
    const size = await user.pressData(home.message ?? 0, 's:sz:999x999');
    expect(size.show_alert).toBe(true);
    expect(size.text).toMatch(/does not offer this size.*1024x1024/);
    const n = await user.pressData(home.message ?? 0, 's:n:9');
    expect(n.text).toMatch(/at most 4 images/);
    const model = await user.pressData(home.message ?? 0, 's:m:g:AAAAAAAA');
    expect(model.text).toMatch(/no longer offered/);
    const garbage = await user.pressData(home.message ?? 0, 's:nonsense');
    expect(garbage.text).toMatch(/no longer active/);
    expect(await settingsOf(user.id)).toEqual({});
  });

  it('in a group, only the owner of a settings menu can use it', async () => {
    const owner = bot.tg.user({ language_code: 'en' });
    const other = bot.tg.user({ language_code: 'en' });
    const group = bot.tg.group({ title: 'Team', members: [owner, other] });
    owner.inGroup(group).send(`/settings@${bot.tg.botInfo.username}`);
    const menu = await owner.inGroup(group).waitFor({ text: /Settings/ });
    const answer = await other.inGroup(group).press(menu.message as Message, '🎨 Image model');
    expect(answer.text).toMatch(/someone else/);
  });
});
