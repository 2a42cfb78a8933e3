import sharp from 'sharp';
import { afterAll, beforeAll } from 'vitest';
import { startHttpServer } from '../../../src/infra/http-server.js';
import { initDataKey, signInitData } from '../../../src/miniapp/init-data.js';
import type { TestBot } from '../../helpers/bot-harness.js';
import * as mj from '../mj/helpers.js';

/** The bot's HTTP server with only the Mini App mounted, on a free loopback port. */
export async function serveMiniApp(bot: TestBot) {
  const subtree = bot.app.miniApp;
  if (!subtree) throw new Error('MINI_APP_URL is not set for this bot');
  const server = await startHttpServer(new Map(), {
    host: '127.0.0.1',
    port: 0,
    logger: bot.app.deps.logger,
    subtree,
  });
  return { url: `http://127.0.0.1:${server.port}`, close: () => server.close() };
}

/** initData as Telegram would sign it for this user when they open the app. */
export function initDataFor(
  bot: TestBot,
  user: { id: number; first_name?: string; language_code?: string },
  authDate = Math.floor(Date.now() / 1000),
): string {
  return signInitData(
    {
      query_id: `q${user.id}`,
      user: JSON.stringify({ first_name: 'U', ...user }),
      auth_date: String(authDate),
    },
    initDataKey(bot.tg.token),
  );
}

/**
 * The Mini App of `bot()` served for the suite, and `call(path, initData, body?)` on the page's
 * API (a string body is sent as it is, anything else as JSON).
 */
export function useMiniAppApi(bot: () => TestBot) {
  let server: Awaited<ReturnType<typeof serveMiniApp>>;
  beforeAll(async () => {
    server = await serveMiniApp(bot());
  });
  afterAll(() => server.close());
  return (path: string, initData: string, body?: unknown) =>
    fetch(`${server.url}/app/api${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { authorization: `tma ${initData}`, 'content-type': 'application/json' },
      ...(body === undefined
        ? {}
        : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
}

/** A Midjourney bot with its Mini App served for the suite (see useMiniAppApi). */
export function useMjMiniApp() {
  const h = mj.useMjBot({ env: { MINI_APP_URL: 'http://127.0.0.1/app' } });
  const call = useMiniAppApi(() => h.bot);
  return { h, call, db: () => h.bot.app.deps.db };
}

/** A PNG mask of `width`×`height` with a white rectangle (or nothing) drawn on black. */
export async function maskPng(width: number, height: number, painted = true): Promise<string> {
  const base = sharp({ create: { width, height, channels: 3, background: '#000000' } });
  const rect = await sharp({
    create: {
      width: Math.ceil(width / 4),
      height: Math.ceil(height / 4),
      channels: 3,
      background: '#ffffff',
    },
  })
    .png()
    .toBuffer();
  const png = painted ? base.composite([{ input: rect, left: 10, top: 10 }]) : base;
  return (await png.png().toBuffer()).toString('base64');
}

/** The size of a result's first image, as the page downloads it (a mask must match it). */
export async function resultImageSize(
  call: ReturnType<typeof useMiniAppApi>,
  jobId: string,
  initData: string,
): Promise<{ width: number; height: number }> {
  const image = await (await call(`/results/${jobId}/file/0`, initData)).arrayBuffer();
  const { width = 0, height = 0 } = await sharp(Buffer.from(image)).metadata();
  return { width, height };
}
