/**
 * Real-size results: 20 image jobs whose files are 2048 × 2048 noise PNGs (~12 MB, incompressible,
 * over Telegram's 10 MB photo limit, so every one takes the preview path), delivered while a few
 * other users keep sending /start. What it shows: whether image work reaches the bot's event
 * loop. Goal: the bot's event-loop delay max and the /start p99 both under 50 ms.
 */
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import sharp from 'sharp';
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
  rssWithChildren,
  scrape,
  seedUsers,
  spawnBot,
  startSimWorker,
  Tracker,
  tearDown,
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

const SIDE = 2048;
const DISTINCT = 4;
const PROBERS = 5;
const PROBE_PAUSE_MS = 50;
const RUN_TIMEOUT_MS = Number(process.env.BENCH_RUN_TIMEOUT_MS ?? 180_000);

/** Random RGB pixels: nothing for deflate to find, so the PNG is as large as the pixels. */
async function noisePng(side: number): Promise<Buffer> {
  return sharp(randomBytes(side * side * 3), { raw: { width: side, height: side, channels: 3 } })
    .png({ compressionLevel: 1 })
    .toBuffer();
}

const isResult = (method: string) => method === 'sendPhoto' || method === 'sendDocument';

async function runOnce(jobs: number): Promise<BenchResult> {
  const files = await Promise.all(Array.from({ length: DISTINCT }, () => noisePng(SIDE)));
  if (PIN) pinSelf(PIN.rest);
  const tg = await startTelegramStandIn();
  const jobUsers = Array.from({ length: jobs }, () => tg.user({ language_code: 'en' }));
  const probers = Array.from({ length: PROBERS }, (_, i) =>
    tg.user({ first_name: `Probe${i}`, language_code: 'en' }),
  );
  const warm = tg.user({ language_code: 'en' });
  const gateway = await startSimWorker({
    speed: 1,
    pngVariety: 1,
    timings: { imageLatencyMs: 200 },
    resultImages: files.map((data) => ({ data, contentType: 'image/png' })),
    keys: { [OPERATOR_KEY]: { unlimited: true } },
  });
  const { dataDir, dbPath } = await seedUsers('genbot-bench-grids-', [...jobUsers, warm]);

  const tracker = new Tracker(tg);
  const bot = await spawnBot({
    tg,
    gatewayUrl: gateway.url,
    dbPath,
    secret: randomBytes(32).toString('hex'),
    env: { JOB_CONCURRENCY: String(jobs), KEY_CONCURRENCY: String(Math.min(jobs, 64)) },
  });
  try {
    const probeOnce = (user: TestUser) => probeStart(tracker, user);
    for (const p of probers) await probeOnce(p);
    // One grid first: sharp's thread pool and the code paths are warm before the figures start.
    const warmDone = tracker.next((c) => isResult(c.method) && toChat(c, warm.id), 60_000);
    warm.send('/imagine warm-up grid');
    await warmDone;
    const idle: number[] = [];
    for (let i = 0; i < 20; i++) idle.push((await probeOnce(probers[i % PROBERS] as TestUser)).ms);
    const rssIdle = rssOf(bot.pid);
    await scrape(bot.metricsPort); // resets the bot's event-loop histogram

    const pushedAt = new Map<number, number>();
    const deliveredAt = new Map<number, number>();
    const jobIds = new Set(jobUsers.map((u) => u.id));
    let resolveAll: () => void = () => {};
    const allDone = new Promise<void>((r) => {
      resolveAll = r;
    });
    const off = tracker.on((c) => {
      const chat = Number(c.params.chat_id);
      if (!jobIds.has(chat) || !isResult(c.method) || deliveredAt.has(chat)) return;
      deliveredAt.set(chat, c.at);
      if (deliveredAt.size >= jobIds.size) resolveAll();
    });
    let rssPeak = rssIdle;
    let rssTreePeak = rssWithChildren(bot.pid);
    const sampler = setInterval(() => {
      rssPeak = Math.max(rssPeak, rssOf(bot.pid));
      rssTreePeak = Math.max(rssTreePeak, rssWithChildren(bot.pid));
    }, 50);

    const t0 = Date.now();
    for (const u of jobUsers) {
      pushedAt.set(u.id, Date.now());
      u.send(`/imagine real-size grid for ${u.id}`);
    }
    const probes: Probe[] = [];
    let loading = true;
    const probing = probers.map(async (p) => {
      while (loading) {
        probes.push(await probeOnce(p));
        await new Promise((r) => setTimeout(r, PROBE_PAUSE_MS));
      }
    });
    await withinDeadline(
      allDone,
      RUN_TIMEOUT_MS,
      () => `${deliveredAt.size} of ${jobs} grids delivered in time`,
    );
    const elapsed = (Math.max(...deliveredAt.values()) - t0) / 1000;
    loading = false;
    await Promise.all(probing);
    clearInterval(sampler);
    off();
    const metrics = await scrape(bot.metricsPort);
    const latencies = probes.map((p) => p.ms);
    const handling = handlerLatencies(tg, probes);
    const endToEnd = [...deliveredAt].map(([chat, at]) => at - (pushedAt.get(chat) ?? at));
    const sizes = files.map((f) => f.byteLength);
    return {
      title: `${jobs} real-size grids (${SIDE}², noise PNG, ${mb(Math.min(...sizes))}–${mb(Math.max(...sizes))}) delivered at once`,
      rows: [
        [
          'bot event-loop delay p50 / p99 / max (goal: max < 50 ms)',
          `${ms(loopLag(metrics, 'p50'))} / ${ms(loopLag(metrics, 'p99'))} / ${ms(loopLag(metrics, 'max'))}`,
        ],
        [
          '/start p50 / p99 / max during delivery (goal: p99 < 50 ms)',
          `${ms(percentile(latencies, 50))} / ${ms(percentile(latencies, 99))} / ${ms(Math.max(...latencies))}`,
        ],
        ['/start samples during delivery', String(latencies.length)],
        [
          '/start handler p99 / max (bot got it → answer)',
          `${ms(percentile(handling, 99))} / ${ms(Math.max(...handling))}`,
        ],
        ['/start p50 idle (before)', ms(percentile(idle, 50))],
        [
          '/imagine → result p50 / p99',
          `${ms(percentile(endToEnd, 50))} / ${ms(percentile(endToEnd, 99))}`,
        ],
        ['grids delivered', `${deliveredAt.size} / ${jobs} in ${elapsed.toFixed(2)} s`],
        ['bot RSS idle / peak', `${mb(rssIdle)} / ${mb(rssPeak)}`],
        ['bot + preview process RSS peak', mb(rssTreePeak)],
      ],
      notes: [
        `Every result is over the 10 MB photo limit: the bot sends a sharp-made preview photo (with the 📎 original button), made file to file by the bot's preview process at nice 19.`,
        `${PROBERS} users send /start every ${PROBE_PAUSE_MS} ms; ${os.cpus().length} CPUs, ${pinNote()}; load average (1 min) after: ${os.loadavg()[0]?.toFixed(2)}.`,
      ],
    };
  } finally {
    await tearDown({ tracker, bot, tg, gateway, dataDir });
  }
}

export const gridsScenario: Scenario = {
  name: 'grids',
  description:
    '20 real-size grids (2048², ~12 MB) delivered at once: the bot’s loop delay and /start p99',
  async run({ quick }: BenchOptions): Promise<BenchResult[]> {
    return [await runOnce(quick ? 6 : 20)];
  },
};
