import { describe, expect, it } from 'vitest';
import { GatewayError } from '../../../src/gateway/index.js';
import type { FaultPreset } from '../../fakes/gateway-sim/index.js';
import { failure, KEY, useSim } from './client-setup.js';

const start = useSim();
const IMAGES = '/v1/images/generations';
const gen = { model: 'dall-e-3', prompt: 'a red fox in snow' };

describe('error classes via simulator presets', () => {
  it.each<[FaultPreset, string]>([
    ['bad-key', 'bad_key'],
    ['expired', 'bad_key'],
    ['exhausted', 'key_exhausted'],
    ['banned-user', 'bad_key'],
    ['model-not-allowed', 'model_not_allowed'],
    ['ip', 'bad_key'],
    ['rate-limit-empty', 'rate_limited'],
    ['rate-limit-json', 'rate_limited'],
    ['channel-failed', 'no_channel'],
    ['no-channel', 'no_channel'],
    ['html-502', 'upstream'],
    ['html-504', 'upstream'],
    ['malformed-json', 'malformed'],
    ['insufficient-user-quota', 'insufficient_balance'],
  ])('%s → %s', async (preset, kind) => {
    const { sim, client } = await start();
    sim.inject({ route: IMAGES, preset, times: 1 });
    const e = await failure(client.generateImages(gen));
    expect(e).toBeInstanceOf(GatewayError);
    expect(e.kind).toBe(kind);
    expect(e.message).not.toMatch(/request id/);
    expect(e.message).not.toContain('<html');
    // Billed: one request only, even for 429/502/503/504.
    expect(sim.requests.filter((r) => r.path === IMAGES)).toHaveLength(1);
  });

  it.each(['one_api_error', 'new_api_error', 'upstream_error'] as const)(
    'classification does not depend on error.type (%s)',
    async (errorType) => {
      const { sim, client } = await start({ errorType });
      sim.inject({ route: IMAGES, preset: 'exhausted' });
      expect((await failure(client.generateImages(gen))).kind).toBe('key_exhausted');
      sim.inject({ route: IMAGES, preset: 'no-channel' });
      expect((await failure(client.generateImages(gen))).kind).toBe('no_channel');
    },
  );

  it('real key states: expired, disabled, exhausted, model limits, user wallet', async () => {
    const { sim, client } = await start({
      keys: {
        [KEY]: { unlimited: true },
        'sk-expired-000000': { expired: true },
        'sk-disabled-00000': { disabled: true },
        'sk-empty-0000000': { quota: 0 },
        'sk-onlyflux-0000': { unlimited: true, models: ['flux'] },
        'sk-poor-00000000': { unlimited: true, userQuota: 1 },
      },
    });
    expect((await failure(client.withKey('sk-expired-000000').generateImages(gen))).kind).toBe(
      'bad_key',
    );
    expect((await failure(client.withKey('sk-disabled-00000').generateImages(gen))).kind).toBe(
      'bad_key',
    );
    expect((await failure(client.withKey('sk-empty-0000000').generateImages(gen))).kind).toBe(
      'key_exhausted',
    );
    expect((await failure(client.withKey('sk-empty-0000000').getQuota())).kind).toBe(
      'key_exhausted',
    );
    expect((await failure(client.withKey('sk-onlyflux-0000').generateImages(gen))).kind).toBe(
      'model_not_allowed',
    );
    expect((await failure(client.withKey('sk-poor-00000000').generateImages(gen))).kind).toBe(
      'insufficient_balance',
    );
    expect(sim.requests).toHaveLength(7); // getQuota reads subscription and usage
  });

  it('validation errors are invalid_request; banned words are content_policy', async () => {
    const { client } = await start();
    expect((await failure(client.generateImages({ ...gen, size: '512x512' }))).kind).toBe(
      'invalid_request',
    );
    const e = await failure(client.generateImages({ ...gen, prompt: 'nude body' }));
    expect(e.kind).toBe('content_policy');
    expect(e.code).toBe('content_policy_violation');
  });

  it('unknown routes (one-api without /mj) are not_implemented', async () => {
    const { sim, client } = await start();
    sim.inject({ route: '/mj/submit/imagine', status: 404, body: '404 page not found' });
    expect((await failure(client.imagine({ prompt: 'x' }))).kind).toBe('not_implemented');
  });
});

