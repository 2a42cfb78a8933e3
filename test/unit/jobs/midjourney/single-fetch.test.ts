import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../../src/db/client.js';
import { createGatewayClient, type GatewayClient } from '../../../../src/gateway/client.js';
import { createJob } from '../../../../src/jobs/lifecycle.js';
import { MidjourneyFamily } from '../../../../src/jobs/midjourney/family.js';
import { AsyncPoller } from '../../../../src/jobs/poller.js';
import { transition } from '../../../../src/jobs/store.js';
import {
  DEFAULT_TEST_KEY,
  type GatewaySim,
  startGatewaySim,
} from '../../../fakes/gateway-sim/index.js';
import { tempDb } from '../../../helpers/temp-db.js';
import { addUser, RecordingNotifier, silentLogger, tempResults } from '../harness.js';

const JOBS = 50;
const FETCH = /^\/mj\/task\/([^/]+)\/fetch$/;

/**
 * The real poller, Midjourney family and gateway client against a simulator without
 * list-by-condition, on its manual clock: one tick per simulated second, so minutes of task time
 * take a moment.
 */
describe('poller over a gateway without list-by-condition', () => {
  let sim: GatewaySim;
  let gateway: GatewayClient;
  let db: Db;
  let notifier: RecordingNotifier;
  let poller: AsyncPoller;
  const cleanups: Array<() => void | Promise<void>> = [];

  beforeEach(async () => {
    sim = await startGatewaySim({
      manualClock: true,
      mjNoList: true,
      mjQueue: { coreSize: JOBS, queueSize: JOBS },
      // About 29 s from submit to SUCCESS, as in the poller benchmark.
      timings: { mjSubmittedMs: 2_000, mjWaitingMs: 3_000, mjStepMs: 8_000 },
    });
    gateway = createGatewayClient({
      baseUrl: sim.url,
      apiKey: DEFAULT_TEST_KEY,
      logger: silentLogger,
    });
    const database = tempDb();
    db = database.db;
    const store = tempResults();
    cleanups.push(
      database.cleanup,
      store.cleanup,
      () => gateway.close(),
      () => sim.close(),
    );
    addUser(db, 1, 100_000);
    notifier = new RecordingNotifier();
    const family = new MidjourneyFamily({
      logger: silentLogger,
      gatewayFor: async () => gateway,
      loadInput: async () => ({ data: Buffer.alloc(0), mime: 'image/png' }),
      results: store.results,
      maxResultBytes: 10 * 1024 * 1024,
      modal: { db, modalPrice: () => 10, dispatch: () => {} },
      askModal: async () => {},
    });
    poller = new AsyncPoller({
      db,
      logger: silentLogger,
      notifier,
      families: [family],
      laneOf: () => 'operator',
      toFailure: () => ({ code: 'unknown' }),
      instanceId: 'p1',
      now: () => sim.now(),
      random: () => 0.5,
    });
    // Submitted together; every job's first look is due a second later.
    const t0 = sim.now();
    for (let i = 0; i < JOBS; i++) {
      const { taskId } = await gateway.imagine({ prompt: `task ${i}` });
      const created = createJob(db, {
        userId: 1,
        chatId: 1,
        family: 'midjourney',
        kind: 'imagine',
        model: 'mj_fast',
        params: { op: 'imagine', prompt: `task ${i}`, mode: 'fast', botType: 'MID_JOURNEY' },
        price: 10,
        payer: 'balance',
      });
      if (!created.ok) throw new Error('no funds');
      transition(db, created.job.id, 'queued', 'submitting');
      transition(db, created.job.id, 'submitting', 'running', {
        upstreamId: taskId,
        nextPollAt: t0 + 1_000,
        deadlineAt: t0 + 10 * 60_000,
      });
    }
  });
  afterEach(async () => {
    for (const done of cleanups.splice(0).reverse()) await done();
  });

  const fetches = () => sim.requests.filter((r) => FETCH.test(r.path));

  /** One tick per simulated second until every job is delivered (or 5 minutes passed). */
  async function runAll(onTick: () => void = () => {}): Promise<void> {
    const end = sim.now() + 5 * 60_000;
    while (notifier.delivered.length < JOBS && sim.now() < end) {
      sim.advance(1_000);
      await poller.tick(sim.now());
      onTick();
    }
  }

  function expectBoundedFetches(): void {
    const perTask = new Map<string, number>();
    for (const r of fetches()) {
      const id = FETCH.exec(r.path)?.[1] ?? '';
      perTask.set(id, (perTask.get(id) ?? 0) + 1);
    }
    expect(perTask.size).toBe(JOBS);
    expect(Math.max(...perTask.values())).toBeLessThanOrEqual(10);
  }

  it('learns the route is missing from one 404, delivers 50 jobs in at most 10 fetches each', async () => {
    await runAll();
    expect(notifier.delivered).toHaveLength(JOBS);
    expect(sim.requests.filter((r) => r.path === '/mj/task/list-by-condition')).toHaveLength(1);
    expectBoundedFetches();
    const [lane] = poller.fetchBudgets();
    expect(lane?.lane).toBe('operator');
    expect(lane?.spent.rate_limited).toBe(0);
    expect(lane?.spent.ok).toBe(fetches().length);
  });

  it('a 429 burst with Retry-After halves the budget, nothing is fetched during the pause, then it grows back', async () => {
    sim.inject({
      route: FETCH,
      preset: 'rate-limit-json',
      headers: { 'Retry-After': '5' },
      times: 3,
    });
    let refusedAt: number | undefined;
    let lowest = Number.POSITIVE_INFINITY;
    await runAll(() => {
      const lane = poller.fetchBudgets()[0];
      if (!lane) return;
      lowest = Math.min(lowest, lane.perTick);
      if (refusedAt === undefined && lane.spent.rate_limited > 0) {
        refusedAt = sim.now();
        // 25 halved once for the whole burst; the lane waits out its Retry-After.
        expect(lane.perTick).toBe(12);
        expect(lane.allowance).toBe(0);
      }
    });
    expect(notifier.delivered).toHaveLength(JOBS);
    const paused = refusedAt;
    if (paused === undefined) throw new Error('no 429 was seen');
    expect(lowest).toBe(12);
    const at = fetches().map((r) => r.at);
    expect(at.filter((t) => t > paused && t < paused + 5_000)).toEqual([]);
    expect(at.filter((t) => t === paused + 5_000).length).toBeGreaterThan(0);
    const [lane] = poller.fetchBudgets();
    expect(lane?.spent.rate_limited).toBe(3);
    expect(lane?.perTick).toBeGreaterThan(12);
    expectBoundedFetches();
  });
});
