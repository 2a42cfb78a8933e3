/**
 * What the scenarios that run the bot as its own process share: CPU pinning, the simulator on a
 * worker thread, the bot process itself (spawned as `npm start` runs it), following the Telegram
 * stand-in's call log, /start probes, and reading the bot's /metrics and RSS.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Message } from 'grammy/types';
import { topUp } from '../src/billing/ledger.js';
import { closeDb, openDb } from '../src/db/client.js';
import { type Database, sqliteEngine } from '../src/db/engine.js';
import { users } from '../src/db/schema.js';
import type { GatewaySimOptions } from '../test/fakes/gateway-sim/index.js';
import type { CallRecord, TelegramStandIn, TestUser } from '../test/fakes/telegram/index.js';

const REPO = path.resolve(import.meta.dirname, '..');
export const OPERATOR_KEY = 'sk-benchOperatorKey0123456789abcdef';
export const SEND_RATE = Number(process.env.BENCH_SEND_RATE ?? 100_000);

/**
 * On a machine with few cores the bot, the stand-in and the simulator fight over CPU time, and
 * latency read at the stand-in then measures that fight. Unless BENCH_PIN=0, where taskset
 * exists the bot gets the last CPU to itself and this process (stand-in, simulator) the others,
 * as in production, where Telegram and the gateway do not run on the bot's machine.
 */
export const PIN = (() => {
  const cpus = os.availableParallelism();
  if (process.env.BENCH_PIN === '0' || cpus < 2 || !fs.existsSync('/usr/bin/taskset')) return;
  return { bot: String(cpus - 1), rest: cpus === 2 ? '0' : `0-${cpus - 2}`, all: `0-${cpus - 1}` };
})();

/** Sets this process's CPUs, every thread of it (the simulator's worker is started after). */
export const pinSelf = (cpus: string) =>
  execFileSync('taskset', ['-a', '-cp', cpus, String(process.pid)], { stdio: 'ignore' });

export const pinNote = () =>
  PIN
    ? `the bot pinned to CPU ${PIN.bot}, the stand-ins and the simulator to ${PIN.rest} (BENCH_PIN=0: shared)`
    : 'the stand-ins, the simulator and the bot share them';