describe('retries', () => {
  it('a billed POST is sent once after a 503, a GET fetch is retried', async () => {
    const { sim, client, observed } = await start();
    sim.inject({ route: IMAGES, preset: 'no-channel', times: 1 });
    expect((await failure(client.generateImages(gen))).kind).toBe('no_channel');
    expect(sim.requests.filter((r) => r.path === IMAGES)).toHaveLength(1);

    const { taskId } = await client.imagine({ prompt: 'a fox' });
    const fetchPath = `/mj/task/${taskId}/fetch`;
    sim.inject({ route: fetchPath, status: 503, body: null, times: 2 });
    const task = await client.fetchTask(taskId);
    expect(task?.id).toBe(taskId);
    expect(sim.requests.filter((r) => r.path === fetchPath)).toHaveLength(3);
    expect(observed.at(-1)).toMatchObject({
      route: 'GET /mj/task/:id/fetch',
      status: 200,
      attempts: 3,
    });
  });

  it.each<FaultPreset>(['rate-limit-empty', 'html-502', 'html-504'])(
    'GETs are retried after %s; billed MJ submits are not',
    async (preset) => {
      const { sim, client } = await start();
      sim.inject({ route: '/v1/dashboard/billing/usage', preset, times: 1 });
      const q = await client.getQuota();
      expect(q.unlimited).toBe(true);
      expect(sim.requests.filter((r) => r.path === '/v1/dashboard/billing/usage')).toHaveLength(2);

      sim.inject({ route: '/mj/submit/imagine', preset, times: 1 });
      await failure(client.imagine({ prompt: 'x' }));
      expect(sim.requests.filter((r) => r.path === '/mj/submit/imagine')).toHaveLength(1);
    },
  );

  it('list-by-condition (POST, not billed) is retried; video submit is not', async () => {
    const { sim, client } = await start();
    sim.inject({ route: '/mj/task/list-by-condition', status: 502, body: null, times: 1 });
    expect(await client.listTasks(['1'])).toEqual([]);
    expect(sim.requests.filter((r) => r.path === '/mj/task/list-by-condition')).toHaveLength(2);

    sim.inject({ route: '/v1/video/generations', status: 503, body: null, times: 1 });
    await failure(client.submitVideo({ model: 'sora-2', prompt: 'x' }));
    expect(sim.requests.filter((r) => r.path === '/v1/video/generations')).toHaveLength(1);
  });

  it('gives up after the configured retries with the last error', async () => {
    const { sim, client } = await start();
    sim.inject({ route: '/v1/models', preset: 'rate-limit-empty', times: 10 });
    const e = await failure(client.listModels());
    expect(e.kind).toBe('rate_limited');
    expect(sim.requests.filter((r) => r.path === '/v1/models')).toHaveLength(3);
  });

  it('does not retry 500 or 4xx', async () => {
    const { sim, client } = await start();
    sim.inject({ route: '/v1/models', preset: 'channel-failed', times: 5 });
    await failure(client.listModels());
    sim.inject({ route: '/v1/models', preset: 'bad-key', times: 5 });
    await failure(client.listModels());
    expect(sim.requests.filter((r) => r.path === '/v1/models')).toHaveLength(2);
  });
});

