import { describe, expect, it } from 'vitest';
import { SendPacer } from '../../../src/bot/send-pacer.js';

describe('send pacer', () => {
  it('spaces calls to the configured rate, counting media-group items', async () => {
    const pacer = new SendPacer(200);
    const t0 = performance.now();
    const times: number[] = [];
    await Promise.all(
      Array.from({ length: 40 }, () =>
        pacer.acquire(1, false).then(() => times.push(performance.now() - t0)),
      ),
    );
    // 40 calls at 200/s: the last starts ~195 ms after the first; never more than 200 in a second.
    expect(Math.max(...times)).toBeGreaterThanOrEqual(190);
    expect(Math.max(...times)).toBeLessThan(600);
    const before = performance.now();
    await pacer.acquire(10, false);
    await pacer.acquire(1, false);
    expect(performance.now() - before).toBeGreaterThanOrEqual(45);
  });

  it('lets replies to users go before queued background sends', async () => {
    const pacer = new SendPacer(100);
    const order: string[] = [];
    const bulk = Array.from({ length: 20 }, (_, i) =>
      pacer.acquire(1, false).then(() => order.push(`bulk${i}`)),
    );
    const reply = pacer.acquire(1, true).then(() => order.push('reply'));
    await Promise.all([...bulk, reply]);
    expect(order.indexOf('reply')).toBeLessThanOrEqual(1);
  });

  it('passes other methods through untouched and paces sends', async () => {
    const pacer = new SendPacer(50);
    const t = pacer.transformer();
    const calls: string[] = [];
    const prev = async (method: string) => {
      calls.push(method);
      return { ok: true as const, result: true };
    };
    const t0 = performance.now();
    await Promise.all([
      ...Array.from({ length: 5 }, () => t(prev as never, 'sendMessage', {} as never)),
      t(prev as never, 'getMe', {} as never),
    ]);
    expect(calls).toContain('getMe');
    expect(calls.filter((c) => c === 'sendMessage')).toHaveLength(5);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(75);
  });
});
