import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePng } from '../fakes/telegram/index.js';
import { startTestBot, type TestBot } from '../helpers/bot-harness.js';
import { balanceOf, fund, waitForJob } from './images/helpers.js';
import { mjSubmits } from './mj/helpers.js';
import { FAST_ASYNC, startVideo, videoSubmits } from './video/helpers.js';

/**
 * A self-hosted `telegram-bot-api --local` shares its disk with the bot: getFile names an
 * absolute path and there is no download route. Every flow that reads a user's photo must work.
 */
describe('a self-hosted Bot API server in --local mode (bot level)', () => {
  let bot: TestBot;
  let localDir: string;
  beforeAll(async () => {
    localDir = fs.mkdtempSync(path.join(os.tmpdir(), 'genbot-botapi-'));
    bot = await startTestBot({
      telegram: { localDir },
      env: { BOT_API_FILES_DIR: localDir },
      app: FAST_ASYNC,
    });
  });
  afterAll(async () => {
    expect(bot.gateway.leaks).toEqual([]);
    await bot.close();
    fs.rmSync(localDir, { recursive: true, force: true });
  });

  const newUser = () => {
    const user = bot.tg.user({ language_code: 'en' });
    fund(bot.app, user.id, 10_000);
    return user;
  };
  const lastBody = (endpoint: string) =>
    mjSubmits(bot.gateway, endpoint).at(-1)?.body as Record<string, unknown>;
  const dataUrlBytes = (url: unknown) =>
    Buffer.from(String(url).slice(String(url).indexOf(',') + 1), 'base64');

  it('the stand-in answers getFile with an absolute path under its --dir and serves no download', async () => {
    const user = newUser();
    const sent = user.sendPhoto(makePng(30, 20));
    const id = sent.photo?.at(-1)?.file_id ?? '';
    const res = await fetch(`${bot.tg.apiRoot}/bot${bot.tg.token}/getFile?file_id=${id}`);
    const { result } = (await res.json()) as { result: { file_path: string } };
    expect(path.isAbsolute(result.file_path)).toBe(true);
    expect(result.file_path.startsWith(localDir)).toBe(true);
    const relative = path.relative(path.join(localDir, bot.tg.token), result.file_path);
    const download = await fetch(`${bot.tg.apiRoot}/file/bot${bot.tg.token}/${relative}`);
    expect(download.status).toBe(404);
  });

  it('a captioned photo is edited with its bytes read from the shared disk', async () => {
    const user = newUser();
    const png = makePng(64, 48);
    user.sendPhoto(png, { caption: 'paint it blue' });
    await user.waitFor({ photo: true }, { timeoutMs: 8_000 });
    const job = await waitForJob(bot.app, user.id, (j) => j.status === 'done');
    expect(job.family).toBe('edit');
    const form = bot.gateway.requests.filter((r) => r.path === '/v1/images/edits').at(-1)?.body as {
      files: { size: number }[];
    };
    expect(form.files.map((f) => f.size)).toEqual([png.byteLength]);
  });

  it('image-to-video starts from the photo on disk', async () => {
    const user = newUser();
    const before = videoSubmits(bot.gateway).length;
    await startVideo(user, 'waves rolling in', { photo: true });
    await user.waitFor({ method: 'sendVideo' }, { timeoutMs: 8_000 });
    const job = await waitForJob(bot.app, user.id, (j) => j.status === 'done');
    expect(job.kind).toBe('i2v');
    const body = videoSubmits(bot.gateway).slice(before)[0]?.body as Record<string, unknown>;
    expect(String(body.image)).toMatch(/^data:image\/png;base64,/);
  });

  it('/blend and /describe read every photo from disk', async () => {
    const user = newUser();
    const photos = [makePng(40, 40), makePng(50, 40)];
    user.sendAlbum(photos, { caption: '/blend' });
    const chooser = await user.waitFor({ text: /Photos: 2/ });
    await user.press(chooser.message ?? 0, '◻️ Square');
    await waitForJob(bot.app, user.id, (j) => j.kind === 'blend' && j.status === 'done', 10_000);
    const blend = lastBody('blend').base64Array as string[];
    expect(blend.map(dataUrlBytes)).toEqual(photos.map((p) => Buffer.from(p)));

    const png = makePng(64, 64);
    user.sendPhoto(png, { caption: '/describe' });
    await user.waitFor({ text: /Four prompts/ }, { timeoutMs: 10_000 });
    expect(dataUrlBytes(lastBody('describe').base64)).toEqual(Buffer.from(png));
    expect(balanceOf(bot.app, user.id)).toBe(10_000 - 10 - 5);
  });

  it('a path outside BOT_API_FILES_DIR is refused, the user told and refunded', async () => {
    const outside = await startTestBot({
      telegram: { localDir: fs.mkdtempSync(path.join(os.tmpdir(), 'genbot-elsewhere-')) },
      env: { BOT_API_FILES_DIR: localDir },
    });
    try {
      const user = outside.tg.user({ language_code: 'en' });
      fund(outside.app, user.id, 1_000);
      user.sendPhoto(makePng(32, 32), { caption: 'paint it red' });
      const job = await waitForJob(outside.app, user.id, (j) => j.status === 'failed');
      expect(job.errorCode).toBe('input_unavailable');
      await user.waitFor({ text: /photo/i });
      expect(balanceOf(outside.app, user.id)).toBe(1_000);
    } finally {
      await outside.close();
    }
  });
});
