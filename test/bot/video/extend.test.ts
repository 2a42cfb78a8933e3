import type { Message } from 'grammy/types';
import { describe, expect, it } from 'vitest';
import { balanceOf, waitForJob } from '../images/helpers.js';
import { bodyOf, startVideo, useVideoBot, videoSubmits } from './helpers.js';

const buttonsOf = (m: Message | undefined) =>
  (m?.reply_markup?.inline_keyboard.flat() ?? []).map((b) => b.text);

/**
 * Kling Extend continues a finished Kling 1.x video, Kling Lip Sync makes it speak: buttons under
 * the video, never a new request.
 */
describe('Kling Extend and Lip Sync (bot level)', () => {
  const v = useVideoBot();

  /** A Kling 1.6 video for `prompt` from a new user: the user, the video message and its job. */
  async function klingVideo(prompt: string) {
    const user = await v.user('kling-video-v1-6');
    await startVideo(user, prompt);
    const sent = await user.waitFor({ method: 'sendVideo' }, { timeoutMs: 8_000 });
    const parent = await waitForJob(v.bot.app, user.id, (j) => j.status === 'done');
    return { user, video: sent.message as Message, parent };
  }

  it('⏩ under a Kling 1.6 video opens a continuation that names the earlier task; it can be extended again', async () => {
    const { user, video: first, parent } = await klingVideo('a paper boat on a river');
    expect(buttonsOf(first)).toEqual(['🔁 Again', '🗣 Lip sync', '⏩ Extend']);

    const before = videoSubmits(v.bot.gateway).length;
    await user.press(first, '⏩ Extend');
    const screen = await user.waitFor({ button: /Generate/, text: /Continues your earlier video/ });
    expect(screen.message?.text).toContain('Kling Extend');
    await user.press(screen.message as Message, /Generate/);
    const second = await user.waitFor({ method: 'sendVideo' }, { timeoutMs: 8_000 });
    const child = await waitForJob(
      v.bot.app,
      user.id,
      (j) => j.kind === 'extend' && j.status === 'done',
    );
    expect(child).toMatchObject({ model: 'kling-video-extend', parentJobId: parent.id });
    const body = bodyOf(videoSubmits(v.bot.gateway).slice(before)[0]);
    expect(body).toMatchObject({
      model: 'kling-video-extend',
      video_id: parent.upstreamId,
      metadata: { video_id: parent.upstreamId },
    });
    expect(balanceOf(v.bot.app, user.id)).toBe(10_000 - parent.price - child.price);
    // An extension is a Kling Extend video: it can be continued once more.
    expect(buttonsOf(second.message)).toContain('⏩ Extend');
  });

  it('🗣 asks for the words as a reply to its keyboard; they go as text with the chosen voice', async () => {
    const { user, video, parent } = await klingVideo('a woman at a market stall');
    await user.press(video, '🗣 Lip sync');
    const ask = await user.waitFor({ button: /Generate/, text: /Reply to this message/ });
    const screen = ask.message as Message;
    expect(buttonsOf(screen)).toEqual(
      expect.arrayContaining(['✓ 👨 Man', '👩 Woman', '📖 Narrator']),
    );
    // Confirmed before any words: refused, nothing charged.
    const early = await user.press(screen, /Generate/);
    expect(early.text).toMatch(/empty|description/i);
    await user.press(screen, '👩 Woman');
    await user.waitFor({ edit: true, text: /🗣 👩 Woman/ });

    const before = videoSubmits(v.bot.gateway).length;
    user.send('Fresh figs, two for a pound!', { replyTo: screen });
    await user.waitFor({ text: /Got it/ });
    await user.waitFor({ edit: true, text: /Fresh figs, two for a pound!/ });
    await user.press(screen, /Generate/);
    const child = await waitForJob(
      v.bot.app,
      user.id,
      (j) => j.kind === 'lipsync' && j.status === 'done',
    );
    expect(child.model).toBe('kling-lip-sync');
    const body = bodyOf(videoSubmits(v.bot.gateway).slice(before)[0]);
    expect(body).toMatchObject({
      model: 'kling-lip-sync',
      prompt: 'Fresh figs, two for a pound!',
      video_id: parent.upstreamId,
      metadata: {
        mode: 'text2video',
        text: 'Fresh figs, two for a pound!',
        voice_id: 'commercial_lady_en_f-v1',
        voice_language: 'en',
        video_id: parent.upstreamId,
      },
    });
  });

  it('🗣 takes a sound file instead of words; a voice note or a huge file is explained, nothing changed', async () => {
    const { user, video, parent } = await klingVideo('a man at a podium');
    await user.press(video, '🗣 Lip sync');
    const screen = (await user.waitFor({ button: /Generate/, text: /or with a sound file/ }))
      .message as Message;

    user.sendAudio(Buffer.from('OggS voice'), { voice: true, replyTo: screen });
    await user.waitFor({ text: /Voice notes \(OGG\) are not a format/ });
    user.sendAudio(Buffer.alloc(5 * 1024 * 1024 + 1), { filename: 'long.mp3', replyTo: screen });
    await user.waitFor({ text: /too large: lip sync takes up to 5/ });

    const mp3 = Buffer.from('ID3\u0003\u0000 a short speech');
    const before = videoSubmits(v.bot.gateway).length;
    user.sendAudio(mp3, { filename: 'speech.mp3', title: 'Opening words', replyTo: screen });
    await user.waitFor({ text: /will speak your sound file/ });
    const edited = await user.waitFor({ edit: true, text: /Opening words/ });
    expect(buttonsOf(edited.message).some((b) => b.includes('Woman'))).toBe(false);
    await user.press(screen, /Generate/);
    const done = await waitForJob(
      v.bot.app,
      user.id,
      (j) => j.kind === 'lipsync' && (j.status === 'done' || j.status === 'failed'),
    );
    expect([done.status, done.errorCode, done.errorMessage]).toEqual(['done', null, null]);
    const body = bodyOf(videoSubmits(v.bot.gateway).slice(before)[0]);
    expect(body).toMatchObject({
      model: 'kling-lip-sync',
      video_id: parent.upstreamId,
      metadata: { mode: 'audio2video', audio_type: 'file', audio_file: mp3.toString('base64') },
    });
    expect(body.metadata).not.toHaveProperty('voice_id');
  });

  it('a model nothing extends has no ⏩; a forged ⏩ is refused (ru); Kling Extend is not offered for a new request', async () => {
    const user = await v.user('kling-video-v2-6', 'ru');
    user.send('/video волна у берега');
    const start = (await user.waitFor({ button: /Создать/ })).message as Message;
    await user.press(start, /Создать/);
    const video = await user.waitFor({ method: 'sendVideo' }, { timeoutMs: 8_000 });
    expect(buttonsOf(video.message)).toEqual(['🔁 Ещё раз']);
    const job = await waitForJob(v.bot.app, user.id, (j) => j.status === 'done');
    const forged = await user.pressData(video.message as Message, `j:${job.id}:extend`);
    expect(forged.text).toMatch(/ничего не предлагается/);

    user.send('/video ещё одна волна');
    const screen = (await user.waitFor({ button: /Создать/ })).message as Message;
    await user.press(screen, /▾/);
    const list = await user.waitFor({ edit: true, text: /Выберите модель/ });
    expect(buttonsOf(list.message).some((b) => b.includes('Kling Extend'))).toBe(false);
  });
});
