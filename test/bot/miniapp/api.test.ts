import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GalleryItem } from '../../../src/miniapp/gallery.js';
import { useTestBot } from '../../helpers/bot-harness.js';
import { fund, waitForJob } from '../images/helpers.js';
import { initDataFor, serveMiniApp } from './helpers.js';

type Page = { items: GalleryItem[]; next: number | null };

/** The gallery API: signed initData only, each user their own results, nothing else. */
describe('Mini App API (bot level)', () => {
  const bot = useTestBot({ env: { MINI_APP_URL: 'http://127.0.0.1/app' } });
  let server: Awaited<ReturnType<typeof serveMiniApp>>;
  beforeAll(async () => {
    server = await serveMiniApp(bot);
  });
  afterAll(() => server.close());

  const get = (path: string, initData?: string) =>
    fetch(`${server.url}/app${path}`, {
      headers: initData === undefined ? {} : { authorization: `tma ${initData}` },
    });

  async function userWithImage(prompt: string, language_code = 'en') {
    const user = bot.tg.user({ language_code });
    fund(bot.app, user.id, 100);
    user.send(`/imagine ${prompt}`);
    await user.waitFor({ photo: true });
    const job = await waitForJob(bot.app, user.id, (j) => j.status === 'done');
    return { user, job, initData: initDataFor(bot, { id: user.id, language_code }) };
  }

  it('serves the page and its assets without auth, the API only with it', async () => {
    const page = await get('/');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await page.text()).toContain('app.js');
    expect((await get('/app.js')).status).toBe(200);
    expect((await get('/nothing.js')).status).toBe(404);

    const anonymous = await get('/api/results');
    expect(anonymous.status).toBe(401);
    const forged = await get(
      '/api/results',
      `user=%7B%22id%22%3A1%7D&auth_date=1&hash=${'0'.repeat(64)}`,
    );
    expect(forged.status).toBe(401);
    const stale = initDataFor(
      bot,
      { id: 5, language_code: 'ru' },
      Math.floor(Date.now() / 1000) - 2 * 86_400,
    );
    const refused = await get('/api/results', stale);
    expect(refused.status).toBe(401);
    // Worded in the language the (refused) data claims: the page shows it as it is.
    expect(await refused.json()).toEqual({
      error: 'expired',
      message: 'Страница не смогла подтвердить, кто вы. Откройте галерею заново из бота.',
    });
  });

  it('refuses initData once the user has opened the gallery again (a leaked one is replayed)', async () => {
    const user = bot.tg.user({ language_code: 'ru' });
    const nowS = Math.floor(Date.now() / 1000);
    const opened = (secondsAgo: number) =>
      initDataFor(bot, { id: user.id, language_code: 'ru' }, nowS - secondsAgo);
    const leaked = opened(3600);
    expect((await get('/api/results', leaked)).status).toBe(200);
    // The user opens the app again: Telegram signs a new initData.
    expect((await get('/api/me', opened(0))).status).toBe(200);
    const replayed = await get('/api/results', leaked);
    expect(replayed.status).toBe(401);
    expect(await replayed.json()).toEqual({
      error: 'superseded',
      message:
        'С тех пор галерею открыли заново, и эта страница больше не работает. Закройте её и снова откройте галерею из бота.',
    });
    // A second device opened a minute earlier keeps working.
    expect((await get('/api/results', opened(60))).status).toBe(200);
    // Other users are not affected by this one's openings.
    const other = bot.tg.user({ language_code: 'en' });
    const theirs = initDataFor(bot, { id: other.id, language_code: 'en' }, nowS - 3600);
    expect((await get('/api/results', theirs)).status).toBe(200);
    // Expired and forged data are refused before any of this.
    const expired = await get('/api/results', opened(86_400 + 10));
    expect(await expired.json()).toMatchObject({ error: 'expired' });
    const forged = leaked.replace(/hash=(.)/, (_, c) => `hash=${c === '0' ? '1' : '0'}`);
    expect(await (await get('/api/results', forged)).json()).toMatchObject({
      error: 'bad_signature',
      message: 'Страница не смогла подтвердить, кто вы. Откройте галерею заново из бота.',
    });
  });

  it('lists a user’s own results only, with thumbnails and files of their own', async () => {
    const a = await userWithImage('a red fox in the snow');
    const b = await userWithImage('a lighthouse at dusk', 'ru');

    const mine = (await (await get('/api/results', a.initData)).json()) as Page;
    expect(mine.items).toEqual([
      expect.objectContaining({
        id: a.job.id,
        family: 'image',
        model: 'FLUX',
        prompt: 'a red fox in the snow',
        price: '0.03 USD',
        files: [{ index: 0, media: 'image', thumb: true }],
        mj: [],
      }),
    ]);
    expect(JSON.stringify(mine)).not.toMatch(/path|file_id|FileId|http/);
    const theirs = (await (await get('/api/results', b.initData)).json()) as Page;
    expect(theirs.items.map((i) => i.id)).toEqual([b.job.id]);
    expect(theirs.items[0]?.price).toBe('0,03 USD');

    const thumb = await get(`/api/results/${a.job.id}/thumb/0`, a.initData);
    expect(thumb.status).toBe(200);
    expect(thumb.headers.get('content-type')).toBe('image/webp');
    const meta = await sharp(Buffer.from(await thumb.arrayBuffer())).metadata();
    expect(meta).toMatchObject({ format: 'webp', width: 320, height: 320 });

    const file = await get(`/api/results/${a.job.id}/file/0`, a.initData);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toMatch(/^image\//);

    // B asks for A's: the same answer as for a job that does not exist.
    for (const path of [`/api/results/${a.job.id}/file/0`, `/api/results/${a.job.id}/thumb/0`]) {
      const foreign = await get(path, b.initData);
      expect(foreign.status).toBe(404);
      expect(await foreign.json()).toMatchObject({
        error: 'gone',
        message: 'Этот результат больше недоступен.',
      });
    }
    expect((await get('/api/results/nope/file/0', a.initData)).status).toBe(404);
    // Nor can B repeat A's generation at B's (or A's) expense.
    const again = await fetch(`${server.url}/app/api/results/${a.job.id}/again`, {
      method: 'POST',
      headers: { authorization: `tma ${b.initData}` },
    });
    expect(again.status).toBe(404);
    expect((await get(`/api/results/${a.job.id}/file/7`, a.initData)).status).toBe(404);
  });

  it('gives the page its strings in the reader’s language', async () => {
    const user = bot.tg.user({ language_code: 'uk' });
    const me = (await (
      await get('/api/me', initDataFor(bot, { id: user.id, language_code: 'uk' }))
    ).json()) as { locale: string; strings: Record<string, string> };
    expect(me.locale).toBe('uk');
    expect(me.strings['app-title']).toBe('Мої результати');
  });

  it('offers the gallery on /start, /jobs and /gallery in a private chat', async () => {
    const { user } = await userWithImage('a small boat');
    user.send('/start');
    const hello = await user.waitFor({ text: /Hi/ });
    const web = hello.message?.reply_markup?.inline_keyboard.flat().find((b) => 'web_app' in b);
    expect(web).toMatchObject({ text: '🖼 My gallery', web_app: { url: 'http://127.0.0.1/app' } });
    user.send('/jobs');
    const jobs = await user.waitFor({ text: /recent generations/ });
    expect(jobs.message?.reply_markup?.inline_keyboard.flat().some((b) => 'web_app' in b)).toBe(
      true,
    );
    user.send('/gallery');
    await user.waitFor({ text: /Your results, in a gallery/ });
  });
});
