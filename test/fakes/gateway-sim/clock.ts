/**
 * Sim time. Everything time-dependent (task state machines, URL expiry) reads this clock, so the same
 * code runs under a manual clock (tests call advance()) and under real time × speed (CLI, e2e).
 */

export interface SimClock {
  /** Sim epoch ms. */
  now(): number;
  /** Task time: like now() but frozen while tasks are stalled. */
  taskNow(): number;
  advance(ms: number): void;
  setStalled(on: boolean): void;
  /** Resolves once `ms` of sim time have passed (advance() counts too). */
  sleep(ms: number): Promise<void>;
  dispose(): void;
}

interface Sleeper {
  at: number;
  resolve: () => void;
  timer?: NodeJS.Timeout;
}

export function createClock(opts: { manual: boolean; speed: number }): SimClock {
  const startEpoch = Date.now();
  const startReal = performance.now();
  let advanced = 0;
  let stalledTotal = 0;
  let stallStartedAt: number | null = null;
  const sleepers = new Set<Sleeper>();

  const now = (): number =>
    opts.manual
      ? startEpoch + advanced
      : Math.floor(startEpoch + (performance.now() - startReal) * opts.speed + advanced);

  const wake = (): void => {
    const t = now();
    for (const s of sleepers) {
      if (s.at <= t) {
        if (s.timer) clearTimeout(s.timer);
        sleepers.delete(s);
        s.resolve();
      }
    }
  };

  return {
    now,
    taskNow() {
      const t = now();
      const running = stallStartedAt === null ? 0 : t - stallStartedAt;
      return t - stalledTotal - running;
    },
    advance(ms) {
      advanced += Math.max(0, ms);
      wake();
    },
    setStalled(on) {
      if (on && stallStartedAt === null) stallStartedAt = now();
      if (!on && stallStartedAt !== null) {
        stalledTotal += now() - stallStartedAt;
        stallStartedAt = null;
      }
    },
    sleep(ms) {
      if (ms <= 0) return Promise.resolve();
      return new Promise<void>((resolve) => {
        const s: Sleeper = { at: now() + ms, resolve };
        sleepers.add(s);
        if (!opts.manual) {
          // Resolve from the timer itself: rounding can leave now() a hair short of s.at.
          s.timer = setTimeout(
            () => {
              sleepers.delete(s);
              resolve();
            },
            Math.ceil(ms / opts.speed),
          );
        }
      });
    },
    dispose() {
      for (const s of sleepers) {
        if (s.timer) clearTimeout(s.timer);
        s.resolve();
      }
      sleepers.clear();
    },
  };
}
