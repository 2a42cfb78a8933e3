// The /stats read model: grouped queries and the report built from them (live telemetry is infra/).
/** The database side of /stats: a handful of grouped queries, aggregated in aggregate.ts. */
import { and, desc, eq, gte, inArray, sql } from 'drizzle-orm';
import { userCounts } from '../accounts/users.js';
import { referralCreditSince } from '../billing/bonuses.js';
import { totals } from '../billing/ledger.js';
import { starsByDay, starsTotals } from '../billing/star-payments.js';
import { countAll, countWhere } from '../db/aggregates.js';
import type { Db } from '../db/client.js';
import type { Database } from '../db/engine.js';
import { jobs, users } from '../db/schema.js';
import type { GatewayWindowSnapshot } from '../infra/gateway-window.js';
import { ticketCounts } from '../support/store.js';
import type { StatsInput } from './aggregate.js';

const DAY = 86_400_000;

/** Midnight UTC of the day `now` falls in: "today" means the same for every admin. */
export const utcDayStart = (now: number): number => now - (now % DAY);

/**
 * `db` is for the billing reads until billing takes the async handle too (awaited already, so it
 * may turn async first).
 */
export async function collectStats(
  handles: { database: Database; db: Db },
  options: { now?: number; gateway?: GatewayWindowSnapshot } = {},
): Promise<StatsInput> {
  const { database: db } = handles;
  const now = options.now ?? Date.now();
  const dayStart = utcDayStart(now);
  const since24h = now - DAY;
  const since7d = now - 7 * DAY;
  const done = countWhere(eq(jobs.status, 'done'));
  const failed = countWhere(eq(jobs.status, 'failed'));
  const failureCode = sql<string>`coalesce(${jobs.errorCode}, 'unknown')`;

  const [counts, [today], jobRows, models, outcomes, failures, tickets] = await Promise.all([
    userCounts(db, now),
    db
      .select({
        active: countWhere(gte(users.lastSeenAt, dayStart)),
        fresh: countWhere(gte(users.createdAt, dayStart)),
      })
      .from(users),
    db
      .select({
        family: jobs.family,
        status: jobs.status,
        count: countAll(),
        today: countWhere(gte(jobs.createdAt, dayStart)),
      })
      .from(jobs)
      .groupBy(jobs.family, jobs.status)
      .orderBy(jobs.family, jobs.status),
    db
      .select({ model: jobs.model, family: jobs.family, total: countAll(), done, failed })
      .from(jobs)
      .where(gte(jobs.createdAt, since7d))
      .groupBy(jobs.model, jobs.family)
      .orderBy(desc(sql`count(*)`), jobs.model, jobs.family)
      .limit(10),
    db
      .select({ family: jobs.family, done, failed })
      .from(jobs)
      .where(and(gte(jobs.createdAt, since24h), inArray(jobs.status, ['done', 'failed'])))
      .groupBy(jobs.family)
      .orderBy(jobs.family),
    db
      .select({ code: failureCode, count: countAll() })
      .from(jobs)
      .where(and(gte(jobs.createdAt, since24h), eq(jobs.status, 'failed')))
      .groupBy(failureCode)
      .orderBy(failureCode),
    ticketCounts(db),
  ]);

  return {
    now,
    users: { ...counts, activeToday: today?.active ?? 0, newToday: today?.fresh ?? 0 },
    jobs: jobRows,
    moneyToday: await totals(handles.db, { since: dayStart }),
    moneyTotal: await totals(handles.db),
    models,
    outcomes24h: outcomes,
    failures24h: failures,
    tickets,
    stars: {
      days: await starsByDay(handles.db, since7d),
      total: await starsTotals(handles.db),
      referralToday: await referralCreditSince(handles.db, dayStart),
      referralTotal: await referralCreditSince(handles.db, 0),
    },
    ...(options.gateway ? { gateway: options.gateway } : {}),
  };
}
