// The /stats read model: grouped queries and the report built from them (live telemetry is infra/).
/** The database side of /stats: a handful of grouped queries, aggregated in aggregate.ts. */
import { and, desc, gte, inArray, sql } from 'drizzle-orm';
import { userCounts } from '../accounts/users.js';
import { referralCreditSince } from '../billing/bonuses.js';
import { totals } from '../billing/ledger.js';
import { starsByDay, starsTotals } from '../billing/star-payments.js';
import type { Db } from '../db/client.js';
import { jobs, users } from '../db/schema.js';
import type { GatewayWindowSnapshot } from '../infra/gateway-window.js';
import { ticketCounts } from '../support/store.js';
import type { StatsInput } from './aggregate.js';

const DAY = 86_400_000;

/** Midnight UTC of the day `now` falls in: "today" means the same for every admin. */
export const utcDayStart = (now: number): number => now - (now % DAY);

export function collectStats(
  db: Db,
  options: { now?: number; gateway?: GatewayWindowSnapshot } = {},
): StatsInput {
  const now = options.now ?? Date.now();
  const dayStart = utcDayStart(now);
  const since24h = now - DAY;
  const since7d = now - 7 * DAY;

  const counts = userCounts(db, now);
  const today = db
    .select({
      active: sql<number>`coalesce(sum(case when ${users.lastSeenAt} >= ${dayStart} then 1 else 0 end), 0)`,
      fresh: sql<number>`coalesce(sum(case when ${users.createdAt} >= ${dayStart} then 1 else 0 end), 0)`,
    })
    .from(users)
    .get();

  const jobRows = db
    .select({
      family: jobs.family,
      status: jobs.status,
      count: sql<number>`count(*)`,
      today: sql<number>`coalesce(sum(case when ${jobs.createdAt} >= ${dayStart} then 1 else 0 end), 0)`,
    })
    .from(jobs)
    .groupBy(jobs.family, jobs.status)
    .all();

  const models = db
    .select({
      model: jobs.model,
      family: jobs.family,
      total: sql<number>`count(*)`,
      done: sql<number>`coalesce(sum(case when ${jobs.status} = 'done' then 1 else 0 end), 0)`,
      failed: sql<number>`coalesce(sum(case when ${jobs.status} = 'failed' then 1 else 0 end), 0)`,
    })
    .from(jobs)
    .where(gte(jobs.createdAt, since7d))
    .groupBy(jobs.model, jobs.family)
    .orderBy(desc(sql`count(*)`))
    .limit(10)
    .all();

  const finished = and(gte(jobs.createdAt, since24h), inArray(jobs.status, ['done', 'failed']));
  const outcomes = db
    .select({
      family: jobs.family,
      done: sql<number>`coalesce(sum(case when ${jobs.status} = 'done' then 1 else 0 end), 0)`,
      failed: sql<number>`coalesce(sum(case when ${jobs.status} = 'failed' then 1 else 0 end), 0)`,
    })
    .from(jobs)
    .where(finished)
    .groupBy(jobs.family)
    .all();
  const failures = db
    .select({
      code: sql<string>`coalesce(${jobs.errorCode}, 'unknown')`,
      count: sql<number>`count(*)`,
    })
    .from(jobs)
    .where(and(gte(jobs.createdAt, since24h), inArray(jobs.status, ['failed'])))
    .groupBy(sql`coalesce(${jobs.errorCode}, 'unknown')`)
    .all();

  return {
    now,
    users: { ...counts, activeToday: today?.active ?? 0, newToday: today?.fresh ?? 0 },
    jobs: jobRows,
    moneyToday: totals(db, { since: dayStart }),
    moneyTotal: totals(db),
    models,
    outcomes24h: outcomes,
    failures24h: failures,
    tickets: ticketCounts(db),
    stars: {
      days: starsByDay(db, since7d),
      total: starsTotals(db),
      referralToday: referralCreditSince(db, dayStart),
      referralTotal: referralCreditSince(db, 0),
    },
    ...(options.gateway ? { gateway: options.gateway } : {}),
  };
}
