/**
 * The shared async poller under load: 10,000 Midjourney jobs already submitted to the gateway
 * simulator, reaching SUCCESS over about three and a half minutes of virtual time.
 *
 * Three processes: this one (seeding, the virtual clock, the numbers); the simulator on a manual
 * clock (bench/poller-sim.ts); the poller process (bench/poller-worker.ts): the real AsyncPoller,
 * MidjourneyFamily, gateway client (undici), SQLite job store and ResultStore, compiled and run
 * by plain node as in production, with a notifier in place of Telegram. Its RSS is the number.
 *
 * Each step the poller process does what the production loop does in one interval (tick, and
 * again at once while ticks are full); virtual time then moves by max(1 s, the CPU time the
 * poller spent), so processing time counts against the delivery delay.
 *
 * Reported: polling requests per completed job against a naive loop that fetches each task
 * every 3 s (the seed's Python helper) on the same task timings; delivery delay after the
 * gateway first shows SUCCESS (p50/p95); peak RSS of the poller process. A second, smaller run
 * shows the single-fetch fallback (gateway without list-by-condition).
 *
 * Environment for diagnostics: BENCH_TSX=1 (poller under tsx), BENCH_NODE_FLAGS="…" (node flags
 * of the children, e.g. --max-old-space-size=96), BENCH_TRACE=1 (one line per tick).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { closeDb, openDb } from '../../src/db/client.js';
import { users } from '../../src/db/schema.js';
import { createGatewayClient } from '../../src/gateway/client.js';
import { createJob } from '../../src/jobs/lifecycle.js';
import { transition } from '../../src/jobs/store.js';
import { DEFAULT_TEST_KEY, type GatewaySimOptions } from '../../test/fakes/gateway-sim/index.js';
import {
  type BenchOptions,
  type BenchResult,
  type GoalRow,
  percentile,
  type Scenario,
} from '../scenario.js';

const REPO = path.resolve(import.meta.dirname, '../..');
const SUBMITTED_MS = 2_000;
const WAITING_MS = 3_000;
const STEP_MS = 8_000;
/** Queue slot to SUCCESS: SUBMITTED, "Waiting to start", 15% → 46% → 78% → SUCCESS. */
const RUN_MS = SUBMITTED_MS + WAITING_MS + 3 * STEP_MS;
const NAIVE_INTERVAL_MS = 3_000;
const TICK_MS = 1_000;

/** Deterministic pseudo-random numbers (mulberry32), so runs are comparable. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The poller process runs compiled JavaScript under plain node, as production does (the Docker
 * image runs `node dist/src/main.js`): src/ and the worker are transpiled (no type check) with
 * the TypeScript compiler into a temporary folder next to a link to node_modules.
 */
async function compileWorker(): Promise<{ entry: string; cleanup: () => void }> {
  const ts = (await import('typescript')).default;
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'genbot-bench-js-'));
  const files: string[] = [path.join(REPO, 'bench/poller-worker.ts')];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.ts') && !e.name.endsWith('.d.ts')) files.push(p);
    }
  };
  walk(path.join(REPO, 'src'));
  for (const file of files) {
    const { outputText } = ts.transpileModule(fs.readFileSync(file, 'utf8'), {
      fileName: file,
      compilerOptions: {
        module: ts.ModuleKind.ESNext,
        target: ts.ScriptTarget.ES2022,
        verbatimModuleSyntax: false,
      },
    });
    const target = path.join(out, path.relative(REPO, file)).replace(/\.ts$/, '.js');
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, outputText);
  }
  fs.writeFileSync(path.join(out, 'package.json'), '{"type":"module"}');
  fs.symlinkSync(path.join(REPO, 'node_modules'), path.join(out, 'node_modules'), 'dir');
  fs.cpSync(path.join(REPO, 'drizzle'), path.join(out, 'drizzle'), { recursive: true });
  return {
    entry: path.join(out, 'bench/poller-worker.js'),
    cleanup: () => fs.rmSync(out, { recursive: true, force: true }),
  };
}

