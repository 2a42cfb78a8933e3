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
 * A Midjourney bot with its Mini App served for the suite, and `call(path, initData, body?)` on
 * the page's API (a string body is sent as it is, anything else as JSON).
 */
export function useMjMiniApp() {
  const h = mj.useMjBot({ env: { MINI_APP_URL: 'http://127.0.0.1/app' } });
  let server: Awaited<ReturnType<typeof serveMiniApp>>;
  beforeAll(async () => {
    server = await serveMiniApp(h.bot);
  });
  afterAll(() => server.close());
  const call = (path: string, initData: string, body?: unknown) =>
    fetch(`${server.url}/app/api${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { authorization: `tma ${initData}`, 'content-type': 'application/json' },
      ...(body === undefined
        ? {}
        : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
  return { h, call, db: () => h.bot.app.deps.db };
}
