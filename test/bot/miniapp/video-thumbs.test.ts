import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getJob, patchJob } from '../../../src/jobs/store.js';
import { videoResultOf } from '../../../src/jobs/video/result.js';
import type { GalleryItem } from '../../../src/miniapp/gallery.js';
import { startTestBot, type TestBot } from '../../helpers/bot-harness.js';
import { fund, waitForJob } from '../images/helpers.js';
import { FAST_ASYNC, startVideo } from '../video/helpers.js';
import { initDataFor, serveMiniApp } from './helpers.js';

/**
 * A video's gallery thumbnail: Telegram's own thumbnail of the delivered video (sendVideo's
 * answer), fetched by getFile and made a WebP; the video is never fetched for it. Without one
 * the page is told so and shows a placeholder.
 */
describe('Mini App: video thumbnails (bot level)', () => {
  let bot: TestBot;
  let server: Awaited<ReturnType<typeof serveMiniApp>>;
  beforeAll(async () => {
    bot = await startTestBot({ app: FAST_ASYNC, env: { MINI_APP_URL: 'http://127.0.0.1/app' } });
    server = await serveMiniApp(bot);
  });
  afterAll(async () => {
    await server.close();
    await bot.close();
  });

  const get = (path: string, initData: string) =>
    fetch(`${server.url}/app/api${path}`, { headers: { authorization: `tma ${initData}` } });

  it('makes the thumb from the thumbnail Telegram returned, never from the video', async () => {
    const user = bot.tg.user({ language_code: 'en' });
    fund(bot.app, user.id, 10_000);
    await startVideo(user, 'waves on a beach');
    const sent = await user.waitFor({ method: 'sendVideo' }, { timeoutMs: 8_000 });
    const video = sent.message?.video;
    // The stand-in answers as Telegram does: a JPEG thumbnail of at most 320 px with the video.
    expect(video?.thumbnail).toMatchObject({ width: 320, height: 180 });
    const job = await waitForJob(bot.app, user.id, (j) => j.status === 'done');
    const stored = videoResultOf(job);
    expect(stored.thumbFileId).toBe(video?.thumbnail?.file_id);
    expect(stored.videoFileId).toBe(video?.file_id);

    const initData = initDataFor(bot, { id: user.id, language_code: 'en' });
    const page = (await (await get('/results', initData)).json()) as { items: GalleryItem[] };
    expect(page.items[0]?.files).toEqual([{ index: 0, media: 'video', thumb: true }]);
    expect(JSON.stringify(page)).not.toContain(stored.thumbFileId ?? '?');

    const fetched = bot.tg.callsTo('getFile').length;
    const thumb = await get(`/results/${job.id}/thumb/0`, initData);
    expect(thumb.status).toBe(200);
    expect(thumb.headers.get('content-type')).toBe('image/webp');
    const meta = await sharp(Buffer.from(await thumb.arrayBuffer())).metadata();
    expect(meta).toMatchObject({ format: 'webp', width: 320, height: 320 });
    const asked = bot.tg
      .callsTo('getFile')
      .slice(fetched)
      .map((c) => c.params.file_id);
    expect(asked).toEqual([stored.thumbFileId]);
    // Made once: the second look is the kept WebP.
    expect((await get(`/results/${job.id}/thumb/0`, initData)).status).toBe(200);
    expect(bot.tg.callsTo('getFile').length).toBe(fetched + 1);

    // An older row (no thumbnail kept) or a video delivered as a document: told so, nothing fetched.
    await startVideo(user, 'rain on a window');
    const second = await waitForJob(
      bot.app,
      user.id,
      (j) => j.status === 'done' && j.params.prompt === 'rain on a window',
    );
    const { file, taskId } = videoResultOf(second);
    patchJob(bot.app.deps.db, second.id, { result: { taskId, file, deliveredAs: 'document' } });
    expect(videoResultOf(getJob(bot.app.deps.db, second.id) ?? second).thumbFileId).toBeUndefined();
    const listed = (await (await get('/results', initData)).json()) as { items: GalleryItem[] };
    const item = listed.items.find((i) => i.id === second.id);
    expect(item?.files).toEqual([{ index: 0, media: 'video', thumb: false }]);
    const before = bot.tg.callsTo('getFile').length;
    expect((await get(`/results/${second.id}/thumb/0`, initData)).status).toBe(204);
    expect(bot.tg.callsTo('getFile').length).toBe(before);
  });
});
