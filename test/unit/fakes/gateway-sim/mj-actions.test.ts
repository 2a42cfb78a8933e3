import { describe, expect, it } from 'vitest';
import {
  type GatewaySim,
  type GatewaySimOptions,
  startGatewaySim,
} from '../../../fakes/gateway-sim/index.js';
import { at, call, closeAfterEach, errMsg } from './helpers.js';

let sim: GatewaySim;
closeAfterEach(() => sim);

type Button = { customId: string; label: string; emoji: string };
const TINY_PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC';

async function start(o: GatewaySimOptions = {}): Promise<GatewaySim> {
  sim = await startGatewaySim({ manualClock: true, ...o });
  return sim;
}

const submit = async (path: string, body: unknown) => call(sim, 'POST', `/mj/submit/${path}`, body);
const fetchTask = async (id: string) => (await call(sim, 'GET', `/mj/task/${id}/fetch`)).body;

/** Runs an imagine to SUCCESS and returns its id and buttons. */
async function imagineDone(prompt = 'a fox'): Promise<{ id: string; buttons: Button[] }> {
  const r = await submit('imagine', { prompt });
  const id = String(at(r.body, 'result'));
  sim.advance(10_000);
  const t = await fetchTask(id);
  expect(at(t, 'status')).toBe('SUCCESS');
  return { id, buttons: at(t, 'buttons') as Button[] };
}

const find = (buttons: Button[], re: RegExp): string => {
  const b = buttons.find((x) => re.test(x.customId));
  if (!b) throw new Error(`no button ${re}`);
  return b.customId;
};

