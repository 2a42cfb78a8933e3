/**
 * 200 image jobs submitted at once against the gateway simulator (2 s per call), while a few
 * other users keep sending /start. The bot runs as its own process (`node --import tsx
 * src/main.ts`, as `npm start` does), so its RSS is its own and its event loop is not shared with
 * the stand-ins. Latencies are measured at the Telegram stand-in: from the moment an update is
 * queued for the bot to the moment the bot's answer arrives.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import type { Message } from 'grammy/types';
import { createKeyBox } from '../../src/accounts/key-box.js';
import { linkKey } from '../../src/accounts/own-keys.js';
import { topUp } from '../../src/billing/ledger.js';
import { closeDb, openDb } from '../../src/db/client.js';
import { users } from '../../src/db/schema.js';
import type { GatewaySimOptions } from '../../test/fakes/gateway-sim/index.js';
import {
  type CallRecord,
  startTelegramStandIn,
  type TelegramStandIn,
  type TestUser,
} from '../../test/fakes/telegram/index.js';
import {
  type BenchOptions,
  type BenchResult,
  mb,
  ms,
  percentile,
  type Scenario,
} from '../scenario.js';

const REPO = path.resolve(import.meta.dirname, '../..');
const OPERATOR_KEY = 'sk-benchOperatorKey0123456789abcdef';
const PROBERS = 5;
const PROBE_PAUSE_MS = 50;
const SEND_RATE = Number(process.env.BENCH_SEND_RATE ?? 100_000);
const RUN_TIMEOUT_MS = Number(process.env.BENCH_RUN_TIMEOUT_MS ?? 120_000);

/**
 * On a machine with few cores the bot, the stand-in and the simulator fight over CPU time, and
 * latency read at the stand-in then measures that fight. Unless BENCH_PIN=0, where taskset
 * exists the bot gets the last CPU to itself and this process (stand-in, simulator) the others,
 * as in production, where Telegram and the gateway do not run on the bot's machine.
 */
const PIN = (() => {
  const cpus = os.availableParallelism();
  if (process.env.BENCH_PIN === '0' || cpus < 2 || !fs.existsSync('/usr/bin/taskset')) return;
  return { bot: String(cpus - 1), rest: cpus === 2 ? '0' : `0-${cpus - 2}`, all: `0-${cpus - 1}` };
})();

/** Sets this process's CPUs, every thread of it (the simulator's worker is started after). */
const pinSelf = (cpus: string) =>
  execFileSync('taskset', ['-a', '-cp', cpus, String(process.pid)], { stdio: 'ignore' });

interface RunConfig {
  jobs: number;
  latencyMs: number;
  /** operator: every job spends the operator's key (one lane); own: each user their own key. */
  keys: 'operator' | 'own';
  jobConcurrency: number;
  keyConcurrency: number;
}

/** Follows the stand-in's call log without waiters (they would cost the stand-in, not the bot). */
class Tracker {
  private index = 0;
  private readonly timer: NodeJS.Timeout;
  private readonly listeners = new Set<(call: CallRecord) => void>();

  constructor(private readonly tg: TelegramStandIn) {
    this.timer = setInterval(() => this.poll(), 2);
  }

  poll(): void {
    const calls = this.tg.calls;
    for (; this.index < calls.length; this.index++) {
      const call = calls[this.index];
      if (call) for (const l of this.listeners) l(call);
    }
  }

  /** Resolves with the first later call matching `match` (its arrival time is `call.at`). */
  next(match: (call: CallRecord) => boolean, timeoutMs = 60_000): Promise<CallRecord> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.listeners.delete(listener);
        reject(new Error('bench: no answer in time'));
      }, timeoutMs);
      const listener = (call: CallRecord) => {
        if (!match(call)) return;
        this.listeners.delete(listener);
        clearTimeout(timer);
        resolve(call);
      };
      this.listeners.add(listener);
    });
  }

  on(listener: (call: CallRecord) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  stop(): void {
    clearInterval(this.timer);
  }
}

const textOf = (call: CallRecord) =>
  call.messages[0]?.text ?? call.messages[0]?.caption ?? String(call.params.text ?? '');
