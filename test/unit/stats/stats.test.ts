import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { touchUser } from '../../../src/accounts/users.js';
import { topUp } from '../../../src/billing/ledger.js';
import type { Db } from '../../../src/db/client.js';
import { type Database, sqliteEngine } from '../../../src/db/engine.js';
import { GatewayWindow } from '../../../src/infra/gateway-window.js';
import { insertJob } from '../../../src/jobs/store.js';
import { buildStats, percent, type StatsInput } from '../../../src/stats/aggregate.js';
import { collectStats, utcDayStart } from '../../../src/stats/collect.js';
import { tempDb } from '../../helpers/temp-db.js';

const money0 = {
  topups: 0,
  redeemed: 0,
  charges: 0,
  refunds: 0,
  adjustments: 0,
  stars: 0,
  bonuses: 0,
  reversals: 0,
  spent: 0,
  entries: 0,
};
const base: StatsInput = {
  now: 0,
  users: {
    total: 0,
    active24h: 0,
    active7d: 0,
    banned: 0,
    blockedBot: 0,
    withBalance: 0,
    activeToday: 0,
    newToday: 0,
  },
  jobs: [],
  moneyToday: money0,
  moneyTotal: money0,
  models: [],
  outcomes24h: [],
  failures24h: [],
  tickets: { open: 0, total: 0 },
  stars: {
    days: [],
    total: { stars: 0, refundedStars: 0, payments: 0 },
    referralToday: 0,
    referralTotal: 0,
  },
};

describe('stats aggregation', () => {
  it('families in catalog order with statuses folded into done / failed / in progress', () => {
    const r = buildStats({
      ...base,
      jobs: [
        { family: 'video', status: 'running', count: 2, today: 1 },
        { family: 'image', status: 'done', count: 10, today: 4 },
        { family: 'image', status: 'failed', count: 3, today: 0 },
        { family: 'image', status: 'queued', count: 1, today: 1 },
        { family: 'image', status: 'delivering', count: 1, today: 1 },
        { family: 'image', status: 'cancelled', count: 2, today: 0 },
      ],
    });
    expect(r.families).toEqual([
      { family: 'image', total: 17, today: 6, done: 10, failed: 3, active: 2, cancelled: 2 },
      { family: 'video', total: 2, today: 1, done: 0, failed: 0, active: 2, cancelled: 0 },
    ]);
    expect([r.jobsTotal, r.jobsToday]).toEqual([19, 7]);
  });

  it('failure rates per family and overall; top errors and models sorted, ties by name', () => {
    const r = buildStats(
      {
        ...base,
        outcomes24h: [
          { family: 'image', done: 9, failed: 1 },
          { family: 'midjourney', done: 0, failed: 0 },
          { family: 'video', done: 1, failed: 2 },
        ],
        failures24h: [
          { code: 'timeout', count: 2 },
          { code: 'bad_key', count: 2 },
          { code: 'upstream', count: 5 },
        ],
        models: [
          { model: 'b', family: 'image', total: 5, done: 4, failed: 1 },
          { model: 'a', family: 'image', total: 5, done: 0, failed: 0 },
          { model: 'c', family: 'video', total: 9, done: 3, failed: 6 },
        ],
      },
      { topModels: 2, topErrors: 2 },
    );
    expect(r.failureRates).toEqual([
      { family: 'image', failed: 1, finished: 10, percent: 10 },
      { family: 'video', failed: 2, finished: 3, percent: 66.7 },
    ]);
    expect(r.overallFailure).toEqual({ failed: 3, finished: 13, percent: 23.1 });
    expect(r.topErrors).toEqual([
      { code: 'upstream', count: 5 },
      { code: 'bad_key', count: 2 },
    ]);
    expect(r.topModels).toEqual([
      { model: 'c', total: 9, failedPercent: 66.7 },
      { model: 'a', total: 5, failedPercent: 0 },
    ]);
    expect(percent(1, 0)).toBe(0);
  });

  it('gateway window: error rate when present', () => {
    const r = buildStats({ ...base, gateway: { minutes: 60, requests: 8, errors: 2, kinds: [] } });
    expect(r.gateway?.percent).toBe(25);
    expect(buildStats(base).gateway).toBeUndefined();
  });
});

// SQLite only while jobs and billing write through the sync handle: both handles share its file.
describe('stats queries', () => {
  let db: Db;
  let database: Database;
  let cleanup: () => void;
  beforeEach(() => {
    ({ db, cleanup } = tempDb());
    database = sqliteEngine(db.$client).db;
  });
  afterEach(() => cleanup());

  it('today is the UTC day; old jobs count in totals only; money today vs in total', async () => {
    const now = Date.UTC(2025, 5, 10, 12);
    const yesterday = now - 86_400_000;
    expect(utcDayStart(now)).toBe(Date.UTC(2025, 5, 10));
    await touchUser(database, { id: 1, first_name: 'a' }, { now: yesterday });
    await touchUser(database, { id: 2, first_name: 'b' }, { now });
    const job = (id: string, createdAt: number, status: 'done' | 'failed', errorCode?: string) =>
      insertJob(db, {
        id,
        userId: 1,
        chatId: 1,
        family: 'image',
        kind: 'generate',
        model: 'flux',
        params: {},
        price: 1,
        payer: 'balance',
        status,
        createdAt,
        ...(errorCode ? { errorCode } : {}),
      });
    job('old', now - 10 * 86_400_000, 'failed', 'timeout');
    job('y', yesterday + 1000, 'done');
    job('t', now - 1000, 'failed');
    topUp(db, { userId: 2, amount: 500, ref: 'pay:1' });
    const input = await collectStats({ db, database }, { now });
    expect(input.users).toMatchObject({ total: 2, activeToday: 1, newToday: 1 });
    expect(input.jobs).toEqual(
      expect.arrayContaining([
        { family: 'image', status: 'failed', count: 2, today: 1 },
        { family: 'image', status: 'done', count: 1, today: 0 },
      ]),
    );
    // Last 7 days / 24 h only.
    expect(input.models).toEqual([
      { model: 'flux', family: 'image', total: 2, done: 1, failed: 1 },
    ]);
    expect(input.failures24h).toEqual([{ code: 'unknown', count: 1 }]);
    expect(input.moneyTotal.topups).toBe(500);
  });
});

describe('gateway window', () => {
  it('counts calls and errors of the last hour by kind, dropping older minutes', () => {
    let t = 0;
    const w = new GatewayWindow(60, () => t);
    w.record({ route: 'a', status: 200, ms: 1, attempts: 1 });
    w.record({ route: 'a', status: 429, ms: 1, attempts: 3, errorKind: 'rate_limited' });
    t = 30 * 60_000;
    w.record({ route: 'a', status: 502, ms: 1, attempts: 1 });
    w.record({ route: 'a', ms: 1, attempts: 1, errorKind: 'network' });
    expect(w.snapshot()).toEqual({
      minutes: 60,
      requests: 4,
      errors: 3,
      kinds: [
        { kind: 'http_502', count: 1 },
        { kind: 'network', count: 1 },
        { kind: 'rate_limited', count: 1 },
      ],
    });
    t = 61 * 60_000;
    expect(w.snapshot()).toMatchObject({ requests: 2, errors: 2 });
    t = 200 * 60_000;
    expect(w.snapshot()).toMatchObject({ requests: 0, errors: 0, kinds: [] });
  });
});
