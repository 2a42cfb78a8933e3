import { describe, expect, it } from 'vitest';
import { type GatewaySim, startGatewaySim } from '../../../fakes/gateway-sim/index.js';
import { at, call, closeAfterEach } from './helpers.js';

let sim: GatewaySim;
closeAfterEach(() => sim);

describe('gateway-sim real-time clock', () => {
  it('speed 50: an MJ task (4 s sim) finishes in well under a second of real time', async () => {
    sim = await startGatewaySim({ speed: 50 });
    const t0 = Date.now();
    const id = String(
      at((await call(sim, 'POST', '/mj/submit/imagine', { prompt: 'x' })).body, 'result'),
    );
    const seen = new Set<string>();
    const deadline = Date.now() + 3_000;
    let status = '';
    while (status !== 'SUCCESS' && Date.now() < deadline) {
      const t = (await call(sim, 'GET', `/mj/task/${id}/fetch`)).body;
      status = String(at(t, 'status'));
      seen.add(status);
      await new Promise((r) => setTimeout(r, 10));
    }
    expect(status).toBe('SUCCESS');
    // 4 s of sim time at ×50 is 80 ms of real time; polls under load may skip the short phases.
    expect(Date.now() - t0).toBeGreaterThanOrEqual(75);
    expect([...seen].every((s) => ['SUBMITTED', 'IN_PROGRESS', 'SUCCESS'].includes(s))).toBe(true);
    expect(
      sim.requests.filter((r) => r.path === `/mj/task/${id}/fetch`).length,
    ).toBeGreaterThanOrEqual(1);
  });

  it('sync latency is sim time: 2 s at speed 20 ≈ 100 ms real; manual clock waits for advance()', async () => {
    sim = await startGatewaySim({ speed: 20, timings: { imageLatencyMs: 2_000 } });
    const t0 = Date.now();
    expect(
      (await call(sim, 'POST', '/v1/images/generations', { model: 'flux', prompt: 'x' })).status,
    ).toBe(200);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(90);
    await sim.close();

    sim = await startGatewaySim({ manualClock: true, timings: { imageLatencyMs: [1_000, 1_000] } });
    let done = false;
    const p = call(sim, 'POST', '/v1/images/generations', { model: 'flux', prompt: 'x' }).then(
      (r) => {
        done = true;
        return r;
      },
    );
    // Wait until the request is in the server (under load that takes a while), then check it is held.
    while (sim.requests.length === 0) await new Promise((r) => setTimeout(r, 10));
    await new Promise((r) => setTimeout(r, 50));
    expect(done).toBe(false);
    while (!done) {
      sim.advance(1_000);
      await new Promise((r) => setTimeout(r, 10));
    }
    expect((await p).status).toBe(200);
  });
});
