import { setMaxListeners } from 'node:events';
import { and, eq, inArray, isNull, lte, ne, or, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { type JobFamily, jobs } from '../db/schema.js';
import { Semaphore } from '../infra/semaphore.js';
import {
  type AsyncFamily,
  type AsyncObservation,
  type AsyncWorkerOptions,
  progressKey,
} from './async-family.js';
import { type BackoffPolicy, DEFAULT_BACKOFF, nextPollDelay } from './backoff.js';
import { DEFAULT_FETCH_BUDGET, FetchBudget, type FetchBudgetBounds } from './fetch-budget.js';
import { deliverResult, failAndTell } from './job-ends.js';
import type { JobFailure } from './lifecycle.js';
import {
  DEFAULT_LOOK_POLICY,
  DEFAULT_PACE,
  type LookPolicy,
  learnPace,
  nextLookAt,
  type Pace,
  percentOf,
  rankForLooks,
  type Sighting,
} from './look-schedule.js';
import type { JobProgress } from './ports.js';
import {
  claimDue,
  type DueJob,
  getJob,
  type JobRow,
  patchJob,
  releaseLease,
  transition,
} from './store.js';
import { WorkTracker } from './work-tracker.js';

export interface PollerOptions extends AsyncWorkerOptions {
  backoff?: Partial<BackoffPolicy>;
  /** How long a claim protects a job from other pollers. */
  leaseMs?: number;
  /** Jobs claimed per tick: bounds the work (and gateway requests) of one tick. */
  maxJobsPerTick?: number;
  /** Lanes (gateway keys) polled at the same time. */
  concurrency?: number;
  /** Finished jobs collected and delivered at the same time. */
  deliveryConcurrency?: number;
  /** Progress edits sent at the same time (Telegram calls). */
  progressConcurrency?: number;
  /** Times a task the gateway does not know is looked for again before the job fails. */
  missingRetries?: number;
  /** Failed downloads of a finished task before the job fails. */
  collectAttempts?: number;
  /** Loop period. */
  intervalMs?: number;
  /** Jitter source (tests pass a constant). */
  random?: () => number;
  /** Only the leader polls (Redis leader election later; one process is always the leader). */
  isLeader?: () => boolean | Promise<boolean>;
  /** Bounds of each lane's single-fetch budget (families without a batch route). */
  fetchBudget?: Partial<FetchBudgetBounds>;
  /** Scheduling where each look is one request. */
  looks?: Partial<LookPolicy>;
}

/** One lane's fetch budget as /metrics shows it. */
export interface LaneBudget {
  lane: string;
  /** The window, whatever a pause says. */
  perTick: number;
  /** Fetches the next tick may make (0 while a Retry-After runs). */
  allowance: number;
  /** The lane's live counters: the same object for as long as the lane lives. */
  spent: FetchBudget['spent'];
}

/** A lane's budget unused this long is dropped (own-key lanes come and go). */
const IDLE_LANE_MS = 10 * 60_000;

export interface TickReport {
  claimed: number;
  observed: number;
  finished: number;
  failed: number;
}

/** What the poller remembers between looks; lost on restart, which only means a fast look. */
interface Track {
  key: string | null;
  since: number;
  misses: number;
  collectFailures: number;
  /** Progress as the look schedule sees it; undefined before this process looked. */
  sighting?: Sighting;
  lastLook?: number;
}

/**
 * One loop for every asynchronous job. Each tick claims the due jobs with a lease, looks at
 * their tasks lane by lane (a family batches where the gateway allows), schedules the next look
 * by adaptive back-off, fails jobs past their family deadline (refunded once), and hands
 * finished ones to delivery. Cost per tick is bounded by `maxJobsPerTick` whatever the backlog.
 */
export class AsyncPoller {
  private readonly families = new Map<JobFamily, AsyncFamily>();
  private readonly policy: BackoffPolicy;
  private readonly tracks = new Map<string, Track>();
  private readonly looks: LookPolicy;
  private readonly budgetBounds: FetchBudgetBounds;
  private readonly budgets = new Map<string, FetchBudget>();
  /** Each family's learned pace (ms per percent of progress). */
  private readonly paces = new Map<JobFamily, Pace>();
  /** Jobs being collected or delivered here (never claimed twice by this process), and edits. */
  private readonly work: WorkTracker;
  private readonly deliveries: Semaphore;
  private readonly edits: Semaphore;
  private readonly abort = new AbortController();
  private releaseStatement: ReturnType<typeof prepareRelease> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private loop: Promise<void> | undefined;
  private running = false;

  constructor(private readonly o: PollerOptions) {
    for (const f of o.families) this.families.set(f.family, f);
    this.policy = { ...DEFAULT_BACKOFF, ...o.backoff };
    this.looks = { ...DEFAULT_LOOK_POLICY, ...o.looks };
    this.budgetBounds = { ...DEFAULT_FETCH_BUDGET, ...o.fetchBudget };
    // One signal is shared by every request in flight: more than ten listeners is expected.
    setMaxListeners(0, this.abort.signal);
    this.deliveries = new Semaphore(o.deliveryConcurrency ?? 8);
    this.edits = new Semaphore(o.progressConcurrency ?? 8);
    this.work = new WorkTracker(o.logger);
  }

  get now(): number {
    return (this.o.now ?? Date.now)();
  }

  get backoff(): BackoffPolicy {
    return this.policy;
  }

  /** Every lane's single-fetch budget (for /metrics). */
  fetchBudgets(now = this.now): LaneBudget[] {
    return [...this.budgets].map(([lane, b]) => ({
      lane,
      perTick: b.perTick,
      allowance: b.allowance(now),
      spent: b.spent,
    }));
  }

  /** Jobs tracked in memory (bounded by the pending jobs). */
  get trackedCount(): number {
    return this.tracks.size;
  }

  /** One full cycle, deliveries included: what tests call instead of sleeping. */
  async tick(now = this.now): Promise<TickReport> {
    const report = await this.cycle(now);
    await this.drain();
    return report;
  }

  /** Resolves when every collect, delivery and progress edit started so far has settled. */
  async drain(): Promise<void> {
    await this.work.drain();
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    const interval = this.o.intervalMs ?? 1_000;
    const step = () => {
      this.loop = this.cycle(this.now)
        .then((r) => r.claimed >= this.maxJobs)
        .catch((err: unknown) => {
          this.o.logger.error({ err }, 'poller tick failed');
          return false;
        })
        .then((more) => {
          // A full tick means more jobs are due: go again at once instead of waiting.
          if (this.running) this.timer = setTimeout(step, more ? 0 : interval);
        });
    };
    this.timer = setTimeout(step, 0);
  }

  /** Stops at a safe point: the current tick ends, deliveries get `graceMs`, then are aborted. */
  async stop(graceMs = 10_000): Promise<void> {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    await this.loop;
    await this.work.drainWithin(graceMs, this.abort);
  }

  /**
   * Frees the leases of async jobs no live poller holds (at start: every lease of a single
   * process died with it), so they are looked at right away instead of after the lease expires.
   */
  releaseOrphans(isOrphan: (job: JobRow) => boolean = () => true): number {
    const families = [...this.families.keys()];
    if (families.length === 0) return 0;
    const held = this.o.db
      .select()
      .from(jobs)
      .where(
        and(
          inArray(jobs.status, ['running', 'delivering']),
          inArray(jobs.family, families),
          or(ne(jobs.leaseOwner, this.o.instanceId), isNull(jobs.leaseOwner)),
        ),
      )
      .all()
      .filter(isOrphan);
    const now = this.now;
    this.o.db.transaction((tx) => {
      for (const job of held)
        patchJob(tx, job.id, {
          leaseOwner: null,
          leaseUntil: null,
          nextPollAt: job.status === 'delivering' ? now : (job.nextPollAt ?? now),
        });
    });
    return held.length;
  }

  private get maxJobs(): number {
    return this.o.maxJobsPerTick ?? 2_000;
  }

  private async cycle(now: number): Promise<TickReport> {
    const report: TickReport = { claimed: 0, observed: 0, finished: 0, failed: 0 };
    if (!(await (this.o.isLeader ?? (() => true))())) return report;
    this.sweepDelivering(now);
    for (const [lane, budget] of this.budgets)
      if (now - budget.lastUsed > IDLE_LANE_MS) this.budgets.delete(lane);
    const claimed = claimDue(this.o.db, {
      owner: this.o.instanceId,
      now,
      leaseMs: this.o.leaseMs ?? 60_000,
      limit: this.maxJobs,
    }).filter((job) => !this.work.has(job.id));
    report.claimed = claimed.length;
    if (claimed.length === 0) return report;

    const groups = new Map<string, { lane: string; jobs: DueJob[] }>();
    for (const job of claimed) {
      const lane = this.o.laneOf(job);
      const key = `${job.family}\u0000${lane}`;
      const group = groups.get(key);
      if (group) group.jobs.push(job);
      else groups.set(key, { lane, jobs: [job] });
    }
    const lanes = new Semaphore(this.o.concurrency ?? 4);
    await Promise.all(
      [...groups.values()].map(({ lane, jobs }) =>
        lanes
          .run(() => this.pollGroup(jobs, lane, now, report))
          .catch((err: unknown) => {
            this.o.logger.error({ err }, 'polling a lane failed');
          }),
      ),
    );
    return report;
  }

  private async pollGroup(
    claimed: DueJob[],
    lane: string,
    now: number,
    report: TickReport,
  ): Promise<void> {
    const [first] = claimed;
    if (!first) return;
    const family = this.families.get(first.family);
    if (!family) {
      // A family nobody polls yet (its handler ships later): look again much later.
      this.release(claimed.map((job) => ({ job, patch: { nextPollAt: now + this.policy.maxMs } })));
      return;
    }
    // Where looks are single requests, the grant goes to the jobs most likely to be done.
    const group = family.singleFetches?.()
      ? rankForLooks(
          claimed.map((job) => ({
            job,
            sighting: this.tracks.get(job.id)?.sighting,
            nextPollAt: job.nextPollAt ?? now,
          })),
          this.pace(family.family),
          now,
        ).map((c) => c.job)
      : claimed;
    let observations: Map<string, AsyncObservation>;
    try {
      observations = await family.poll(
        group,
        this.abort.signal,
        this.budgetOf(lane, now).grant(now),
      );
    } catch (error) {
      observations = new Map(group.map((job) => [job.id, { state: 'error', error } as const]));
    }
    const releases: Array<{ job: DueJob; patch: ReleasePatch }> = [];
    for (const job of group) {
      const seen = observations.get(job.id);
      if (!seen) {
        // Not looked at (request budget): stays due, first in line next tick.
        releases.push({ job, patch: {} });
        continue;
      }
      report.observed++;
      const outcome = this.apply(family, job, seen, now);
      if (outcome === 'failed') report.failed++;
      else if (outcome === 'finishing') report.finished++;
      else releases.push({ job, patch: outcome });
    }
    this.release(releases);
  }

  /** Decides what one observation means; returns the lease patch for jobs that stay running. */
  private apply(
    family: AsyncFamily,
    job: DueJob,
    seen: AsyncObservation,
    now: number,
  ): ReleasePatch | 'failed' | 'finishing' {
    const track = this.track(job, now);
    if (seen.state === 'done') {
      this.sight(family.family, track, 100, now);
      this.finish(family, job, seen.done);
      return 'finishing';
    }
    if (seen.state === 'failed') {
      this.fail(job, seen.failure);
      return 'failed';
    }
    const overdue = job.deadlineAt !== null && now >= job.deadlineAt;
    if (overdue) {
      this.fail(job, { code: 'deadline' });
      return 'failed';
    }
    const cap = (at: number) => (job.deadlineAt === null ? at : Math.min(at, job.deadlineAt));
    switch (seen.state) {
      case 'needs_input':
        // Not polled while the user decides; woken at the deadline to fail if nobody answered.
        track.misses = 0;
        this.work.add(
          this.awaitInput(family, job.id, seen.input),
          `awaiting input for ${job.id} failed`,
        );
        return { nextPollAt: job.deadlineAt ?? now + 15 * 60_000 };
      case 'missing':
        track.misses++;
        if (track.misses > (this.o.missingRetries ?? 2)) {
          this.fail(job, { code: 'lost_task' });
          return 'failed';
        }
        return { nextPollAt: cap(now + this.policy.minMs) };
      case 'error':
        this.o.logger.warn({ job: job.id, err: seen.error }, 'polling a task failed');
        return { nextPollAt: cap(now + Math.max(this.policy.errorMs, this.delay(track, now))) };
      case 'pending': {
        track.misses = 0;
        const key = progressKey(seen.progress);
        const patch: ReleasePatch = {};
        if (key !== track.key) {
          track.key = key;
          track.since = now;
          patch.progress = key;
          this.showProgress(job, seen.progress);
        }
        if (seen.facts) patch.facts = JSON.stringify(seen.facts);
        const running = seen.progress.stage === 'running';
        const sighting = this.sight(
          family.family,
          track,
          running ? (percentOf(seen.progress.percent) ?? 0) : undefined,
          now,
        );
        patch.nextPollAt = cap(
          family.singleFetches?.()
            ? nextLookAt(this.looks, this.pace(family.family), sighting, now, this.o.random)
            : now + this.delay(track, now),
        );
        return patch;
      }
    }
  }

  /**
   * Records what a look showed (`percent` undefined: queued or held) and teaches the family's
   * pace when it moved: the change happened between the previous look and this one.
   */
  private sight(
    family: JobFamily,
    track: Track,
    percent: number | undefined,
    now: number,
  ): Sighting {
    const before = track.sighting;
    let sighting: Sighting;
    if (!before || track.lastLook === undefined)
      sighting = { percent, changedAt: now, bounded: false };
    else if (before.percent === percent) sighting = before;
    else {
      sighting = { percent, changedAt: (track.lastLook + now) / 2, bounded: true };
      this.paces.set(family, learnPace(this.pace(family), before, sighting));
    }
    track.sighting = sighting;
    track.lastLook = now;
    return sighting;
  }

  private pace(family: JobFamily): Pace {
    return this.paces.get(family) ?? DEFAULT_PACE;
  }

  private budgetOf(lane: string, now: number): FetchBudget {
    let budget = this.budgets.get(lane);
    if (!budget) {
      budget = new FetchBudget(this.budgetBounds, now);
      this.budgets.set(lane, budget);
    }
    return budget;
  }

  private delay(track: Track, now: number): number {
    return nextPollDelay(this.policy, now - track.since, this.o.random);
  }

  private track(job: DueJob, now: number): Track {
    let track = this.tracks.get(job.id);
    if (!track) {
      // First look by this process: what the row says, unchanged from now on.
      track = { key: job.progress, since: now, misses: 0, collectFailures: 0 };
      this.tracks.set(job.id, track);
    }
    return track;
  }

  private release(items: Array<{ job: DueJob; patch: ReleasePatch }>): void {
    if (items.length === 0) return;
    this.releaseStatement ??= prepareRelease(this.o.db);
    const statement = this.releaseStatement;
    const owner = this.o.instanceId;
    // One transaction and one prepared statement: thousands of small UPDATEs per tick cost
    // one write and no query building.
    this.o.db.transaction(() => {
      for (const { job, patch } of items)
        statement.run({
          id: job.id,
          owner,
          next: patch.nextPollAt ?? null,
          progress: patch.progress ?? null,
          facts: patch.facts ?? null,
        });
    });
  }

  /** The notifier gets the whole row, read when the edit's turn comes. */
  private showProgress(job: DueJob, progress: JobProgress): void {
    this.work.add(
      this.edits.run(async () => {
        const row = getJob(this.o.db, job.id);
        if (row) await this.o.notifier.progress(row, progress);
      }),
      `progress of ${job.id} not shown`,
    );
  }

  private async awaitInput(family: AsyncFamily, id: string, input: unknown): Promise<void> {
    const row = getJob(this.o.db, id);
    if (row) await family.awaitInput?.(row, input);
  }

  /** Ends the job at once (the status change is synchronous); the user is told meanwhile. */
  private fail(job: DueJob, failure: JobFailure): void {
    this.tracks.delete(job.id);
    this.o.logger.info({ job: job.id, failure }, 'async job failing');
    this.work.add(
      failAndTell(this.o, job, ['running', 'delivering'], failure),
      `failure of ${job.id} not told`,
    );
  }

  /** Collects (downloads) and delivers in the background, so slow uploads never stall polling. */
  private finish(family: AsyncFamily, job: DueJob, done: unknown): void {
    this.work.start(
      job.id,
      () =>
        this.deliveries.run(async () => {
          // Collecting reads what the claim left out (params, the result so far).
          const row = getJob(this.o.db, job.id);
          if (!row) return;
          let result: Record<string, unknown>;
          try {
            result = await family.collect(row, done, this.abort.signal);
          } catch (err) {
            this.collectFailed(job, err);
            return;
          }
          this.tracks.delete(job.id);
          // Fields written while the task ran (a preview message id) are kept next to the result.
          const current = getJob(this.o.db, job.id);
          const delivering = transition(this.o.db, job.id, 'running', 'delivering', {
            result: { ...(current?.result ?? {}), ...result },
            progress: '100%',
          });
          if (delivering) await deliverResult(this.o, delivering);
        }),
      `finishing ${job.id} failed`,
    );
  }

  private collectFailed(job: DueJob, err: unknown): void {
    const track = this.track(job, this.now);
    track.collectFailures++;
    this.o.logger.warn({ job: job.id, err, attempt: track.collectFailures }, 'collect failed');
    if (track.collectFailures >= (this.o.collectAttempts ?? 3)) {
      this.fail(job, this.o.toFailure(err));
      return;
    }
    releaseLease(this.o.db, job.id, this.o.instanceId, {
      nextPollAt: this.now + this.policy.errorMs,
    });
  }

  /** Delivers jobs whose delivery failed earlier or was cut short by a crash. */
  private sweepDelivering(now: number): void {
    const families = [...this.families.keys()];
    if (families.length === 0) return;
    const due = this.o.db
      .update(jobs)
      .set({ leaseOwner: this.o.instanceId, leaseUntil: now + (this.o.leaseMs ?? 60_000) })
      .where(
        and(
          eq(jobs.status, 'delivering'),
          inArray(jobs.family, families),
          or(isNull(jobs.nextPollAt), lte(jobs.nextPollAt, now)),
          or(isNull(jobs.leaseUntil), lte(jobs.leaseUntil, now)),
        ),
      )
      .returning()
      .all()
      .filter((job) => !this.work.has(job.id))
      .sort((a, b) => (a.nextPollAt ?? 0) - (b.nextPollAt ?? 0));
    for (const job of due) {
      this.work.start(
        job.id,
        () => this.deliveries.run(() => deliverResult(this.o, job)),
        `redelivering ${job.id} failed`,
      );
    }
  }
}

/** `facts`: JSON text merged into job.result (in SQL: the claim does not read the result). */
type ReleasePatch = { nextPollAt?: number; progress?: string; facts?: string };

/** releaseLease with an optional new poll time, progress and result facts, prepared once. */
function prepareRelease(db: Db) {
  return db
    .update(jobs)
    .set({
      leaseOwner: null,
      leaseUntil: null,
      nextPollAt: sql`coalesce(${sql.placeholder('next')}, ${jobs.nextPollAt})`,
      progress: sql`coalesce(${sql.placeholder('progress')}, ${jobs.progress})`,
      result: sql`case when ${sql.placeholder('facts')} is null then ${jobs.result}
        else json_patch(coalesce(${jobs.result}, '{}'), ${sql.placeholder('facts')}) end`,
    })
    .where(and(eq(jobs.id, sql.placeholder('id')), eq(jobs.leaseOwner, sql.placeholder('owner'))))
    .prepare();
}
