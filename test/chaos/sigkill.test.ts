import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getBalance } from '../../src/billing/ledger.js';
import { mintCodes } from '../../src/billing/redeem-codes.js';
import type { Db } from '../../src/db/client.js';
import { getJob, type JobRow, listUserJobs } from '../../src/jobs/store.js';
import { type GatewaySim, startGatewaySim } from '../fakes/gateway-sim/index.js';
import {
  startTelegramStandIn,
  type TelegramStandIn,
  type TestUser,
} from '../fakes/telegram/index.js';
import { type SpawnedBot, spawnBot, standInEnv } from '../helpers/spawn-bot.js';
import { assertBooksBalanced, closeQuietly, fund, jobLedger, openBotDb, until } from './helpers.js';

const KEY = 'sk-chaosKillOperatorKey0123456789';
const CODES = 24;

/**
 * One real bot process (npm start) is SIGKILLed with four kinds of work in flight at once: a
 * synchronous generation mid-call, a Midjourney job mid-poll, a result mid-delivery and a run of
 * code redemptions. A second process starts on the same files; nothing is lost and nothing is
 * charged twice.
 */
describe('chaos: SIGKILL with work in flight, then restart', () => {
  let tg: TelegramStandIn;
  let gateway: GatewaySim;
  let first: SpawnedBot;
  let second: SpawnedBot | undefined;
  let db: Db;
  let env: Record<string, string>;

  const s = { user: undefined as unknown as TestUser, job: undefined as unknown as JobRow };
  const m = { user: undefined as unknown as TestUser, job: undefined as unknown as JobRow };
  const d = { user: undefined as unknown as TestUser, job: undefined as unknown as JobRow };
  const r = { user: undefined as unknown as TestUser, codes: [] as string[], before: 0 };

  beforeAll(async () => {
    tg = await startTelegramStandIn();
    gateway = await startGatewaySim({ speed: 20, keys: { [KEY]: { unlimited: true } } });
    env = {
      ...standInEnv(tg, gateway, KEY),
      GENERATION_RATE_PER_MINUTE: '100',
    };
    first = spawnBot(env);
    await first.waitForOutput(/is polling for updates/, 30_000);
    db = openBotDb(first.dataDir);
  }, 40_000);

  afterAll(async () => {
    closeQuietly(db);
    await second?.stop();
    await first?.stop();
    first?.cleanup();
    await tg?.close();
    await gateway?.close();
  });

  const latestJob = (userId: number) => listUserJobs(db, userId, 1)[0];

  it('puts four kinds of work in flight and kills the process', async () => {
    // 1) A result mid-delivery: the first upload is answered 429 with a long retry_after, so
    //    auto-retry is waiting when the process dies.
    d.user = tg.user({ language_code: 'en' });
    fund(db, d.user.id, 100);
    tg.failNext('sendPhoto', {
      error_code: 429,
      description: 'Too Many Requests: retry after 6',
      parameters: { retry_after: 6 },
    });
    d.user.send('/imagine a parcel in the rain');
    await until(() => latestJob(d.user.id)?.status === 'delivering', 15_000, 'delivering');
    await tg.waitForCall('sendPhoto', (c) => Number(c.params.chat_id) === d.user.id, 10_000);
    d.job = latestJob(d.user.id) as JobRow;

    // 2) A Midjourney job mid-poll: the task is frozen upstream, the poller keeps looking.
    m.user = tg.user({ language_code: 'en' });
    fund(db, m.user.id, 100);
    gateway.stallTasks(true);
    m.user.send('/mj a castle on a cliff');
    await until(() => Boolean(latestJob(m.user.id)?.upstreamId), 15_000, 'MJ submitted');
    m.job = latestJob(m.user.id) as JobRow;
    const polls = () => gateway.requests.filter((q) => q.path.includes('/mj/task')).length;
    const seen = polls();
    await until(() => polls() > seen, 15_000, 'the poller looking at the task');
    expect(getJob(db, m.job.id)?.status).toBe('running');

    // 3) A synchronous generation mid-call: the gateway holds the request.
    s.user = tg.user({ language_code: 'en' });
    fund(db, s.user.id, 100);
    gateway.inject({ route: '/v1/images/generations', hang: true });
    s.user.send('/imagine a very long story');
    await until(() => latestJob(s.user.id)?.status === 'submitting', 15_000, 'mid-call');
    await until(
      () =>
        gateway.requests.some(
          (q) => (q.body as { prompt?: string })?.prompt === 'a very long story',
        ),
      10_000,
      'the call at the gateway',
    );
    s.job = latestJob(s.user.id) as JobRow;

    // 4) Redemptions committing one after another when the process dies.
    r.user = tg.user({ language_code: 'en' });
    fund(db, r.user.id, 1);
    r.before = getBalance(db, r.user.id);
    r.codes = mintCodes(db, { count: CODES, amount: 7, createdBy: 1 }).codes;
    for (const code of r.codes) r.user.send(code);
    await r.user.waitFor({ text: /Code redeemed/ }, { timeoutMs: 15_000 });

    await first.stop('SIGKILL');
    expect(first.output()).not.toContain('stopped cleanly');
    expect(getJob(db, s.job.id)?.status).toBe('submitting');
    expect(getJob(db, m.job.id)?.status).toBe('running');
    expect(getJob(db, d.job.id)?.status).toBe('delivering');
  }, 90_000);

  it('after a restart: mid-call refunded and told, mid-poll and mid-delivery delivered once, codes credited once', async () => {
    gateway.stallTasks(false);
    second = spawnBot(env, first.dataDir);
    await second.waitForOutput(/is polling for updates/, 30_000);

    // Mid-call: unknowable upstream, so failed, refunded once, the user told.
    await s.user.waitFor({ text: /restarted while it was working/ }, { timeoutMs: 15_000 });
    expect(getJob(db, s.job.id)).toMatchObject({ status: 'failed', errorCode: 'interrupted' });
    expect(
      jobLedger(db, s.job.id)
        .map((e) => e.kind)
        .sort(),
    ).toEqual(['charge', 'refund']);
    expect(getBalance(db, s.user.id)).toBe(100);

    // Mid-poll: resumed, the grid delivered exactly once, charged once.
    await until(() => getJob(db, m.job.id)?.status === 'done', 30_000, 'MJ done');
    const grids = tg.calls.filter(
      (c) =>
        c.method === 'sendPhoto' &&
        Number(c.params.chat_id) === m.user.id &&
        String(c.params.caption ?? '').includes('castle'),
    );
    expect(grids).toHaveLength(1);
    expect(jobLedger(db, m.job.id).map((e) => e.kind)).toEqual(['charge']);

    // Mid-delivery: delivered again from the stored file, without a second gateway call.
    await until(() => getJob(db, d.job.id)?.status === 'done', 30_000, 'redelivered');
    const photos = tg.messages(d.user.id).filter((msg) => msg.photo);
    expect(photos).toHaveLength(1);
    expect(
      gateway.requests.filter(
        (q) => (q.body as { prompt?: string })?.prompt === 'a parcel in the rain',
      ),
    ).toHaveLength(1);
    expect(jobLedger(db, d.job.id).map((e) => e.kind)).toEqual(['charge']);

    // Redemptions: whatever committed before the kill stays; sending every code again credits
    // only the missing ones.
    for (const code of r.codes) r.user.send(code);
    await until(
      () => getBalance(db, r.user.id) === r.before + CODES * 7,
      30_000,
      'every code credited',
    );
    const redeemed = db.$client
      .prepare("SELECT count(*) AS n FROM ledger WHERE user_id = ? AND ref LIKE 'redeem:%'")
      .get(r.user.id) as { n: number };
    expect(redeemed.n).toBe(CODES);

    assertBooksBalanced(db);
    expect(second.output()).not.toContain(tg.token);
    expect(second.output()).not.toContain(KEY);
  }, 90_000);
});
