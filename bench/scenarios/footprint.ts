/**
 * A small VPS's figures: cold start to the first getUpdates and idle resident memory, for the
 * compiled bot (`node dist/src/main.js`, the Docker image's command) and for `npm start` (tsx).
 * Each start is a fresh process on a fresh database against the stand-ins; the median of a few
 * starts is reported, since one start on a shared 2-core machine is noise.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startGatewaySim } from '../../test/fakes/gateway-sim/index.js';
import { startTelegramStandIn } from '../../test/fakes/telegram/index.js';
import { OPERATOR_KEY, PIN, pinNote, scrape, waitForOutput } from '../harness.js';
import { type BenchResult, type GoalRow, mb, percentile, type Scenario } from '../scenario.js';

const REPO = path.resolve(import.meta.dirname, '../..');
const sleep = (t: number) => new Promise((r) => setTimeout(r, t));

export type StartMode = 'compiled' | 'npm start';

/** The command each mode runs, as the Dockerfile and the README run it. */
function command(mode: StartMode): [string, string[]] {
  const [cmd, args]: [string, string[]] =
    mode === 'compiled' ? [process.execPath, ['dist/src/main.js']] : ['npm', ['start', '--silent']];
  return PIN ? ['taskset', ['-c', PIN.bot, cmd, ...args]] : [cmd, args];
}

export interface StartFigures {
  /** Spawn → the stand-in receives the first getUpdates. */
  startMs: number;
  /** The bot's own RSS (its /metrics) a few seconds after it began polling. */
  idleRss: number;
}

/**
 * One cold start of `mode`. With BENCH_HEAP_SNAPSHOT=<dir> the idle process writes a heap
 * snapshot there (SIGUSR2) before it is stopped, for a look at what holds the memory.
 */
export async function startOnce(mode: StartMode, env: Record<string, string> = {}) {
  const tg = await startTelegramStandIn();
  const gateway = await startGatewaySim({ keys: { [OPERATOR_KEY]: { unlimited: true } } });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'genbot-bench-footprint-'));
  const snapshots = process.env.BENCH_HEAP_SNAPSHOT;
  tg.user({ language_code: 'en' }).send('/help');
  const [cmd, args] = command(mode);
  const t0 = Date.now();
  const child: ChildProcess = spawn(cmd, args, {
    cwd: REPO,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? os.tmpdir(),
      BOT_TOKEN: tg.token,
      BOT_API_ROOT: tg.apiRoot,
      GATEWAY_BASE_URL: gateway.url,
      GATEWAY_API_KEY: OPERATOR_KEY,
      DATABASE_PATH: path.join(dir, 'bot.sqlite'),
      KEY_ENCRYPTION_SECRET: randomBytes(32).toString('hex'),
      NODE_ENV: 'production',
      LOG_LEVEL: 'info',
      HOST: '127.0.0.1',
      PORT: '0',
      ...(snapshots
        ? { NODE_OPTIONS: `--heapsnapshot-signal=SIGUSR2 --diagnostic-dir=${snapshots}` }
        : {}),
      ...env,
    },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
  try {
    const log = await waitForOutput(child, /is polling for updates/, 60_000);
    child.stdout?.resume();
    child.stderr?.resume();
    // The stand-in logs a long poll when it answers: the waiting /help makes that at once.
    const end = Date.now() + 10_000;
    while (tg.callsTo('getUpdates').length === 0 && Date.now() < end) await sleep(1);
    const first = tg.callsTo('getUpdates')[0];
    if (!first) throw new Error('bench: the bot began polling but never called getUpdates');
    const startMs = first.at - t0;
    const port = Number(/"port":(\d+)[^\n]*is polling for updates/.exec(log)?.[1]);
    await sleep(3_000);
    const idleRss = (await scrape(port)).get('genbot_process_resident_memory_bytes') ?? Number.NaN;
    if (snapshots) await heapSnapshot(child, snapshots);
    return { startMs, idleRss } satisfies StartFigures;
  } finally {
    if (child.pid !== undefined && child.exitCode === null) process.kill(-child.pid, 'SIGTERM');
    await Promise.race([exited, sleep(15_000)]);
    await tg.close();
    await gateway.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Asks the bot (the node process, not npm above it) for a snapshot and waits until it is written. */
async function heapSnapshot(child: ChildProcess, dir: string): Promise<void> {
  const before = new Set(fs.readdirSync(dir));
  const pids = execFileSync('pgrep', ['-g', String(child.pid)], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map(Number);
  const node = pids.find((pid) =>
    fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('main.'),
  );
  if (node) process.kill(node, 'SIGUSR2');
  const end = Date.now() + 60_000;
  while (Date.now() < end) {
    const fresh = fs.readdirSync(dir).filter((f) => !before.has(f) && f.endsWith('.heapsnapshot'));
    // Written in one go by the process; its size stops changing when done.
    if (fresh.length > 0) {
      const file = path.join(dir, fresh[0] as string);
      const size = fs.statSync(file).size;
      await sleep(1_000);
      if (size > 0 && fs.statSync(file).size === size) return;
    }
    await sleep(200);
  }
}

export async function startFigures(mode: StartMode, runs: number): Promise<StartFigures> {
  const all: StartFigures[] = [];
  for (let i = 0; i < runs; i++) all.push(await startOnce(mode));
  return {
    startMs: percentile(
      all.map((f) => f.startMs),
      50,
    ),
    idleRss: percentile(
      all.map((f) => f.idleRss),
      50,
    ),
  };
}

const MB = 1024 * 1024;
const GOALS: Record<StartMode, { rss: number; startMs: number }> = {
  compiled: { rss: 100 * MB, startMs: 600 },
  'npm start': { rss: 130 * MB, startMs: 1_200 },
};

export function startGoals(mode: StartMode, f: StartFigures, runs: number): GoalRow[] {
  const goal = GOALS[mode];
  const label = mode === 'compiled' ? 'compiled (node dist/src/main.js)' : 'npm start (tsx)';
  const note = `median of ${runs} cold starts`;
  return [
    {
      measure: `idle RSS, ${label}`,
      value: mb(f.idleRss),
      goal: `< ${mb(goal.rss)}`,
      held: f.idleRss < goal.rss,
      note,
    },
    {
      measure: `cold start to first getUpdates, ${label}`,
      value: `${(f.startMs / 1000).toFixed(2)} s`,
      goal: `< ${(goal.startMs / 1000).toFixed(1)} s`,
      held: f.startMs < goal.startMs,
      note,
    },
  ];
}

export const footprintScenario: Scenario = {
  name: 'footprint',
  description: 'cold start to the first getUpdates and idle RSS, compiled and npm start',
  async run({ quick }): Promise<BenchResult[]> {
    const runs = quick ? 1 : 3;
    // The compiled figures are of the current source: build it first.
    execFileSync('npm', ['run', 'build', '--silent'], { cwd: REPO, stdio: 'ignore' });
    const results: BenchResult[] = [];
    for (const mode of ['compiled', 'npm start'] as const) {
      const f = await startFigures(mode, runs);
      results.push({
        title: `Cold start and idle memory: ${mode}`,
        rows: [
          ['spawn → first getUpdates', `${f.startMs.toFixed(0)} ms`],
          ['idle RSS (3 s after polling began)', mb(f.idleRss)],
        ],
        notes: [`median of ${runs} starts, fresh database each; ${pinNote()}`],
        goals: startGoals(mode, f, runs),
      });
    }
    return results;
  },
};
