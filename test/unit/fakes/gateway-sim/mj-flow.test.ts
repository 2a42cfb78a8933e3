import { describe, expect, it } from 'vitest';
import { type GatewaySim, startGatewaySim } from '../../../fakes/gateway-sim/index.js';
import { MJ_GRID_LABELS } from '../../../helpers/midjourney.js';
import { at, call, closeAfterEach, KEY } from './helpers.js';

let sim: GatewaySim;
closeAfterEach(() => sim);

const fetchTask = async (id: string) => (await call(sim, 'GET', `/mj/task/${id}/fetch`)).body;

describe('gateway-sim midjourney flow', () => {
  it('imagine → SUBMITTED → IN_PROGRESS steps → SUCCESS with 9 grid buttons, full newapi DTO', async () => {
    sim = await startGatewaySim({ manualClock: true });
    const sub = await call(sim, 'POST', '/mj/submit/imagine', {
      prompt: 'a red fox',
      botType: 'MID_JOURNEY',
    });
    expect(sub.status).toBe(200);
    expect(at(sub.body, 'code')).toBe(1);
    expect(at(sub.body, 'description')).toBe('提交成功');
    const id = String(at(sub.body, 'result'));
    expect(id).toMatch(/^\d{16}$/);

    let t = await fetchTask(id);
    expect(Object.keys(t as object).sort()).toEqual(
      [
        'id',
        'action',
        'customId',
        'botType',
        'prompt',
        'promptEn',
        'description',
        'state',
        'submitTime',
        'startTime',
        'finishTime',
        'imageUrl',
        'videoUrl',
        'videoUrls',
        'status',
        'progress',
        'failReason',
        'buttons',
        'maskBase64',
        'properties',
      ].sort(),
    );
    expect(at(t, 'status')).toBe('SUBMITTED');
    expect(at(t, 'progress')).toBe('0%');
    sim.advance(500);
    t = await fetchTask(id);
    expect([at(t, 'status'), at(t, 'progress')]).toEqual(['IN_PROGRESS', 'Waiting to start']);
    const seen: unknown[] = [];
    for (let i = 0; i < 3; i++) {
      sim.advance(i === 0 ? 500 : 1000);
      t = await fetchTask(id);
      seen.push(at(t, 'progress'));
      expect(String(at(t, 'imageUrl'))).toMatch(/progress\.webp\?rand=/);
    }
    expect(seen).toEqual(['15%', '46%', '78%']);
    sim.advance(1000);
    t = await fetchTask(id);
    expect(at(t, 'status')).toBe('SUCCESS');
    expect(at(t, 'progress')).toBe('100%');
    expect(Number(at(t, 'finishTime'))).toBeGreaterThan(0);
    const buttons = at(t, 'buttons') as Array<{ customId: string; label: string }>;
    expect(buttons.map((b) => b.label)).toEqual(MJ_GRID_LABELS);
    expect(buttons[0]?.customId).toMatch(/^MJ::JOB::upsample::1::[0-9a-f-]{36}$/);
    expect(buttons[0]?.customId.length).toBe(58);
    const img = await fetch(String(at(t, 'imageUrl')));
    expect(img.status).toBe(200);
    expect(img.headers.get('content-type')).toBe('image/png');
    await img.arrayBuffer();

    const list = await call(sim, 'POST', '/mj/task/list-by-condition', { ids: [id, '1'] });
    expect((list.body as unknown[]).length).toBe(1);
    expect((await call(sim, 'POST', '/mj/task/list-by-condition', { ids: [] })).body).toEqual([]);
  });

  it('unknown task: newapi 400 task_no_found; proxy 200 empty body; mode prefix recorded', async () => {
    sim = await startGatewaySim({ manualClock: true });
    const r = await call(sim, 'GET', '/mj/task/123/fetch');
    expect(r.status).toBe(400);
    expect(r.body).toEqual({ description: 'task_no_found ', type: 'upstream_error', code: 4 });
    await sim.close();
    sim = await startGatewaySim({ manualClock: true, mjMode: 'proxy' });
    const p = await call(sim, 'GET', '/mj/task/123/fetch');
    expect([p.status, p.text]).toEqual([200, '']);
    const sub = await call(sim, 'POST', '/mj-relax/mj/submit/imagine', { prompt: 'x' }, null, {
      'mj-api-secret': KEY,
    });
    expect(at(sub.body, 'code')).toBe(1);
    expect(sim.mjTask(String(at(sub.body, 'result')))?.mode).toBe('relax');
  });
});
