import type { Message } from 'grammy/types';
import { describe, expect, it } from 'vitest';
import { makePng } from '../../fakes/telegram/index.js';
import { balanceOf, waitForJob } from '../images/helpers.js';
import { bodyOf, confirmData, dataUrlBytes, useVideoBot, videoSubmits } from './helpers.js';

describe('video from several photos: first and last frame, references (bot level)', () => {
  const v = useVideoBot();

  it('an album of two captioned /video on Veo 3.1: the first photo starts it, the second ends it', async () => {
    const user = await v.user('veo3.1');
    const photos = [makePng(64, 36), makePng(72, 40)];
    const before = videoSubmits(v.bot.gateway).length;
    user.sendAlbum(photos, { caption: '/video the sun crosses the sky' });
    const screen = await user.waitFor({ button: /Generate/ });
    expect(screen.message?.text).toContain('Starts from your first photo and ends on the second');
    await user.press(screen.message as Message, /Generate/);
    await user.waitFor({ method: 'sendVideo' }, { timeoutMs: 8_000 });
    const job = await waitForJob(v.bot.app, user.id, (j) => j.status === 'done');
    expect(job.kind).toBe('i2v');
    const body = bodyOf(videoSubmits(v.bot.gateway).slice(before)[0]);
    expect(dataUrlBytes(body.image).equals(photos[0] as Uint8Array)).toBe(true);
    expect(body.image_url).toBe(body.image);
    const images = body.images as string[];
    expect(images).toHaveLength(2);
    expect(dataUrlBytes(images[1]).equals(photos[1] as Uint8Array)).toBe(true);
    // The album was the video's: /edit did not take it as photos to edit.
    expect(user.botMessages().some((m) => /What should I change/.test(m.text ?? ''))).toBe(false);
    expect(balanceOf(v.bot.app, user.id)).toBe(10_000 - job.price);
  });

  it('three references on veo3.1-components, in the order sent and without a first frame (ru)', async () => {
    const user = await v.user('veo3.1-components', 'ru');
    const photos = [makePng(40, 40), makePng(44, 40), makePng(48, 40)];
    const before = videoSubmits(v.bot.gateway).length;
    user.sendAlbum(photos, { caption: '/video повар на этой кухне' });
    const screen = await user.waitFor({ button: /Создать|Generate/ });
    expect(screen.message?.text).toContain('Ваши 3 фото — референсы');
    await user.press(screen.message as Message, /Создать|Generate/);
    await waitForJob(v.bot.app, user.id, (j) => j.status === 'done');
    const body = bodyOf(videoSubmits(v.bot.gateway).slice(before)[0]);
    expect(body).not.toHaveProperty('image');
    const images = body.images as string[];
    expect(images.map((u, i) => dataUrlBytes(u).equals(photos[i] as Uint8Array))).toEqual([
      true,
      true,
      true,
    ]);
  });

  it('three photos for a two-frame model: the keyboard says so and offers only models that take three', async () => {
    const user = await v.user('luma');
    user.sendAlbum([makePng(30, 30), makePng(31, 30), makePng(32, 30)], {
      caption: '/video a flower opens',
    });
    const screen = await user.waitFor({ button: /Generate/ });
    expect(screen.message?.text).toMatch(/takes at most 2 images per request/);
    await user.press(screen.message as Message, /▾/);
    const list = await user.waitFor({ text: /Choose a model that takes 3 photos/ });
    const buttons = (list.message?.reply_markup?.inline_keyboard.flat() ?? []).map((b) => b.text);
    expect(buttons.some((b) => b.includes('Veo 3.1 from references'))).toBe(true);
    expect(buttons.some((b) => b.includes('Luma'))).toBe(false);
  });
});

describe('Kling Effects: a scene keyboard (bot level)', () => {
  const v = useVideoBot();

  it('a photo captioned /video offers the scenes; the one pressed goes as effect_scene', async () => {
    const user = await v.user('kling-effects');
    const before = videoSubmits(v.bot.gateway).length;
    user.sendPhoto({ width: 64, height: 64 }, { caption: '/video my cat' });
    const screen = (await user.waitFor({ button: /Generate/ })).message as Message;
    const labels = (screen.reply_markup?.inline_keyboard.flat() ?? []).map((b) => b.text);
    expect(labels).toEqual(
      expect.arrayContaining(['✓ 🫳 Squish', '🎈 Inflate', '🧸 Fuzzy', '🌸 Bloom', '💫 Dizzy']),
    );
    await user.press(screen, '🎈 Inflate');
    await user.waitFor({ edit: true, text: /✨ 🎈 Inflate/ });
    // A forged scene is refused, naming those offered, and the choice stays.
    const forged = await user.pressData(screen, confirmData(screen).replace(/:ok$/, ':e:explode'));
    expect(forged.text).toMatch(
      /does not offer this effect\. Choose one of: 🫳 Squish, 🎈 Inflate/,
    );
    await user.press(screen, /Generate/);
    await waitForJob(v.bot.app, user.id, (j) => j.status === 'done');
    const body = bodyOf(videoSubmits(v.bot.gateway).slice(before)[0]);
    expect(body).toMatchObject({ model: 'kling-effects', metadata: { effect_scene: 'expansion' } });
    expect(String(body.image)).toMatch(/^data:image\//);
  });

  it('in Russian the scenes have Russian names', async () => {
    const user = await v.user('kling-effects', 'ru');
    user.sendPhoto({ width: 64, height: 64 }, { caption: '/video мой кот' });
    const screen = (await user.waitFor({ button: /Создать/ })).message as Message;
    expect(screen.text).toContain('✨ 🫳 Сжать');
    const labels = (screen.reply_markup?.inline_keyboard.flat() ?? []).map((b) => b.text);
    expect(labels).toContain('🌸 Цветение');
  });
});
