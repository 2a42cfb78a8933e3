import { describe, expect, it } from 'vitest';
import { failure, KEY, useSim } from './client-setup.js';

const start = useSim();

describe('billing', () => {
  it('unlimited key', async () => {
    const { client } = await start();
    const q = await client.getQuota();
    expect(q.unlimited).toBe(true);
    expect(q.accessUntil).toBeUndefined();
  });

  it('limited key: spending shows up in usedUsd and remainingUsd', async () => {
    const { client } = await start({ keys: { [KEY]: { quota: 5_000_000 } } }); // $10
    expect(await client.getQuota()).toEqual({
      unlimited: false,
      totalUsd: 10,
      usedUsd: 0,
      remainingUsd: 10,
    });
    await client.generateImages({ model: 'dall-e-3', prompt: 'x' }); // 20 000 units = $0.04
    const q = await client.getQuota();
    expect(q.usedUsd).toBeCloseTo(0.04, 6);
    expect(q.remainingUsd).toBeCloseTo(9.96, 6);
  });

  it('HTTP 200 with an error envelope is an error', async () => {
    const { sim, client } = await start();
    sim.inject({
      route: '/v1/dashboard/billing/subscription',
      status: 200,
      body: { error: { message: 'database error', type: 'upstream_error' } },
    });
    expect((await failure(client.getQuota())).kind).toBe('upstream');
  });
});

describe('models', () => {
  it.each(['newapi', 'oneapi'] as const)('%s shape', async (modelsShape) => {
    const { client } = await start({ modelsShape, catalog: ['flux', 'mj_imagine', 'sora-2'] });
    expect(await client.listModels()).toEqual(['flux', 'mj_imagine', 'sora-2']);
  });

  it('a restricted key lists only its models', async () => {
    const { client } = await start({ keys: { [KEY]: { unlimited: true, models: ['flux'] } } });
    expect(await client.listModels()).toEqual(['flux']);
  });

  it('a base URL with /v1 and trailing slashes still works', async () => {
    const { sim } = await start();
    const { createGatewayClient } = await import('../../../src/gateway/index.js');
    const c = createGatewayClient({ baseUrl: `${sim.url}/v1/`, apiKey: KEY });
    expect((await c.listModels()).length).toBeGreaterThan(0);
    expect(sim.requests.at(-1)?.path).toBe('/v1/models');
    await c.close();
  });
});