/** A child process spoken to over IPC, one request at a time. */
class Child {
  private constructor(private readonly child: ChildProcess) {}

  /** `file` is a path under the repo run with tsx, or an absolute .js path run by plain node. */
  static async start<T>(file: string, arg: unknown): Promise<{ child: Child; first: T }> {
    const flags = process.env.BENCH_NODE_FLAGS?.split(' ').filter(Boolean) ?? [];
    const compiled = path.isAbsolute(file) && file.endsWith('.js');
    const proc = spawn(
      process.execPath,
      [
        ...flags,
        ...(compiled ? [file] : ['--import', 'tsx', path.join(REPO, file)]),
        JSON.stringify(arg),
      ],
      { cwd: REPO, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] },
    );
    const first = await new Promise<T>((resolve, reject) => {
      proc.once('message', (m) => resolve(m as T));
      proc.once('exit', (code) => reject(new Error(`${file} exited (${code})`)));
    });
    return { child: new Child(proc), first };
  }

  request<T>(message: Record<string, unknown>): Promise<T> {
    return new Promise<T>((resolve) => {
      this.child.once('message', (m) => resolve(m as T));
      this.child.send(message);
    });
  }

  async close(): Promise<void> {
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.send({ op: 'close' });
    await exited;
  }
}

interface TickReport {
  delivered: string[];
  failed: string[];
  polls: number;
  downloads: number;
  cpuMs: number;
  realMs: number;
  rss: number;
  heapUsed: number;
}

interface RunConfig {
  jobs: number;
  /** Queue slots are spread over this window, so completions spread over minutes. */
  spreadMs: number;
  listSupported: boolean;
}

const mbOf = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const sec = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** Submits every task (not counted), spreads their start, seeds the job store. */
async function seed(
  config: RunConfig,
  simUrl: string,
  sim: Child,
  dir: string,
): Promise<{ t0: number; doneAt: Map<string, number>; firstDone: number; lastDone: number }> {
  const t0 = (await sim.request<{ now: number }>({ op: 'now' })).now;
  const gateway = createGatewayClient({
    baseUrl: simUrl,
    apiKey: DEFAULT_TEST_KEY,
    logger: pino({ level: 'silent' }),
  });
  const ids: string[] = new Array(config.jobs);
  let next = 0;
  await Promise.all(
    Array.from({ length: 32 }, async () => {
      while (next < config.jobs) {
        const i = next++;
        ids[i] = (await gateway.imagine({ prompt: `bench task ${i}`, mode: 'fast' })).taskId;
      }
    }),
  );
  await gateway.close();
  const rnd = random(42);
  const offsets = ids.map(() => Math.floor(rnd() * config.spreadMs));
  await sim.request({ op: 'delay', starts: ids.map((id, i) => [id, offsets[i] ?? 0]) });

  const db = openDb(path.join(dir, 'bot.sqlite'));
  db.insert(users).values({ id: 1, firstName: 'bench' }).run();
  const doneAt = new Map<string, number>();
  db.transaction(() => {
    ids.forEach((id, i) => {
      const created = createJob(db, {
        userId: 1,
        chatId: 1,
        family: 'midjourney',
        kind: 'imagine',
        model: 'mj_fast',
        params: { op: 'imagine', prompt: 'bench', mode: 'fast', botType: 'MID_JOURNEY' },
        price: 0,
        payer: 'balance',
      });
      if (!created.ok) throw new Error('createJob failed');
      transition(db, created.job.id, 'queued', 'submitting');
      transition(db, created.job.id, 'submitting', 'running', {
        upstreamId: id,
        // Pending jobs were submitted at different moments: their next looks are spread too.
        nextPollAt: t0 + 1_000 + Math.floor(rnd() * 3_000),
        deadlineAt: t0 + 15 * 60_000,
      });
      doneAt.set(created.job.id, t0 + (offsets[i] ?? 0) + RUN_MS);
    });
  });
  closeDb(db);
  const times = [...doneAt.values()];
  return {
    t0,
    doneAt,
    firstDone: Math.min(...times) - t0,
    lastDone: Math.max(...times) - t0,
  };
}

