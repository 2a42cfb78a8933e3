import { and, eq, lte, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { jobs } from '../db/schema.js';

/**
 * How far behind the async poller is: seconds since the most overdue running job should have
 * been looked at (0 when none is overdue). A healthy poller keeps this near its tick interval;
 * a growing value means no leader, or a leader that cannot keep up.
 */
export function pollerLagSeconds(db: Db, now = Date.now()): number {
  const row = db
    .select({ oldest: sql<number | null>`min(${jobs.nextPollAt})` })
    .from(jobs)
    .where(and(eq(jobs.status, 'running'), lte(jobs.nextPollAt, now)))
    .get();
  const oldest = row?.oldest;
  return oldest === null || oldest === undefined ? 0 : Math.max(0, (now - oldest) / 1000);
}
