import { describe, expect, it } from 'vitest';
import { ALLOWED_UPDATES } from '../../src/bot/transport/allowed-updates.js';
import { freePort, rawRequest } from '../helpers/net.js';
import { spawnBot } from '../helpers/spawn-bot.js';
import { useSpawnedBot } from '../helpers/spawned-world.js';

const GATEWAY_KEY = 'sk-webhookOperatorKey0123456789abcdef';
const SECRET = 'wh_Secret-0123456789abcdefABCDEF';
const METRICS_TOKEN = 'metrics-0123456789abcdefABCDEF_xyz';
const scrape = { headers: { authorization: `Bearer ${METRICS_TOKEN}` } };

describe('webhook mode, the real process (npm start) behind the stand-in’s webhook delivery', () => {
  let base: string;
  let hook: string;
  const world = useSpawnedBot({
    key: GATEWAY_KEY,
    telegram: { webhookRetryMs: 100 },
    env: async () => {
      const port = await freePort();
      base = `http://127.0.0.1:${port}`;
      hook = `${base}/tg/hook`;
      return {
        BOT_MODE: 'webhook',
        WEBHOOK_URL: hook,
        WEBHOOK_SECRET: SECRET,
        METRICS_TOKEN,
        PORT: String(port),
      };
    },
    ready: /is receiving updates by webhook/,
  });

  it('registers the webhook with its secret and the allowed updates, and says so', () => {
    const info = world.tg.webhookInfo();
    expect(info.url).toBe(hook);
    expect(info.allowed_updates).toEqual([...ALLOWED_UPDATES]);
    expect(world.tg.core.queue.webhook?.secretToken).toBe(SECRET);
    expect(world.bot.output()).toMatch(
      /receiving updates by webhook at http:\/\/127\.0\.0\.1:\d+\/tg\/hook/,
    );
  });

  it('answers users over webhook delivery', async () => {
    const ann = world.tg.user({ first_name: 'Ann', language_code: 'en' });
    ann.send('/start');
    await ann.waitFor({ text: /Hi, Ann/ }, { timeoutMs: 10_000 });
    const ru = world.tg.user({ first_name: 'Олег', language_code: 'ru' });
    ru.send('/start');
    await ru.waitFor({ text: /Привет, Олег/ }, { timeoutMs: 10_000 });
  });

  const update = (id: number) =>
    JSON.stringify({
      update_id: id,
      message: {
        message_id: 1,
        date: Math.floor(Date.now() / 1000),
        chat: { id: 999_001, type: 'private', first_name: 'X' },
        from: { id: 999_001, is_bot: false, first_name: 'X' },
        text: 'hello',
      },
    });

  it('refuses a request without the secret or with a wrong one (401)', async () => {
    const none = await rawRequest(hook, { method: 'POST', body: update(1) });
    expect(none.status).toBe(401);
    const wrong = await rawRequest(hook, {
      method: 'POST',
      headers: { 'x-telegram-bot-api-secret-token': `${SECRET}x` },
      body: update(2),
    });
    expect(wrong.status).toBe(401);
    const almost = await rawRequest(hook, {
      method: 'POST',
      headers: { 'x-telegram-bot-api-secret-token': SECRET.replace(/.$/, 'Z') },
      body: update(3),
    });
    expect(almost.status).toBe(401);
  });

  it('refuses an oversized body, declared or streamed (413), and malformed JSON (400)', async () => {
    const headers = {
      'x-telegram-bot-api-secret-token': SECRET,
      'content-type': 'application/json',
    };
    const declared = await rawRequest(hook, {
      method: 'POST',
      headers: { ...headers, 'content-length': String(5 * 1024 * 1024) },
      body: Buffer.alloc(1024, 32),
    });
    expect(declared.status).toBe(413);
    const streamed = await rawRequest(hook, {
      method: 'POST',
      headers,
      chunks: Array.from({ length: 40 }, () => Buffer.alloc(64 * 1024, 32)),
    });
    expect(streamed.status).toBe(413);
    const malformed = await rawRequest(hook, { method: 'POST', headers, body: '{"update_id": 5,' });
    expect(malformed.status).toBe(400);
    const notAnUpdate = await rawRequest(hook, { method: 'POST', headers, body: '[1,2,3]' });
    expect(notAnUpdate.status).toBe(400);
  });

  it('acknowledges a good update at once and drops a redelivered copy', async () => {
    const headers = {
      'x-telegram-bot-api-secret-token': SECRET,
      'content-type': 'application/json',
    };
    const t0 = Date.now();
    const first = await rawRequest(hook, { method: 'POST', headers, body: update(777_000_001) });
    expect(first.status).toBe(200);
    expect(Date.now() - t0).toBeLessThan(5_000);
    const copy = await rawRequest(hook, { method: 'POST', headers, body: update(777_000_001) });
    expect(copy.status).toBe(200);
    const metrics = await rawRequest(`${base}/metrics`, scrape);
    expect(metrics.body).toMatch(/^genbot_updates_duplicate_total 1$/m);
  });

  it('serves /healthz and /metrics in full only with METRICS_TOKEN: a webhook listener is public', async () => {
    const bare = await rawRequest(`${base}/healthz`);
    expect(bare.status).toBe(200);
    expect(JSON.parse(bare.body)).toEqual({ status: 'ok' });
    const noneOrWrong: Array<Record<string, string>> = [
      {},
      { authorization: `Bearer ${METRICS_TOKEN}x` },
    ];
    for (const headers of noneOrWrong) {
      const refused = await rawRequest(`${base}/metrics`, { headers });
      expect(refused.status).toBe(401);
      expect(refused.body).not.toContain('genbot_');
    }
    const health = await rawRequest(`${base}/healthz`, scrape);
    expect(health.status).toBe(200);
    const report = JSON.parse(health.body) as Record<string, unknown>;
    expect(report).toMatchObject({
      status: 'ok',
      database: 'ok',
      redis: 'off',
      gateway: 'ok',
      pollerLagSeconds: 0,
      mode: 'embedded',
    });
    const metrics = await rawRequest(`${base}/metrics`, scrape);
    expect(metrics.status).toBe(200);
    expect(metrics.headers['content-type']).toMatch(/text\/plain/);
    for (const name of [
      'genbot_updates_total{type="message"}',
      'genbot_handler_duration_seconds_bucket',
      'genbot_telegram_requests_total{method="sendMessage",outcome="ok"}',
      'genbot_ledger_total{kind="charges"}',
      'genbot_poller_lag_seconds',
      'genbot_poller_leader 1',
      'genbot_process_resident_memory_bytes',
    ])
      expect(metrics.body).toContain(name);
  });

  it('stops cleanly and never logs the token, the gateway key, the webhook secret or the metrics token', async () => {
    await world.bot.stop('SIGTERM');
    const logs = world.bot.output();
    expect(logs).toContain('stopped cleanly');
    expect(logs).toContain('webhook request without the right secret refused');
    for (const secret of [
      world.tg.token,
      world.tg.token.split(':')[1] ?? '',
      GATEWAY_KEY,
      SECRET,
      METRICS_TOKEN,
    ])
      expect(logs).not.toContain(secret);
  });
});

describe('webhook mode with a guessable secret', () => {
  it('refuses to start and names the rule and how to make a good secret', async () => {
    const weak = spawnBot({
      BOT_TOKEN: '123456789:AAEhBP0av28PJTDtRcMi6HmLp3RdLuFBU0Q',
      GATEWAY_API_KEY: GATEWAY_KEY,
      BOT_MODE: 'webhook',
      WEBHOOK_URL: 'https://bot.example.com/hook',
      WEBHOOK_SECRET: 'abc_DEF-123',
    });
    try {
      await weak.waitForOutput(
        /WEBHOOK_SECRET must be at least 32 characters \(generate one: openssl rand -hex 32\)/,
      );
      await weak.stop();
      expect(weak.output()).not.toMatch(/receiving updates|polling for updates/);
    } finally {
      weak.cleanup();
    }
  }, 30_000);
});