const toChat = (call: CallRecord, chatId: number) => String(call.params.chat_id) === String(chatId);

/** One /start probe: `key` is chat:message id; times are the stand-in's (epoch ms). */
interface Probe {
  key: string;
  repliedAt: number;
  ms: number;
}

/**
 * Time from the getUpdates answer that handed a probe's update to the bot to the bot's reply:
 * the bot's own share, without the wait behind earlier updates in Telegram's queue.
 */
function handlerLatencies(tg: TelegramStandIn, probes: Probe[]): number[] {
  const handedOut = new Map<string, number>();
  for (const call of tg.callsTo('getUpdates')) {
    if (!call.response.ok) continue;
    for (const u of call.response.result as Array<{ message?: Message }>) {
      const key = u.message ? `${u.message.chat.id}:${u.message.message_id}` : undefined;
      if (key && !handedOut.has(key)) handedOut.set(key, call.answeredAt);
    }
  }
  return probes.flatMap((p) => {
    const at = handedOut.get(p.key);
    return at === undefined ? [] : [p.repliedAt - at];
  });
}

/** The simulator in a worker thread; resolves once it listens. */
async function startSimWorker(
  options: GatewaySimOptions,
): Promise<{ url: string; close(): Promise<void> }> {
  // A TypeScript entry in a worker needs tsx registered inside the worker first.
  const entry = new URL('../sim-worker.ts', import.meta.url).href;
  const boot = `import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`;
  const worker = new Worker(boot, { eval: true, workerData: options });
  const url = await new Promise<string>((resolve, reject) => {
    worker.once('error', reject);
    worker.once('message', (m: { url: string }) => resolve(m.url));
  });
  return {
    url,
    close: async () => {
      const closed = new Promise<void>((resolve) => worker.once('message', () => resolve()));
      worker.postMessage('close');
      await Promise.race([closed, new Promise((r) => setTimeout(r, 5_000))]);
      await worker.terminate();
    },
  };
}

/** Unlabelled samples of the bot's /metrics (Prometheus text); empty when unreachable. */
async function scrape(port: number): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  if (!Number.isFinite(port) || port <= 0) return out;
  try {
    const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    for (const line of text.split('\n')) {
      const m = /^([a-z0-9_]+) ([0-9.eE+-]+)$/.exec(line);
      if (m?.[1] && m[2]) out.set(m[1], Number(m[2]));
    }
  } catch {
    // No metrics: the rows say n/a.
  }
  return out;
}

function rssOf(pid: number): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1];
    return kb ? Number(kb) * 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

function waitForOutput(child: ChildProcess, pattern: RegExp, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      if (pattern.test(out)) {
        child.stdout?.off('data', onData);
        clearTimeout(timer);
        resolve(out);
      }
    };
    const timer = setTimeout(
      () => reject(new Error(`bot did not start in ${timeoutMs} ms:\n${out}`)),
      timeoutMs,
    );
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`bot exited with ${code}:\n${out}`)));
  });
}

