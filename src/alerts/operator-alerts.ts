/**
 * Incidents the operator must hear about from the bot rather than from angry users: the
 * operator's gateway key is rejected, its balance is (nearly) gone, the gateway is unreachable.
 * One alert per incident kind per window (shared by instances in Redis mode), and a recovery
 * note when an incident this instance reported clears.
 */
import type { Logger } from '../infra/logger.js';

export type IncidentKind = 'key_rejected' | 'balance_low' | 'gateway_down';

export interface OperatorAlert {
  kind: IncidentKind;
  phase: 'raised' | 'cleared';
  vars: Record<string, string | number>;
}

export interface OperatorAlertsOptions {
  /** Delivers one alert to the operator's people (admins, support chat). */
  send(alert: OperatorAlert): Promise<void>;
  /** True when no alert of this kind went out in the last window (any instance). */
  claim(kind: IncidentKind): Promise<boolean>;
  logger: Logger;
}

interface Incident {
  told: boolean;
  claiming: boolean;
}

export class OperatorAlerts {
  private readonly open = new Map<IncidentKind, Incident>();

  constructor(private readonly o: OperatorAlertsOptions) {}

  isOpen(kind: IncidentKind): boolean {
    return this.open.has(kind);
  }

  async raise(kind: IncidentKind, vars: OperatorAlert['vars'] = {}): Promise<void> {
    let incident = this.open.get(kind);
    if (!incident) {
      incident = { told: false, claiming: false };
      this.open.set(kind, incident);
      this.o.logger.error({ incident: kind, ...vars }, 'operator incident');
    }
    // Many failing jobs raise the same incident at once: one of them asks, the rest return.
    if (incident.told || incident.claiming) return;
    incident.claiming = true;
    try {
      const allowed = await this.o.claim(kind).catch(() => true);
      if (!allowed || this.open.get(kind) !== incident) return;
      incident.told = true;
      await this.deliver({ kind, phase: 'raised', vars });
    } finally {
      incident.claiming = false;
    }
  }

  async clear(kind: IncidentKind): Promise<void> {
    const incident = this.open.get(kind);
    if (!incident) return;
    this.open.delete(kind);
    this.o.logger.info({ incident: kind }, 'operator incident cleared');
    if (incident.told) await this.deliver({ kind, phase: 'cleared', vars: {} });
  }

  private async deliver(alert: OperatorAlert): Promise<void> {
    await this.o.send(alert).catch((err: unknown) => {
      this.o.logger.warn({ err, incident: alert.kind }, 'operator alert not delivered');
    });
  }
}
