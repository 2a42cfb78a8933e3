import pino from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createKeyBox } from '../../../../src/accounts/key-box.js';
import { getOwnKey, getOwnKeyInfo } from '../../../../src/accounts/own-keys.js';
import { touchUser } from '../../../../src/accounts/users.js';
import { checkKey, KEY_CHECK_RULE, submitKey } from '../../../../src/bot/money/key-check.js';
import { createGatewayClient, type GatewayClient } from '../../../../src/gateway/client.js';
import { MemoryRateLimiter } from '../../../../src/infra/rate-limit.js';
import {
  DEFAULT_TEST_KEY,
  type GatewaySim,
  startGatewaySim,
} from '../../../fakes/gateway-sim/index.js';
import { testDatabase } from '../../../helpers/temp-db.js';

const QUOTA = 'sk-checkQuotaKey0123456789';
const EMPTY = 'sk-checkEmptyKey0123456789';
const EXPIRED = 'sk-checkExpiredKey01234567';
const DISABLED = 'sk-checkDisabledKey0123456';
const UNKNOWN = 'sk-checkUnknownKey01234567';
const BILLING = /^\/v1\/dashboard\/billing\//;

describe('checkKey against the gateway simulator', () => {
  let sim: GatewaySim;
  let gateway: GatewayClient;
  beforeAll(async () => {
    sim = await startGatewaySim({
      keys: {
        [DEFAULT_TEST_KEY]: { unlimited: true },
        [QUOTA]: { quota: 1_000_000, usedQuota: 500_000 },
        [EMPTY]: { quota: 0, usedQuota: 500_000 },
        [EXPIRED]: { unlimited: true, expired: true },
        [DISABLED]: { unlimited: true, disabled: true },
      },
    });
    gateway = createGatewayClient({
      baseUrl: sim.url,
      apiKey: DEFAULT_TEST_KEY,
      retry: { retries: 0 },
    });
  });
  afterEach(() => sim.clearFaults());
  afterAll(async () => {
    await gateway.close();
    await sim.close();
  });

  it('accepts a working key with its quota (in USD)', async () => {
    expect(await checkKey(gateway, QUOTA)).toEqual({
      status: 'ok',
      quota: { unlimited: false, totalUsd: 3, usedUsd: 1, remainingUsd: 2 },
    });
    expect(await checkKey(gateway, DEFAULT_TEST_KEY)).toMatchObject({
      status: 'ok',
      quota: { unlimited: true },
    });
  });

  it.each([UNKNOWN, EXPIRED, DISABLED])('rejects %s as not a valid key', async (key) => {
    expect(await checkKey(gateway, key)).toEqual({ status: 'invalid' });
  });

  it('tells an exhausted key apart', async () => {
    expect(await checkKey(gateway, EMPTY)).toEqual({ status: 'exhausted' });
  });

  it('a key with whitespace inside is invalid without a request', async () => {
    const before = sim.requests.length;
    expect(await checkKey(gateway, 'sk-abc def')).toEqual({ status: 'invalid' });
    expect(sim.requests.length).toBe(before);
  });

  it('falls back to /v1/models when the gateway has no billing routes (404)', async () => {
    sim.inject({ route: BILLING, status: 404, body: '404 page not found', times: 2 });
    expect(await checkKey(gateway, QUOTA)).toEqual({ status: 'ok', quota: null });
    expect(sim.requests.at(-1)?.path).toBe('/v1/models');
  });

  it('falls back when billing answers with a web page (200 HTML)', async () => {
    sim.inject({
      route: BILLING,
      status: 200,
      body: '<!doctype html><html><body>app</body></html>',
      contentType: 'text/html',
      times: 2,
    });
    expect(await checkKey(gateway, QUOTA)).toEqual({ status: 'ok', quota: null });
  });

  it('the fallback still rejects a bad key', async () => {
    sim.inject({ route: BILLING, status: 404, body: '404 page not found', times: 2 });
    expect(await checkKey(gateway, UNKNOWN)).toEqual({ status: 'invalid' });
  });

  it('a broken gateway (5xx) or a timeout means "try later", not "bad key"', async () => {
    sim.inject({ route: BILLING, status: 500, body: { error: { message: 'boom' } }, times: 2 });
    expect(await checkKey(gateway, QUOTA)).toMatchObject({ status: 'unavailable' });

    sim.inject({ route: BILLING, delayMs: 1_000, times: 2 });
    expect(await checkKey(gateway, QUOTA, { timeoutMs: 150 })).toMatchObject({
      status: 'unavailable',
    });

    sim.inject({ route: BILLING, status: 404, body: '404 page not found', times: 2 });
    sim.inject({ route: '/v1/models', status: 502, body: '<html>bad gateway</html>' });
    expect(await checkKey(gateway, QUOTA)).toMatchObject({ status: 'unavailable' });
  });

  it('an unreachable gateway is "try later"', async () => {
    const dead = createGatewayClient({
      baseUrl: 'http://127.0.0.1:9',
      apiKey: DEFAULT_TEST_KEY,
      retry: { retries: 0 },
    });
    try {
      expect(await checkKey(dead, QUOTA)).toMatchObject({ status: 'unavailable' });
    } finally {
      await dead.close();
    }
  });

  describe('submitKey', () => {
    const box = createKeyBox('s'.repeat(40));
    const logger = pino({ level: 'silent' });

    it('links a verified key encrypted, and nothing else', async () => {
      const { db, cleanup } = await testDatabase();
      try {
        const deps = {
          database: db,
          keyBox: box,
          gateway,
          limiter: new MemoryRateLimiter(),
          logger,
        };
        await touchUser(db, { id: 1, first_name: 'A' });
        expect(await submitKey(deps, 1, 'hello')).toEqual({ status: 'not_a_key' });
        expect(await submitKey(deps, 1, UNKNOWN)).toEqual({ status: 'invalid' });
        expect(await submitKey(deps, 1, EMPTY)).toEqual({ status: 'exhausted' });
        expect(await getOwnKeyInfo(db, 1)).toBeNull();
        sim.inject({ route: BILLING, status: 500, body: { error: { message: 'x' } }, times: 2 });
        expect(await submitKey(deps, 1, QUOTA)).toEqual({ status: 'unavailable' });
        expect(await getOwnKeyInfo(db, 1)).toBeNull();

        const linked = await submitKey(deps, 1, ` ${QUOTA} `);
        expect(linked).toMatchObject({ status: 'linked', masked: 'sk-ch…6789' });
        expect(JSON.stringify(linked)).not.toContain(QUOTA);
        expect(await getOwnKey(db, box, 1)).toBe(QUOTA);
      } finally {
        await cleanup();
      }
    });

    it('limits gateway checks per user', async () => {
      const { db, cleanup } = await testDatabase();
      try {
        let t = 0;
        const deps = {
          database: db,
          keyBox: box,
          gateway,
          limiter: new MemoryRateLimiter({ now: () => t }),
          logger,
        };
        await touchUser(db, { id: 2, first_name: 'B' });
        for (let i = 0; i < KEY_CHECK_RULE.limit; i++)
          expect(await submitKey(deps, 2, UNKNOWN)).toEqual({ status: 'invalid' });
        const before = sim.requests.length;
        expect(await submitKey(deps, 2, QUOTA)).toEqual({
          status: 'rate_limited',
          retryAfterMs: KEY_CHECK_RULE.windowMs,
        });
        expect(sim.requests.length).toBe(before);
        // Shape errors never reach the gateway and are not counted.
        expect(await submitKey(deps, 2, 'not a key')).toEqual({ status: 'not_a_key' });
        t += KEY_CHECK_RULE.windowMs;
        expect(await submitKey(deps, 2, QUOTA)).toMatchObject({ status: 'linked' });
      } finally {
        await cleanup();
      }
    });
  });
});