async function runOnce(config: RunConfig): Promise<BenchResult> {
  if (PIN) pinSelf(PIN.rest);
  const tg = await startTelegramStandIn();
  const ownKeys = new Map<number, string>();
  const jobUsers: TestUser[] = Array.from({ length: config.jobs }, () =>
    tg.user({ language_code: 'en' }),
  );
  const probers: TestUser[] = Array.from({ length: PROBERS }, (_, i) =>
    tg.user({ first_name: `Probe${i}`, language_code: 'en' }),
  );
  const warm = tg.user({ language_code: 'en' });
  if (config.keys === 'own')
    for (const u of jobUsers)
      ownKeys.set(u.id, `sk-bench${u.id}x${randomBytes(8).toString('hex')}`);
  const gateway = await startSimWorker({
    speed: 1,
    // Eight colourings, each drawn once: the simulator must not take the CPU it shares with the
    // stand-in for drawing 200 PNGs at the moment the results are fetched.
    pngVariety: 8,
    timings: { imageLatencyMs: config.latencyMs },
    keys: {
      [OPERATOR_KEY]: { unlimited: true },
      ...Object.fromEntries([...ownKeys.values()].map((k) => [k, { unlimited: true }])),
    },
  });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'genbot-bench-'));
  const dbPath = path.join(dataDir, 'bot.sqlite');
  const secret = randomBytes(32).toString('hex');

  // Seed before the bot starts: users with a balance (and their own keys).
  const db = openDb(dbPath);
  const box = createKeyBox(secret);
  for (const u of [...jobUsers, warm]) {
    db.insert(users).values({ id: u.id, firstName: u.user.first_name }).run();
    topUp(db, { userId: u.id, amount: 1_000, ref: `bench:${u.id}` });
    const key = ownKeys.get(u.id);
    if (key) linkKey(db, box, u.id, key);
  }
  closeDb(db);

  const nodeArgs = [
    ...(process.env.BENCH_CPU_PROF
      ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_CPU_PROF]
      : []),
    '--import',
    'tsx',
    'src/main.ts',
  ];
  const child = spawn(
    PIN ? 'taskset' : process.execPath,
    PIN ? ['-c', PIN.bot, process.execPath, ...nodeArgs] : nodeArgs,
    {
      cwd: REPO,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? os.tmpdir(),
        BOT_TOKEN: tg.token,
        BOT_API_ROOT: tg.apiRoot,
        GATEWAY_BASE_URL: gateway.url,
        GATEWAY_API_KEY: OPERATOR_KEY,
        DATABASE_PATH: dbPath,
        KEY_ENCRYPTION_SECRET: secret,
        // The stand-in applies no flood limits; paced at Telegram's ~30/s the run would measure
        // that budget, not the bot. BENCH_SEND_RATE=28 shows the production pacing.
        TELEGRAM_SEND_RATE: String(SEND_RATE),
        JOB_CONCURRENCY: String(config.jobConcurrency),
        KEY_CONCURRENCY: String(config.keyConcurrency),
        LOG_LEVEL: 'info',
        HOST: '127.0.0.1',
        PORT: '0',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // Keep reading, or a full pipe would stall the bot's logger (BENCH_VERBOSE=1 shows it).
  if (process.env.BENCH_VERBOSE) {
    child.stdout?.pipe(process.stderr);
    child.stderr?.pipe(process.stderr);
  } else {
    child.stdout?.resume();
    child.stderr?.resume();
  }
  const tracker = new Tracker(tg);
  try {
    const startLog = await waitForOutput(child, /is polling for updates/, 60_000);
    const pid = child.pid as number;
    const metricsPort = Number(/"port":(\d+)[^\n]*is polling for updates/.exec(startLog)?.[1]);

    /** /start from a prober: push → the bot's greeting arrives at the stand-in. */
    const probeOnce = async (user: TestUser): Promise<Probe> => {
      const reply = tracker.next(
        (c) => c.method === 'sendMessage' && toChat(c, user.id) && /Hi, Probe/.test(textOf(c)),
      );
      const pushedAt = Date.now();
      const sent = user.send('/start');
      const repliedAt = (await reply).at;
      return { key: `${user.id}:${sent.message_id}`, repliedAt, ms: repliedAt - pushedAt };
    };

    // Warm-up: the first updates load code paths (JIT, i18n bundles, prepared statements).
    for (const p of probers) await probeOnce(p);
    const warmDone = tracker.next((c) => c.method === 'sendPhoto' && toChat(c, warm.id));
    warm.send('/imagine warm-up');
    await warmDone;
    const idle: number[] = [];
    for (let i = 0; i < 20; i++) idle.push((await probeOnce(probers[i % PROBERS] as TestUser)).ms);
    const rssIdle = rssOf(pid);
    // Reading the metrics resets the bot's event-loop delay histogram: the next read covers the run.
    await scrape(metricsPort);

    // The load: every job user sends /imagine at once.
    const queuedAt = new Map<number, number>();
    const deliveredAt = new Map<number, number>();
    const failed = new Set<number>();
    const jobIds = new Set(jobUsers.map((u) => u.id));
    let resolveAll: () => void = () => {};
    const allDone = new Promise<void>((r) => {
      resolveAll = r;
    });
    const off = tracker.on((c) => {
      const chat = Number(c.params.chat_id);
      if (!jobIds.has(chat)) return;
      const text = textOf(c);
      if (c.method === 'sendMessage' && /Queued/.test(text)) queuedAt.set(chat, c.at);
      else if (c.method === 'sendPhoto' || c.method === 'sendDocument') deliveredAt.set(chat, c.at);
      else if (/failed/.test(text)) failed.add(chat);
      if (deliveredAt.size + failed.size >= jobIds.size) resolveAll();
    });

    let rssPeak = rssIdle;
    const sampler = setInterval(() => {
      const rss = rssOf(pid);
      if (rss > rssPeak) rssPeak = rss;
    }, 50);
    const pushedAt = new Map<number, number>();
    const loadBefore = os.loadavg()[0] ?? 0;
    // Latency is read at the stand-in, so its own event loop's delays are part of every figure.
    const standInLag = monitorEventLoopDelay({ resolution: 5 });
    standInLag.enable();
    const t0 = Date.now();
    for (const u of jobUsers) {
      pushedAt.set(u.id, Date.now());
      u.send(`/imagine benchmark picture for user ${u.id}`);
    }
    const pushed = Date.now() - t0;

    const underLoad: number[] = [];
    const probes: Probe[] = [];
    /** Probes sent after every /imagine had its "queued" answer: only jobs in flight remain. */
    const samples: Array<{ at: number; ms: number }> = [];
    let loading = true;
    const probing = probers.map(async (p) => {
      while (loading) {
        const at = Date.now();
        const probe = await probeOnce(p);
        probes.push(probe);
        underLoad.push(probe.ms);
        samples.push({ at, ms: probe.ms });
        await new Promise((r) => setTimeout(r, PROBE_PAUSE_MS));
      }
    });
    let deadlineTimer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      deadlineTimer = setTimeout(() => {
        const peek = openDb(dbPath, { migrate: false });
        const states = peek.$client
          .prepare('select status, count(*) as n from jobs group by status')
          .all();
        closeDb(peek);
        const methods = new Map<string, number>();
        for (const c of tg.calls) methods.set(c.method, (methods.get(c.method) ?? 0) + 1);
        reject(
          new Error(
            `bench: ${deliveredAt.size} delivered, ${failed.size} failed, ${queuedAt.size} queued of ${config.jobs} after ${RUN_TIMEOUT_MS} ms; jobs: ${JSON.stringify(states)}; calls: ${JSON.stringify(Object.fromEntries(methods))}`,
          ),
        );
      }, RUN_TIMEOUT_MS).unref();
    });
    // The timer must not outlive the run: it reads a database that is deleted afterwards.
    await Promise.race([allDone, deadline]).finally(() => clearTimeout(deadlineTimer));
    const elapsed = (Math.max(...deliveredAt.values(), t0) - t0) / 1000;
    loading = false;
    standInLag.disable();
    await Promise.all(probing);
    clearInterval(sampler);
    off();
    const rssAfter = rssOf(pid);
    const metrics = await scrape(metricsPort);
    const lag = (name: string) =>
      (metrics.get(`genbot_nodejs_eventloop_lag_${name}_seconds`) ?? Number.NaN) * 1000;

    const handling = handlerLatencies(tg, probes);
    const lastQueued = Math.max(...queuedAt.values());
    const inFlight = samples.filter((x) => x.at > lastQueued).map((x) => x.ms);
    const handler = [...queuedAt].map(([chat, at]) => at - (pushedAt.get(chat) ?? at));
    const endToEnd = [...deliveredAt].map(([chat, at]) => at - (pushedAt.get(chat) ?? at));
    const lanes =
      config.keys === 'operator'
        ? `operator key, ${config.keyConcurrency} calls at once`
        : `${config.jobs} own keys, ${config.keyConcurrency} calls each`;
    return {
      title: `${config.jobs} image jobs at once, ${config.latencyMs} ms gateway latency (${lanes})`,
      rows: [
        ['/start p50 while jobs run', ms(percentile(underLoad, 50))],
        ['/start p99 while jobs run', ms(percentile(underLoad, 99))],
        ['/start max while jobs run', ms(Math.max(...underLoad))],
        ['/start samples while jobs run', String(underLoad.length)],
        [
          '/start handler p50 / p99 / max (bot got it → answer)',
          `${ms(percentile(handling, 50))} / ${ms(percentile(handling, 99))} / ${ms(Math.max(...handling))}`,
        ],
        [
          '/start p50 / p99 once all were queued',
          `${ms(percentile(inFlight, 50))} / ${ms(percentile(inFlight, 99))} (${inFlight.length})`,
        ],
        ['/start p50 idle (before)', ms(percentile(idle, 50))],
        ['/imagine → "queued" p50', ms(percentile(handler, 50))],
        ['/imagine → "queued" p99', ms(percentile(handler, 99))],
        ['/imagine → result p50', ms(percentile(endToEnd, 50))],
        ['/imagine → result p99', ms(percentile(endToEnd, 99))],
        ['jobs delivered / failed', `${deliveredAt.size} / ${failed.size}`],
        ['all delivered after', `${elapsed.toFixed(2)} s`],
        ['throughput', `${(deliveredAt.size / elapsed).toFixed(1)} jobs/s`],
        [
          'bot event-loop delay p50 / p99 / max',
          `${ms(lag('p50'))} / ${ms(lag('p99'))} / ${ms(lag('max'))}`,
        ],
        [
          'stand-in event-loop delay p99 / max',
          `${ms(standInLag.percentile(99) / 1e6)} / ${ms(standInLag.max / 1e6)}`,
        ],
        ['bot RSS idle / peak / after', `${mb(rssIdle)} / ${mb(rssPeak)} / ${mb(rssAfter)}`],
      ],
      notes: [
        `Load average (1 min) before / after: ${loadBefore.toFixed(2)} / ${os.loadavg()[0]?.toFixed(2)} on ${os.cpus().length} CPUs; ${PIN ? `the bot pinned to CPU ${PIN.bot}, the stand-ins and the simulator to ${PIN.rest} (BENCH_PIN=0: shared)` : 'the stand-ins, the simulator and the bot share them'}.`,
        `JOB_CONCURRENCY=${config.jobConcurrency} KEY_CONCURRENCY=${config.keyConcurrency} TELEGRAM_SEND_RATE=${SEND_RATE}; ${PROBERS} users send /start every ${PROBE_PAUSE_MS} ms; updates pushed in ${pushed} ms.`,
        `Ideal time with these lanes: ${((Math.ceil(config.jobs / Math.min(config.jobConcurrency, config.keys === 'operator' ? config.keyConcurrency : config.jobConcurrency)) * config.latencyMs) / 1000).toFixed(1)} s.`,
      ],
    };
  } finally {
    tracker.stop();
    if (child.exitCode === null) child.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
    if (child.exitCode === null) child.kill('SIGKILL');
    await tg.close();
    await gateway.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
    if (PIN) pinSelf(PIN.all);
  }
}

/**
 * Two runs: every job on the operator's key (its lane allows KEY_CONCURRENCY=64 calls at once,
 * the configuration maximum), and every user on a key of their own (200 calls at once).
 * Env: BENCH_IMAGES_KEYS=operator|own to run one of them; BENCH_CPU_PROF=<dir> writes a CPU
 * profile of the bot process there.
 */
export const imagesScenario: Scenario = {
  name: 'images',
  description:
    'image jobs submitted at once with a slow gateway: /start latency meanwhile, jobs/s, bot RSS',
  async run({ quick }: BenchOptions): Promise<BenchResult[]> {
    const jobs = quick ? 40 : 200;
    const latencyMs = quick ? 500 : 2_000;
    const only = process.env.BENCH_IMAGES_KEYS;
    const results: BenchResult[] = [];
    if (only !== 'own')
      results.push(
        await runOnce({
          jobs,
          latencyMs,
          keys: 'operator',
          jobConcurrency: 256,
          keyConcurrency: 64,
        }),
      );
    if (only !== 'operator')
      results.push(
        await runOnce({ jobs, latencyMs, keys: 'own', jobConcurrency: 256, keyConcurrency: 4 }),
      );
    return results;
  },
};
