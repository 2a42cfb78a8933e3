import type { Message } from 'grammy/types';
import { describe, expect, it } from 'vitest';
import { balanceOf, waitForJob } from '../images/helpers.js';
import { bodyOf, dataUrlBytes, useVideoBot, videoSubmits } from './helpers.js';

/** A small MP4 header: what the bot sniffs before sending a clip on. */
const MP4 = Buffer.concat([
  Buffer.from([0, 0, 0, 0x18]),
  Buffer.from('ftypisom'),
  Buffer.alloc(32),
]);

/** Runway Aleph edits a video the user sends; Act-One makes a photo act out a video. */
describe('video input: Runway Aleph and Act-One (bot level)', () => {
  const v = useVideoBot();

  it('a video captioned /video on Aleph goes inline as video and video_url, never as a Telegram URL', async () => {
    const user = await v.user('runway-aleph');
    const before = videoSubmits(v.bot.gateway).length;
    user.sendVideo(MP4, { caption: '/video make it snow' });
    const screen = (await user.waitFor({ button: /Generate/, text: /Works on your video/ }))
      .message as Message;
    await user.press(screen, /Generate/);
    const job = await waitForJob(v.bot.app, user.id, (j) => j.status === 'done');
    const body = bodyOf(videoSubmits(v.bot.gateway).slice(before)[0]);
    expect(body).toMatchObject({ model: 'runway-aleph', prompt: 'make it snow' });
    expect(String(body.video)).toMatch(/^data:video\/mp4;base64,/);
    expect(dataUrlBytes(body.video).equals(MP4)).toBe(true);
    expect(body.video_url).toBe(body.video);
    expect(v.bot.gateway.leaks).toEqual([]);
    expect(balanceOf(v.bot.app, user.id)).toBe(10_000 - job.price);
  });

  it('Act-One: a video captioned /video in reply to a photo sends both; without the photo it says what is missing (ru)', async () => {
    const user = await v.user('runway-act_one');
    const photo = user.sendPhoto({ width: 48, height: 64 });
    const before = videoSubmits(v.bot.gateway).length;
    user.sendVideo(MP4, { caption: '/video the character waves', replyTo: photo });
    const screen = (await user.waitFor({ button: /Generate/ })).message as Message;
    await user.press(screen, /Generate/);
    await waitForJob(v.bot.app, user.id, (j) => j.status === 'done');
    const body = bodyOf(videoSubmits(v.bot.gateway).slice(before)[0]);
    expect(String(body.image)).toMatch(/^data:image\/png;base64,/);
    expect(String(body.video)).toMatch(/^data:video\/mp4;base64,/);

    const ru = await v.user('runway-act_one', 'ru');
    ru.sendVideo(MP4, { caption: '/video персонаж машет' });
    const warned = await ru.waitFor({ button: /Создать/ });
    expect(warned.message?.text).toMatch(/нужно изображение/);
  });

  it('a model that takes no video is not offered for one, and a too large video is refused before anything', async () => {
    const user = await v.user('kling-video-v2-6');
    user.sendVideo(MP4, { caption: '/video slow motion' });
    const screen = (await user.waitFor({ button: /Generate/ })).message as Message;
    expect(screen.text).toMatch(/does not take a video/);
    await user.press(screen, /▾/);
    const list = await user.waitFor({ edit: true, text: /Choose/ });
    const names = (list.message?.reply_markup?.inline_keyboard.flat() ?? []).map((b) => b.text);
    expect(names.some((n) => n.includes('Runway Aleph'))).toBe(true);
    expect(names.some((n) => n.includes('Kling'))).toBe(false);

    user.sendVideo(Buffer.alloc(20 * 1024 * 1024 + 1), { caption: '/video huge' });
    await user.waitFor({ text: /This video is too large/ });
  });
});