describe('timeouts and cancellation', () => {
  it('a hung response becomes a timeout; billed ones are not marked retryable', async () => {
    const { sim, client } = await start({}, { generationTimeoutMs: 300 });
    sim.inject({ route: IMAGES, hang: true });
    const t0 = Date.now();
    const e = await failure(client.generateImages(gen));
    expect(e.kind).toBe('timeout');
    expect(e.retryable).toBe(false);
    expect(Date.now() - t0).toBeLessThan(2_000);

    sim.inject({ route: '/v1/models', hang: true, times: 5 });
    const g = await failure(client.listModels({ timeoutMs: 200 }));
    expect(g.kind).toBe('timeout');
    expect(g.retryable).toBe(true);
  });

  it('billed generations get the longer generation timeout, not the agent default', async () => {
    const { sim, client } = await start({}, { timeoutMs: 200, generationTimeoutMs: 3_000 });
    sim.inject({ route: IMAGES, delayMs: 500 });
    expect((await client.generateImages(gen)).images).toHaveLength(1);
    sim.inject({ route: '/v1/models', delayMs: 500 });
    expect((await failure(client.listModels())).kind).toBe('timeout');
    // A per-call override wins.
    sim.inject({ route: '/v1/models', delayMs: 300 });
    expect((await client.listModels({ timeoutMs: 2_000 })).length).toBeGreaterThan(0);
  });

  it('the caller signal aborts with kind aborted', async () => {
    const { sim, client } = await start();
    sim.inject({ route: '/v1/models', hang: true });
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 50);
    expect((await failure(client.listModels({ signal: ac.signal }))).kind).toBe('aborted');
  });

  it('a slow but in-time answer succeeds', async () => {
    const { sim, client } = await start({}, { timeoutMs: 2_000 });
    sim.inject({ route: '/v1/models', delayMs: 100 });
    expect((await client.listModels()).length).toBeGreaterThan(0);
  });

  it('connection refused is a retryable network error', async () => {
    const { sim } = await start();
    const url = sim.url;
    await sim.close();
    const { createGatewayClient } = await import('../../../src/gateway/index.js');
    const c = createGatewayClient({
      baseUrl: url,
      apiKey: KEY,
      retry: { retries: 1, baseDelayMs: 5 },
    });
    const e = await failure(c.generateImages(gen));
    expect(e.kind).toBe('network');
    expect(e.retryable).toBe(true);
    await c.close();
  });
});

describe('secrets', () => {
  const SECRET = 'sk-Zq9SecretKeyValue1234567890';

  it('the key is sent only in Authorization and never appears in errors', async () => {
    const { sim, client } = await start({
      keys: { [SECRET]: { quota: 0 }, [KEY]: { unlimited: true } },
    });
    const c = client.withKey(SECRET);
    const errors: unknown[] = [];
    for (const preset of ['exhausted', 'bad-key', 'html-502', 'malformed-json'] as const) {
      sim.inject({ route: IMAGES, preset });
      errors.push(await failure(c.generateImages(gen)));
    }
    // The sim answers with the (masked) key in exhaustion messages.
    errors.push(await failure(c.getQuota()));
    errors.push(await failure(c.fetchVideo('nope')));
    for (const e of errors) {
      const dump = JSON.stringify(e, Object.getOwnPropertyNames(e)) + String((e as Error).stack);
      expect(dump).not.toContain(SECRET);
      expect(dump).not.toContain(SECRET.slice(3, 12));
    }
    for (const r of sim.requests) {
      expect(r.headers.authorization).toBe(`Bearer ${SECRET}`);
      expect(r.path + r.query).not.toContain(SECRET);
    }
  });

  it('an echoed key in a message is scrubbed', async () => {
    const { sim, client } = await start();
    sim.inject({
      route: IMAGES,
      status: 401,
      body: { error: { message: `无效的令牌 ${KEY}`, type: 'one_api_error' } },
    });
    const e = await failure(client.generateImages(gen));
    expect(e.message).not.toContain(KEY);
  });

  it('withKey shares the pool and uses the other key; closing it leaves the parent working', async () => {
    const other = 'sk-user-linked-key-1';
    const { sim, client } = await start({
      keys: { [KEY]: { unlimited: true }, [other]: { unlimited: true } },
    });
    const mine = client.withKey(other);
    await mine.listModels();
    await mine.close();
    await client.listModels();
    expect(sim.requests.map((r) => r.headers.authorization)).toEqual([
      `Bearer ${other}`,
      `Bearer ${KEY}`,
    ]);
    expect(() => client.withKey('  ')).toThrow(GatewayError);
  });

  it('observation hook sees routes without ids or keys', async () => {
    const { client, observed } = await start();
    await client.fetchTask('1234567890123456');
    expect(observed).toEqual([
      expect.objectContaining({
        route: 'GET /mj/task/:id/fetch',
        status: 400,
        errorKind: 'not_found',
      }),
    ]);
    expect(JSON.stringify(observed)).not.toContain(KEY);
  });
});
