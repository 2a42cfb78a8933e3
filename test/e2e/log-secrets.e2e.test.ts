import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mintCodes } from '../../src/billing/redeem-codes.js';
import type { Db } from '../../src/db/client.js';
import { listUserJobs } from '../../src/jobs/store.js';
import { closeQuietly, fund, openBotDb, until } from '../chaos/helpers.js';
import { type GatewaySim, startGatewaySim } from '../fakes/gateway-sim/index.js';
import { startTelegramStandIn, type TelegramStandIn } from '../fakes/telegram/index.js';
import { freePort, rawRequest } from '../helpers/net.js';
import { type SpawnedBot, spawnBot, standInEnv } from '../helpers/spawn-bot.js';

const GATEWAY_KEY = 'sk-logsOperatorKey0123456789abcdef';
const OWN_KEY = 'sk-logsUsersOwnKey0123456789abcdef';
const WEBHOOK_SECRET = `wh_${randomBytes(16).toString('hex')}`;
const ENCRYPTION_SECRET = randomBytes(32).toString('hex');
const METRICS_TOKEN = randomBytes(24).toString('base64url');

/**
 * A full run at the most verbose log level (webhook mode, generations, Midjourney, a failure,
 * a linked key, a redeemed code, health and metrics scrapes, a clean stop): the logs never
 * contain the bot token, any gateway key, the webhook secret, the encryption secret or a code.
 */
describe('logs of a full run carry no secret', () => {
  let tg: TelegramStandIn;
  let gateway: GatewaySim;
  let bot: SpawnedBot;
  let db: Db;
  let base: string;
  let code = '';

  beforeAll(async () => {
    tg = await startTelegramStandIn({ webhookRetryMs: 100 });
    gateway = await startGatewaySim({
      speed: 20,
      keys: { [GATEWAY_KEY]: { unlimited: true }, [OWN_KEY]: { unlimited: true } },
    });
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    bot = spawnBot({
      ...standInEnv(tg, gateway, GATEWAY_KEY),
      BOT_MODE: 'webhook',
      WEBHOOK_URL: `${base}/hook`,
      WEBHOOK_SECRET,
      KEY_ENCRYPTION_SECRET: ENCRYPTION_SECRET,
      METRICS_TOKEN,
      PORT: String(port),
      LOG_LEVEL: 'trace',
    });
    await bot.waitForOutput(/is receiving updates by webhook/, 30_000);
    db = openBotDb(bot.dataDir);
  }, 40_000);

  afterAll(async () => {
    closeQuietly(db);
    await bot?.stop();
    bot?.cleanup();
    await tg?.close();
    await gateway?.close();
  });

  it('runs every path that handles a secret', { timeout: 60_000 }, async () => {
    const ann = tg.user({ first_name: 'Ann', language_code: 'en' });
    fund(db, ann.id, 200);
    ann.send('/start');
    await ann.waitFor({ text: /Hi, Ann/ }, { timeoutMs: 10_000 });
    ann.send('/imagine a cat on a roof');
    await ann.waitFor({ photo: true }, { timeoutMs: 20_000 });
    ann.send('/mj a dog in the snow');
    await until(() => listUserJobs(db, ann.id, 1)[0]?.status === 'done', 30_000, 'MJ done');

    // A failure whose error carries the request (401 from the gateway).
    gateway.inject({ route: '/v1/images/generations', preset: 'bad-key', times: 1 });
    ann.send('/imagine a failing picture');
    await ann.waitFor({ text: /❌/ }, { timeoutMs: 20_000 });

    const bob = tg.user({ first_name: 'Bob', language_code: 'en' });
    bob.send(`/key ${OWN_KEY}`);
    await bob.waitFor({ text: /is linked/ }, { timeoutMs: 15_000 });
    bob.send('/imagine paid with my own key');
    await bob.waitFor({ photo: true }, { timeoutMs: 20_000 });

    code = mintCodes(db, { count: 1, amount: 50, createdBy: 1 }).codes[0] ?? '';
    ann.send(code);
    await ann.waitFor({ text: /Code redeemed/ }, { timeoutMs: 10_000 });

    // Requests with a wrong secret are logged as refused, without the secret.
    await rawRequest(`${base}/hook`, {
      method: 'POST',
      headers: { 'x-telegram-bot-api-secret-token': `${WEBHOOK_SECRET}0` },
      body: '{}',
    });
    expect((await rawRequest(`${base}/healthz`)).status).toBe(200);
    const scrape = { headers: { authorization: `Bearer ${METRICS_TOKEN}` } };
    expect((await rawRequest(`${base}/healthz`, scrape)).status).toBe(200);
    expect((await rawRequest(`${base}/metrics`, scrape)).status).toBe(200);
    await bot.stop('SIGTERM');
  });

  it('greps the whole log for every secret', () => {
    const logs = bot.output();
    expect(logs).toContain('stopped cleanly');
    // The run was really verbose (per-update child loggers at debug/trace).
    expect(logs).toMatch(/"update":\d+/);
    const secrets = {
      token: tg.token,
      tokenSecret: tg.token.split(':')[1] ?? '',
      gatewayKey: GATEWAY_KEY,
      ownKey: OWN_KEY,
      webhookSecret: WEBHOOK_SECRET,
      encryptionSecret: ENCRYPTION_SECRET,
      metricsToken: METRICS_TOKEN,
      code,
      codeCompact: code.replace(/-/g, ''),
    };
    for (const [name, secret] of Object.entries(secrets)) {
      expect(secret.length, name).toBeGreaterThan(5);
      expect(logs.includes(secret), `${name} appears in the logs`).toBe(false);
    }
  });
});
