import { describe, expect, it } from 'vitest';
import { checkHealth } from '../../../src/infra/health.js';
import { Metrics, updateType } from '../../../src/infra/metrics.js';

describe('metrics', () => {
  it('keeps one registry per app, so two apps in one process do not collide', async () => {
    const a = new Metrics({ defaultMetrics: false });
    const b = new Metrics({ defaultMetrics: false });
    a.updates.inc({ type: 'message' });
    expect((await a.render()).body).toMatch(/^genbot_updates_total\{type="message"\} 1$/m);
    expect((await b.render()).body).not.toMatch(/genbot_updates_total\{/);
  });

  it('computes jobs, ledger totals and poller lag when scraped', async () => {
    const m = new Metrics({ defaultMetrics: false });
    let jobs = [{ family: 'image', status: 'done', count: 3 }];
    m.setSources({
      jobs: () => jobs,
      ledger: () => ({ charges: 120, refunds: 20, topups: 500 }),
      pollerLagSeconds: () => 4.5,
    });
    let body = (await m.render()).body;
    expect(body).toMatch(/^genbot_jobs\{family="image",status="done"\} 3$/m);
    expect(body).toMatch(/^genbot_ledger_total\{kind="charges"\} 120$/m);
    expect(body).toMatch(/^genbot_ledger_total\{kind="refunds"\} 20$/m);
    expect(body).toMatch(/^genbot_poller_lag_seconds 4.5$/m);
    // A state nobody is in any more disappears instead of keeping its last count.
    jobs = [{ family: 'midjourney', status: 'running', count: 1 }];
    body = (await m.render()).body;
    expect(body).not.toMatch(/status="done"/);
    expect(body).toMatch(/^genbot_jobs\{family="midjourney",status="running"\} 1$/m);
  });

  it('shows fetch budgets summed by lane kind and fetch counts that never fall', async () => {
    const m = new Metrics({ defaultMetrics: false });
    const operator = { ok: 5, rate_limited: 1, error: 0 };
    let ann = { ok: 2, rate_limited: 0, error: 1 };
    let lanes = [
      { lane: 'operator', allowance: 12, spent: operator },
      { lane: 'own_key', allowance: 25, spent: ann },
      { lane: 'own_key', allowance: 0, spent: { ok: 1, rate_limited: 3, error: 0 } },
    ];
    m.setSources({ fetchBudgets: () => lanes });
    let body = (await m.render()).body;
    expect(body).toMatch(/^genbot_poller_fetch_budget\{lane="operator"\} 12$/m);
    expect(body).toMatch(/^genbot_poller_fetch_budget\{lane="own_key"\} 25$/m);
    expect(body).toMatch(/^genbot_poller_fetches_total\{lane="operator",outcome="ok"\} 5$/m);
    expect(body).toMatch(/^genbot_poller_fetches_total\{lane="own_key",outcome="ok"\} 3$/m);
    expect(body).toMatch(
      /^genbot_poller_fetches_total\{lane="own_key",outcome="rate_limited"\} 3$/m,
    );
    expect(body).toMatch(/^genbot_poller_fetches_total\{lane="own_key",outcome="error"\} 1$/m);
    // The operator fetched 4 more; the idle own-key lanes were dropped, and one made again.
    operator.ok = 9;
    ann = { ok: 1, rate_limited: 0, error: 0 };
    lanes = [
      { lane: 'operator', allowance: 13, spent: operator },
      { lane: 'own_key', allowance: 25, spent: ann },
    ];
    body = (await m.render()).body;
    expect(body).toMatch(/^genbot_poller_fetch_budget\{lane="operator"\} 13$/m);
    expect(body).toMatch(/^genbot_poller_fetches_total\{lane="operator",outcome="ok"\} 9$/m);
    expect(body).toMatch(/^genbot_poller_fetches_total\{lane="own_key",outcome="ok"\} 4$/m);
    expect(body).toMatch(
      /^genbot_poller_fetches_total\{lane="own_key",outcome="rate_limited"\} 3$/m,
    );
    // No lane at all (the gateway lists tasks again): no budget is shown.
    lanes = [];
    body = (await m.render()).body;
    expect(body).not.toMatch(/^genbot_poller_fetch_budget\{/m);
    expect(body).toMatch(/^genbot_poller_fetches_total\{lane="operator",outcome="ok"\} 9$/m);
  });

  it('classifies gateway calls and counts Telegram 429s under auto-retry', async () => {
    const m = new Metrics({ defaultMetrics: false });
    m.observeGateway({ route: 'POST /v1/images/generations', status: 200, ms: 1200, attempts: 1 });
    m.observeGateway({
      route: 'POST /v1/images/generations',
      status: 503,
      ms: 80,
      attempts: 3,
      errorKind: 'no_channel' as never,
    });
    const t = m.telegramTransformer();
    const answers = [
      { ok: false, error_code: 429, description: 'Too Many Requests: retry after 1' },
      { ok: true, result: true },
    ];
    for (const answer of answers)
      await t(async () => answer as never, 'sendMessage', { chat_id: 1, text: 'x' } as never);
    const body = (await m.render()).body;
    expect(body).toMatch(
      /^genbot_gateway_errors_total\{route="POST \/v1\/images\/generations",class="no_channel"\} 1$/m,
    );
    expect(body).toMatch(
      /genbot_gateway_request_duration_seconds_count\{route="POST \/v1\/images\/generations",outcome="ok"\} 1/,
    );
    expect(body).toMatch(/^genbot_telegram_429_total\{method="sendMessage"\} 1$/m);
    expect(body).toMatch(
      /^genbot_telegram_requests_total\{method="sendMessage",outcome="ok"\} 1$/m,
    );
  });

  it('names update types', () => {
    expect(updateType({ update_id: 1, callback_query: {} })).toBe('callback_query');
    expect(updateType({ update_id: 1 })).toBe('unknown');
  });
});

describe('health', () => {
  const base = {
    database: () => true,
    redis: async () => 'ok' as const,
    gateway: async () => true,
    pollerLagSeconds: () => 0,
  };

  it('is ok when everything answers', async () => {
    expect(await checkHealth(base)).toEqual({
      code: 200,
      report: { status: 'ok', database: 'ok', redis: 'ok', gateway: 'ok', pollerLagSeconds: 0 },
    });
  });

  it('is down (503) without the database or Redis', async () => {
    expect((await checkHealth({ ...base, database: () => false })).code).toBe(503);
    const broken = await checkHealth({
      ...base,
      database: () => {
        throw new Error('disk I/O error');
      },
    });
    expect(broken.report.database).toBe('down');
    expect((await checkHealth({ ...base, redis: async () => 'down' as const })).code).toBe(503);
  });

  it('is degraded but 200 when the gateway is unreachable or the poller lags', async () => {
    const gw = await checkHealth({ ...base, gateway: async () => false });
    expect(gw).toMatchObject({ code: 200, report: { status: 'degraded', gateway: 'down' } });
    const lag = await checkHealth({ ...base, pollerLagSeconds: () => 500 });
    expect(lag).toMatchObject({ code: 200, report: { status: 'degraded', pollerLagSeconds: 500 } });
    expect((await checkHealth({ ...base, redis: async () => 'off' as const })).report.status).toBe(
      'ok',
    );
  });
});
