/**
 * Who may read /metrics (ledger totals, traffic) and the full /healthz report. A listener that
 * only loopback reaches serves them as before; once it is reachable from elsewhere (webhook mode,
 * where a proxy forwards to it, or a HOST that is not loopback) they need METRICS_TOKEN as a
 * bearer token or the operator's METRICS_PUBLIC=true. Anyone else gets the bare health status a
 * load balancer needs, and a 404 for metrics when no token exists to ask for.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Config } from '../config.js';
import type { HealthReport } from './health.js';
import { type RouteHandler, sendJson } from './http-server.js';

export interface OpsPolicy {
  token?: string;
  public: boolean;
  /** Whether anything beyond this host's loopback may reach the listener. */
  exposed: boolean;
}

/** `trusted` reads everything; `anonymous` sent no token; `refused` sent a wrong one. */
export type OpsReader = 'trusted' | 'anonymous' | 'refused';

export function isLoopbackHost(host: string): boolean {
  const h = host
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

export function opsPolicy(
  config: Pick<Config, 'HOST' | 'BOT_MODE' | 'METRICS_TOKEN' | 'METRICS_PUBLIC'>,
): OpsPolicy {
  return {
    ...(config.METRICS_TOKEN ? { token: config.METRICS_TOKEN } : {}),
    public: config.METRICS_PUBLIC,
    exposed: config.BOT_MODE === 'webhook' || !isLoopbackHost(config.HOST),
  };
}

// Digests have one length whatever was sent, so the comparison takes the same time for any guess.
const digest = (s: string) => createHash('sha256').update(s).digest();

export function readerOf(policy: OpsPolicy, authorization: string | undefined): OpsReader {
  if (policy.public) return 'trusted';
  if (authorization === undefined) return policy.exposed ? 'anonymous' : 'trusted';
  if (policy.token === undefined) return policy.exposed ? 'refused' : 'trusted';
  const sent = /^Bearer\s+(\S+)\s*$/i.exec(authorization)?.[1] ?? '';
  return timingSafeEqual(digest(sent), digest(policy.token)) ? 'trusted' : 'refused';
}

export interface OpsSources {
  health: () => Promise<{ code: number; report: HealthReport & Record<string, unknown> }>;
  metrics: () => Promise<{ contentType: string; body: string }>;
}

/** GET /healthz and GET /metrics under the policy. */
export function opsRoutes(policy: OpsPolicy, sources: OpsSources): Map<string, RouteHandler> {
  const reader = (req: IncomingMessage) => readerOf(policy, req.headers.authorization);
  return new Map<string, RouteHandler>([
    [
      'GET /healthz',
      async (req, res) => {
        const { code, report } = await sources.health();
        if (reader(req) === 'trusted') sendJson(res, code, report);
        // "degraded" still serves users: to a load balancer it is up.
        else sendJson(res, code, { status: report.status === 'down' ? 'down' : 'ok' });
      },
    ],
    [
      'GET /metrics',
      async (req, res) => {
        const who = reader(req);
        if (who === 'trusted') {
          const { contentType, body } = await sources.metrics();
          res.writeHead(200, { 'content-type': contentType }).end(body);
        } else if (policy.token === undefined) {
          res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        } else {
          res
            .writeHead(401, { 'content-type': 'text/plain', 'www-authenticate': 'Bearer' })
            .end('unauthorized');
        }
      },
    ],
  ]);
}
