import type { Update } from 'grammy/types';
import { describe, expect, it } from 'vitest';
import { type Harness, harness, useHarnesses } from './helpers.js';

let h: Harness;
const teardown = useHarnesses();

const ids = (r: unknown): number[] => (r as Update[]).map((u) => u.update_id);

describe('getUpdates', () => {
  it('keeps updates until an offset above them confirms them; limit and negative offsets work', async () => {
    h = await harness();
    const user = h.standIn.user();
    for (const t of ['a', 'b', 'c']) user.send(t);
    const first = ids((await h.raw('getUpdates')).json.result);
    expect(first).toHaveLength(3);
    expect(first[1]).toBe((first[0] ?? 0) + 1);
    // Not confirmed yet: the same updates come again.
    expect(ids((await h.raw('getUpdates', { limit: 2 })).json.result)).toEqual(first.slice(0, 2));
    expect(ids((await h.raw('getUpdates', { offset: (first[0] ?? 0) + 1 })).json.result)).toEqual(
      first.slice(1),
    );
    expect(ids((await h.raw('getUpdates', { offset: -1 })).json.result)).toEqual(first.slice(2));
    expect(ids((await h.raw('getUpdates', { offset: (first[2] ?? 0) + 1 })).json.result)).toEqual(
      [],
    );
  });

  it('long-polls and returns as soon as an update arrives', async () => {
    h = await harness();
    const user = h.standIn.user();
    const started = Date.now();
    const pending = h.raw('getUpdates', { timeout: 10 });
    setTimeout(() => user.send('wake up'), 100);
    const res = await pending;
    expect(Date.now() - started).toBeLessThan(2000);
    expect((res.json.result as Update[])[0]?.message?.text).toBe('wake up');
  });

  it('ends an older long poll with 409 when a second one starts, and close() ends polls', async () => {
    h = await harness();
    const older = h.raw('getUpdates', { timeout: 10 });
    await new Promise((r) => setTimeout(r, 50));
    const newer = h.raw('getUpdates', { timeout: 10 });
    const o = await older;
    expect(o.status).toBe(409);
    expect(o.json.description).toMatch(/^Conflict: terminated by other getUpdates request/);
    await h.standIn.close();
    expect((await newer).json).toEqual({ ok: true, result: [] });
  });

  it('honours allowed_updates', async () => {
    h = await harness();
    const user = h.standIn.user();
    await h.raw('getUpdates', { allowed_updates: ['callback_query'] });
    user.send('ignored');
    expect((await h.raw('getUpdates')).json.result).toEqual([]);
    await h.raw('getUpdates', { allowed_updates: [] });
    user.send('seen');
    expect((await h.raw('getUpdates')).json.result).toHaveLength(1);
  });

  it('delivers every update exactly once to a polling grammY bot under bursts', async () => {
    h = await harness();
    const seen: number[] = [];
    h.bot.on('message', (ctx) => {
      seen.push(ctx.update.update_id);
    });
    void h.bot.start({ timeout: 1, limit: 7 });
    teardown.stop = () => h.bot.stop();
    const users = [h.standIn.user(), h.standIn.user(), h.standIn.user()];
    for (let burst = 0; burst < 5; burst++) {
      for (let i = 0; i < 12; i++) users[i % 3]?.send(`m${burst}-${i}`);
      await new Promise((r) => setTimeout(r, 20));
    }
    const expected = h.standIn.updates.map((u) => u.update_id);
    await expect.poll(() => seen.length, { timeout: 5000 }).toBe(expected.length);
    expect(seen).toEqual(expected);
    await teardown.stop();
    teardown.stop = undefined;
    expect(h.standIn.pendingUpdates()).toBe(0);
  });
});

describe('webhooks', () => {
  it('posts updates with the secret header, answers getUpdates with 409, and reports info', async () => {
    h = await harness({ webhookRetryMs: 50 });
    const { createServer } = await import('node:http');
    const got: { secret: string | undefined; update: Update }[] = [];
    let failFirst = true;
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => {
        body += c.toString();
      });
      req.on('end', () => {
        if (failFirst) {
          failFirst = false;
          res.writeHead(500).end();
          return;
        }
        got.push({
          secret: req.headers['x-telegram-bot-api-secret-token'] as string | undefined,
          update: JSON.parse(body) as Update,
        });
        res.writeHead(200, { 'content-type': 'application/json' });
        // A webhook reply: Telegram executes the method in the response body.
        res.end(
          JSON.stringify({
            method: 'sendMessage',
            chat_id: JSON.parse(body).message.chat.id,
            text: 'via reply',
          }),
        );
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const port = (server.address() as { port: number }).port;
    try {
      const set = await h.raw('setWebhook', {
        url: `http://127.0.0.1:${port}/hook`,
        secret_token: 'sEcret_1',
      });
      expect(set.json).toEqual({ ok: true, result: true });
      const conflict = await h.raw('getUpdates');
      expect(conflict.status).toBe(409);
      expect(conflict.json.description).toBe(
        "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
      );
      const user = h.standIn.user();
      user.send('hi hook');
      await expect.poll(() => got.length, { timeout: 3000 }).toBe(1);
      expect(got[0]?.secret).toBe('sEcret_1');
      expect(got[0]?.update.message?.text).toBe('hi hook');
      const reply = await user.waitFor({ text: 'via reply' });
      expect(reply.call.method).toBe('sendMessage');
      const info = await h.raw('getWebhookInfo');
      expect(info.json.result).toMatchObject({
        url: `http://127.0.0.1:${port}/hook`,
        pending_update_count: 0,
        last_error_message: 'Wrong response from the webhook: 500 Internal Server Error',
      });
      await h.raw('deleteWebhook');
      expect((await h.raw('getUpdates')).status).toBe(200);
    } finally {
      server.close();
    }
  });

  it('delivers one update at a time per chat and other chats in parallel', async () => {
    h = await harness();
    const { createServer } = await import('node:http');
    const events: string[] = [];
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => {
        body += c.toString();
      });
      req.on('end', () => {
        const text = (JSON.parse(body) as Update).message?.text ?? '';
        events.push(`start ${text}`);
        // Chat A's first update is slow; B must not wait for it, A's second must.
        setTimeout(
          () => {
            events.push(`end ${text}`);
            res.writeHead(200).end();
          },
          text === 'a1' ? 300 : 10,
        );
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    try {
      const port = (server.address() as { port: number }).port;
      await h.raw('setWebhook', { url: `http://127.0.0.1:${port}/` });
      const a = h.standIn.user();
      const b = h.standIn.user();
      a.send('a1');
      a.send('a2');
      b.send('b1');
      await expect.poll(() => events.length, { timeout: 3000 }).toBe(6);
      expect(events.indexOf('end b1')).toBeLessThan(events.indexOf('end a1'));
      expect(events.indexOf('start a2')).toBeGreaterThan(events.indexOf('end a1'));
    } finally {
      server.close();
    }
  });
});