/** The run's figures that have a goal: RSS with the list route, delay and cost without it. */
function goalsOf(
  config: RunConfig,
  f: { p95: number; perJob: number; peakRss: number },
): GoalRow[] {
  const jobs = config.jobs.toLocaleString('en');
  const fewer = (goalJobs: number) =>
    config.jobs < goalJobs
      ? { note: `quick run: ${jobs} jobs, the goal is for ${goalJobs.toLocaleString('en')}` }
      : {};
  if (config.listSupported)
    return [
      {
        measure: `poller peak RSS, ${jobs} pending MJ jobs`,
        value: mbOf(f.peakRss),
        goal: '< 120 MB',
        held: f.peakRss < 120 * 1024 * 1024,
        ...fewer(10_000),
      },
    ];
  return [
    {
      measure: `Midjourney delivery p95 without list route (${jobs} jobs)`,
      value: sec(f.p95),
      goal: '< 10 s',
      held: f.p95 < 10_000,
      ...fewer(1_000),
    },
    {
      measure: 'requests per job without list route',
      value: f.perJob.toFixed(2),
      goal: '≤ 10',
      held: f.perJob <= 10,
    },
  ];
}

async function runOnce(config: RunConfig, workerEntry: string): Promise<BenchResult> {
  const { child: sim, first } = await Child.start<{ url: string }>('bench/poller-sim.ts', {
    mjQueue: { coreSize: config.jobs * 2, queueSize: config.jobs * 2 },
    timings: { mjSubmittedMs: SUBMITTED_MS, mjWaitingMs: WAITING_MS, mjStepMs: STEP_MS },
    // Without the route the poller learns it from the first 404, as against such a gateway.
    mjNoList: !config.listSupported,
  } satisfies GatewaySimOptions);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'genbot-bench-poller-'));
  let worker: Child | undefined;
  try {
    const { t0, doneAt, firstDone, lastDone } = await seed(config, first.url, sim, dir);
    const started = await Child.start<{ rss: number }>(workerEntry, { dir, simUrl: first.url });
    worker = started.child;

    let now = t0;
    const delays: number[] = [];
    const failures: string[] = [];
    let peakRss = started.first.rss;
    let peakHeap = 0;
    let ticks = 0;
    let slowestCpu = 0;
    let slowestReal = 0;
    let busiest = 0;
    let polls = 0;
    let downloads = 0;
    const wall = performance.now();
    while (delays.length + failures.length < config.jobs && now < t0 + 15 * 60_000) {
      const r = await worker.request<TickReport>({ op: 'tick', now });
      ticks++;
      // The tick's own processing (this process's CPU, not the simulator's) counts as time that
      // passed: a result is "sent" at the end of the tick that found it.
      const charged = Math.ceil(r.cpuMs);
      for (const id of r.delivered) delays.push(now + charged - (doneAt.get(id) ?? now));
      failures.push(...r.failed);
      busiest = Math.max(busiest, r.polls - polls);
      polls = r.polls;
      downloads = r.downloads;
      slowestCpu = Math.max(slowestCpu, r.cpuMs);
      slowestReal = Math.max(slowestReal, r.realMs);
      peakRss = Math.max(peakRss, r.rss);
      if (process.env.BENCH_TRACE)
        console.log(
          `t=${((now - t0) / 1000).toFixed(0)}s rss=${mbOf(r.rss)} heap=${mbOf(r.heapUsed)} cpu=${r.cpuMs.toFixed(0)}ms delivered=${r.delivered.length} polls=${r.polls}`,
        );
      peakHeap = Math.max(peakHeap, r.heapUsed);
      const step = Math.max(TICK_MS, charged);
      now += step;
      await sim.request({ op: 'advance', ms: step });
    }
    const wallMs = performance.now() - wall;

    let naive = 0;
    for (const at of doneAt.values()) naive += Math.floor((at - t0) / NAIVE_INTERVAL_MS) + 1;
    const perJob = polls / Math.max(1, delays.length);
    const naivePerJob = naive / config.jobs;
    return {
      title: `poller: ${config.jobs.toLocaleString('en')} Midjourney jobs, ${
        config.listSupported
          ? 'list-by-condition (50 ids per request)'
          : 'single fetches (no list route)'
      }`,
      rows: [
        ['jobs delivered / failed', `${delays.length} / ${failures.length}`],
        ['tasks reach SUCCESS between (virtual)', `${sec(firstDone)} – ${sec(lastDone)}`],
        ['poll requests', polls.toLocaleString('en')],
        ['poll requests per completed job', perJob.toFixed(2)],
        ['naive 3 s loop: requests per job', naivePerJob.toFixed(2)],
        ['ratio to naive (goal ≤ 0.33)', (perJob / naivePerJob).toFixed(3)],
        ['result downloads (one per job)', downloads.toLocaleString('en')],
        ['delivery delay after SUCCESS p50', sec(percentile(delays, 50))],
        [
          `delivery delay after SUCCESS p95 (goal < ${config.listSupported ? 5 : 10} s)`,
          sec(percentile(delays, 95)),
        ],
        ['delivery delay max', sec(Math.max(...delays))],
        ['most poll requests in one tick', String(busiest)],
        [
          'ticks; slowest tick CPU / real',
          `${ticks}; ${slowestCpu.toFixed(0)} ms / ${slowestReal.toFixed(0)} ms`,
        ],
        ['peak RSS of the poller process (goal < 120 MB at 10,000 jobs)', mbOf(peakRss)],
        ['poller RSS at start; peak JS heap', `${mbOf(started.first.rss)}; ${mbOf(peakHeap)}`],
        ['wall time', sec(wallMs)],
      ],
      notes: [
        `Task timings: queue slot spread over ${config.spreadMs / 1000} s, then ${RUN_MS / 1000} s to SUCCESS (2 s submitted, 3 s waiting, 3 × 8 s steps).`,
        'Naive = one fetch per task right after submit and every 3 s until SUCCESS, on the same timings.',
        'Delay = virtual time from the gateway first showing SUCCESS to the end of the tick that delivered it; a tick costs max(1 s, its CPU time).',
        'The poller runs compiled JS under plain node (as in production; BENCH_TSX=1 runs it under tsx, ~+40 MB) in its own process; the simulator in another; "real" tick time includes the simulator answering.',
        ...(failures.length > 0 ? [`failures: ${[...new Set(failures)].join(', ')}`] : []),
      ],
      goals: goalsOf(config, { p95: percentile(delays, 95), perJob, peakRss }),
    };
  } finally {
    await worker?.close();
    await sim.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export const pollerScenario: Scenario = {
  name: 'poller',
  description:
    '10,000 pending Midjourney jobs on the simulator (virtual clock): requests per job vs a naive 3 s loop, delivery delay, RSS',
  async run(options: BenchOptions): Promise<BenchResult[]> {
    const jobs = options.quick ? 1_000 : 10_000;
    const worker = process.env.BENCH_TSX
      ? { entry: 'bench/poller-worker.ts', cleanup: () => {} }
      : await compileWorker();
    try {
      const results = [
        await runOnce({ jobs, spreadMs: 180_000, listSupported: true }, worker.entry),
      ];
      // Without list-by-condition: the per-tick fetch budget bounds the cost; a smaller load.
      results.push(
        await runOnce(
          { jobs: options.quick ? 200 : 1_000, spreadMs: 180_000, listSupported: false },
          worker.entry,
        ),
      );
      return results;
    } finally {
      worker.cleanup();
    }
  },
};

// `tsx bench/scenarios/poller.ts` runs it alone.
if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const quick = process.argv.includes('--quick');
  for (const r of await pollerScenario.run({ quick })) {
    console.log(`\n${r.title}`);
    for (const [k, v] of r.rows) console.log(`  ${k.padEnd(48)} ${v}`);
    for (const n of r.notes ?? []) console.log(`  ${n}`);
  }
  process.exit(0);
}
