// The /stats read model: grouped queries and the report built from them (live telemetry is infra/).
/** Turns the raw /stats rows into the report the admin reads. Pure, so it is tested alone. */
import type { UserCounts } from '../accounts/users.js';
import type { LedgerTotals } from '../billing/ledger.js';
import type { StarsDay } from '../billing/star-payments.js';
import { type JobFamily, type JobStatus, jobFamilies } from '../db/schema.js';
import type { GatewayWindowSnapshot } from '../infra/gateway-window.js';
import type { TicketCounts } from '../support/store.js';

export interface StatsInput {
  now: number;
  users: UserCounts & { activeToday: number; newToday: number };
  jobs: Array<{ family: JobFamily; status: JobStatus; count: number; today: number }>;
  moneyToday: LedgerTotals;
  moneyTotal: LedgerTotals;
  /** Jobs of the last 7 days by model, most used first. */
  models: Array<{ model: string; family: JobFamily; total: number; done: number; failed: number }>;
  /** Finished jobs of the last 24 h by family. */
  outcomes24h: Array<{ family: JobFamily; done: number; failed: number }>;
  /** Failed jobs of the last 24 h by error code. */
  failures24h: Array<{ code: string; count: number }>;
  tickets: TicketCounts;
  stars: StarsSection;
  gateway?: GatewayWindowSnapshot;
}

export interface StarsSection {
  /** The last 7 UTC days with payments or refunds, newest first. */
  days: StarsDay[];
  total: { stars: number; refundedStars: number; payments: number };
  /** Referral credit paid (both sides), minor units. */
  referralToday: number;
  referralTotal: number;
}

const ACTIVE: readonly JobStatus[] = ['queued', 'submitting', 'running', 'delivering'];

export interface FamilyRow {
  family: JobFamily;
  total: number;
  today: number;
  done: number;
  failed: number;
  /** queued, submitting, running or delivering right now. */
  active: number;
  cancelled: number;
}

export interface Rate {
  failed: number;
  finished: number;
  /** Percent with one decimal; 0 when nothing finished. */
  percent: number;
}

export interface StatsReport {
  users: StatsInput['users'];
  families: FamilyRow[];
  jobsTotal: number;
  jobsToday: number;
  money: {
    today: { topups: number; spent: number; refunds: number };
    total: { topups: number; spent: number; refunds: number };
  };
  topModels: Array<{ model: string; total: number; failedPercent: number }>;
  failureRates: Array<{ family: JobFamily } & Rate>;
  overallFailure: Rate;
  topErrors: Array<{ code: string; count: number }>;
  tickets: TicketCounts;
  stars: StarsSection;
  gateway?: GatewayWindowSnapshot & { percent: number };
}

export const percent = (part: number, whole: number): number =>
  whole <= 0 ? 0 : Math.round((part / whole) * 1000) / 10;

const rate = (failed: number, done: number): Rate => ({
  failed,
  finished: failed + done,
  percent: percent(failed, failed + done),
});

export function buildStats(
  input: StatsInput,
  options: { topModels?: number; topErrors?: number } = {},
): StatsReport {
  const byFamily = new Map<JobFamily, FamilyRow>();
  for (const row of input.jobs) {
    const f = byFamily.get(row.family) ?? {
      family: row.family,
      total: 0,
      today: 0,
      done: 0,
      failed: 0,
      active: 0,
      cancelled: 0,
    };
    f.total += row.count;
    f.today += row.today;
    if (row.status === 'done') f.done += row.count;
    else if (row.status === 'failed') f.failed += row.count;
    else if (row.status === 'cancelled') f.cancelled += row.count;
    else if (ACTIVE.includes(row.status)) f.active += row.count;
    byFamily.set(row.family, f);
  }
  // Catalog order, so the table reads the same every time.
  const families = jobFamilies.flatMap((f) => byFamily.get(f) ?? []);

  const failureRates = jobFamilies.flatMap((family) => {
    const o = input.outcomes24h.find((r) => r.family === family);
    return o && o.done + o.failed > 0 ? [{ family, ...rate(o.failed, o.done) }] : [];
  });
  const sum = (k: 'done' | 'failed') => input.outcomes24h.reduce((n, r) => n + r[k], 0);

  const money = (t: LedgerTotals) => ({ topups: t.topups, spent: t.spent, refunds: t.refunds });
  return {
    users: input.users,
    families,
    jobsTotal: families.reduce((n, f) => n + f.total, 0),
    jobsToday: families.reduce((n, f) => n + f.today, 0),
    money: { today: money(input.moneyToday), total: money(input.moneyTotal) },
    topModels: [...input.models]
      .sort((a, b) => b.total - a.total || a.model.localeCompare(b.model))
      .slice(0, options.topModels ?? 5)
      .map((m) => ({
        model: m.model,
        total: m.total,
        failedPercent: percent(m.failed, m.done + m.failed),
      })),
    failureRates,
    overallFailure: rate(sum('failed'), sum('done')),
    topErrors: [...input.failures24h]
      .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code))
      .slice(0, options.topErrors ?? 5),
    tickets: input.tickets,
    stars: input.stars,
    ...(input.gateway
      ? {
          gateway: {
            ...input.gateway,
            percent: percent(input.gateway.errors, input.gateway.requests),
          },
        }
      : {}),
  };
}
