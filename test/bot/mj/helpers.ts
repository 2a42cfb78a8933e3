import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { desc } from 'drizzle-orm';
import type { Message } from 'grammy/types';
import { expect } from 'vitest';
import { LOCALES } from '../../../src/accounts/locale.js';
import type { AppOptions } from '../../../src/app.js';
import { getBalance, topUp } from '../../../src/billing/ledger.js';
import { translateIn } from '../../../src/bot/i18n.js';
import { jobs, users } from '../../../src/db/schema.js';
import { getJob, type JobRow, listUserJobs } from '../../../src/jobs/store.js';
import {
  type GatewaySim,
  type GatewaySimOptions,
  startGatewaySim,
} from '../../fakes/gateway-sim/index.js';
import {
  startTelegramStandIn,
  type TelegramStandIn,
  type TestUser,
} from '../../fakes/telegram/index.js';
import { startTestBot, type TestBot } from '../../helpers/bot-harness.js';
import { suiteFixture } from '../../helpers/read-through.js';

type AsyncJobs = NonNullable<AppOptions['asyncJobs']>;

/**
 * The real app against both stand-ins, with the gateway simulator on a manual clock that is also
 * the poller's clock: tests move time with `pump` (advance + one poller tick), so a 10-minute
 * deadline takes milliseconds and nothing sleeps.
 */
export interface MjHarness {
  readonly bot: TestBot;
  sim: GatewaySim;
  tg: TelegramStandIn;
  /** Stops the bot (graceful) and starts a new process on the same data and stand-ins. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export async function startMjBot(
  o: {
    sim?: GatewaySimOptions;
    asyncJobs?: Partial<AsyncJobs>;
    /** Extra environment for the bot's config (KEY_CONCURRENCY, GENERATION_RATE_PER_MINUTE, …). */
    env?: Record<string, string>;
  } = {},
): Promise<MjHarness> {
  const tg = await startTelegramStandIn();
  const sim = await startGatewaySim({ manualClock: true, ...o.sim });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'genbot-mj-'));
  const start = () =>
    startTestBot({
      reuse: { tg, gateway: sim, dataDir },
      app: { asyncJobs: { now: () => sim.now(), autoStart: false, ...o.asyncJobs } },
      ...(o.env ? { env: o.env } : {}),
      ...(process.env.MJ_TEST_LOG ? { logLevel: process.env.MJ_TEST_LOG as 'info' } : {}),
    });
  let bot = await start();
  return {
    get bot() {
      return bot;
    },
    sim,
    tg,
    async restart() {
      await bot.stopBot();
      bot = await start();
    },
    async close() {
      await bot.stopBot();
      await tg.close();
      await sim.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * A suite's harness: started before its tests, closed after them (checking that nothing sent a
 * Telegram file URL upstream). The handle reads through to the harness once it is running.
 */
export function useMjBot(o: Parameters<typeof startMjBot>[0] = {}): MjHarness {
  return suiteFixture('useMjBot: the harness', () => startMjBot(o), {
    stop: async (h) => {
      expect(h.sim.leaks).toEqual([]);
      await h.close();
    },
  });
}

/** Moves virtual time and runs poller ticks until `done` holds. */
export async function pump(
  h: MjHarness,
  done: () => boolean,
  { stepMs = 1_000, maxSteps = 400, what = 'condition' } = {},
): Promise<void> {
  for (let i = 0; i < maxSteps; i++) {
    // Let HTTP replies (Telegram, gateway) land: ticks alone would starve the event loop.
    await new Promise((r) => setTimeout(r, 2));
    await h.bot.app.submitter.drain();
    if (done()) return;
    h.sim.advance(stepMs);
    await h.bot.app.poller.tick();
  }
  const recent = h.bot.app.deps.db
    .select()
    .from(jobs)
    .orderBy(desc(jobs.createdAt))
    .limit(3)
    .all()
    .map((j) => `${j.id} ${j.kind} ${j.status} ${j.errorCode ?? ''} ${j.progress ?? ''}`);
  throw new Error(`pump: ${what} did not happen in ${maxSteps} steps; latest jobs: ${recent}`);
}

/** A user with a row and a balance (their first update would create the row). */
export function fundedUser(h: MjHarness, amount = 1_000, language_code = 'en'): TestUser {
  const user = h.tg.user({ language_code });
  const db = h.bot.app.deps.db;
  db.insert(users)
    .values({ id: user.id, firstName: `u${user.id}` })
    .onConflictDoNothing()
    .run();
  if (amount > 0) topUp(db, { userId: user.id, amount, ref: `test:${user.id}:${amount}` });
  return user;
}

export const balanceOf = (h: MjHarness, userId: number) => getBalance(h.bot.app.deps.db, userId);

export const jobsOf = (h: MjHarness, userId: number): JobRow[] =>
  listUserJobs(h.bot.app.deps.db, userId, 50);

/** The user's newest job (optionally of a kind). */
export function latestJob(h: MjHarness, userId: number, kind?: string): JobRow | undefined {
  return jobsOf(h, userId).find((j) => kind === undefined || j.kind === kind);
}

/** Waits (real time) for the handler to have created a job. */
export async function jobAppears(
  h: MjHarness,
  userId: number,
  check: (job: JobRow) => boolean,
  timeoutMs = 5_000,
): Promise<JobRow> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const job = jobsOf(h, userId).find(check);
    if (job) return job;
    if (Date.now() > end) throw new Error('no matching job appeared');
    await new Promise((r) => setTimeout(r, 10));
  }
}

