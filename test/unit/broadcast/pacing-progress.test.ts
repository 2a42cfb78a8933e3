import { describe, expect, it } from 'vitest';
import { type Clock, Pacer } from '../../../src/broadcast/pacing.js';
import { etaSeconds, ProgressThrottle, progressView } from '../../../src/broadcast/progress.js';

/** Time moves only when someone sleeps. */
function fakeClock(start = 0): Clock & { t: number; sleeps: number[] } {
  const c = {
    t: start,
    sleeps: [] as number[],
    now: () => c.t,
    sleep: async (ms: number) => {
      c.sleeps.push(ms);
      c.t += ms;
    },
  };
  return c;
}

describe('pacer', () => {
  it('never starts more than `rate` sends in any second', async () => {
    const clock = fakeClock();
    const pacer = new Pacer(25, clock);
    const starts: number[] = [];
    for (let i = 0; i < 100; i++) {
      await pacer.wait();
      starts.push(clock.now());
      clock.t += 3; // the send itself takes a little
    }
    for (let i = 25; i < starts.length; i++) {
      expect((starts[i] ?? 0) - (starts[i - 25] ?? 0)).toBeGreaterThanOrEqual(1000);
    }
    expect((starts.at(-1) ?? 0) - (starts[0] ?? 0)).toBeCloseTo(99 * 40, 5);
  });

  it('does not wait when sends are slower than the rate, and a pause is no burst afterwards', async () => {
    const clock = fakeClock();
    const pacer = new Pacer(25, clock);
    await pacer.wait();
    clock.t += 100;
    await pacer.wait();
    expect(clock.sleeps).toEqual([]);
    clock.t += 5000; // a retry_after was waited elsewhere
    await pacer.wait();
    await pacer.wait();
    expect(clock.sleeps).toEqual([40]);
  });

  it('refuses a rate that is not positive', () => {
    expect(() => new Pacer(0)).toThrow(RangeError);
  });
});

describe('progress', () => {
  it('done, percent (100 only when finished), skipped', () => {
    expect(progressView({ total: 200, sent: 99, blocked: 1, failed: 0 })).toEqual({
      done: 100,
      percent: 50,
      skipped: 0,
    });
    expect(progressView({ total: 3, sent: 3, blocked: 0, failed: 0 }).percent).toBe(99);
    expect(progressView({ total: 3, sent: 2, blocked: 0, failed: 0 }, true)).toEqual({
      done: 2,
      percent: 100,
      skipped: 1,
    });
    expect(progressView({ total: 0, sent: 0, blocked: 0, failed: 0 }).percent).toBe(100);
  });

  it('eta from the rate so far', () => {
    const c = { total: 100, sent: 25, blocked: 0, failed: 0 };
    expect(etaSeconds(c, 0, 10_000)).toBe(30);
    expect(etaSeconds({ ...c, sent: 0 }, 0, 10_000)).toBeUndefined();
  });

  it('edits at most every interval', () => {
    const th = new ProgressThrottle(5000);
    expect(th.take(0)).toBe(true);
    expect(th.take(4999)).toBe(false);
    expect(th.take(5000)).toBe(true);
    expect(th.take(6000)).toBe(false);
  });
});
