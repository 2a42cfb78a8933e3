import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { updateSettings } from '../../../src/accounts/users.js';
import type { TestUser } from '../../fakes/telegram/index.js';
import { startTestBot, type TestBot } from '../../helpers/bot-harness.js';
import { balanceOf, fund, jobsOf } from '../images/helpers.js';
import { confirmData, FAST_ASYNC, openVideo, videoSubmits } from './helpers.js';

/** Every refusal happens before anything is reserved or sent to the gateway. */
describe('/video: bad input is refused before anything is charged (bot level)', () => {
  let bot: TestBot;
  let user: TestUser;
  let submitsBefore: number;
  beforeAll(async () => {
    bot = await startTestBot({ app: FAST_ASYNC });
  });
  afterAll(() => bot.close());
  beforeEach(() => {
    user = bot.tg.user({ language_code: 'en' });
    fund(bot.app, user.id, 1_000);
    submitsBefore = videoSubmits(bot.gateway).length;
  });
  const nothingCharged = () => {
    expect(jobsOf(bot.app, user.id)).toEqual([]);
    expect(balanceOf(bot.app, user.id)).toBe(1_000);
    expect(videoSubmits(bot.gateway).length).toBe(submitsBefore);
    expect(bot.gateway.leaks).toEqual([]);
  };

  it('no prompt: how to use /video', async () => {
    user.send('/video');
    await user.waitFor({ text: /Describe the video after the command/ });
    nothingCharged();
  });

  it('a length the model does not offer', async () => {
    user.send('/video a fox --duration 7');
    const reply = await user.waitFor({ text: /does not offer this length/ });
    expect(reply.message?.text).toContain('Choose one of: 5, 10. Nothing was charged.');
    expect(reply.message?.reply_markup).toBeUndefined();
    nothingCharged();
  });

  it('a forged length, ratio or mode on the keyboard', async () => {
    const screen = await openVideo(user, 'a fox');
    const data = confirmData(screen);
    const id = data.split(':')[1];
    expect((await user.pressData(screen, `v:${id}:d:7`)).text).toMatch(
      /does not offer this length/,
    );
    expect((await user.pressData(screen, `v:${id}:a:4:3`)).text).toMatch(/aspect ratio/);
    expect((await user.pressData(screen, `v:${id}:a:1280x720`)).text).toMatch(/aspect ratio/);
    expect((await user.pressData(screen, 'v:zzzzzzzz:ok')).text).toMatch(/expired/);
    nothingCharged();
  });

  it('a prompt too long for the model', async () => {
    user.send(`/video ${'x'.repeat(2501)}`);
    const reply = await user.waitFor({ text: /too long/ });
    expect(reply.message?.text).toContain('2,501 characters, and Kling 2.6 accepts at most 2,500');
    nothingCharged();
  });

  it('an image too large for Telegram to hand to bots', async () => {
    const big = new Uint8Array(21 * 1024 * 1024);
    user.sendDocument(big, { filename: 'huge.png', mime: 'image/png', caption: '/video animate' });
    const reply = await user.waitFor({ text: /can only download files up to 20\.0 MB/ });
    expect(reply.message?.text).toContain('21.0 MB');
    nothingCharged();
  });

  it('a file that is not an image', async () => {
    user.sendDocument(new TextEncoder().encode('hello'), {
      filename: 'notes.txt',
      mime: 'text/plain',
      caption: '/video animate this',
    });
    await user.waitFor({ text: /not an image I can animate/ });
    nothingCharged();
  });

  it('a photo for a model that does not take images: warned on the keyboard, refused on confirm', async () => {
    await updateSettings(bot.app.deps.database, user.id, { videoModel: 'wan2.5-t2v-preview' });
    const screen = await openVideo(user, 'make it move', { photo: true });
    expect(screen.text).toContain('Wan 2.5 does not take images');
    const answer = await user.press(screen, /Generate/);
    expect(answer.text).toMatch(/does not take images/);
    await user.waitFor({ text: /does not take images.*Nothing was charged/s, edit: false });
    nothingCharged();
    // Another model on the same keyboard fixes it.
    await user.press(screen, /Wan 2\.5 ▾/);
    const list = await user.waitFor({ text: /animates your photo/, edit: true });
    const names = list.message?.reply_markup?.inline_keyboard.flat().map((b) => b.text) ?? [];
    expect(names.some((n) => n.startsWith('Wan 2.5 ·'))).toBe(false);
    expect(names.some((n) => n.startsWith('Wan 2.5 (from image)'))).toBe(true);
  });

  it('no photo for a model that needs one', async () => {
    await updateSettings(bot.app.deps.database, user.id, { videoModel: 'runwayml-gen4_turbo' });
    const screen = await openVideo(user, 'a vintage car in Tokyo');
    expect(screen.text).toContain('needs an image');
    await user.press(screen, /Generate/);
    await user.waitFor({ text: /needs an image.*Nothing was charged/s, edit: false });
    nothingCharged();
  });

  it('not enough balance', async () => {
    const poor = bot.tg.user({ language_code: 'en' });
    fund(bot.app, poor.id, 10);
    const screen = await openVideo(poor, 'a fox');
    await poor.press(screen, /Generate/);
    await poor.waitFor({ text: /Not enough balance: this costs 0\.35 USD, you have 0\.10 USD/ });
    expect(jobsOf(bot.app, poor.id)).toEqual([]);
    expect(balanceOf(bot.app, poor.id)).toBe(10);
    expect(videoSubmits(bot.gateway).length).toBe(submitsBefore);
  });

  it('in a group: /video@bot works, and only its owner may press the keyboard', async () => {
    const other = bot.tg.user({ language_code: 'en' });
    fund(bot.app, other.id, 1_000);
    const group = bot.tg.group({ title: 'Friends', members: [user, other] });
    const mine = user.inGroup(group);
    mine.send(`/video@${bot.tg.botInfo.username} a group dance`);
    const screen = await mine.waitFor({ button: /Generate/ });
    const theirs = other.inGroup(group);
    const answer = await theirs.press(screen.message ?? 0, /Generate/);
    expect(answer.text).toMatch(/someone else’s request/);
    expect(jobsOf(bot.app, other.id)).toEqual([]);
    nothingCharged();
  });
});
