/**
 * Turns what the gateway client sees into operator incidents: the operator key's rejections
 * (the client's onKeyRejected), outages (every request's outcome), and the key's balance (a
 * periodic quota probe, which also proves a rejected key works again).
 */

import type { Quota } from '../gateway/billing.js';
import type { KeyRejection } from '../gateway/context.js';
import { GatewayError } from '../gateway/errors.js';
import type { RequestObservation } from '../gateway/http.js';
import type { OperatorAlerts } from './operator-alerts.js';

export interface GatewayWatchOptions {
  alerts: OperatorAlerts;
  /** The operator key's quota. */
  quota: () => Promise<Quota>;
  /** Below this many USD left an alert goes out; 0 turns the balance alert off. */
  lowBalanceUsd: number;
  /** The gateway has answered nothing (or only 502–504) for this long: an outage. */
  downAfterMs: number;
  now?: () => number;
}

const DOWN_STATUSES = new Set([502, 503, 504]);

/** Result downloads go to CDNs too: only the gateway's own routes say whether it is up. */
const isGatewayRoute = (route: string) => !route.startsWith('GET download');

/** A gateway's "no quota" on a generation outweighs a quota probe that looks fine this long. */
const EXHAUSTED_HOLD_MS = 10 * 60_000;

export class GatewayWatch {
  private downSince: number | undefined;
  private exhaustedAt: number | undefined;
  private readonly now: () => number;

  constructor(private readonly o: GatewayWatchOptions) {
    this.now = o.now ?? Date.now;
  }

  /** The operator client's onKeyRejected. */
  keyRejected(kind: KeyRejection): void {
    if (kind === 'bad_key') {
      void this.o.alerts.raise('key_rejected');
      return;
    }
    // The account behind an unlimited-looking key can be empty: the probe must not clear this.
    this.exhaustedAt = this.now();
    void this.o.alerts.raise('balance_low', { remaining: '0' });
  }

  /** The client's onRequest: any answer but a proxy's 502–504 means the gateway is up. */
  observe(info: RequestObservation): void {
    if (!isGatewayRoute(info.route)) return;
    const down =
      info.errorKind === 'network' ||
      info.errorKind === 'timeout' ||
      (info.status !== undefined && DOWN_STATUSES.has(info.status));
    if (down) {
      this.downSince ??= this.now() - info.ms;
      return;
    }
    this.downSince = undefined;
    void this.o.alerts.clear('gateway_down');
  }

  /** Periodic: raises an outage that has lasted long enough, then probes the key's quota. */
  async check(): Promise<void> {
    if (this.downSince !== undefined && this.now() - this.downSince >= this.o.downAfterMs) {
      const minutes = Math.floor((this.now() - this.downSince) / 60_000);
      await this.o.alerts.raise('gateway_down', { minutes });
    }
    let quota: Quota;
    try {
      quota = await this.o.quota();
    } catch (err) {
      if (
        err instanceof GatewayError &&
        (err.kind === 'key_exhausted' || err.kind === 'insufficient_balance')
      )
        await this.o.alerts.raise('balance_low', { remaining: '0' });
      // A rejected key was raised by keyRejected; an outage is counted by observe.
      return;
    }
    await this.o.alerts.clear('key_rejected');
    const low = this.o.lowBalanceUsd > 0 && !quota.unlimited;
    if (low && quota.remainingUsd < this.o.lowBalanceUsd)
      await this.o.alerts.raise('balance_low', { remaining: quota.remainingUsd.toFixed(2) });
    else if (this.exhaustedAt === undefined || this.now() - this.exhaustedAt >= EXHAUSTED_HOLD_MS)
      await this.o.alerts.clear('balance_low');
  }
}
