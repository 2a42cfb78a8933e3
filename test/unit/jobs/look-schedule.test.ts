import { describe, expect, it } from 'vitest';
import {
  type Candidate,
  DEFAULT_LOOK_POLICY,
  DEFAULT_PACE,
  expectedDoneAt,
  learnPace,
  nextLookAt,
  type Pace,
  percentOf,
  rankForLooks,
  type Sighting,
} from '../../../src/jobs/look-schedule.js';

const T0 = 1_700_000_000_000;
const seen = (percent: number | undefined, changedAt: number, bounded = true): Sighting => ({
  percent,
  changedAt,
  bounded,
});
/** No jitter: random() = 0.5 is the middle of the spread. */
const mid = () => 0.5;

describe('look schedule: pace', () => {
  it('clamps a gateway percent into 0–100 (non-numbers count as 0)', () => {
    expect(percentOf(undefined)).toBeUndefined();
    expect(percentOf(42)).toBe(42);
    expect(percentOf(150)).toBe(100);
    expect(percentOf(-3)).toBe(0);
    expect(percentOf(Number.NaN)).toBe(0);
    expect(percentOf(Number.POSITIVE_INFINITY)).toBe(0);
  });

  it('learns ms per percent from two bounded sightings: first samples fully, later by a tenth', () => {
    // 10% → 30% over 4 s: 200 ms per percent replaces the default at once.
    let pace = learnPace(DEFAULT_PACE, seen(10, T0), seen(30, T0 + 4_000));
    expect(pace).toEqual({ msPerPercent: 200, samples: 1 });
    // The second sample (600) is averaged with the first.
    pace = learnPace(pace, seen(30, T0 + 4_000), seen(40, T0 + 10_000));
    expect(pace).toEqual({ msPerPercent: 400, samples: 2 });
    // Settled: a sample moves the average by a tenth of the difference.
    const settled: Pace = { msPerPercent: 400, samples: 10 };
    expect(learnPace(settled, seen(0, T0), seen(10, T0 + 14_000))).toEqual({
      msPerPercent: 500,
      samples: 11,
    });
  });

  it('learns nothing from a first look, a queued sighting, or no gain; clamps nonsense', () => {
    const pace: Pace = { msPerPercent: 300, samples: 3 };
    expect(learnPace(pace, seen(10, T0, false), seen(30, T0 + 4_000))).toBe(pace);
    expect(learnPace(pace, seen(10, T0), seen(30, T0 + 4_000, false))).toBe(pace);
    expect(learnPace(pace, seen(undefined, T0), seen(30, T0 + 4_000))).toBe(pace);
    expect(learnPace(pace, seen(30, T0), seen(30, T0 + 4_000))).toBe(pace);
    expect(learnPace(pace, seen(30, T0), seen(20, T0 + 4_000))).toBe(pace);
    expect(learnPace(pace, seen(10, T0 + 4_000), seen(30, T0))).toBe(pace);
    // A day for 1%: the sample is cut to 60 s per percent, not believed.
    const slow = learnPace(DEFAULT_PACE, seen(10, T0), seen(11, T0 + 86_400_000));
    expect(slow.msPerPercent).toBe(60_000);
    // 1 ms for 50%: cut to 10 ms per percent.
    expect(learnPace(DEFAULT_PACE, seen(0, T0), seen(50, T0 + 1)).msPerPercent).toBe(10);
  });
});

