import { describe, expect, it } from 'vitest';
import { type GatewaySim, startGatewaySim } from '../../../fakes/gateway-sim/index.js';
import { at, call, closeAfterEach, errMsg, generate, KEY } from './helpers.js';

let sim: GatewaySim;
closeAfterEach(() => sim);

describe('gateway-sim billing', () => {
  it('subscription / usage math, with and without /v1; unlimited = 1e8', async () => {
    sim = await startGatewaySim({
      keys: { [KEY]: { unlimited: true }, 'sk-l': { quota: 1_000_000, usedQuota: 250_000 } },
    });
    const sub = await call(sim, 'GET', '/v1/dashboard/billing/subscription', undefined, 'sk-l');
    expect(sub.body).toEqual({
      object: 'billing_subscription',
      has_payment_method: true,
      soft_limit_usd: 2.5,
      hard_limit_usd: 2.5,
      system_hard_limit_usd: 2.5,
      access_until: 0,
    });
    const use = await call(sim, 'GET', '/dashboard/billing/usage', undefined, 'sk-l');
    expect(use.body).toEqual({ object: 'list', total_usage: 50 });
    const unl = await call(sim, 'GET', '/dashboard/billing/subscription');
    expect(at(unl.body, 'hard_limit_usd')).toBe(100_000_000);
  });

  it('calls decrement quota; a charge above the remainder and an empty key → 401 everywhere', async () => {
    sim = await startGatewaySim({ keys: { 'sk-l': { quota: 30_000 } }, prices: { flux: 20_000 } });
    const ok = await generate(sim, 'flux', 'sk-l');
    expect(ok.status).toBe(200);
    expect(sim.key('sk-l')).toMatchObject({ quota: 10_000, usedQuota: 20_000 });
    const over = await generate(sim, 'flux', 'sk-l');
    expect([over.status, errMsg(over).startsWith('该令牌额度已用尽')]).toEqual([401, true]);
    sim.key('sk-l').quota = 0;
    for (const path of ['/v1/dashboard/billing/subscription', '/v1/models', '/mj/task/1/fetch']) {
      const r = await call(sim, 'GET', path, undefined, 'sk-l');
      expect([path, r.status, errMsg(r).split(' (')[0]]).toEqual([path, 401, '该令牌额度已用尽']);
    }
  });

  it('userQuota → 403 insufficient_user_quota; model lists and limits', async () => {
    sim = await startGatewaySim({
      keys: {
        'sk-u': { unlimited: true, userQuota: 5_000 },
        'sk-m': { models: ['flux'] },
        'sk-0': { models: [] },
      },
      errorType: 'new_api_error',
    });
    const r = await generate(sim, 'flux', 'sk-u');
    expect([r.status, at(r.body, 'error', 'code')]).toEqual([403, 'insufficient_user_quota']);
    const m = await call(sim, 'GET', '/v1/models', undefined, 'sk-m');
    expect(m.body).toMatchObject({ success: true, data: [{ id: 'flux', object: 'model' }] });
    const denied = await generate(sim, 'dall-e-3', 'sk-m');
    expect([denied.status, errMsg(denied).split(' (')[0]]).toEqual([
      403,
      '该令牌无权访问模型 dall-e-3',
    ]);
    const none = await generate(sim, 'flux', 'sk-0');
    expect(errMsg(none).split(' (')[0]).toBe('该令牌无权访问任何模型');
  });

  it('one-api wording and models shape; topup refuses sk- keys', async () => {
    sim = await startGatewaySim({ keys: { 'sk-m': { models: ['flux'] } }, modelsShape: 'oneapi' });
    const denied = await generate(sim, 'dall-e-3', 'sk-m');
    expect(errMsg(denied).split(' (')[0]).toBe('该令牌无权使用模型：dall-e-3');
    expect((await call(sim, 'GET', '/v1/models', undefined, 'sk-m')).body).toMatchObject({
      object: 'list',
    });
    const t = await call(sim, 'POST', '/api/user/topup', { key: 'abc' }, 'sk-m');
    expect([t.status, t.body]).toEqual([
      401,
      { success: false, message: '无权进行此操作，未提供 New-Api-User' },
    ]);
  });
});

describe('gateway-sim faults', () => {
  it('presets produce the exact bodies and are consumed `times` times', async () => {
    sim = await startGatewaySim({ requestIdSuffix: false });
    const path = '/v1/images/generations';
    const body = { model: 'flux', prompt: 'x' };
    sim.inject({ route: path, preset: 'rate-limit-empty' });
    const empty = await call(sim, 'POST', path, body);
    expect([empty.status, empty.text]).toEqual([429, '']);
    expect((await call(sim, 'POST', path, body)).status).toBe(200);

    sim.inject({ route: /^\/v1\//, preset: 'rate-limit-json', times: 2 });
    for (let i = 0; i < 2; i++) {
      const r = await call(sim, 'POST', path, body);
      expect([r.status, errMsg(r)]).toEqual([429, '当前分组上游负载已饱和，请稍后再试']);
    }
    sim.inject({ preset: 'no-channel' });
    expect(errMsg(await call(sim, 'POST', path, body))).toBe(
      '当前分组 default 下对于模型 flux 无可用渠道',
    );
    sim.inject({ preset: 'channel-failed' });
    expect((await call(sim, 'POST', path, body)).status).toBe(500);
    sim.inject({ preset: 'html-502' });
    const html = await call(sim, 'POST', path, body);
    expect([
      html.status,
      html.headers.get('content-type'),
      html.text.includes('502 Bad Gateway'),
    ]).toEqual([502, 'text/html', true]);
    sim.inject({ preset: 'malformed-json' });
    const bad = await call(sim, 'POST', path, body);
    expect([bad.status, bad.body]).toEqual([200, undefined]);
    sim.inject({ preset: 'insufficient-user-quota', method: 'POST' });
    expect(at((await call(sim, 'POST', path, body)).body, 'error', 'code')).toBe(
      'insufficient_user_quota',
    );
    sim.inject({
      route: '/mj/submit/imagine',
      status: 503,
      body: '<h1>down</h1>',
      contentType: 'text/html',
    });
    const custom = await call(sim, 'POST', '/mj/submit/imagine', { prompt: 'x' });
    expect([custom.status, custom.text]).toEqual([503, '<h1>down</h1>']);
    sim.inject({ route: path, preset: 'exhausted', status: 418 });
    expect((await call(sim, 'POST', path, body)).status).toBe(418);
    sim.inject({ times: Number.POSITIVE_INFINITY, status: 500, body: null });
    expect((await call(sim, 'GET', '/v1/models')).status).toBe(500);
    expect((await call(sim, 'GET', '/v1/models')).status).toBe(500);
    sim.clearFaults();
    expect((await call(sim, 'GET', '/v1/models')).status).toBe(200);
  });

  it('delay-only faults slow the real response; hang never answers and close() still returns', async () => {
    sim = await startGatewaySim();
    sim.inject({ route: '/v1/models', delayMs: 150 });
    const t0 = Date.now();
    expect((await call(sim, 'GET', '/v1/models')).status).toBe(200);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(140);
    sim.inject({ route: '/v1/models', hang: true });
    const ctrl = new AbortController();
    const pending = fetch(`${sim.url}/v1/models`, { signal: ctrl.signal }).catch((e: unknown) => e);
    await new Promise((r) => setTimeout(r, 100));
    await sim.close();
    const outcome = await pending;
    expect(outcome).toBeInstanceOf(Error);
  });
});
