/**
 * 200 image jobs submitted at once against the gateway simulator (2 s per call), while a few
 * other users keep sending /start. The bot runs as its own process (`node scripts/start.mjs`,
 * as `npm start` does), so its RSS is its own and its event loop is not shared with
 * the stand-ins. Latencies are measured at the Telegram stand-in: from the moment an update is
 * queued for the bot to the moment the bot's answer arrives.
 */
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createKeyBox } from '../../src/accounts/key-box.js';
import { linkKey } from '../../src/accounts/own-keys.js';
import { closeDb, openDb } from '../../src/db/client.js';
import { startTelegramStandIn, type TestUser } from '../../test/fakes/telegram/index.js';
import {
  handlerLatencies,
  loopLag,
  OPERATOR_KEY,
  PIN,
  type Probe,
  pinNote,
  pinSelf,
  probeStart,
  rssOf,
  SEND_RATE,
  scrape,
  seedUsers,
  spawnBot,
  startSimWorker,
  Tracker,
  tearDown,
  textOf,
  toChat,
  withinDeadline,
} from '../harness.js';
import {
  type BenchOptions,
  type BenchResult,
  mb,
  ms,
  percentile,
  type Scenario,
} from '../scenario.js';

const PROBERS = 5;
const PROBE_PAUSE_MS = 50;
const RUN_TIMEOUT_MS = Number(process.env.BENCH_RUN_TIMEOUT_MS ?? 120_000);

interface RunConfig {
  jobs: number;
  latencyMs: number;
  /** operator: every job spends the operator's key (one lane); own: each user their own key. */
  keys: 'operator' | 'own';
  jobConcurrency: number;
  keyConcurrency: number;
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
  const secret = randomBytes(32).toString('hex');
  const box = createKeyBox(secret);
  // Users with a balance (and their own keys), before the bot starts.
  const { dataDir, dbPath } = await seedUsers(
    'genbot-bench-',
    [...jobUsers, warm],
    async (db, u) => {
      const key = ownKeys.get(u.id);
      if (key) await linkKey(db, box, u.id, key);
    },
  );

  const bot = await spawnBot({
    tg,
    gatewayUrl: gateway.url,
    dbPath,
    secret,
    env: {
      JOB_CONCURRENCY: String(config.jobConcurrency),
      KEY_CONCURRENCY: String(config.keyConcurrency),
    },
  });
  const tracker = new Tracker(tg);
  try {
    const { pid, metricsPort } = bot;
    const probeOnce = (user: TestUser) => probeStart(tracker, user);

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
    await withinDeadline(allDone, RUN_TIMEOUT_MS, () => {
      const peek = openDb(dbPath, { migrate: false });
      const states = peek.$client
        .prepare('select status, count(*) as n from jobs group by status')
        .all();
      closeDb(peek);
      const methods = new Map<string, number>();
      for (const c of tg.calls) methods.set(c.method, (methods.get(c.method) ?? 0) + 1);
      return `${deliveredAt.size} delivered, ${failed.size} failed, ${queuedAt.size} queued of ${config.jobs} after ${RUN_TIMEOUT_MS} ms; jobs: ${JSON.stringify(states)}; calls: ${JSON.stringify(Object.fromEntries(methods))}`;
    });
    const elapsed = (Math.max(...deliveredAt.values(), t0) - t0) / 1000;
    loading = false;
    standInLag.disable();
    await Promise.all(probing);
    clearInterval(sampler);
    off();
    const rssAfter = rssOf(pid);
    const metrics = await scrape(metricsPort);
    const lag = (name: 'p50' | 'p99' | 'max') => loopLag(metrics, name);

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
      goals: [
        {
          measure: `/imagine → "queued" p50, ${config.jobs} prompts at once (${config.keys} key)`,
          value: ms(percentile(handler, 50)),
          goal: '< 250 ms',
          held: percentile(handler, 50) < 250,
        },
        {
          measure: `/start handler p99 while ${config.jobs} jobs run (${config.keys} key)`,
          value: ms(percentile(handling, 99)),
          goal: '< 50 ms',
          held: percentile(handling, 99) < 50,
        },
      ],
      notes: [
        `Load average (1 min) before / after: ${loadBefore.toFixed(2)} / ${os.loadavg()[0]?.toFixed(2)} on ${os.cpus().length} CPUs; ${pinNote()}.`,
        `JOB_CONCURRENCY=${config.jobConcurrency} KEY_CONCURRENCY=${config.keyConcurrency} TELEGRAM_SEND_RATE=${SEND_RATE}; ${PROBERS} users send /start every ${PROBE_PAUSE_MS} ms; updates pushed in ${pushed} ms.`,
        `Ideal time with these lanes: ${((Math.ceil(config.jobs / Math.min(config.jobConcurrency, config.keys === 'operator' ? config.keyConcurrency : config.jobConcurrency)) * config.latencyMs) / 1000).toFixed(1)} s.`,
      ],
    };
  } finally {
    await tearDown({ tracker, bot, tg, gateway, dataDir });
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