describe('look schedule: when to look', () => {
  const pace: Pace = { msPerPercent: 400, samples: 5 };

  it('expects a running task done after its remaining percent at the pace; a queued one never', () => {
    expect(expectedDoneAt(pace, seen(40, T0))).toBe(T0 + 60 * 400);
    expect(expectedDoneAt(pace, seen(0, T0))).toBe(T0 + 40_000);
    expect(expectedDoneAt(pace, seen(100, T0))).toBe(T0);
    expect(expectedDoneAt(pace, seen(undefined, T0))).toBeUndefined();
  });

  it('a learned pace and reported progress move the expected finish and the next look', () => {
    const at50 = seen(50, T0);
    expect(nextLookAt(DEFAULT_LOOK_POLICY, pace, at50, T0, mid)).toBe(T0 + 20_000);
    // A family seen going 10% → 60% in 10 s (200 ms per percent): looked at twice as soon.
    const faster = learnPace(DEFAULT_PACE, seen(10, T0 - 10_000), seen(60, T0));
    expect(expectedDoneAt(faster, at50)).toBe(T0 + 10_000);
    expect(nextLookAt(DEFAULT_LOOK_POLICY, faster, at50, T0, mid)).toBe(T0 + 10_000);
    // The task reports 90% at T0 + 3 s: expected 4 s later, looked at then.
    const at90 = seen(90, T0 + 3_000);
    expect(expectedDoneAt(pace, at90)).toBe(T0 + 7_000);
    expect(nextLookAt(DEFAULT_LOOK_POLICY, pace, at90, T0 + 3_000, mid)).toBe(T0 + 7_000);
  });

  it('bounds a running task’s wait by overdueMs/2 and maxMs; looks again every overdueMs once due', () => {
    const p = DEFAULT_LOOK_POLICY;
    // Due in 200 ms: not sooner than overdueMs / 2.
    expect(nextLookAt(p, pace, seen(99.5, T0), T0, mid)).toBe(T0 + p.overdueMs / 2);
    // Due in 200 s: not later than maxMs.
    expect(nextLookAt(p, { msPerPercent: 2_000, samples: 1 }, seen(0, T0), T0, mid)).toBe(
      T0 + p.maxMs,
    );
    // Past its expected finish: every overdueMs.
    expect(nextLookAt(p, pace, seen(50, T0), T0 + 25_000, mid)).toBe(T0 + 25_000 + p.overdueMs);
  });

  it('looks at a queued task after queuedShare of a whole run, within min..max, jittered', () => {
    const p = DEFAULT_LOOK_POLICY;
    const queued = seen(undefined, T0);
    // 0.7 × 100% × 400 ms.
    expect(nextLookAt(p, pace, queued, T0, mid)).toBe(T0 + 28_000);
    expect(nextLookAt(p, pace, queued, T0, () => 0)).toBe(T0 + 26_600);
    expect(nextLookAt(p, pace, queued, T0, () => 1)).toBe(T0 + 29_400);
    // A fast family: not sooner than minMs; a slow one: not later than maxMs.
    expect(nextLookAt(p, { msPerPercent: 10, samples: 1 }, queued, T0, mid)).toBe(T0 + p.minMs);
    expect(nextLookAt(p, { msPerPercent: 5_000, samples: 1 }, queued, T0, mid)).toBe(T0 + p.maxMs);
  });
});

describe('look schedule: who gets a scarce budget', () => {
  const pace: Pace = { msPerPercent: 400, samples: 5 };
  const now = T0 + 60_000;
  type Named = Candidate & { name: string };
  const item = (name: string, sighting: Sighting | undefined, nextPollAt: number): Named => ({
    name,
    sighting,
    nextPollAt,
  });

  it('puts tasks whose finish has come first (longest overdue first), then unseen, running, queued', () => {
    const items: Named[] = [
      item('queued', seen(undefined, T0), T0 + 1_000),
      item('running-late-poll', seen(10, now - 1_000), T0 + 40_000),
      item('running', seen(20, now - 1_000), T0 + 30_000),
      item('unseen-b', undefined, T0 + 20_000),
      item('due-recently', seen(90, now - 5_000), now - 1_000),
      item('unseen-a', undefined, T0 + 10_000),
      item('due-long-ago', seen(50, T0), now),
    ];
    // due-long-ago was expected at T0 + 20 s, due-recently at now − 1 s.
    expect(rankForLooks(items, pace, now).map((i) => i.name)).toEqual([
      'due-long-ago',
      'due-recently',
      'unseen-a',
      'unseen-b',
      'running',
      'running-late-poll',
      'queued',
    ]);
    expect(items[0]?.name).toBe('queued');
  });

  it('a faster learned pace makes a running task due, and it jumps the line', () => {
    const items: Named[] = [
      item('unseen', undefined, T0),
      item('running', seen(40, now - 20_000), T0),
    ];
    expect(rankForLooks(items, pace, now).map((i) => i.name)).toEqual(['unseen', 'running']);
    const faster: Pace = { msPerPercent: 300, samples: 8 };
    expect(rankForLooks(items, faster, now).map((i) => i.name)).toEqual(['running', 'unseen']);
  });
});
