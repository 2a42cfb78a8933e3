import { describe, expect, it } from 'vitest';
import {
  DEFAULT_FETCH_BUDGET,
  FetchBudget,
  type FetchBudgetBounds,
} from '../../../src/jobs/fetch-budget.js';

const T0 = 1_700_000_000_000;
const bounds = (over: Partial<FetchBudgetBounds> = {}): FetchBudgetBounds => ({
  start: 4,
  min: 1,
  max: 6,
  fastMs: 500,
  maxPauseMs: 60_000,
  ...over,
});

describe('fetch budget', () => {
  it('starts at `start`, clamped into min..max', () => {
    expect(new FetchBudget(DEFAULT_FETCH_BUDGET, T0).allowance(T0)).toBe(25);
    expect(new FetchBudget(bounds({ start: 500 }), T0).perTick).toBe(6);
    expect(new FetchBudget(bounds({ start: 0, min: 2 }), T0).perTick).toBe(2);
  });

  it('grows by about one per window of fast answers, up to max', () => {
    const b = new FetchBudget(bounds(), T0);
    const seen: number[] = [];
    for (let i = 0; i < 14; i++) {
      b.answered(100);
      seen.push(b.allowance(T0));
    }
    expect(seen).toEqual([4, 4, 4, 4, 5, 5, 5, 5, 5, 6, 6, 6, 6, 6]);
    expect(b.spent).toEqual({ ok: 14, rate_limited: 0, error: 0 });
  });

  it('does not grow on answers slower than fastMs (fastMs itself counts as fast)', () => {
    const slow = new FetchBudget(bounds(), T0);
    for (let i = 0; i < 100; i++) slow.answered(501);
    expect(slow.perTick).toBe(4);
    expect(slow.spent.ok).toBe(100);
    const edge = new FetchBudget(bounds(), T0);
    for (let i = 0; i < 5; i++) edge.answered(500);
    expect(edge.perTick).toBe(5);
  });

  it('halves once per burst of 429s within the cut gap, again after it, never below min', () => {
    const b = new FetchBudget(bounds({ start: 40, max: 100, min: 3 }), T0);
    for (let i = 0; i < 5; i++) b.refused(T0);
    b.refused(T0 + 999);
    expect(b.perTick).toBe(20);
    b.refused(T0 + 1_000);
    expect(b.perTick).toBe(10);
    b.refused(T0 + 2_000);
    b.refused(T0 + 3_000);
    expect(b.perTick).toBe(3);
    b.refused(T0 + 4_000);
    expect(b.perTick).toBe(3);
    expect(b.spent).toEqual({ ok: 0, rate_limited: 10, error: 0 });
  });

  it('pauses for Retry-After (allowance 0), capped at maxPauseMs, never shortened', () => {
    const b = new FetchBudget(bounds({ start: 6 }), T0);
    b.refused(T0, 3_000);
    expect(b.allowance(T0)).toBe(0);
    expect(b.allowance(T0 + 2_999)).toBe(0);
    expect(b.allowance(T0 + 3_000)).toBe(3);

    // Within one burst: a longer Retry-After extends the pause, a shorter one keeps it.
    const burst = new FetchBudget(bounds({ start: 6 }), T0);
    burst.refused(T0, 3_000);
    burst.refused(T0 + 500, 5_000);
    burst.refused(T0 + 600, 1_000);
    expect(burst.perTick).toBe(3);
    expect(burst.allowance(T0 + 5_499)).toBe(0);
    expect(burst.allowance(T0 + 5_500)).toBe(3);

    const hours = new FetchBudget(bounds({ maxPauseMs: 10_000 }), T0);
    hours.refused(T0, 3 * 3_600_000);
    expect(hours.allowance(T0 + 9_999)).toBe(0);
    expect(hours.allowance(T0 + 10_000)).toBe(2);

    const none = new FetchBudget(bounds(), T0);
    none.refused(T0, -5_000);
    expect(none.allowance(T0)).toBe(2);
  });

  it('a grant carries the allowance of its tick and reports back at that time', () => {
    const b = new FetchBudget(bounds({ start: 6 }), T0);
    // A scrape asking for the allowance does not keep an idle lane alive; a grant does.
    expect(b.allowance(T0 + 4_000)).toBe(6);
    expect(b.lastUsed).toBe(T0);
    const grant = b.grant(T0 + 5_000);
    expect(grant.allowance).toBe(6);
    expect(b.lastUsed).toBe(T0 + 5_000);
    grant.answered(50);
    grant.failed();
    grant.failed();
    // Errors say nothing about our rate: the window is kept.
    expect(b.perTick).toBe(6);
    grant.refused(2_000);
    expect(b.perTick).toBe(3);
    expect(b.allowance(T0 + 6_999)).toBe(0);
    expect(b.allowance(T0 + 7_000)).toBe(3);
    expect(b.grant(T0 + 6_000).allowance).toBe(0);
    expect(b.spent).toEqual({ ok: 1, rate_limited: 1, error: 2 });
  });
});
