import { autoRetry } from '@grammyjs/auto-retry';
import { GrammyError } from 'grammy';
import { describe, expect, it } from 'vitest';
import { type Harness, harness, useHarnesses } from './helpers.js';

let h: Harness;

useHarnesses();

describe('flood control', () => {
  it('answers 429 with retry_after and counts an early retry as a violation', async () => {
    h = await harness();
    h.standIn.setFlood({ perChat: 1 });
    const u = h.standIn.user();
    expect((await h.raw('sendMessage', { chat_id: u.id, text: 'one' })).status).toBe(200);
    const limited = await h.raw('sendMessage', { chat_id: u.id, text: 'two' });
    expect(limited.status).toBe(429);
    expect(limited.json).toEqual({
      ok: false,
      error_code: 429,
      description: 'Too Many Requests: retry after 1',
      parameters: { retry_after: 1 },
    });
    // Another chat is not affected by a per-chat limit.
    const other = h.standIn.user();
    expect((await h.raw('sendMessage', { chat_id: other.id, text: 'hi' })).status).toBe(200);
    expect(h.standIn.violations).toBe(0);
    await h.raw('sendMessage', { chat_id: u.id, text: 'two' });
    expect(h.standIn.violations).toBe(1);
    expect(h.standIn.flood.throttled).toBe(2);
  });

  it('records no violations for a bot using @grammyjs/auto-retry', async () => {
    h = await harness();
    h.bot.api.config.use(autoRetry({ maxRetryAttempts: 5 }));
    h.standIn.setFlood({ perChat: 2, global: 30 });
    const u = h.standIn.user();
    const sent = await Promise.all([1, 2, 3, 4].map((i) => h.bot.api.sendMessage(u.id, `m${i}`)));
    expect(sent).toHaveLength(4);
    expect(u.botMessages()).toHaveLength(4);
    expect(h.standIn.flood.throttled).toBeGreaterThan(0);
    expect(h.standIn.violations).toBe(0);
  });

  it('applies a per-group per-minute limit', async () => {
    h = await harness();
    h.standIn.setFlood({ groupPerMinute: 2 });
    const g = h.standIn.group({ title: 'G' });
    for (const t of ['a', 'b'])
      expect((await h.raw('sendMessage', { chat_id: g.id, text: t })).status).toBe(200);
    const third = await h.raw('sendMessage', { chat_id: g.id, text: 'c' });
    expect(third.status).toBe(429);
    expect(third.json.parameters?.retry_after).toBeGreaterThan(50);
  });
});

describe('fault injection', () => {
  it('failNext serves the error the given number of times, then recovers', async () => {
    h = await harness();
    const u = h.standIn.user();
    h.standIn.failNext('sendMessage', { error_code: 500, description: 'Internal Server Error' }, 2);
    expect((await h.raw('sendMessage', { chat_id: u.id, text: 'a' })).status).toBe(500);
    expect((await h.raw('sendMessage', { chat_id: u.id, text: 'a' })).status).toBe(500);
    expect((await h.raw('sendMessage', { chat_id: u.id, text: 'a' })).status).toBe(200);
  });

  it('an injected 429 is honoured by auto-retry without violations', async () => {
    h = await harness();
    h.bot.api.config.use(autoRetry());
    const u = h.standIn.user();
    h.standIn.failNext('sendMessage', {
      error_code: 429,
      description: 'Too Many Requests: retry after 1',
      parameters: { retry_after: 1 },
    });
    const started = Date.now();
    await h.bot.api.sendMessage(u.id, 'eventually');
    expect(Date.now() - started).toBeGreaterThanOrEqual(990);
    expect(h.standIn.callsTo('sendMessage').map((c) => c.response.ok)).toEqual([false, true]);
    expect(h.standIn.violations).toBe(0);
  });

  it('failEvery fails every n-th call', async () => {
    h = await harness();
    const u = h.standIn.user();
    h.standIn.failEvery('sendChatAction', 2, { error_code: 502, description: 'Bad Gateway' });
    const codes = [];
    for (let i = 0; i < 4; i++)
      codes.push((await h.raw('sendChatAction', { chat_id: u.id, action: 'typing' })).status);
    expect(codes).toEqual([200, 502, 200, 502]);
    h.standIn.clearFaults();
    expect((await h.raw('sendChatAction', { chat_id: u.id, action: 'typing' })).status).toBe(200);
    expect(u.chatActions().map((a) => a.action)).toEqual(['typing', 'typing', 'typing']);
  });

  it('restart drops connections, keeps state and serves again on the same port', async () => {
    h = await harness();
    const u = h.standIn.user();
    const before = await h.bot.api.sendMessage(u.id, 'before');
    const root = h.standIn.apiRoot;
    const poll = h.raw('getUpdates', { timeout: 10 }).then(
      (r) => r.status,
      (e: unknown) => (e instanceof Error ? 'dropped' : 'other'),
    );
    await new Promise((r) => setTimeout(r, 50));
    await h.standIn.restart();
    expect(['dropped', 200]).toContain(await poll);
    expect(h.standIn.apiRoot).toBe(root);
    const after = await h.bot.api.sendMessage(u.id, 'after');
    expect(after.message_id).toBe(before.message_id + 1);
    expect(u.messages().map((m) => m.text)).toEqual(['before', 'after']);
  });

  it('surfaces injected errors to grammY as GrammyError', async () => {
    h = await harness();
    const u = h.standIn.user();
    h.standIn.failNext('*', { error_code: 400, description: 'Bad Request: injected' });
    const err = await h.bot.api.sendMessage(u.id, 'x').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GrammyError);
    expect((err as GrammyError).description).toBe('Bad Request: injected');
  });
});
