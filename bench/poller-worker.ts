/**
 * The poller process of the poller benchmark: the real AsyncPoller, MidjourneyFamily, gateway
 * client and SQLite job store (seeded by the parent), ticking on command so the parent can move
 * the virtual clock of this process and of the simulator together. Its RSS is what a bot
 * process polling that many jobs needs. IPC:
 *   { op: 'tick', now }  → { delivered: jobId[], failed: code[], polls, downloads, cpuMs, realMs,
 *                            rss, heapUsed }
 *   { op: 'close' }      → exits
 */
import path from 'node:path';
import pino from 'pino';
import { closeDb, openDb } from '../src/db/client.js';
import { createGatewayClient } from '../src/gateway/client.js';
import { MidjourneyFamily } from '../src/jobs/midjourney/family.js';
import { AsyncPoller } from '../src/jobs/poller.js';
import type { JobNotifier } from '../src/jobs/ports.js';
import { ResultStore } from '../src/jobs/result-store.js';

/** The simulator's default key (kept literal: this file also runs compiled, without the sim). */
const DEFAULT_TEST_KEY = 'sk-test-unlimited';

interface WorkerConfig {
  dir: string;
  simUrl: string;
}

type Message = { op: 'tick'; now: number } | { op: 'close' };

const config = JSON.parse(process.argv[2] ?? '{}') as WorkerConfig;
const logger = pino({ level: 'silent' });
const db = openDb(path.join(config.dir, 'bot.sqlite'), { migrate: false });
const requests = new Map<string, number>();
const gateway = createGatewayClient({
  baseUrl: config.simUrl,
  apiKey: DEFAULT_TEST_KEY,
  logger,
  onRequest: (info) => requests.set(info.route, (requests.get(info.route) ?? 0) + info.attempts),
});

let now = 0;
let delivered: string[] = [];
let failed: string[] = [];
const notifier: JobNotifier = {
  progress: async () => {},
  deliver: async (job) => {
    delivered.push(job.id);
    return {};
  },
  failed: async (job) => {
    failed.push(job.errorCode ?? 'unknown');
  },
};
const family = new MidjourneyFamily({
  logger,
  gatewayFor: async () => gateway,
  loadInput: async () => {
    throw new Error('no inputs in the bench');
  },
  results: new ResultStore(path.join(config.dir, 'results')),
  maxResultBytes: 50 * 1024 * 1024,
  modal: { db, modalPrice: () => 0, dispatch: () => {} },
  askModal: async () => {},
});
const poller = new AsyncPoller({
  db,
  logger,
  notifier,
  families: [family],
  laneOf: () => 'operator',
  toFailure: (err) => ({ code: err instanceof Error ? err.message : 'unknown' }),
  instanceId: 'bench',
  fetchBudget: { start: 50 },
  now: () => now,
  // Production defaults (2,000 jobs per tick, 8 deliveries at once).
  ...(process.env.BENCH_MAX_JOBS ? { maxJobsPerTick: Number(process.env.BENCH_MAX_JOBS) } : {}),
});
const maxJobsPerTick = Number(process.env.BENCH_MAX_JOBS ?? 2_000);

/** What the production loop does in one interval: tick, and again at once while ticks are full. */
async function interval(at: number): Promise<void> {
  for (;;) {
    const report = await poller.tick(at);
    if (report.claimed < maxJobsPerTick) return;
  }
}

const polls = () =>
  (requests.get('POST /mj/task/list-by-condition') ?? 0) +
  (requests.get('GET /mj/task/:id/fetch') ?? 0);

process.on('message', (raw: unknown) => {
  const message = raw as Message;
  if (message.op === 'close') {
    void gateway.close().then(() => {
      closeDb(db);
      process.exit(0);
    });
    return;
  }
  now = message.now;
  delivered = [];
  failed = [];
  const cpu = process.cpuUsage();
  const started = performance.now();
  void interval(now).then(() => {
    const used = process.cpuUsage(cpu);
    // Diagnostics (BENCH_NODE_FLAGS=--expose-gc): the heap that survives a full collection.
    (globalThis as { gc?: () => void }).gc?.();
    const mem = process.memoryUsage();
    process.send?.({
      delivered,
      failed,
      polls: polls(),
      downloads: requests.get('GET download') ?? 0,
      cpuMs: (used.user + used.system) / 1000,
      realMs: performance.now() - started,
      rss: mem.rss,
      heapUsed: mem.heapUsed,
    });
  });
});
process.send?.({ ready: true, rss: process.memoryUsage().rss });
