import { Bot } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BotContext } from '../../../../src/bot/context.js';
import { createWebhookHandler } from '../../../../src/bot/transport/webhook.js';
import { type HttpServer, startHttpServer } from '../../../../src/infra/http-server.js';
import { rawRequest } from '../../../helpers/net.js';

const SECRET = 'unit_Secret-123';
const botInfo = {
  id: 42,
  is_bot: true,
  first_name: 'Unit',
  username: 'unit_bot',
} as UserFromGetMe;

const update = (id: number, text = 'hi') =>
  JSON.stringify({
    update_id: id,
    message: {
      message_id: 1,
      date: 1,
      chat: { id: 5, type: 'private', first_name: 'A' },
      from: { id: 5, is_bot: false, first_name: 'A' },
      text,
    },
  });

describe('webhook endpoint (in-process)', () => {
  let http: HttpServer;
  let hook: string;
  const handled: string[] = [];
  const headers = { 'x-telegram-bot-api-secret-token': SECRET, 'content-type': 'application/json' };

  beforeAll(async () => {
    const bot = new Bot<BotContext>('123456:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', { botInfo });
    bot.on('message:text', async (ctx) => {
      handled.push(ctx.message.text);
      if (ctx.message.text === 'slow') await new Promise((r) => setTimeout(r, 1_500));
      if (ctx.message.text === 'boom') throw new Error('handler failed');
    });
    const logger = pino({ level: 'silent' });
    const routes = new Map([
      [
        'POST /hook',
        createWebhookHandler(bot, {
          secret: SECRET,
          logger,
          maxBodyBytes: 64 * 1024,
          ackTimeoutMs: 300,
        }),
      ],
    ]);
    http = await startHttpServer(routes, { host: '127.0.0.1', port: 0, logger });
    hook = `http://127.0.0.1:${http.port}/hook`;
  });
  afterAll(async () => {
    await http.close();
  });

  it('handles an update carrying the right secret', async () => {
    const res = await rawRequest(hook, { method: 'POST', headers, body: update(1, 'hello') });
    expect(res.status).toBe(200);
    expect(handled).toContain('hello');
  });

  it('refuses a missing or wrong secret before reading the body', async () => {
    const missing = await rawRequest(hook, { method: 'POST', body: update(2, 'nope') });
    const wrong = await rawRequest(hook, {
      method: 'POST',
      headers: { 'x-telegram-bot-api-secret-token': 'unit_Secret-124' },
      body: update(3, 'nope'),
    });
    expect([missing.status, wrong.status]).toEqual([401, 401]);
    expect(handled).not.toContain('nope');
  });

  it('refuses bodies over the limit, by Content-Length or while streaming', async () => {
    const declared = await rawRequest(hook, {
      method: 'POST',
      headers: { ...headers, 'content-length': String(1024 * 1024) },
      body: Buffer.alloc(100, 32),
    });
    expect(declared.status).toBe(413);
    const streamed = await rawRequest(hook, {
      method: 'POST',
      headers,
      chunks: Array.from({ length: 8 }, () => Buffer.alloc(16 * 1024, 32)),
    });
    expect(streamed.status).toBe(413);
  });

  it('refuses malformed JSON and non-updates', async () => {
    expect(
      (await rawRequest(hook, { method: 'POST', headers, body: '{"update_id":' })).status,
    ).toBe(400);
    expect((await rawRequest(hook, { method: 'POST', headers, body: '"x"' })).status).toBe(400);
  });

  it('acknowledges a slow update after the ack timeout; it still finishes', async () => {
    const t0 = Date.now();
    const res = await rawRequest(hook, { method: 'POST', headers, body: update(4, 'slow') });
    expect(res.status).toBe(200);
    expect(Date.now() - t0).toBeLessThan(1_200);
  });

  it('answers 500 when the handler throws, so Telegram delivers it again', async () => {
    const res = await rawRequest(hook, { method: 'POST', headers, body: update(5, 'boom') });
    expect(res.status).toBe(500);
  });
});
