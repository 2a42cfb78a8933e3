import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { topUp } from '../../src/billing/ledger.js';
import { closeDb, type Db, openDb } from '../../src/db/client.js';
import { users } from '../../src/db/schema.js';
import { freePort, rawRequest } from '../helpers/net.js';
import { useSpawnedBot } from '../helpers/spawned-world.js';

const GATEWAY_KEY = 'sk-e2ePollerOperatorKey0123456789';
const FETCH = /^\/mj\/task\/[^/]+\/fetch$/;

describe('single-fetch poller in the real process: its budget on /metrics', () => {
  let base: string;
  const world = useSpawnedBot({
    key: GATEWAY_KEY,
    gateway: { speed: 20, mjNoList: true },
    env: async () => {
      const port = await freePort();
      base = `http://127.0.0.1:${port}`;
      return { PORT: String(port) };
    },
  });
  let db: Db;

  beforeAll(() => {
    db = openDb(path.join(world.bot.dataDir, 'bot.sqlite'), { migrate: false });
  });
  afterAll(() => closeDb(db));

  it('a gateway without list-by-condition: fetched one by one, a 429 halves the budget, shown per lane kind', async () => {
    const user = world.tg.user({ first_name: 'Mia', language_code: 'en' });
    db.insert(users).values({ id: user.id, firstName: 'E2E' }).run();
    topUp(db, { userId: user.id, amount: 1_000, ref: `e2e:${user.id}` });
    // The first single fetch is refused: the window of 25 halves and the lane waits 1 s.
    world.gateway.inject({
      route: FETCH,
      preset: 'rate-limit-json',
      headers: { 'Retry-After': '1' },
    });
    user.send('/mj a lighthouse on a cliff');
    await user.waitFor({ photo: true }, { timeoutMs: 20_000 });

    const paths = world.gateway.requests.map((r) => r.path);
    expect(paths).toContain('/mj/task/list-by-condition');
    const fetches = world.gateway.requests.filter((r) => FETCH.test(r.path));
    const [refused, next] = fetches;
    expect(next && refused && next.at - refused.at).toBeGreaterThanOrEqual(1_000 * 20);

    const metrics = await rawRequest(`${base}/metrics`);
    expect(metrics.status).toBe(200);
    const ok = metrics.body.match(
      /^genbot_poller_fetches_total\{lane="operator",outcome="ok"\} (\d+)$/m,
    );
    expect(Number(ok?.[1])).toBe(fetches.length - 1);
    expect(metrics.body).toMatch(
      /^genbot_poller_fetches_total\{lane="operator",outcome="rate_limited"\} 1$/m,
    );
    // A dozen fast answers would be needed to grow it back to 13.
    expect(fetches.length).toBeLessThan(13);
    expect(metrics.body).toMatch(/^genbot_poller_fetch_budget\{lane="operator"\} 12$/m);
    const lanes = [...metrics.body.matchAll(/^genbot_poller_fetch\w*\{lane="([^"]*)"/gm)];
    expect(new Set(lanes.map((m) => m[1]))).toEqual(new Set(['operator']));
    expect(metrics.body).not.toContain(String(user.id));
    expect(metrics.body).not.toContain(GATEWAY_KEY);
  }, 30_000);
});
