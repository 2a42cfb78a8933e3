import { describe, expect, it } from 'vitest';
import { linkKey } from '../../../src/accounts/own-keys.js';
import { getSettings, updateSettings } from '../../../src/accounts/users.js';
import { DEFAULT_TEST_KEY, type VideoDialect } from '../../fakes/gateway-sim/index.js';
import { useTestBot } from '../../helpers/bot-harness.js';
import { balanceOf, fund, jobsOf, waitForJob } from '../images/helpers.js';
import { bodyOf, confirmData, FAST_ASYNC, openVideo, startVideo, videoSubmits } from './helpers.js';

/** One model per response dialect of the gateway (§4). */
const DIALECT_MODELS: Record<VideoDialect, string> = {
  seed: 'kling-video-v2-6',
  'newapi-wrapper': 'veo3.1-fast',
  openai: 'sora-2',
  'kling-metadata': 'kling-video-v2-1',
  docs: 'pixverse',
};

describe('/video: text-to-video and image-to-video in every dialect (bot level)', () => {
  const bot = useTestBot({
    gateway: {
      videoDialect: Object.fromEntries(
        Object.entries(DIALECT_MODELS).map(([dialect, model]) => [model, dialect]),
      ) as Record<string, VideoDialect>,
    },
    app: FAST_ASYNC,
  });

  const database = () => bot.app.deps.database;

  describe.each(Object.entries(DIALECT_MODELS) as Array<[VideoDialect, string]>)(
    '%s (%s)',
    (dialect, model) => {
      it.each(['t2v', 'i2v'] as const)(
        '%s: submitted, polled, delivered as a streamable video',
        async (kind) => {
          const user = bot.tg.user({ language_code: 'en' });
          fund(bot.app, user.id, 10_000);
          await updateSettings(database(), user.id, { videoModel: model });
          const before = videoSubmits(bot.gateway).length;

          await startVideo(user, `a hummingbird near a flower (${dialect})`, {
            photo: kind === 'i2v',
          });
          const video = await user.waitFor({ method: 'sendVideo' }, { timeoutMs: 8_000 });
          expect(video.message?.video).toBeDefined();
          expect(String(video.call.params.supports_streaming)).toBe('true');
          expect(video.message?.caption).toContain('a hummingbird near a flower');

          const job = await waitForJob(bot.app, user.id, (j) => j.status === 'done');
          expect(job).toMatchObject({ family: 'video', kind, model });
          expect(balanceOf(bot.app, user.id)).toBe(10_000 - job.price);
          expect(job.price).toBeGreaterThan(0);

          const submits = videoSubmits(bot.gateway).slice(before);
          expect(submits).toHaveLength(1);
          const body = bodyOf(submits[0]);
          expect(body.model).toBe(model);
          if (kind === 'i2v') {
            expect(String(body.image)).toMatch(/^data:image\/png;base64,/);
            expect(body.image_url).toBe(body.image);
          } else expect(body.image).toBeUndefined();
          if (dialect === 'openai') {
            // Sora: seconds as a string, a size; the result fetched from the content route with the key.
            expect(body).toMatchObject({ seconds: '8', duration: 8, size: '720x1280' });
            const content = bot.gateway.requests.find(
              (r) => r.path === `/v1/videos/${job.upstreamId}/content`,
            );
            expect(content?.headers.authorization).toBe(`Bearer ${DEFAULT_TEST_KEY}`);
          }
          // The status message is gone once the video is there.
          expect(user.botMessages().some((m) => m.text?.includes('Queued'))).toBe(false);
          expect(bot.gateway.leaks).toEqual([]);
        },
      );
    },
  );

  it('the settings keyboard: model, length, shape, mode; the confirm button names the price', async () => {
    const user = bot.tg.user({ language_code: 'en' });
    fund(bot.app, user.id, 10_000);
    const screen = await openVideo(user, 'a red fox running through snow');
    expect(screen.text).toContain('Kling 2.6');
    expect(screen.text).toContain('Price: 0.35 USD');
    await user.press(screen, '10 s');
    await user.waitFor({ button: '✅ Generate · 0.70 USD', edit: true });
    await user.press(screen, 'Pro');
    await user.waitFor({ button: '✅ Generate · 1.40 USD', edit: true });
    await user.press(screen, '9:16');
    await user.waitFor({ button: '✓ 9:16', edit: true });

    await user.press(screen, /Kling 2\.6 ▾/);
    await user.waitFor({ text: /Choose the video model/, edit: true });
    const chosen = await user.press(screen, /^Sora 2 ·/);
    expect(chosen.text).toContain('Sora 2');
    // 10 s stays (sora offers it), 9:16 becomes sora's portrait size, the kling mode goes.
    const sora = await user.waitFor({ button: '✅ Generate · 1.00 USD', edit: true });
    expect(sora.message?.text).toContain('720x1280');
    expect(await getSettings(database(), user.id)).toMatchObject({
      videoModel: 'sora-2',
      videoDuration: 10,
      videoAspect: '720x1280',
    });
    expect((await getSettings(database(), user.id)).videoMode).toBeUndefined();

    const before = videoSubmits(bot.gateway).length;
    await user.press(screen, /Generate/);
    await user.waitFor({ text: /Sora 2 · 10 s · 1\.00 USD: started/, edit: true });
    const again = await user.pressData(screen, confirmData(sora.message));
    expect(again.text).toMatch(/already being made/);
    await user.waitFor({ method: 'sendVideo' }, { timeoutMs: 8_000 });
    expect(jobsOf(bot.app, user.id)).toHaveLength(1);
    expect(bodyOf(videoSubmits(bot.gateway)[before])).toMatchObject({
      model: 'sora-2',
      duration: 10,
      seconds: '10',
      size: '720x1280',
    });
    expect(bodyOf(videoSubmits(bot.gateway)[before]).mode).toBeUndefined();
    expect(balanceOf(bot.app, user.id)).toBe(10_000 - 100);

    // The next /video starts from what was chosen.
    const next = await openVideo(user, 'another one');
    expect(next.text).toContain('Sora 2');
    expect(next.text).toContain('10 s');
  });

  it('a reply to a photo is image-to-video; 🔁 on the result opens the same request again', async () => {
    const user = bot.tg.user({ language_code: 'en' });
    fund(bot.app, user.id, 10_000);
    const photo = user.sendPhoto({ width: 80, height: 60 });
    const screen = await openVideo(user, 'make the clouds move', { replyTo: photo });
    expect(screen.text).toContain('Starts from your photo');
    await user.press(screen, /Generate/);
    const video = await user.waitFor({ method: 'sendVideo' }, { timeoutMs: 8_000 });
    const job = await waitForJob(bot.app, user.id, (j) => j.status === 'done');
    expect(job.kind).toBe('i2v');

    await user.press(video.message ?? 0, /Again/);
    const repeat = await user.waitFor({ button: /Generate/ });
    expect(repeat.message?.text).toContain('make the clouds move');
    expect(repeat.message?.text).toContain('Starts from your photo');
    expect(bot.gateway.leaks).toEqual([]);
  });

  it('with the user’s own key: no charge, and the content route is fetched with that key', async () => {
    const own = 'sk-videoOwnKey0123456789abcd';
    bot.gateway.addKey(own, { unlimited: true });
    const user = bot.tg.user({ language_code: 'en' });
    fund(bot.app, user.id, 500);
    expect((await linkKey(database(), bot.app.deps.keyBox, user.id, own)).ok).toBe(true);
    await updateSettings(database(), user.id, { videoModel: 'sora-2' });
    const screen = await openVideo(user, 'a paper plane at sunset');
    expect(screen.text).toContain('Paid with your own API key');
    await user.press(screen, '✅ Generate (your key)');
    await user.waitFor({ method: 'sendVideo' }, { timeoutMs: 8_000 });
    const job = await waitForJob(bot.app, user.id, (j) => j.status === 'done');
    expect(job).toMatchObject({ payer: 'own_key', price: 0 });
    expect(balanceOf(bot.app, user.id)).toBe(500);
    const content = bot.gateway.requests.find(
      (r) => r.path === `/v1/videos/${job.upstreamId}/content`,
    );
    expect(content?.headers.authorization).toBe(`Bearer ${own}`);
  });
});
