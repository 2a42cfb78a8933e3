import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGatewayClient, type GatewayClient } from '../../../../src/gateway/client.js';
import { MidjourneyFamily } from '../../../../src/jobs/midjourney/family.js';
import { ResultStore } from '../../../../src/jobs/result-store.js';
import type { JobRow } from '../../../../src/jobs/store.js';
import {
  DEFAULT_TEST_KEY,
  type GatewaySim,
  startGatewaySim,
} from '../../../fakes/gateway-sim/index.js';
import { tempDb } from '../../../helpers/temp-db.js';
import { grantOf, jobRowOf } from '../harness.js';

const logger = pino({ level: 'silent' });

/** Enough of a job row for the family (it reads params, kind, upstream id). */
function row(upstreamId: string, over: Partial<JobRow> = {}): JobRow {
  return jobRowOf({
    id: `job${upstreamId.slice(-7)}`,
    family: 'midjourney',
    kind: 'imagine',
    model: 'mj_fast',
    params: { op: 'imagine', prompt: 'x', mode: 'fast', botType: 'MID_JOURNEY' },
    upstreamId,
    attempts: 1,
    nextPollAt: 0,
    ...over,
  });
}

describe('Midjourney family against the simulator', () => {
  let sim: GatewaySim;
  let gateway: GatewayClient;
  let dir: string;
  let db: ReturnType<typeof tempDb>;
  beforeAll(async () => {
    sim = await startGatewaySim({ manualClock: true, mjQueue: { coreSize: 500, queueSize: 500 } });
    gateway = createGatewayClient({ baseUrl: sim.url, apiKey: DEFAULT_TEST_KEY, logger });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'genbot-mjfam-'));
    db = tempDb();
  });
  afterAll(async () => {
    await gateway.close();
    await sim.close();
    db.cleanup();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const family = (over: Partial<ConstructorParameters<typeof MidjourneyFamily>[0]> = {}) =>
    new MidjourneyFamily({
      logger,
      gatewayFor: async () => gateway,
      loadInput: async () => ({ data: Buffer.alloc(0), mime: 'image/png' }),
      results: new ResultStore(dir),
      maxResultBytes: 10 * 1024 * 1024,
      modal: { db: db.db, modalPrice: () => 10, dispatch: () => {} },
      askModal: async () => {},
      ...over,
    });

  async function tasks(n: number): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < n; i++) ids.push((await gateway.imagine({ prompt: `t${i}` })).taskId);
    return ids;
  }

  const count = (route: RegExp) => sim.requests.filter((r) => route.test(r.path)).length;

  it('looks at 120 tasks with three list-by-condition requests', async () => {
    const ids = await tasks(120);
    sim.advance(1_500);
    const before = count(/list-by-condition/);
    const seen = await family().poll(
      ids.map((id) => row(id)),
      new AbortController().signal,
      grantOf(),
    );
    expect(count(/list-by-condition/) - before).toBe(3);
    expect(seen.size).toBe(120);
    expect([...seen.values()].every((o) => o.state === 'pending')).toBe(true);
  });

  it('a task unknown to the gateway is "missing"; a finished one is "done" and collected', async () => {
    const [id] = await tasks(1);
    sim.advance(10_000);
    const f = family();
    const seen = await f.poll(
      [row(id ?? ''), row('1234567890123456')],
      new AbortController().signal,
      grantOf(),
    );
    expect(seen.get(row('1234567890123456').id)).toEqual({ state: 'missing' });
    const done = seen.get(row(id ?? '').id);
    expect(done?.state).toBe('done');
    const result = await f.collect(
      row(id ?? ''),
      done?.state === 'done' ? done.done : undefined,
      new AbortController().signal,
    );
    expect(result).toMatchObject({ taskId: id });
    expect((result.buttons as unknown[]).length).toBe(9);
    expect((result.files as Array<{ mime: string }>)[0]?.mime).toBe('image/png');
  });

  it('without list-by-condition: single fetches within the per-poll budget, remembered', async () => {
    const ids = await tasks(40);
    sim.inject({
      route: '/mj/task/list-by-condition',
      status: 404,
      body: 'not found',
      contentType: 'text/plain',
    });
    const f = family();
    const before = count(/\/fetch$/);
    const seen = await f.poll(
      ids.map((id) => row(id)),
      new AbortController().signal,
      grantOf(25),
    );
    expect(seen.size).toBe(25);
    expect(count(/\/fetch$/) - before).toBe(25);
    expect(f.listsUnsupported(gateway.baseUrl)).toBe(true);
    sim.clearFaults();
    const lists = count(/list-by-condition/);
    await f.poll(
      ids.slice(25).map((id) => row(id)),
      new AbortController().signal,
      grantOf(),
    );
    expect(count(/list-by-condition/)).toBe(lists);
  });

  it('deadlines by action, doubled in the relax queue', () => {
    const f = family();
    const action = (action: string, mode = 'fast') =>
      row('1', {
        params: {
          op: 'action',
          taskId: '1',
          customId: 'MJ::JOB::x::1::h',
          action,
          mode,
          botType: 'MID_JOURNEY',
        },
      });
    expect(f.deadlineMs(row('1'))).toBe(10 * 60_000);
    expect(f.deadlineMs(action('upscale'))).toBe(5 * 60_000);
    expect(f.deadlineMs(action('upscale', 'relax'))).toBe(10 * 60_000);
    expect(f.deadlineMs(action('pan'))).toBe(10 * 60_000);
  });
});
