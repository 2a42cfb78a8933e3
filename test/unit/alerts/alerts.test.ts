import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { GatewayWatch } from '../../../src/alerts/gateway-watch.js';
import { type OperatorAlert, OperatorAlerts } from '../../../src/alerts/operator-alerts.js';
import type { Quota } from '../../../src/gateway/billing.js';
import { GatewayError } from '../../../src/gateway/errors.js';
import { MemoryRateLimiter } from '../../../src/infra/rate-limit.js';

const WINDOW = 30 * 60_000;

function world() {
  let now = 1_000_000;
  const limiter = new MemoryRateLimiter({ now: () => now });
  const sent: Array<OperatorAlert & { by: string }> = [];
  const instance = (by: string) =>
    new OperatorAlerts({
      logger: pino({ level: 'silent' }),
      send: async (a) => {
        sent.push({ ...a, by });
      },
      claim: async (kind) =>
        (await limiter.hit(`alert:${kind}`, { limit: 1, windowMs: WINDOW })).allowed,
    });
  return { sent, instance, advance: (ms: number) => (now += ms), now: () => now };
}

const quota = (remainingUsd: number): Quota => ({
  unlimited: false,
  totalUsd: 100,
  usedUsd: 100 - remainingUsd,
  remainingUsd,
});

describe('OperatorAlerts', () => {
  it('fifty failing jobs at once raise one alert; a second instance stays quiet in the window', async () => {
    const w = world();
    const a = w.instance('a');
    const b = w.instance('b');
    await Promise.all(Array.from({ length: 50 }, () => a.raise('key_rejected')));
    await b.raise('key_rejected');
    expect(w.sent.map((s) => `${s.by}:${s.kind}:${s.phase}`)).toEqual(['a:key_rejected:raised']);
    await b.clear('key_rejected');
    await a.clear('key_rejected');
    await a.clear('key_rejected');
    expect(w.sent.map((s) => `${s.by}:${s.phase}`)).toEqual(['a:raised', 'a:cleared']);
  });

  it('an incident back within 30 minutes stays quiet; after the window it is told again', async () => {
    const w = world();
    const a = w.instance('a');
    await a.raise('gateway_down', { minutes: 5 });
    await a.clear('gateway_down');
    w.advance(10 * 60_000);
    await a.raise('gateway_down', { minutes: 5 });
    await a.clear('gateway_down');
    expect(w.sent).toHaveLength(2);
    w.advance(WINDOW);
    await a.raise('gateway_down', { minutes: 7 });
    expect(w.sent.at(-1)).toMatchObject({ phase: 'raised', vars: { minutes: 7 } });
    expect(w.sent).toHaveLength(3);
  });

  it('kinds are throttled separately', async () => {
    const w = world();
    const a = w.instance('a');
    await a.raise('key_rejected');
    await a.raise('balance_low', { remaining: '1.00' });
    expect(w.sent.map((s) => s.kind)).toEqual(['key_rejected', 'balance_low']);
  });
});

describe('GatewayWatch', () => {
  const make = (probe: () => Promise<Quota>) => {
    const w = world();
    const alerts = w.instance('a');
    const watch = new GatewayWatch({
      alerts,
      quota: probe,
      lowBalanceUsd: 5,
      downAfterMs: 5 * 60_000,
      now: w.now,
    });
    return { w, alerts, watch };
  };
  const route = 'POST /v1/images/generations';

  it('an outage counts from the first failure; CDN downloads and 4xx answers prove nothing bad', async () => {
    const { w, watch } = make(async () => quota(50));
    watch.observe({ route, ms: 10, attempts: 1, errorKind: 'network' });
    w.advance(4 * 60_000);
    watch.observe({ route: 'GET download', ms: 10, attempts: 1 });
    watch.observe({ route, ms: 10, attempts: 1, status: 503 });
    await watch.check();
    expect(w.sent).toEqual([]);
    w.advance(60_000);
    await watch.check();
    expect(w.sent).toMatchObject([{ kind: 'gateway_down', vars: { minutes: 5 } }]);
    watch.observe({ route, ms: 10, attempts: 1, status: 400 });
    await new Promise((r) => setImmediate(r));
    expect(w.sent.at(-1)).toMatchObject({ kind: 'gateway_down', phase: 'cleared' });
  });

  it('low balance is raised below the threshold, cleared above it; an exhausted key holds it', async () => {
    let left = 2;
    const { w, watch } = make(async () => quota(left));
    await watch.check();
    expect(w.sent).toMatchObject([{ kind: 'balance_low', vars: { remaining: '2.00' } }]);
    left = 20;
    await watch.check();
    expect(w.sent.at(-1)).toMatchObject({ kind: 'balance_low', phase: 'cleared' });

    w.advance(WINDOW);
    watch.keyRejected('key_exhausted');
    await new Promise((r) => setImmediate(r));
    await watch.check();
    expect(w.sent.at(-1)).toMatchObject({ kind: 'balance_low', phase: 'raised' });
    w.advance(10 * 60_000);
    await watch.check();
    expect(w.sent.at(-1)).toMatchObject({ kind: 'balance_low', phase: 'cleared' });
  });

  it('a probe answered "no quota" raises low balance; a working probe clears a rejected key', async () => {
    let fail: GatewayError | undefined = new GatewayError('insufficient_balance', 'no money');
    const { w, watch } = make(async () => {
      if (fail) throw fail;
      return quota(50);
    });
    await watch.check();
    expect(w.sent).toMatchObject([{ kind: 'balance_low', phase: 'raised' }]);
    fail = undefined;
    watch.keyRejected('bad_key');
    await new Promise((r) => setImmediate(r));
    await watch.check();
    expect(w.sent.map((s) => `${s.kind}:${s.phase}`)).toEqual([
      'balance_low:raised',
      'key_rejected:raised',
      'key_rejected:cleared',
      'balance_low:cleared',
    ]);
  });
});
