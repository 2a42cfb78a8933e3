import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.js';
import type { HealthReport } from '../../../src/infra/health.js';
import { type HttpServer, startHttpServer } from '../../../src/infra/http-server.js';
import { createLogger } from '../../../src/infra/logger.js';
import {
  isLoopbackHost,
  type OpsPolicy,
  opsPolicy,
  opsRoutes,
  readerOf,
} from '../../../src/infra/ops-routes.js';
import { rawRequest } from '../../helpers/net.js';

const TOKEN = 'metrics_0123456789abcdef0123456789abcdef';
const base = {
  BOT_TOKEN: '123456789:AAEhBP0av28PJTDtRcMi6HmLp3RdLuFBU0Q',
  GATEWAY_API_KEY: 'sk-abcdefghijklmnop',
};
const report: HealthReport & Record<string, unknown> = {
  status: 'degraded',
  database: 'ok',
  redis: 'off',
  gateway: 'down',
  pollerLagSeconds: 0,
  instance: 'host-1234',
};

describe('ops route policy', () => {
  it('counts a listener as exposed in webhook mode or on a non-loopback HOST', () => {
    expect(opsPolicy(loadConfig(base)).exposed).toBe(false);
    expect(opsPolicy(loadConfig({ ...base, HOST: '0.0.0.0' })).exposed).toBe(true);
    expect(opsPolicy(loadConfig({ ...base, HOST: '::' })).exposed).toBe(true);
    const webhook = loadConfig({
      ...base,
      BOT_MODE: 'webhook',
      WEBHOOK_URL: 'https://bot.example.com/hook',
      WEBHOOK_SECRET: 'x'.repeat(32),
    });
    expect(opsPolicy(webhook).exposed).toBe(true);
    for (const host of ['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]'])
      expect(isLoopbackHost(host), host).toBe(true);
    for (const host of ['0.0.0.0', '10.0.0.5', '::', 'bot', '127.0.0.1.example.com'])
      expect(isLoopbackHost(host), host).toBe(false);
  });

  it('trusts the right bearer token only, and anyone when opted in or on loopback alone', () => {
    const exposed: OpsPolicy = { token: TOKEN, public: false, exposed: true };
    expect(readerOf(exposed, `Bearer ${TOKEN}`)).toBe('trusted');
    expect(readerOf(exposed, `bearer ${TOKEN}`)).toBe('trusted');
    expect(readerOf(exposed, `Bearer ${TOKEN}x`)).toBe('refused');
    expect(readerOf(exposed, `Bearer ${TOKEN.slice(0, -1)}`)).toBe('refused');
    expect(readerOf(exposed, TOKEN)).toBe('refused');
    expect(readerOf(exposed, 'Bearer ')).toBe('refused');
    expect(readerOf(exposed, undefined)).toBe('anonymous');
    expect(readerOf({ public: false, exposed: true }, 'Bearer anything')).toBe('refused');
    expect(readerOf({ public: false, exposed: true }, undefined)).toBe('anonymous');
    expect(readerOf({ public: true, exposed: true }, undefined)).toBe('trusted');
    expect(readerOf({ public: false, exposed: false }, undefined)).toBe('trusted');
  });
});

describe('ops routes over HTTP', () => {
  const servers: HttpServer[] = [];
  const logger = createLogger({ level: 'silent', secrets: [] });
  const serve = async (policy: OpsPolicy) => {
    const routes = opsRoutes(policy, {
      health: async () => ({ code: 200, report }),
      metrics: async () => ({ contentType: 'text/plain; version=0.0.4', body: 'genbot_up 1\n' }),
    });
    const server = await startHttpServer(routes, { host: '127.0.0.1', port: 0, logger });
    servers.push(server);
    return `http://127.0.0.1:${server.port}`;
  };
  let withToken: string;
  let noToken: string;
  let optedIn: string;
  beforeAll(async () => {
    withToken = await serve({ token: TOKEN, public: false, exposed: true });
    noToken = await serve({ public: false, exposed: true });
    optedIn = await serve({ public: true, exposed: true });
  });
  afterAll(async () => {
    for (const s of servers) await s.close();
  });
  const auth = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });

  it('serves /metrics for the right token, 401 for a wrong or missing one', async () => {
    const ok = await rawRequest(`${withToken}/metrics`, auth(TOKEN));
    expect(ok.status).toBe(200);
    expect(ok.body).toBe('genbot_up 1\n');
    for (const res of [
      await rawRequest(`${withToken}/metrics`, auth(`${TOKEN}0`)),
      await rawRequest(`${withToken}/metrics`),
    ]) {
      expect(res.status).toBe(401);
      expect(res.headers['www-authenticate']).toBe('Bearer');
      expect(res.body).not.toContain('genbot');
    }
  });

  it('answers 404 for /metrics when exposed with neither a token nor the opt-in', async () => {
    expect((await rawRequest(`${noToken}/metrics`)).status).toBe(404);
    expect((await rawRequest(`${noToken}/metrics`, auth('guess'))).status).toBe(404);
    const open = await rawRequest(`${optedIn}/metrics`);
    expect(open.status).toBe(200);
    expect(open.body).toContain('genbot_up 1');
  });

  it('gives anyone without the token a bare health status, the token holder the report', async () => {
    for (const url of [`${withToken}/healthz`, `${noToken}/healthz`]) {
      const bare = await rawRequest(url);
      expect(bare.status).toBe(200);
      expect(JSON.parse(bare.body)).toEqual({ status: 'ok' });
    }
    const wrong = await rawRequest(`${withToken}/healthz`, auth('nope'));
    expect(JSON.parse(wrong.body)).toEqual({ status: 'ok' });
    const full = await rawRequest(`${withToken}/healthz`, auth(TOKEN));
    expect(JSON.parse(full.body)).toEqual(report);
    expect(JSON.parse((await rawRequest(`${optedIn}/healthz`)).body)).toEqual(report);
  });

  it('keeps a down status and its 503 in the bare answer', async () => {
    const routes = opsRoutes(
      { public: false, exposed: true },
      {
        health: async () => ({
          code: 503,
          report: { ...report, status: 'down', database: 'down' },
        }),
        metrics: async () => ({ contentType: 'text/plain', body: '' }),
      },
    );
    const server = await startHttpServer(routes, { host: '127.0.0.1', port: 0, logger });
    servers.push(server);
    const res = await rawRequest(`http://127.0.0.1:${server.port}/healthz`);
    expect(res.status).toBe(503);
    expect(JSON.parse(res.body)).toEqual({ status: 'down' });
  });
});