describe('gateway-sim midjourney actions', () => {
  it('U1 → UPSCALE task with the upscale button set', async () => {
    await start();
    const { id, buttons } = await imagineDone();
    const r = await submit('action', { taskId: id, customId: find(buttons, /upsample::1::/) });
    expect(at(r.body, 'code')).toBe(1);
    const up = String(at(r.body, 'result'));
    expect(up).not.toBe(id);
    sim.advance(10_000);
    const t = await fetchTask(up);
    expect([at(t, 'action'), at(t, 'status')]).toEqual(['UPSCALE', 'SUCCESS']);
    const ub = at(t, 'buttons') as Button[];
    expect(ub.map((b) => b.label)).toContain('Upscale (Subtle)');
    expect(ub.find((b) => b.label === 'Upscale (Subtle)')?.emoji).toBe('upscale_1');
    expect(find(ub, /^MJ::Inpaint::1::[0-9a-f-]{36}::SOLO$/)).toBeTruthy();
    expect(find(ub, /^MJ::Outpaint::50::1::/)).toBeTruthy();
    expect(find(ub, /^MJ::CustomZoom::[0-9a-f-]{36}$/)).toBeTruthy();
    expect(find(ub, /^MJ::BOOKMARK::/)).toBeTruthy();
    expect(find(ub, /pan_right/).length).toBe(65);
    // The upscale has its own hash.
    expect(find(ub, /low_variation/)).not.toContain(find(buttons, /upsample::1/).split('::')[4]);
  });

  it('validation: origin not SUCCESS → 4, foreign customId → 3, unknown prefix → 400 envelope', async () => {
    await start({ requestIdSuffix: false });
    const pending = String(at((await submit('imagine', { prompt: 'x' })).body, 'result'));
    const notDone = await submit('action', {
      taskId: pending,
      customId: 'MJ::JOB::upsample::1::0ddb91a0-af46-4ae9-8e8e-c271074eb6e6',
    });
    expect(notDone.body).toMatchObject({ code: 4, description: '关联任务状态错误' });
    const { id } = await imagineDone();
    const foreign = await submit('action', {
      taskId: id,
      customId: 'MJ::JOB::upsample::1::0ddb91a0-af46-4ae9-8e8e-c271074eb6e6',
    });
    expect(foreign.body).toMatchObject({ code: 3, description: '关联动作不存在' });
    const unknown = await submit('action', { taskId: id, customId: 'MJ::BOOKMARK::abc' });
    expect(unknown.status).toBe(400);
    expect(errMsg(unknown)).toBe('Invalid request, unknown_action:MJ::BOOKMARK::abc');
    const missing = await submit('action', { taskId: '1', customId: 'MJ::JOB::upsample::1::x' });
    expect(missing.status).toBe(400);
    expect(missing.body).toEqual({
      description: 'task_not_found ',
      type: 'upstream_error',
      code: 4,
    });
  });

  it('proxy mode: BOOKMARK / PicReader::all → code 4 不支持的动作', async () => {
    await start({ mjMode: 'proxy' });
    const { id } = await imagineDone();
    const up = String(
      at(
        (await submit('action', { taskId: id, customId: (await imagineButtons(id))[0] })).body,
        'result',
      ),
    );
    sim.advance(10_000);
    const ub = at(await fetchTask(up), 'buttons') as Button[];
    const bm = await submit('action', { taskId: up, customId: find(ub, /BOOKMARK/) });
    expect(bm.body).toMatchObject({ code: 4, description: '不支持的动作' });

    const d = await submit('describe', { base64: TINY_PNG });
    const did = String(at(d.body, 'result'));
    sim.advance(10_000);
    const dt = await fetchTask(did);
    expect(String(at(dt, 'prompt'))).toMatch(/^1️⃣ .+\n\n2️⃣ .+\n\n3️⃣ .+\n\n4️⃣ .+$/s);
    expect(at(dt, 'status')).toBe('SUCCESS');
    expect(at(dt, 'progress')).toBe('100%');
    const all = await submit('action', { taskId: did, customId: 'MJ::Job::PicReader::all' });
    expect(all.body).toMatchObject({ code: 4, description: '不支持的动作' });
  });

  it('Inpaint → 21 + MODAL; modal validation; then runs under the same id', async () => {
    await start();
    const { id, buttons } = await imagineDone();
    const up = String(
      at(
        (await submit('action', { taskId: id, customId: find(buttons, /upsample::2/) })).body,
        'result',
      ),
    );
    sim.advance(10_000);
    const ub = at(await fetchTask(up), 'buttons') as Button[];
    const r = await submit('action', { taskId: up, customId: find(ub, /Inpaint/) });
    expect(r.body).toMatchObject({ code: 21, description: '等待窗口确认' });
    expect(at(r.body, 'properties', 'finalPrompt')).toBe('a fox');
    const mid = String(at(r.body, 'result'));
    expect(at(await fetchTask(mid), 'status')).toBe('MODAL');

    expect((await submit('modal', { taskId: '42' })).body).toMatchObject({
      code: 3,
      description: '任务不存在或已失效',
    });
    expect((await submit('modal', { taskId: id })).body).toMatchObject({
      code: 4,
      description: '任务状态错误',
    });
    expect((await submit('modal', { taskId: mid, prompt: 'a hat' })).body).toMatchObject({
      code: 4,
      description: '蒙版base64不能为空',
    });
    const ok = await submit('modal', { taskId: mid, prompt: 'a hat', maskBase64: TINY_PNG });
    expect(ok.body).toMatchObject({ code: 1, result: mid });
    sim.advance(10_000);
    const done = await fetchTask(mid);
    expect([at(done, 'status'), at(done, 'action')]).toEqual(['SUCCESS', 'INPAINT']);
  });

  it('remix on: variation answers code 1 in newapi mode but the task sits in MODAL', async () => {
    await start({ remix: true });
    const { id, buttons } = await imagineDone();
    const r = await submit('action', { taskId: id, customId: find(buttons, /variation::3/) });
    expect(r.body).toMatchObject({ code: 1, description: '等待窗口确认' });
    const mid = String(at(r.body, 'result'));
    sim.advance(60_000);
    expect(at(await fetchTask(mid), 'status')).toBe('MODAL');
    expect(at((await submit('modal', { taskId: mid })).body, 'code')).toBe(1);
    sim.advance(10_000);
    expect(at(await fetchTask(mid), 'status')).toBe('SUCCESS');
  });

  it('queue: 22 (→ 1 in newapi) when cores are busy, 23 when the queue is full (not billed)', async () => {
    await start({
      mjMode: 'proxy',
      mjQueue: { coreSize: 2, queueSize: 1 },
      keys: { 'sk-q': { quota: 1_000_000 } },
    });
    const post = (p: string) =>
      call(sim, 'POST', '/mj/submit/imagine', { prompt: p }, 'sk-q').then((r) => r.body);
    expect(at(await post('a'), 'code')).toBe(1);
    expect(at(await post('b'), 'code')).toBe(1);
    const third = await post('c');
    expect(third).toMatchObject({ code: 22, description: '排队中，前面还有1个任务' });
    const used = sim.key('sk-q').usedQuota;
    expect(await post('d')).toMatchObject({ code: 23, description: '队列已满，请稍后尝试' });
    expect(sim.key('sk-q').usedQuota).toBe(used);
    // The queued task only starts when a slot frees up.
    const qid = String(at(third, 'result'));
    sim.advance(3_900);
    expect(
      at((await call(sim, 'GET', `/mj/task/${qid}/fetch`, undefined, 'sk-q')).body, 'status'),
    ).toBe('SUBMITTED');
    sim.advance(1_100);
    expect(
      at((await call(sim, 'GET', `/mj/task/${qid}/fetch`, undefined, 'sk-q')).body, 'status'),
    ).toBe('IN_PROGRESS');
    await sim.close();
    await start({ mjQueue: { coreSize: 1, queueSize: 5 } });
    await submit('imagine', { prompt: 'a' });
    expect((await submit('imagine', { prompt: 'b' })).body).toMatchObject({ code: 1 });
  });

  it('banned word → 24 with promptEn/bannedWord, not billed', async () => {
    await start({ keys: { 'sk-b': { quota: 100_000 } } });
    const r = await call(sim, 'POST', '/mj/submit/imagine', { prompt: 'nude body' }, 'sk-b');
    expect(r.body).toEqual({
      code: 24,
      description: '可能包含敏感词',
      result: null,
      properties: { promptEn: 'nude body', bannedWord: 'nude' },
    });
    expect(sim.key('sk-b').usedQuota).toBe(0);
  });

  it('failNextMjTask: FAILURE with progress 100% (newapi) and a refund; stall freezes tasks', async () => {
    await start({ keys: { 'sk-f': { quota: 100_000 } } });
    sim.failNextMjTask('任务超时');
    const id = String(
      at((await call(sim, 'POST', '/mj/submit/imagine', { prompt: 'x' }, 'sk-f')).body, 'result'),
    );
    expect(sim.key('sk-f').quota).toBe(75_000);
    sim.advance(10_000);
    const t = (await call(sim, 'GET', `/mj/task/${id}/fetch`, undefined, 'sk-f')).body;
    expect([at(t, 'status'), at(t, 'progress'), at(t, 'failReason')]).toEqual([
      'FAILURE',
      '100%',
      '任务超时',
    ]);
    expect(sim.key('sk-f').quota).toBe(100_000);

    sim.stallTasks(true);
    const id2 = String(
      at((await call(sim, 'POST', '/mj/submit/imagine', { prompt: 'y' }, 'sk-f')).body, 'result'),
    );
    sim.advance(600_000);
    expect(
      at((await call(sim, 'GET', `/mj/task/${id2}/fetch`, undefined, 'sk-f')).body, 'status'),
    ).toBe('SUBMITTED');
    sim.stallTasks(false);
    sim.advance(10_000);
    expect(
      at((await call(sim, 'GET', `/mj/task/${id2}/fetch`, undefined, 'sk-f')).body, 'status'),
    ).toBe('SUCCESS');
  });

  it('proxy mode failure has progress ""; lag mode shows status "" first', async () => {
    await start({ mjMode: 'proxy' });
    sim.failNextMjTask();
    const id = String(at((await submit('imagine', { prompt: 'x' })).body, 'result'));
    sim.advance(10_000);
    expect(at(await fetchTask(id), 'progress')).toBe('');
    await sim.close();
    await start({ timings: { mjLagMs: 15_000 } });
    const id2 = String(at((await submit('imagine', { prompt: 'x' })).body, 'result'));
    expect(at(await fetchTask(id2), 'status')).toBe('');
    sim.advance(15_000);
    expect(at(await fetchTask(id2), 'status')).toBe('SUCCESS');
  });

  it('model limits use the derived mj_* name; change / simple-change / blend', async () => {
    await start({
      keys: { 'sk-i': { models: ['mj_imagine'] } },
      errorType: 'new_api_error',
      requestIdSuffix: false,
    });
    const id = String(
      at((await call(sim, 'POST', '/mj/submit/imagine', { prompt: 'x' }, 'sk-i')).body, 'result'),
    );
    sim.advance(10_000);
    const btns = at(
      (await call(sim, 'GET', `/mj/task/${id}/fetch`, undefined, 'sk-i')).body,
      'buttons',
    ) as Button[];
    const r = await call(
      sim,
      'POST',
      '/mj/submit/action',
      { taskId: id, customId: find(btns, /upsample::1/) },
      'sk-i',
    );
    expect(r.status).toBe(403);
    expect(errMsg(r)).toBe('该令牌无权访问模型 mj_upscale');

    sim.addKey('sk-all', { unlimited: true });
    const asAll = async (path: string, body: unknown) =>
      call(sim, 'POST', `/mj/submit/${path}`, body, 'sk-all');
    const g = String(at((await asAll('imagine', { prompt: 'y' })).body, 'result'));
    sim.advance(10_000);
    const ch = await asAll('change', { taskId: g, action: 'UPSCALE', index: 2 });
    expect(at(ch.body, 'code')).toBe(1);
    const sc = await asAll('simple-change', { content: `${g} V1` });
    expect(at(sc.body, 'code')).toBe(1);
    const noIdx = await asAll('change', { taskId: g, action: 'REROLL' });
    expect(noIdx.body).toEqual({
      description: 'index_is_required ',
      type: 'upstream_error',
      code: 4,
    });
    const bl = await asAll('blend', { base64Array: [TINY_PNG], dimensions: 'SQUARE' });
    expect(at(bl.body, 'code')).toBe(4);
    const bl2 = await asAll('blend', { base64Array: [TINY_PNG, TINY_PNG], dimensions: 'PORTRAIT' });
    expect(at(bl2.body, 'code')).toBe(1);
  });

  it('/mj/image/{id} needs no auth and serves the task image', async () => {
    await start({ mjImageUrls: 'forward' });
    const { id } = await imagineDone();
    const t = await fetchTask(id);
    expect(at(t, 'imageUrl')).toBe(`${sim.url}/mj/image/${id}`);
    const img = await fetch(`${sim.url}/mj/image/${id}`);
    expect([img.status, img.headers.get('content-type')]).toEqual([200, 'image/png']);
    await img.arrayBuffer();
    expect((await call(sim, 'GET', '/mj/image/1', undefined, null)).body).toEqual({
      error: 'midjourney_task_not_found',
    });
  });
});

async function imagineButtons(id: string): Promise<string[]> {
  const b = at(await fetchTask(id), 'buttons') as Button[];
  return b.map((x) => x.customId);
}
