import type { Transformer } from 'grammy';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { RequestObservation } from '../gateway/http.js';

/** Numbers that are cheaper to compute when scraped than to keep up to date. */
export interface ScrapeSources {
  jobs?: () => Array<{ family: string; status: string; count: number }>;
  ledger?: () => Record<string, number>;
  /** Seconds the oldest due async job has waited past its poll time (0 when none is late). */
  pollerLagSeconds?: () => number;
  stars?: () => { stars: number; refundedStars: number };
  /** The poller's single-fetch budgets, one entry per lane, `lane` already a safe label. */
  fetchBudgets?: () => FetchLane[];
}

export interface FetchLane {
  lane: string;
  /** Fetches the next tick may make. */
  allowance: number;
  /** The lane's live counters by outcome: the same object for as long as the lane lives. */
  spent: Readonly<Record<string, number>>;
}

/**
 * One prom-client registry per app (tests build several apps in one process, and the global
 * registry would reject the second set of names).
 */
export class Metrics {
  readonly registry = new Registry();
  readonly updates: Counter<'type'>;
  readonly duplicates: Counter;
  readonly handlerSeconds: Histogram<'type'>;
  readonly handlerErrors: Counter;
  readonly gatewaySeconds: Histogram<'route' | 'outcome'>;
  readonly gatewayErrors: Counter<'route' | 'class'>;
  readonly telegramCalls: Counter<'method' | 'outcome'>;
  readonly telegram429: Counter<'method'>;
  readonly jobsGauge: Gauge<'family' | 'status'>;
  readonly ledgerGauge: Gauge<'kind'>;
  readonly pollerLag: Gauge;
  readonly leader: Gauge;
  readonly starsGauge: Gauge<'kind'>;
  readonly fetchBudget: Gauge<'lane'>;
  readonly fetches: Counter<'lane' | 'outcome'>;
  private sources: ScrapeSources = {};

