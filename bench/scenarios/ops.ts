/**
 * Production figures: update throughput of a simple command beside a bare grammY bot on the same
 * stand-in (the framework's floor); handler latency while 500 jobs are in flight; the send rate
 * when 1,000 results are delivered under the stand-in's 30 msg/s flood control; RSS of the real
 * process idle and with 10,000 pending jobs.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { run } from '@grammyjs/runner';
import { Bot } from 'grammy';
import pino from 'pino';
import { type App, createApp } from '../../src/app.js';
import { topUp } from '../../src/billing/ledger.js';
import { createI18n } from '../../src/bot/i18n.js';
import { loadConfig } from '../../src/config.js';
import { closeDb, openDb } from '../../src/db/client.js';
import { users } from '../../src/db/schema.js';
import { newJobId } from '../../src/jobs/ids.js';
import { insertJob } from '../../src/jobs/store.js';
import { type GatewaySim, startGatewaySim } from '../../test/fakes/gateway-sim/index.js';
import { startTelegramStandIn, type TelegramStandIn } from '../../test/fakes/telegram/index.js';
import { freePort } from '../../test/helpers/net.js';
import { spawnBot } from '../../test/helpers/spawn-bot.js';
import { type BenchResult, mb, ms, percentile, type Scenario } from '../scenario.js';

const KEY = 'sk-benchOpsOperatorKey0123456789abc';
const REPO = path.resolve(import.meta.dirname, '../..');
const sleep = (t: number) => new Promise((r) => setTimeout(r, t));

async function until(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`bench: timed out waiting for ${what}`);
    await sleep(5);
  }
}

interface World {
  tg: TelegramStandIn;
  gateway: GatewaySim;
  dir: string;
  close(): Promise<void>;
}

async function world(gatewayOptions: Parameters<typeof startGatewaySim>[0] = {}): Promise<World> {
  const tg = await startTelegramStandIn();
  const gateway = await startGatewaySim({
    keys: { [KEY]: { unlimited: true } },
    ...gatewayOptions,
  });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'genbot-bench-ops-'));
  return {
    tg,
    gateway,
    dir,
    close: async () => {
      await tg.close();
      await gateway.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

function app(w: World, env: Record<string, string> = {}): App {
  const config = loadConfig({
    BOT_TOKEN: w.tg.token,
    BOT_API_ROOT: w.tg.apiRoot,
    GATEWAY_BASE_URL: w.gateway.url,
    GATEWAY_API_KEY: KEY,
    DATABASE_PATH: path.join(w.dir, 'bot.sqlite'),
    LOG_LEVEL: 'silent',
    GENERATION_RATE_PER_MINUTE: '10000',
    ...env,
  });
  return createApp(config, { botInfo: w.tg.botInfo, logger: pino({ level: 'silent' }) });
}

const fund = (a: App, id: number, amount: number) => {
  a.deps.db.insert(users).values({ id, firstName: 'Bench' }).onConflictDoNothing().run();
  topUp(a.deps.db, { userId: id, amount, ref: `bench:${id}:${amount}` });
};

/** n /help updates from 100 users, queued before the bot starts; seconds until all answered. */
export async function throughput(kind: 'genbot' | 'bare', n: number): Promise<number> {
  const w = await world();
  const people = Array.from({ length: 100 }, () => w.tg.user({ language_code: 'en' }));
  for (let i = 0; i < n; i++) people[i % people.length]?.send('/help');
  const replies = () => w.tg.callsTo('sendMessage').length;
  let stop: () => Promise<void>;
  const t0 = performance.now();
  if (kind === 'bare') {
    const bot = new Bot(w.tg.token, { botInfo: w.tg.botInfo, client: { apiRoot: w.tg.apiRoot } });
    // The very same answer as genbot's /help (HTML, no link preview), so the stand-in's side of
    // the work is identical and the difference is the bot's own.
    const text = createI18n().t('en', 'help-text');
    bot.command('help', (ctx) =>
      ctx.reply(text, { parse_mode: 'HTML', link_preview_options: { is_disabled: true } }),
    );
    const runner = run(bot, { runner: { fetch: { timeout: 1 } } });
    stop = () => runner.stop();
  } else {
    // Unpaced here: this measures the middleware stack, not Telegram's limit.
    const a = app(w, { TELEGRAM_SEND_RATE: '100000' });
    await a.startWorkers();
    const runner = run(a.bot, { runner: { fetch: { timeout: 1 } } });
    stop = async () => {
      await runner.stop();
      await a.stop();
    };
  }
  await until(() => replies() >= n, 120_000, `${n} replies (${kind})`);
  const seconds = (performance.now() - t0) / 1000;
  await stop();
  await w.close();
  return n / seconds;
}

