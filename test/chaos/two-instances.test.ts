import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Db } from '../../src/db/client.js';
import type { Redis } from '../../src/infra/redis.js';
import { jobsInStatus, listUserJobs } from '../../src/jobs/store.js';
import { type GatewaySim, startGatewaySim } from '../fakes/gateway-sim/index.js';
import { makePng } from '../fakes/telegram/image.js';
import {
  startTelegramStandIn,
  type TelegramStandIn,
  type TestUser,
} from '../fakes/telegram/index.js';
import { type Balancer, startBalancer } from '../helpers/balancer.js';
import { freePort } from '../helpers/net.js';
import {
  connectRedis,
  deleteByPrefix,
  describeRedis,
  REDIS_URL,
  uniquePrefix,
} from '../helpers/services.js';
import { type SpawnedBot, spawnBot, standInEnv } from '../helpers/spawn-bot.js';
import { assertBooksBalanced, closeQuietly, fund, jobLedger, openBotDb, until } from './helpers.js';

const KEY = 'sk-chaosTwoInstancesKey0123456789';
const SECRET = 'two_instances-secret-0123456789abcdef';
const USERS = 10;

/**
 * Two real bot processes in webhook mode behind a round-robin balancer, sharing one SQLite file
 * and one Redis. Midjourney jobs are submitted through both; the poller leader is SIGKILLed
 * while every job is still running upstream. The survivor takes the lease within seconds and
 * every job is delivered exactly once, charged once.
 */
describeRedis('chaos: two instances on one Redis, the poller leader killed mid-run', () => {
  let tg: TelegramStandIn;
  let gateway: GatewaySim;
  let balancer: Balancer;
  let redis: Redis;
  let db: Db;
  const bots: SpawnedBot[] = [];
  const prefix = uniquePrefix('two');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'genbot-two-'));

  beforeAll(async () => {
    redis = connectRedis();
    tg = await startTelegramStandIn({ webhookRetryMs: 100 });
    // Real-time Midjourney, slow enough that every task is still running when the leader dies.
    gateway = await startGatewaySim({
      speed: 1,
      keys: { [KEY]: { unlimited: true } },
      timings: { mjSubmittedMs: 1_000, mjWaitingMs: 1_000, mjStepMs: 2_000 },
    });
    const ports = [await freePort(), await freePort()];
    balancer = await startBalancer(ports.map((p) => `http://127.0.0.1:${p}`));
    for (const port of ports) {
      const bot = spawnBot(
        {
          ...standInEnv(tg, gateway, KEY),
          BOT_MODE: 'webhook',
          WEBHOOK_URL: `${balancer.url}/tg/hook`,
          WEBHOOK_SECRET: SECRET,
          PORT: String(port),
          REDIS_URL,
          REDIS_PREFIX: prefix,
          LEADER_LEASE_MS: '1500',
          GENERATION_RATE_PER_MINUTE: '100',
        },
        dataDir,
      );
      bots.push(bot);
      // One after the other: the first creates the database and the key-encryption secret.
      await bot.waitForOutput(/is receiving updates by webhook/, 40_000);
    }
    db = openBotDb(dataDir);
  }, 90_000);

  afterAll(async () => {
    closeQuietly(db);
    for (const bot of bots) await bot.stop();
    await balancer?.close();
    await tg?.close();
    await gateway?.close();
    await deleteByPrefix(redis, prefix);
    await redis.quit();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  /** instance id → process, from each process's start line. */
  const instanceOf = (bot: SpawnedBot) =>
    /"instance":"([^"]+)"[^\n]*is receiving updates by webhook/.exec(bot.output())?.[1];

  it('an album whose photos reach both instances becomes one edit of all of them', {
    timeout: 60_000,
  }, async () => {
    const user = tg.user({ language_code: 'en' });
    fund(db, user.id, 100);
    const before = [...balancer.served.values()];
    user.sendAlbum([makePng(10, 10), makePng(12, 12), makePng(14, 14)], {
      caption: 'one scene from three',
    });
    await user.waitFor({ photo: true, text: /one scene from three/ }, { timeoutMs: 30_000 });
    // Round robin: the three updates went to both instances.
    const after = [...balancer.served.values()];
    expect(after.every((n, i) => n > (before[i] ?? 0))).toBe(true);
    const jobs = listUserJobs(db, user.id, 10);
    expect(jobs).toHaveLength(1);
    expect((jobs[0]?.params as { inputs?: unknown[] } | undefined)?.inputs).toHaveLength(3);
  });

  it('delivers every job exactly once after the leader dies', { timeout: 120_000 }, async () => {
    const ids = bots.map(instanceOf);
    expect(ids.every(Boolean)).toBe(true);
    const leaderId = await redis.get(`${prefix}leader`);
    const leader = bots[ids.indexOf(leaderId ?? '')];
    const survivor = bots.find((b) => b !== leader);
    if (!leader || !survivor)
      throw new Error(`no leader among ${ids.join(', ')} (lease: ${leaderId})`);

    const users: TestUser[] = Array.from({ length: USERS }, () => tg.user({ language_code: 'en' }));
    for (const u of users) fund(db, u.id, 100);
    for (const [i, u] of users.entries()) u.send(`/mj tower number ${i}`);
    // Every job accepted upstream (through either instance), none finished yet.
    await until(
      () =>
        users.every((u) => {
          const job = listUserJobs(db, u.id, 1)[0];
          return job?.status === 'running' && job.upstreamId !== null;
        }),
      30_000,
      'every job running upstream',
    );
    const ours = new Set(users.map((u) => u.id));
    expect(jobsInStatus(db, ['delivering', 'done']).filter((j) => ours.has(j.userId))).toEqual([]);
    // Both instances took updates.
    expect([...balancer.served.values()].every((n) => n > 0)).toBe(true);

    const killedAt = Date.now();
    await leader.stop('SIGKILL');
    const survivorId = ids[bots.indexOf(survivor)];
    await until(
      async () => (await redis.get(`${prefix}leader`)) === survivorId,
      10_000,
      'takeover',
    );
    const takeoverMs = Date.now() - killedAt;
    expect(takeoverMs).toBeLessThan(5_000);

    await until(
      () => users.every((u) => listUserJobs(db, u.id, 1)[0]?.status === 'done'),
      60_000,
      'every job done',
    );
    // Exactly once: one result message per job, one charge, no refund, one submit upstream.
    for (const [i, u] of users.entries()) {
      const results = tg.calls.filter(
        (c) =>
          c.method === 'sendPhoto' &&
          Number(c.params.chat_id) === u.id &&
          String(c.params.caption ?? '').includes(`tower number ${i}`),
      );
      expect(results, `results of job ${i}`).toHaveLength(1);
      const job = listUserJobs(db, u.id, 1)[0];
      expect(jobLedger(db, job?.id ?? '').map((e) => e.kind)).toEqual(['charge']);
    }
    const submits = gateway.requests.filter((q) => q.path.includes('/mj/submit/imagine'));
    expect(submits).toHaveLength(USERS);
    assertBooksBalanced(db);
    // The survivor said it took over; nothing leaked into either log.
    expect(survivor.output()).toContain('became the poller leader');
    for (const bot of bots)
      for (const secret of [tg.token, KEY, SECRET]) expect(bot.output()).not.toContain(secret);
    console.info(`[two-instances] leader lease taken over ${takeoverMs} ms after SIGKILL`);
  });
});
