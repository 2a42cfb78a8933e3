export type Check = 'ok' | 'down' | 'off';

export interface HealthSources {
  database: () => boolean;
  redis: () => Promise<Check>;
  /** Whether the gateway answers HTTP at all (any status counts: it is reachable). */
  gateway: () => Promise<boolean>;
  pollerLagSeconds: () => number;
  /** Lag above this makes the report "degraded". Default 120 s. */
  maxPollerLagSeconds?: number;
}

export interface HealthReport {
  status: 'ok' | 'degraded' | 'down';
  database: Check;
  redis: Check;
  gateway: Check;
  pollerLagSeconds: number;
}

/**
 * Down (HTTP 503) only for what this instance cannot work without: the database and, when
 * configured, Redis. A gateway outage or a slow poller is "degraded" but still 200: every
 * instance would fail the same way, and a load balancer that took them all out would also stop
 * /balance, /jobs and support from answering.
 */
export async function checkHealth(
  s: HealthSources,
): Promise<{ code: number; report: HealthReport }> {
  let database: Check = 'ok';
  try {
    if (!s.database()) database = 'down';
  } catch {
    database = 'down';
  }
  const [redis, gatewayUp] = await Promise.all([
    s.redis().catch((): Check => 'down'),
    s.gateway().catch(() => false),
  ]);
  let lag = 0;
  try {
    lag = Math.round(s.pollerLagSeconds() * 10) / 10;
  } catch {
    lag = -1;
  }
  const gateway: Check = gatewayUp ? 'ok' : 'down';
  const down = database === 'down' || redis === 'down';
  const degraded = gateway === 'down' || lag < 0 || lag > (s.maxPollerLagSeconds ?? 120);
  return {
    code: down ? 503 : 200,
    report: {
      status: down ? 'down' : degraded ? 'degraded' : 'ok',
      database,
      redis,
      gateway,
      pollerLagSeconds: lag,
    },
  };
}

/**
 * Reachability of an HTTP origin, cached so that a load balancer probing every second does not
 * turn into a request per probe against the gateway.
 */
export function cachedReachability(
  url: string,
  { timeoutMs = 3_000, cacheMs = 15_000 }: { timeoutMs?: number; cacheMs?: number } = {},
): () => Promise<boolean> {
  let last: { at: number; ok: boolean } | undefined;
  let pending: Promise<boolean> | undefined;
  return async () => {
    if (last && Date.now() - last.at < cacheMs) return last.ok;
    pending ??= fetch(url, { method: 'GET', signal: AbortSignal.timeout(timeoutMs) })
      .then(async (res) => {
        await res.body?.cancel();
        return true;
      })
      .catch(() => false)
      .then((ok) => {
        last = { at: Date.now(), ok };
        pending = undefined;
        return ok;
      });
    return pending;
  };
}
