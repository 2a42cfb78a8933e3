import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { App } from '../../../src/app.js';
import { getBalance, topUp } from '../../../src/billing/ledger.js';
import { users } from '../../../src/db/schema.js';
import { type JobRow, listUserJobs } from '../../../src/jobs/store.js';
import type { GatewaySim, RecordedRequest } from '../../fakes/gateway-sim/index.js';

/** Creates the user's row, as their first update would. */
export function ensureUser(app: App, userId: number): void {
  app.deps.db
    .insert(users)
    .values({ id: userId, firstName: `u${userId}` })
    .onConflictDoNothing()
    .run();
}

/** Gives a user (created if new) this much balance. */
export function fund(app: App, userId: number, amount: number): void {
  ensureUser(app, userId);
  topUp(app.deps.db, { userId, amount, ref: `test:${randomUUID()}` });
}

export const balanceOf = (app: App, userId: number) => getBalance(app.deps.db, userId);

export const jobsOf = (app: App, userId: number): JobRow[] => listUserJobs(app.deps.db, userId, 50);

/** Polls until the user's latest job satisfies `check` (jobs settle outside the handlers). */
export async function waitForJob(
  app: App,
  userId: number,
  check: (job: JobRow) => boolean,
  timeoutMs = 5_000,
): Promise<JobRow> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const job = jobsOf(app, userId)[0];
    if (job && check(job)) return job;
    if (Date.now() > until)
      throw new Error(`job never matched; latest: ${JSON.stringify(job ?? null).slice(0, 400)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Polls until `check` holds; `what` may say what the state was when it gave up. */
export async function until(
  check: () => boolean,
  timeoutMs = 5_000,
  what: string | (() => string) = 'condition',
) {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end)
      throw new Error(`timed out waiting for ${typeof what === 'string' ? what : what()}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Generation calls the simulator received (images, edits, chat). */
export function generationCalls(gateway: GatewaySim): RecordedRequest[] {
  return gateway.requests.filter((r) =>
    ['/v1/images/generations', '/v1/images/edits', '/v1/chat/completions'].includes(r.path),
  );
}

/** The charge and the refund of a job cancel out; the balance is what it was. */
export function expectRefunded(app: App, userId: number, before: number): void {
  expect(balanceOf(app, userId)).toBe(before);
}