/** Latency of /help (queued → answered) while `jobs` generations are held at the gateway. */
async function latencyUnderLoad(jobs: number, probes: number) {
  const w = await world({ speed: 1, timings: { imageLatencyMs: 600_000 } });
  const a = app(w, { TELEGRAM_SEND_RATE: '100000' });
  await a.startWorkers();
  const runner = run(a.bot, { runner: { fetch: { timeout: 1 } } });
  const senders = Array.from({ length: Math.ceil(jobs / 10) }, () => {
    const u = w.tg.user({ language_code: 'en' });
    fund(a, u.id, 1_000);
    return u;
  });
  for (let i = 0; i < jobs; i++) senders[i % senders.length]?.send(`busy picture ${i}`);
  const inFlight = () =>
    (
      a.deps.db.$client
        .prepare(
          "SELECT count(*) AS n FROM jobs WHERE status IN ('queued','submitting') AND status_message_id IS NOT NULL",
        )
        .get() as { n: number }
    ).n;
  await until(() => inFlight() >= jobs, 120_000, `${jobs} jobs in flight`);
  const probers = Array.from({ length: 10 }, () =>
    w.tg.user({ first_name: 'Probe', language_code: 'en' }),
  );
  const latencies: number[] = [];
  await Promise.all(
    probers.map(async (p) => {
      for (let i = 0; i < probes / probers.length; i++) {
        const t0 = performance.now();
        p.send('/help');
        await p.waitFor({ method: 'sendMessage' }, { timeoutMs: 10_000 });
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const held = inFlight();
  await runner.stop();
  await a.stop();
  await w.close();
  return { latencies, held };
}

/**
 * `jobs` results delivered by the real process (npm start, default pacing) with the stand-in
 * enforcing `limit` msg/s over all chats; the rate is counted from the first result to the last.
 */
export async function deliveryRate(jobs: number, limit: number) {
  const w = await world();
  w.tg.setFlood({ global: limit });
  // The gateway in its own process: its PNG work must not delay the Telegram stand-in's clock
  // (bunched arrivals would look like bursts the bot never sent).
  const simPort = await freePort();
  const sim = spawn(process.execPath, ['--import', 'tsx', 'test/fakes/gateway-sim/cli.ts'], {
    cwd: REPO,
    env: { ...process.env, SIM_PORT: String(simPort), SIM_KEY: KEY, SIM_SPEED: '20' },
    stdio: 'ignore',
  });
  const simUrl = `http://127.0.0.1:${simPort}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    const up = await fetch(simUrl).then(
      () => true,
      () => false,
    );
    if (up) break;
    if (Date.now() > deadline) throw new Error('bench: the gateway simulator did not start');
    await sleep(100);
  }
  const bot = spawnBot(
    {
      BOT_TOKEN: w.tg.token,
      BOT_API_ROOT: w.tg.apiRoot,
      GATEWAY_BASE_URL: simUrl,
      GATEWAY_API_KEY: KEY,
      PORT: String(await freePort()),
      LOG_LEVEL: 'info',
      GENERATION_RATE_PER_MINUTE: '10000',
    },
    w.dir,
  );
  try {
    await until(() => /is polling for updates/.test(bot.output()), 60_000, 'start');
    const db = openDb(path.join(w.dir, 'bot.sqlite'), { migrate: false });
    const senders = Array.from({ length: Math.ceil(jobs / 10) }, () => {
      const u = w.tg.user({ language_code: 'en' });
      db.insert(users).values({ id: u.id, firstName: 'Bench' }).onConflictDoNothing().run();
      topUp(db, { userId: u.id, amount: 1_000, ref: `bench:${u.id}` });
      return u;
    });
    closeDb(db);
    const t0 = performance.now();
    for (let i = 0; i < jobs; i++) senders[i % senders.length]?.send(`delivery ${i}`);
    const photos = () => w.tg.callsTo('sendPhoto').filter((c) => c.response.ok).length;
    await until(() => photos() >= jobs, 900_000, `${jobs} photos`);
    const seconds = (performance.now() - t0) / 1000;
    const paced = new Set([
      'sendmessage',
      'sendphoto',
      'senddocument',
      'sendmediagroup',
      'editmessagetext',
      'editmessagecaption',
      'editmessagereplymarkup',
      'editmessagemedia',
    ]);
    const results = w.tg.callsTo('sendPhoto').filter((c) => c.response.ok);
    const from = Math.min(...results.map((c) => c.at));
    const to = Math.max(...results.map((c) => c.at));
    const sends = w.tg.calls.filter(
      (c) => c.response.ok && paced.has(c.method.toLowerCase()) && c.at >= from && c.at <= to,
    );
    const rate = sends.length / ((to - from) / 1000);
    const flood = w.tg.flood;
    return {
      seconds,
      sends: sends.length,
      resultsPerSecond: results.length / ((to - from) / 1000),
      rate,
      throttled: flood.throttled,
      violations: flood.violations,
    };
  } finally {
    await bot.stop();
    sim.kill('SIGTERM');
    await w.close();
  }
}

async function scrapeRss(base: string): Promise<number> {
  const body = await (await fetch(`${base}/metrics`)).text();
  const value = /^genbot_process_resident_memory_bytes (\d+(?:\.\d+)?(?:e\+\d+)?)$/m.exec(
    body,
  )?.[1];
  return Number(value ?? Number.NaN);
}

/** RSS of the real process (npm start) idle, then with `pending` queued jobs held in memory. */
export async function rss(pending: number) {
  const w = await world();
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const bot = spawnBot(
    {
      BOT_TOKEN: w.tg.token,
      BOT_API_ROOT: w.tg.apiRoot,
      GATEWAY_BASE_URL: w.gateway.url,
      GATEWAY_API_KEY: KEY,
      PORT: String(port),
      LOG_LEVEL: 'info',
    },
    w.dir,
  );
  try {
    await until(
      () => /is polling for updates/.test(bot.output()) || bot.child.exitCode !== null,
      60_000,
      'start',
    );
    await sleep(3_000);
    const idle = await scrapeRss(base);
    // Every generation hangs at the gateway: the jobs stay pending in the executor.
    w.gateway.inject({
      route: '/v1/images/generations',
      hang: true,
      times: Number.POSITIVE_INFINITY,
    });
    const db = openDb(path.join(w.dir, 'bot.sqlite'), { migrate: false });
    db.insert(users).values({ id: 777, firstName: 'Bench' }).onConflictDoNothing().run();
    db.transaction((tx) => {
      for (let i = 0; i < pending; i++)
        insertJob(tx, {
          id: newJobId(),
          userId: 777,
          chatId: 777,
          family: 'image',
          kind: 'imagine',
          model: 'flux',
          params: { api: 'images', prompt: `pending ${i}` },
          price: 0,
          payer: 'balance',
        });
    });
    closeDb(db);
    // The executor's sweep (every 5 s) takes every queued job into memory.
    await sleep(9_000);
    const loaded = await scrapeRss(base);
    return { idle, loaded };
  } finally {
    await bot.stop();
    await w.close();
  }
}

export const opsScenario: Scenario = {
  name: 'ops',
  description:
    'throughput vs bare grammY, latency with 500 jobs in flight, delivery under 30 msg/s, RSS',
  async run({ quick }): Promise<BenchResult[]> {
    const n = quick ? 1_000 : 4_000;
    const bare = await throughput('bare', n);
    const ours = await throughput('genbot', n);
    const jobs = 500;
    const load = await latencyUnderLoad(jobs, quick ? 100 : 200);
    const deliveries = quick ? 150 : 1_000;
    const d = await deliveryRate(deliveries, 30);
    const pending = quick ? 2_000 : 10_000;
    const mem = await rss(pending);
    return [
      {
        title: 'Update throughput: /help, 100 users, queued before start (long polling, runner)',
        rows: [
          ['bare grammY (same stand-in)', `${bare.toFixed(0)} updates/s`],
          ['genbot (full middleware stack)', `${ours.toFixed(0)} updates/s`],
          ['genbot / bare', `${((ours / bare) * 100).toFixed(0)} %`],
        ],
        notes: [`${n} updates each; both in this process with the stand-in.`],
        goals: [
          {
            measure: '/help throughput vs bare grammY (same stand-in)',
            value: `${((ours / bare) * 100).toFixed(0)} % (${ours.toFixed(0)} vs ${bare.toFixed(0)} /s)`,
            goal: '≥ 75 %',
            held: ours / bare >= 0.75,
          },
        ],
      },
      {
        title: `Handler latency with ${jobs} jobs in flight (held by the gateway)`,
        rows: [
          ['jobs in flight during the probes', String(load.held)],
          ['/help p50', ms(percentile(load.latencies, 50))],
          ['/help p99', ms(percentile(load.latencies, 99))],
          ['/help max', ms(Math.max(...load.latencies))],
        ],
        notes: ['Queued at the stand-in → answer received, over HTTP long polling.'],
      },
      {
        title: `Delivering ${deliveries} results, stand-in enforcing 30 msg/s (bot’s default pacing)`,
        notes: [
          'The real process; counted from the first result to the last: results, status edits and',
          'the replies to the /imagine updates still arriving, all under one limit.',
        ],
        rows: [
          ['messages sent while delivering', String(d.sends)],
          ['results delivered', `${d.resultsPerSecond.toFixed(1)} /s`],
          [
            'send rate',
            `${d.rate.toFixed(1)} msg/s (${((d.rate / 30) * 100).toFixed(0)} % of the limit)`,
          ],
          ['429 answers', String(d.throttled)],
          ['early retries', String(d.violations)],
          ['wall time', `${d.seconds.toFixed(1)} s`],
        ],
      },
      {
        title: 'Resident memory of the bot process (npm start)',
        rows: [
          ['idle', mb(mem.idle)],
          [`with ${pending} pending jobs`, mb(mem.loaded)],
        ],
        notes: ['From the process’s own /metrics (prom-client process_resident_memory_bytes).'],
        goals: [
          {
            measure: `RSS with ${pending} pending jobs (npm start)`,
            value: mb(mem.loaded),
            goal: '< 150 MB',
            held: mem.loaded < 150 * 1024 * 1024,
            ...(quick ? { note: 'quick run: fewer jobs than the goal’s 10,000' } : {}),
          },
        ],
      },
    ];
  },
};
