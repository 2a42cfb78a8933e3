/**
 * When to look at a task again where every look is one request (a gateway without a batch
 * route), and which due tasks to look at first when the fetch budget cannot cover them all.
 *
 * A family's pace (milliseconds per percent of progress) is learned from the changes the poller
 * sees. A change happened between the last look that showed the old progress and the first that
 * showed the new one, so its moment is taken as the middle of that gap: the estimate does not
 * drift with how often we look. A running task is looked at when its pace says it should be done
 * (then again every `overdueMs`); a queued one often enough that it cannot run start to finish
 * unseen (`queuedShare` of a whole run), so a finish is always predicted from a sighting.
 * Pure: time and randomness are passed in.
 */

/** What is known of one task's current progress. */
export interface Sighting {
  /** 0–100 while running (0 when it shows no number yet); undefined while queued or held. */
  percent: number | undefined;
  /** Estimated moment the current progress began. */
  changedAt: number;
  /** Whether `changedAt` is bounded by an earlier look (false for a first look): only then it teaches the pace. */
  bounded: boolean;
}

export interface Pace {
  msPerPercent: number;
  samples: number;
}

export interface LookPolicy {
  minMs: number;
  maxMs: number;
  /** After the expected finish has passed without a result. */
  overdueMs: number;
  /** A queued task is looked at after this share of a whole run's expected time. */
  queuedShare: number;
  /** ± jitter/2 spread of waits, so tasks seen together do not stay in lock-step. */
  jitter: number;
}

export const DEFAULT_LOOK_POLICY: LookPolicy = {
  minMs: 3_000,
  maxMs: 30_000,
  overdueMs: 2_000,
  queuedShare: 0.7,
  jitter: 0.1,
};

/** Before anything is learned: a run of 40 s (a fast Midjourney grid). */
export const DEFAULT_PACE: Pace = { msPerPercent: 400, samples: 0 };

/** Per-percent times outside this range are a gateway's nonsense, not a pace. */
const PACE_RANGE = { min: 10, max: 60_000 };
/** The first samples count fully; later ones move the average by a tenth. */
const SETTLED_AFTER = 10;

/** A gateway's percent, clamped (it is untrusted input). */
export function percentOf(value: number | undefined): number | undefined {
  if (value === undefined) return undefined;
  return Number.isFinite(value) ? Math.min(100, Math.max(0, value)) : 0;
}

/** The pace after seeing a task move from `from` to `to` (unchanged when that says nothing). */
export function learnPace(pace: Pace, from: Sighting, to: Sighting): Pace {
  if (!from.bounded || !to.bounded) return pace;
  if (from.percent === undefined || to.percent === undefined) return pace;
  const gained = to.percent - from.percent;
  const took = to.changedAt - from.changedAt;
  if (gained <= 0 || took <= 0) return pace;
  const sample = Math.min(PACE_RANGE.max, Math.max(PACE_RANGE.min, took / gained));
  const weight = pace.samples < SETTLED_AFTER ? 1 / (pace.samples + 1) : 1 / SETTLED_AFTER;
  return {
    msPerPercent: pace.msPerPercent + weight * (sample - pace.msPerPercent),
    samples: pace.samples + 1,
  };
}

/** When a running task should be done; undefined while it is queued. */
export function expectedDoneAt(pace: Pace, s: Sighting): number | undefined {
  if (s.percent === undefined) return undefined;
  return s.changedAt + (100 - s.percent) * pace.msPerPercent;
}

/** The moment of the next look at a task last seen as `s` (at `now`). */
export function nextLookAt(
  policy: LookPolicy,
  pace: Pace,
  s: Sighting,
  now: number,
  random: () => number = Math.random,
): number {
  const spread = (ms: number) => Math.round(ms * (1 + policy.jitter * (random() - 0.5)));
  const done = expectedDoneAt(pace, s);
  if (done === undefined) {
    const wait = policy.queuedShare * 100 * pace.msPerPercent;
    return now + spread(clamp(wait, policy.minMs, policy.maxMs));
  }
  if (done <= now) return now + policy.overdueMs;
  return now + clamp(Math.round(done - now), policy.overdueMs / 2, policy.maxMs);
}

export interface Candidate {
  /** Undefined: never looked at by this process. */
  sighting: Sighting | undefined;
  nextPollAt: number;
}

/**
 * Order for spending a scarce budget: tasks whose expected finish has come (longest overdue
 * first), then tasks never looked at, then running ones, then queued ones; each by poll time.
 */
export function rankForLooks<T extends Candidate>(
  items: readonly T[],
  pace: Pace,
  now: number,
): T[] {
  const keyed = items.map((item) => {
    const s = item.sighting;
    const done = s ? expectedDoneAt(pace, s) : undefined;
    let rank: number;
    if (!s) rank = 1;
    else if (done === undefined) rank = 3;
    else rank = done <= now ? 0 : 2;
    return { item, rank, at: rank === 0 ? (done as number) : item.nextPollAt };
  });
  keyed.sort((a, b) => a.rank - b.rank || a.at - b.at);
  return keyed.map((k) => k.item);
}

function clamp(v: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, v));
}
