import { and, asc, desc, eq, getTableColumns, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { SQLiteInsertValue } from 'drizzle-orm/sqlite-core';
import { type QueryHost, reusable } from '../db/prepared.js';
import { type JobFamily, type JobStatus, jobs } from '../db/schema.js';
import { canTransition } from './state.js';

export type JobRow = typeof jobs.$inferSelect;
export type NewJob = typeof jobs.$inferInsert;
/** Whose key a job spends: all that choosing its lane and gateway client needs. */
export type KeyHolder = Pick<JobRow, 'payer' | 'userId'>;
type Patch = Partial<Omit<JobRow, 'id' | 'userId' | 'status' | 'createdAt'>>;
/** A drizzle transaction or the database itself: both run the same statements. */
export type Tx = QueryHost;

type JobColumn = keyof typeof jobs.$inferSelect;
const jobColumns = getTableColumns(jobs);
const placeholder = sql.placeholder;
const ACTIVE: JobStatus[] = ['queued', 'submitting', 'running', 'delivering'];

/**
 * The columns a write sets (its statement's shape) and their values as SQLite stores them:
 * encoded here, as drizzle does for inline values, because it would store a JSON null as 'null'.
 */
function encode(fields: Partial<Record<JobColumn, unknown>>) {
  const keys = (Object.keys(fields) as JobColumn[]).filter((k) => fields[k] !== undefined).sort();
  const values: Record<string, unknown> = {};
  for (const k of keys) {
    const value = fields[k];
    values[`v_${k}`] = value === null ? null : jobColumns[k].mapToDriverValue(value);
  }
  return { keys, values };
}
const assigned = (keys: JobColumn[]) =>
  Object.fromEntries(keys.map((k) => [k, sql`${placeholder(`v_${k}`)}`]));
const byKeys = (keys: JobColumn[]) => keys.join(',');

const byId = reusable((db) =>
  db
    .select()
    .from(jobs)
    .where(eq(jobs.id, placeholder('id'))),
);
const byStartKey = reusable((db) =>
  db
    .select()
    .from(jobs)
    .where(eq(jobs.startKey, placeholder('startKey'))),
);
const insert = reusable(
  // Only the given columns: the others take their defaults.
  (db, keys: JobColumn[]) =>
    db
      .insert(jobs)
      .values(assigned(keys) as SQLiteInsertValue<typeof jobs>)
      .returning(),
  byKeys,
);
const update = reusable(
  (db, keys: JobColumn[]) =>
    db
      .update(jobs)
      .set(assigned(keys))
      .where(eq(jobs.id, placeholder('id'))),
  byKeys,
);
type MoveShape = { from: JobStatus[]; keys: JobColumn[] };
const byMoveShape = ({ from, keys }: MoveShape) => `${from.join(',')}:${byKeys(keys)}`;
const conditionalMove = (db: QueryHost, { from, keys }: MoveShape) =>
  db
    .update(jobs)
    .set(assigned(keys))
    .where(and(eq(jobs.id, placeholder('id')), inArray(jobs.status, from)));
const conditionalUpdate = reusable(
  (db, shape: MoveShape) => conditionalMove(db, shape).returning(),
  byMoveShape,
);
const conditionalUpdateQuiet = reusable(conditionalMove, byMoveShape);
/** What sharing a result needs of a job: no lease, price or scheduling columns. */
const shareColumns = {
  id: jobs.id,
  family: jobs.family,
  model: jobs.model,
  status: jobs.status,
  params: jobs.params,
  result: jobs.result,
  createdAt: jobs.createdAt,
};
export type RecentJob = Pick<JobRow, keyof typeof shareColumns>;
const recentOfUser = reusable((db) =>
  db
    .select(shareColumns)
    .from(jobs)
    .where(eq(jobs.userId, placeholder('userId')))
    // rowid breaks ties within one millisecond; it is the last key of jobs_user_idx, so the
    // whole ORDER BY is read off the index (no sort) and LIMIT stops the walk.
    .orderBy(desc(jobs.createdAt), sql`${jobs}.rowid desc`)
    .limit(placeholder('limit')),
);
const activeCount = reusable((db) =>
  db
    .select({ count: sql<number>`count(*)` })
    .from(jobs)
    .where(and(eq(jobs.userId, placeholder('userId')), inArray(jobs.status, ACTIVE))),
);

export function getJob(db: Tx, id: string): JobRow | undefined {
  return byId(db).get({ id });
}

/** What a worker needs of a job it may wait long for a slot for: no params, result or texts. */
const headColumns = {
  id: jobs.id,
  status: jobs.status,
  family: jobs.family,
  userId: jobs.userId,
  payer: jobs.payer,
  attempts: jobs.attempts,
};
export type JobHead = Pick<JobRow, keyof typeof headColumns>;
const headById = reusable((db) =>
  db
    .select(headColumns)
    .from(jobs)
    .where(eq(jobs.id, placeholder('id'))),
);

export function getJobHead(db: Tx, id: string): JobHead | undefined {
  return headById(db).get({ id });
}

/** The job a Telegram update (or single-use keyboard) already started, if any. */
export function getJobByStartKey(db: Tx, startKey: string): JobRow | undefined {
  return byStartKey(db).get({ startKey });
}

export function insertJob(tx: Tx, job: NewJob): JobRow {
  const { keys, values } = encode(job);
  const row = insert(tx, keys).get(values);
  if (!row) throw new Error(`insertJob: no row returned for ${job.id}`);
  return row;
}

/**
 * Moves a job from one of `from` to `to` only if it is still there: the conditional update is
 * what makes two workers (or a worker and a cancel button) safe against each other.
 * Returns the updated row, or undefined when somebody else moved it first.
 */
export function transition(
  db: Tx,
  id: string,
  from: JobStatus | readonly JobStatus[],
  to: JobStatus,
  patch: Patch = {},
  now = Date.now(),
): JobRow | undefined {
  const { shape, values } = moveOf(from, to, patch, now);
  return conditionalUpdate(db, shape).get({ id, ...values });
}

/**
 * `transition` for callers that only need to know whether the job moved: no row is read back
 * (a whole row, params and result JSON included, for every job that finishes).
 */
export function moveJob(
  db: Tx,
  id: string,
  from: JobStatus | readonly JobStatus[],
  to: JobStatus,
  patch: Patch = {},
  now = Date.now(),
): boolean {
  const { shape, values } = moveOf(from, to, patch, now);
  return conditionalUpdateQuiet(db, shape).run({ id, ...values }).changes > 0;
}

/** The statement shape and values of a status change, checked against the state machine. */
function moveOf(
  from: JobStatus | readonly JobStatus[],
  to: JobStatus,
  patch: Patch,
  now: number,
): { shape: MoveShape; values: Record<string, unknown> } {
  const sources = (Array.isArray(from) ? from : [from]) as JobStatus[];
  for (const source of sources) {
    if (!canTransition(source, to)) throw new Error(`illegal job transition ${source} → ${to}`);
  }
  const terminal = to === 'done' || to === 'failed' || to === 'cancelled';
  const { keys, values } = encode({
    ...patch,
    status: to,
    updatedAt: now,
    ...(terminal ? { finishedAt: now, leaseOwner: null, leaseUntil: null } : {}),
  });
  return { shape: { from: sources, keys }, values };
}

/** Updates fields without changing the status (progress, status message id, poll schedule). */
export function patchJob(db: Tx, id: string, patch: Patch, now = Date.now()): void {
  const { keys, values } = encode({ ...patch, updatedAt: now });
  update(db, keys).run({ id, ...values });
}

export function listUserJobs(db: Tx, userId: number, limit = 10): JobRow[] {
  return db
    .select()
    .from(jobs)
    .where(eq(jobs.userId, userId))
    .orderBy(desc(jobs.createdAt))
    .limit(limit)
    .all();
}

/** A user's finished jobs, newest first, older than `before` (a createdAt cursor) when given. */
export function listUserResults(db: Tx, userId: number, limit: number, before?: number): JobRow[] {
  const where = and(
    eq(jobs.userId, userId),
    eq(jobs.status, 'done'),
    before !== undefined ? sql`${jobs.createdAt} < ${before}` : undefined,
  );
  return db.select().from(jobs).where(where).orderBy(desc(jobs.createdAt)).limit(limit).all();
}

/**
 * A user's last `limit` jobs, newest first, whatever their status: one walk down
 * jobs_user_idx that never leaves the user's rows and never reads more than `limit` of them
 * (filtering by status in SQL would read on past failures without a bound). Inline sharing.
 */
export function recentUserJobs(db: Tx, userId: number, limit: number): RecentJob[] {
  return recentOfUser(db).all({ userId, limit });
}

/** Jobs of a user still in the pipeline (not done, failed or cancelled). */
export function countActiveJobs(db: Tx, userId: number): number {
  return activeCount(db).get({ userId })?.count ?? 0;
}

/** The ids of jobs in these statuses, oldest first (a sweep reads the rows one by one later). */
export function jobIdsInStatus(
  db: Tx,
  statuses: readonly JobStatus[],
  families: readonly JobFamily[],
): string[] {
  return db
    .select({ id: jobs.id })
    .from(jobs)
    .where(and(inArray(jobs.status, [...statuses]), inArray(jobs.family, [...families])))
    .orderBy(asc(jobs.createdAt))
    .all()
    .map((row) => row.id);
}

export function jobsInStatus(
  db: Tx,
  statuses: readonly JobStatus[],
  families?: readonly JobFamily[],
): JobRow[] {
  const byStatus = inArray(jobs.status, [...statuses]);
  return db
    .select()
    .from(jobs)
    .where(families ? and(byStatus, inArray(jobs.family, [...families])) : byStatus)
    .orderBy(asc(jobs.createdAt))
    .all();
}

/**
 * What the poller decides by and looks tasks up by: no params, result or billing columns, which
 * thousands of claims per tick would otherwise parse and drop (the few jobs that finish, fail
 * or show progress are read whole).
 */
const dueColumns = {
  id: jobs.id,
  userId: jobs.userId,
  payer: jobs.payer,
  family: jobs.family,
  kind: jobs.kind,
  upstreamId: jobs.upstreamId,
  progress: jobs.progress,
  nextPollAt: jobs.nextPollAt,
  deadlineAt: jobs.deadlineAt,
};
export type DueJob = Pick<JobRow, keyof typeof dueColumns>;

/**
 * Takes up to `limit` async jobs whose poll time has come and whose lease is free or expired,
 * leasing them to `owner`. One UPDATE … RETURNING, so two pollers never take the same job.
 */
export function claimDue(
  db: Tx,
  { owner, now, leaseMs, limit }: { owner: string; now: number; leaseMs: number; limit: number },
): DueJob[] {
  const due = db
    .select({ id: jobs.id })
    .from(jobs)
    .where(
      and(
        eq(jobs.status, 'running'),
        lte(jobs.nextPollAt, now),
        or(isNull(jobs.leaseUntil), lte(jobs.leaseUntil, now)),
      ),
    )
    .orderBy(asc(jobs.nextPollAt))
    .limit(limit);
  return db
    .update(jobs)
    .set({ leaseOwner: owner, leaseUntil: now + leaseMs })
    .where(
      and(
        inArray(jobs.id, due),
        eq(jobs.status, 'running'),
        or(isNull(jobs.leaseUntil), lte(jobs.leaseUntil, now)),
      ),
    )
    .returning(dueColumns)
    .all();
}

export function releaseLease(db: Tx, id: string, owner: string, patch: Patch = {}): void {
  db.update(jobs)
    .set({ ...patch, leaseOwner: null, leaseUntil: null })
    .where(and(eq(jobs.id, id), eq(jobs.leaseOwner, owner)))
    .run();
}

export function countByStatus(
  db: Tx,
): Array<{ family: JobFamily; status: JobStatus; count: number }> {
  return db
    .select({ family: jobs.family, status: jobs.status, count: sql<number>`count(*)` })
    .from(jobs)
    .groupBy(jobs.family, jobs.status)
    .all();
}

/**
 * Takes over the lease of one job, compare-and-swap on its current owner (`from`, null for
 * none): of several instances adopting the same orphan only one succeeds. `owner` null frees it.
 */
export function takeLease(
  db: Tx,
  id: string,
  {
    status,
    from,
    owner,
    until,
  }: { status: JobStatus; from: string | null; owner: string | null; until: number | null },
): JobRow | undefined {
  return db
    .update(jobs)
    .set({ leaseOwner: owner, leaseUntil: until })
    .where(and(eq(jobs.id, id), eq(jobs.status, status), sql`${jobs.leaseOwner} IS ${from}`))
    .returning()
    .get();
}

/** Leases `id` (in `status`) to `owner` when it is free, expired or already the owner's. */
export function claimLease(
  db: Tx,
  id: string,
  { status, owner, now, until }: { status: JobStatus; owner: string; now: number; until: number },
): JobRow | undefined {
  return db
    .update(jobs)
    .set({ leaseOwner: owner, leaseUntil: until })
    .where(
      and(
        eq(jobs.id, id),
        eq(jobs.status, status),
        or(isNull(jobs.leaseOwner), eq(jobs.leaseOwner, owner), lte(jobs.leaseUntil, now)),
      ),
    )
    .returning()
    .get();
}