export const buttonTexts = (m: Message | undefined) =>
  m?.reply_markup?.inline_keyboard.map((row) => row.map((b) => b.text)) ?? [];

/** Every callback_data of a message's keyboard fits Telegram's 64 bytes. */
export function expectCallbackDataFits(m: Message | undefined): void {
  for (const b of m?.reply_markup?.inline_keyboard.flat() ?? []) {
    if ('callback_data' in b && b.callback_data !== undefined)
      expect(Buffer.byteLength(b.callback_data)).toBeLessThanOrEqual(64);
  }
}

/** Midjourney submits the simulator received. */
export const mjSubmits = (sim: GatewaySim, endpoint?: string) =>
  sim.requests.filter((r) =>
    endpoint ? r.path.endsWith(`/mj/submit/${endpoint}`) : r.path.includes('/mj/submit/'),
  );

/** The preview's caption in every language (a Russian chat's preview is no result either). */
const PREVIEW_CAPTIONS = new Set(LOCALES.map((l) => translateIn(l, 'mj-preview-caption')));

/** The next Midjourney result (photo or document with the result caption), not a preview. */
export async function waitForResult(user: TestUser, timeoutMs = 5_000): Promise<Message> {
  const reply = await user.waitFor(
    (_c, m) => !!(m?.photo || m?.document) && !!m.caption && !PREVIEW_CAPTIONS.has(m.caption),
    { timeoutMs },
  );
  if (!reply.message) throw new Error('no result message');
  return reply.message;
}

/** /mj, then the grid. */
export async function mjGrid(h: MjHarness, user: TestUser, prompt: string): Promise<Message> {
  user.send(`/mj ${prompt}`);
  const job = await jobAppears(h, user.id, (j) => j.params.prompt === prompt);
  await pump(h, () => getJob(h.bot.app.deps.db, job.id)?.status === 'done', { what: 'grid' });
  return waitForResult(user);
}

/** Presses a result button and returns the child job it started. */
export async function pressChild(
  h: MjHarness,
  user: TestUser,
  on: Message,
  button: string | RegExp,
): Promise<JobRow> {
  const before = new Set(jobsOf(h, user.id).map((j) => j.id));
  await user.press(on, button);
  return jobAppears(h, user.id, (j) => !before.has(j.id));
}