  constructor(options: { defaultMetrics?: boolean } = {}) {
    const registers = [this.registry];
    if (options.defaultMetrics !== false)
      collectDefaultMetrics({ register: this.registry, prefix: 'genbot_' });
    this.updates = new Counter({
      name: 'genbot_updates_total',
      help: 'Telegram updates handled, by update type',
      labelNames: ['type'],
      registers,
    });
    this.duplicates = new Counter({
      name: 'genbot_updates_duplicate_total',
      help: 'Updates dropped because this or another instance already handled them',
      registers,
    });
    this.handlerSeconds = new Histogram({
      name: 'genbot_handler_duration_seconds',
      help: 'Time from an update entering the bot to its handler returning',
      labelNames: ['type'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    });
    this.handlerErrors = new Counter({
      name: 'genbot_handler_errors_total',
      help: 'Updates whose handler threw past the error boundary',
      registers,
    });
    this.gatewaySeconds = new Histogram({
      name: 'genbot_gateway_request_duration_seconds',
      help: 'Gateway calls (retries included), by route and outcome (ok or an error class)',
      labelNames: ['route', 'outcome'],
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300],
      registers,
    });
    this.gatewayErrors = new Counter({
      name: 'genbot_gateway_errors_total',
      help: 'Failed gateway calls by route and error class',
      labelNames: ['route', 'class'],
      registers,
    });
    this.telegramCalls = new Counter({
      name: 'genbot_telegram_requests_total',
      help: 'Bot API calls by method and outcome (ok, 429, 4xx, 5xx, network)',
      labelNames: ['method', 'outcome'],
      registers,
    });
    this.telegram429 = new Counter({
      name: 'genbot_telegram_429_total',
      help: 'Bot API calls answered 429 Too Many Requests (each retry counts)',
      labelNames: ['method'],
      registers,
    });
    const self = this;
    this.jobsGauge = new Gauge({
      name: 'genbot_jobs',
      help: 'Jobs in the database by family and state',
      labelNames: ['family', 'status'],
      registers,
      collect() {
        const rows = self.sources.jobs?.();
        if (!rows) return;
        this.reset();
        for (const r of rows) this.set({ family: r.family, status: r.status }, r.count);
      },
    });
    this.ledgerGauge = new Gauge({
      name: 'genbot_ledger_total',
      help: 'Ledger sums in minor currency units, by kind (charges and refunds as positive sums)',
      labelNames: ['kind'],
      registers,
      collect() {
        const totals = self.sources.ledger?.();
        if (!totals) return;
        for (const [kind, value] of Object.entries(totals)) this.set({ kind }, value);
      },
    });
    this.pollerLag = new Gauge({
      name: 'genbot_poller_lag_seconds',
      help: 'How late the most overdue async job is for its next poll',
      registers,
      collect() {
        const lag = self.sources.pollerLagSeconds?.();
        if (lag !== undefined) this.set(lag);
      },
    });
    this.starsGauge = new Gauge({
      name: 'genbot_stars_total',
      help: 'Telegram Stars received and refunded, all time',
      labelNames: ['kind'],
      registers,
      collect() {
        const stars = self.sources.stars?.();
        if (!stars) return;
        this.set({ kind: 'received' }, stars.stars);
        this.set({ kind: 'refunded' }, stars.refundedStars);
      },
    });
    this.fetchBudget = new Gauge({
      name: 'genbot_poller_fetch_budget',
      help: 'Single task fetches the poller may make per tick now (0 during a Retry-After), by lane kind (own keys summed)',
      labelNames: ['lane'],
      registers,
      collect() {
        const lanes = self.sources.fetchBudgets?.();
        if (!lanes) return;
        this.reset();
        for (const l of lanes) this.inc({ lane: l.lane }, l.allowance);
      },
    });
    // What each lane's counters showed at the last scrape: a Counter only goes up, so it is fed
    // the difference. A lane dropped when idle keeps what it added; one made again is a new
    // object and counts from zero. The sum never falls.
    const counted = new WeakMap<object, Record<string, number>>();
    this.fetches = new Counter({
      name: 'genbot_poller_fetches_total',
      help: 'Single task fetches of the poller (gateways without list-by-condition), by lane kind and outcome',
      labelNames: ['lane', 'outcome'],
      registers,
      collect() {
        for (const l of self.sources.fetchBudgets?.() ?? []) {
          const before = counted.get(l.spent);
          for (const [outcome, n] of Object.entries(l.spent)) {
            const delta = n - (before?.[outcome] ?? 0);
            if (delta > 0) this.inc({ lane: l.lane, outcome }, delta);
          }
          counted.set(l.spent, { ...l.spent });
        }
      },
    });
    this.leader = new Gauge({
      name: 'genbot_poller_leader',
      help: '1 while this instance holds the poller lease',
      registers,
    });
  }

  /** Late-bound: the app builds the database readers after the metrics object. */
  setSources(sources: ScrapeSources): void {
    this.sources = { ...this.sources, ...sources };
  }

  /** The gateway client's onRequest hook. */
  observeGateway = (info: RequestObservation): void => {
    const outcome = info.errorKind ?? 'ok';
    this.gatewaySeconds.observe({ route: info.route, outcome }, info.ms / 1000);
    if (info.errorKind) this.gatewayErrors.inc({ route: info.route, class: info.errorKind });
  };

  /**
   * A Bot API transformer placed under auto-retry, so every attempt is seen: the 429s that
   * auto-retry then waits out are exactly what an operator wants to count.
   */
  telegramTransformer(): Transformer {
    return async (prev, method, payload, signal) => {
      try {
        const res = await prev(method, payload, signal);
        const outcome = res.ok
          ? 'ok'
          : res.error_code === 429
            ? '429'
            : `${Math.floor(res.error_code / 100)}xx`;
        this.telegramCalls.inc({ method, outcome });
        if (!res.ok && res.error_code === 429) this.telegram429.inc({ method });
        return res;
      } catch (err) {
        this.telegramCalls.inc({ method, outcome: 'network' });
        throw err;
      }
    };
  }

  async render(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}

/** Update type label: the one payload field besides update_id. */
export function updateType(update: object): string {
  for (const key of Object.keys(update)) if (key !== 'update_id') return key;
  return 'unknown';
}