/** Follows the stand-in's call log without waiters (they would cost the stand-in, not the bot). */
export class Tracker {
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

export const textOf = (call: CallRecord) =>
  call.messages[0]?.text ?? call.messages[0]?.caption ?? String(call.params.text ?? '');
export const toChat = (call: CallRecord, chatId: number) =>
  String(call.params.chat_id) === String(chatId);

/** One /start probe: `key` is chat:message id; times are the stand-in's (epoch ms). */
export interface Probe {
  key: string;
  repliedAt: number;
  ms: number;
}

/**
 * Time from the getUpdates answer that handed a probe's update to the bot to the bot's reply:
 * the bot's own share, without the wait behind earlier updates in Telegram's queue.
 */
export function handlerLatencies(tg: TelegramStandIn, probes: Probe[]): number[] {
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
export async function startSimWorker(
  options: GatewaySimOptions,
): Promise<{ url: string; close(): Promise<void> }> {
  // A TypeScript entry in a worker needs tsx registered inside the worker first.
  const entry = new URL('./sim-worker.ts', import.meta.url).href;
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
export async function scrape(port: number): Promise<Map<string, number>> {
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

export function rssOf(pid: number): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1];
    return kb ? Number(kb) * 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

/** RSS of the process and its children (the bot's preview process) together. */
export function rssWithChildren(pid: number): number {
  let children: string[] = [];
  try {
    children = fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/);
  } catch {
    // No /proc: the process alone.
  }
  return children
    .filter(Boolean)
    .reduce((sum, child) => sum + (rssOf(Number(child)) || 0), rssOf(pid));
}

export function waitForOutput(
  child: ChildProcess,
  pattern: RegExp,
  timeoutMs: number,
): Promise<string> {
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

export interface BotProcess {
  pid: number;
  metricsPort: number;
  stop(): Promise<void>;
}

/**
 * Starts the bot as `npm start` does (`node scripts/start.mjs`: the current source, bundled) against the stand-ins (on the bot's CPU when pinned)
 * and resolves once it polls. `env` adds to the bench's defaults.
 */
export async function spawnBot(o: {
  tg: TelegramStandIn;
  gatewayUrl: string;
  dbPath: string;
  secret: string;
  env?: Record<string, string>;
}): Promise<BotProcess> {
  const nodeArgs = [
    ...(process.env.BENCH_CPU_PROF
      ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_CPU_PROF]
      : []),
    'scripts/start.mjs',
  ];
  const child = spawn(
    PIN ? 'taskset' : process.execPath,
    PIN ? ['-c', PIN.bot, process.execPath, ...nodeArgs] : nodeArgs,
    {
      cwd: REPO,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? os.tmpdir(),
        BOT_TOKEN: o.tg.token,
        BOT_API_ROOT: o.tg.apiRoot,
        GATEWAY_BASE_URL: o.gatewayUrl,
        GATEWAY_API_KEY: OPERATOR_KEY,
        DATABASE_PATH: o.dbPath,
        KEY_ENCRYPTION_SECRET: o.secret,
        // The stand-in applies no flood limits; paced at Telegram's ~30/s the run would measure
        // that budget, not the bot. BENCH_SEND_RATE=28 shows the production pacing.
        TELEGRAM_SEND_RATE: String(SEND_RATE),
        LOG_LEVEL: 'info',
        HOST: '127.0.0.1',
        PORT: '0',
        ...o.env,
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
  const stop = async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
    if (child.exitCode === null) child.kill('SIGKILL');
  };
  try {
    const startLog = await waitForOutput(child, /is polling for updates/, 60_000);
    const metricsPort = Number(/"port":(\d+)[^\n]*is polling for updates/.exec(startLog)?.[1]);
    return { pid: child.pid as number, metricsPort, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

/** The bot's event-loop delay percentile (p50, p99, max) in ms, from a /metrics scrape. */
export const loopLag = (metrics: Map<string, number>, name: 'p50' | 'p99' | 'max') =>
  (metrics.get(`genbot_nodejs_eventloop_lag_${name}_seconds`) ?? Number.NaN) * 1000;

/** /start from a prober: push → the bot's greeting (it names the user) arrives at the stand-in. */
export async function probeStart(tracker: Tracker, user: TestUser): Promise<Probe> {
  const name = user.user.first_name;
  const reply = tracker.next(
    (c) => c.method === 'sendMessage' && toChat(c, user.id) && textOf(c).includes(`Hi, ${name}`),
  );
  const pushedAt = Date.now();
  const sent = user.send('/start');
  const repliedAt = (await reply).at;
  return { key: `${user.id}:${sent.message_id}`, repliedAt, ms: repliedAt - pushedAt };
}

/** A fresh data folder with the users seeded (a row and a balance each), before the bot starts. */
export async function seedUsers(
  prefix: string,
  people: readonly TestUser[],
  extra?: (db: Database, user: TestUser) => Promise<unknown>,
): Promise<{ dataDir: string; dbPath: string }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const dbPath = path.join(dataDir, 'bot.sqlite');
  const db = openDb(dbPath);
  const database = sqliteEngine(db.$client).db;
  for (const u of people) {
    db.insert(users).values({ id: u.id, firstName: u.user.first_name }).run();
    topUp(db, { userId: u.id, amount: 1_000, ref: `bench:${u.id}` });
    await extra?.(database, u);
  }
  closeDb(db);
  return { dataDir, dbPath };
}

/**
 * Resolves with `done`, or rejects after `ms` with what `explain` says then. The timer never
 * outlives the run (it may read a database that is deleted afterwards).
 */
export async function withinDeadline(
  done: Promise<void>,
  ms: number,
  explain: () => string,
): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`bench: ${explain()}`)), ms).unref();
  });
  await Promise.race([done, deadline]).finally(() => clearTimeout(timer));
}

/** Stops everything a run started, in order, and leaves the CPUs as they were. */
export async function tearDown(run: {
  tracker: Tracker;
  bot?: BotProcess | undefined;
  tg: TelegramStandIn;
  gateway: { close(): Promise<void> };
  dataDir: string;
}): Promise<void> {
  run.tracker.stop();
  await run.bot?.stop();
  await run.tg.close();
  await run.gateway.close();
  fs.rmSync(run.dataDir, { recursive: true, force: true });
  if (PIN) pinSelf(PIN.all);
}
