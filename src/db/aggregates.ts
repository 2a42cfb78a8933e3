import { type SQL, sql } from 'drizzle-orm';

/**
 * How many rows of a group match `cond`, as one column of a select. mapWith: PostgreSQL's sum
 * is a bigint (read as a number by pg.ts), SQLite's an integer; either way a JS number here.
 */
export const countWhere = (cond: SQL) =>
  sql<number>`coalesce(sum(case when ${cond} then 1 else 0 end), 0)`.mapWith(Number);

/** count(*) as a number on both engines. */
export const countAll = () => sql<number>`count(*)`.mapWith(Number);
