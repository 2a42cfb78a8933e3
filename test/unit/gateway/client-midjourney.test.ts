import { describe, expect, it } from 'vitest';
import type { GatewayClient, MjTask } from '../../../src/gateway/index.js';
import type { GatewaySim } from '../../fakes/gateway-sim/index.js';
import { MJ_GRID_LABELS } from '../../helpers/midjourney.js';
import { failure, useSim } from './client-setup.js';

const start = useSim();
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(32, 1),
]);
const png = { data: PNG, mime: 'image/png' };

/** Advances sim time in steps until the task reaches a terminal or modal state. */
async function settle(
  sim: GatewaySim,
  client: GatewayClient,
  id: string,
  stepMs = 1_000,
  maxSteps = 30,
) {
  const seen: MjTask[] = [];
  for (let i = 0; i < maxSteps; i++) {
    const t = await client.fetchTask(id);
    if (!t) throw new Error(`task ${id} vanished`);
    seen.push(t);
    if (t.status === 'done' || t.status === 'failed' || t.status === 'needs_modal')
      return { task: t, seen };
    sim.advance(stepMs);
  }
  throw new Error('task did not settle');
}

describe('imagine → fetch', () => {
  it('progresses through queued/running to done with 9 grid buttons', async () => {
    const { sim, client } = await start();
    const sub = await client.imagine({ prompt: 'dog playing ball --v 7', botType: 'MID_JOURNEY' });
    expect(sub).toEqual({ taskId: expect.stringMatching(/^\d{16,}$/), modal: false });
    const { task, seen } = await settle(sim, client, sub.taskId, 500);
    expect(seen[0]?.status).toBe('queued');
    expect(seen.some((t) => t.status === 'running' && t.progressText === 'Waiting to start')).toBe(
      true,
    );
    expect(seen.some((t) => t.status === 'running' && t.progressPercent === 46)).toBe(true);
    expect(task).toMatchObject({
      status: 'done',
      rawStatus: 'SUCCESS',
      progressPercent: 100,
      action: 'IMAGINE',
    });
    expect(task.imageUrl).toMatch(/^http/);
    expect(task.buttons.map((b) => b.label)).toEqual(MJ_GRID_LABELS);
    // The grid downloads from the (Discord-like) URL.
    const img = await client.download(task.imageUrl ?? '', {
      maxBytes: 10_000_000,
      expect: 'image',
    });
    expect(img.mime).toBe('image/png');
  });

  it('new-api lag: status "" first', async () => {
    const { client } = await start({ timings: { mjLagMs: 15_000 } });
    const { taskId } = await client.imagine({ prompt: 'x' });
    expect(await client.fetchTask(taskId)).toMatchObject({ status: 'queued', rawStatus: '' });
  });

  it('mode prefixes route to /mj-fast, /mj-relax, /mj-turbo', async () => {
    const { sim, client } = await start();
    await client.imagine({ prompt: 'a', mode: 'fast' });
    await client.imagine({ prompt: 'b', mode: 'relax' });
    await client.imagine({ prompt: 'c', mode: 'turbo' });
    await client.imagine({ prompt: 'd' });
    expect(sim.requests.map((r) => r.path)).toEqual([
      '/mj-fast/mj/submit/imagine',
      '/mj-relax/mj/submit/imagine',
      '/mj-turbo/mj/submit/imagine',
      '/mj/submit/imagine',
    ]);
  });

  it('base64Array accepts bytes and data URLs', async () => {
    const { sim, client } = await start();
    await client.imagine({
      prompt: 'x',
      base64Array: [png, `data:image/png;base64,${PNG.toString('base64')}`],
    });
    const body = sim.requests[0]?.body as { base64Array: string[] };
    expect(body.base64Array).toHaveLength(2);
    expect(body.base64Array[0]).toBe(body.base64Array[1]);
  });

  it('banned prompt → banned_prompt with the word (HTTP 200, still reported as an error)', async () => {
    const { client, observed } = await start();
    const e = await failure(client.imagine({ prompt: 'nude body' }));
    expect(e).toMatchObject({ kind: 'banned_prompt', bannedWord: 'nude', code: 24 });
    expect(observed.at(-1)).toMatchObject({
      route: 'POST /mj/submit/imagine',
      status: 200,
      errorKind: 'banned_prompt',
    });
  });

  it('queue: code 22 in proxy mode gives a position; a full queue is queue_full', async () => {
    const { client } = await start({ mjMode: 'proxy', mjQueue: { coreSize: 1, queueSize: 1 } });
    expect((await client.imagine({ prompt: 'a' })).queuePosition).toBeUndefined();
    const queued = await client.imagine({ prompt: 'b' });
    expect(queued.queuePosition).toBe(1);
    const e = await failure(client.imagine({ prompt: 'c' }));
    expect(e.kind).toBe('queue_full');
    expect(e.retryable).toBe(true);
  });

  it('a failed task: FAILURE with "100%" is failed, with the reason', async () => {
    const { sim, client } = await start();
    sim.failNextMjTask('[Invalid parameter] Invalid value');
    const { taskId } = await client.imagine({ prompt: 'x' });
    const { task } = await settle(sim, client, taskId, 500);
    expect(task).toMatchObject({
      status: 'failed',
      failReason: '[Invalid parameter] Invalid value',
    });
    expect(task.progressPercent).toBeUndefined();
  });

  it('unknown task → null (new-api 400 task_no_found, proxy 200 empty)', async () => {
    const a = await start();
    expect(await a.client.fetchTask('1111111111111111')).toBeNull();
    const b = await start({ mjMode: 'proxy' });
    expect(await b.client.fetchTask('1111111111111111')).toBeNull();
  });
});

describe('actions and modals', () => {
  async function doneGrid(h: { sim: GatewaySim; client: GatewayClient }) {
    const { taskId } = await h.client.imagine({ prompt: 'a lighthouse' });
    return (await settle(h.sim, h.client, taskId, 1_000)).task;
  }

  /** A done grid, then its U1 upscale, done. */
  async function upscaledU1(h: { sim: GatewaySim; client: GatewayClient }) {
    const grid = await doneGrid(h);
    const up = await h.client.action({
      taskId: grid.id,
      customId: grid.buttons[0]?.customId ?? '',
    });
    return (await settle(h.sim, h.client, up.taskId, 1_000)).task;
  }

  /** An upscaled U1 whose `prefix` button was pressed: the harness and the action's submit. */
  async function pressedOnUpscale(prefix: string) {
    const h = await start();
    const upscaled = await upscaledU1(h);
    const button = upscaled.buttons.find((b) => b.customId.startsWith(prefix));
    const sub = await h.client.action({ taskId: upscaled.id, customId: button?.customId ?? '' });
    return { h, sub };
  }

  it('U2 → upscale task with the upscale button set', async () => {
    const h = await start();
    const grid = await doneGrid(h);
    const u2 = grid.buttons.find((b) => b.label === 'U2');
    const sub = await h.client.action({
      taskId: grid.id,
      customId: u2?.customId ?? '',
      mode: 'fast',
    });
    expect(sub.modal).toBe(false);
    expect(sub.taskId).not.toBe(grid.id);
    expect(h.sim.requests.at(-1)?.path).toBe('/mj-fast/mj/submit/action');
    const { task } = await settle(h.sim, h.client, sub.taskId, 1_000);
    expect(task.action).toBe('UPSCALE');
    expect(task.buttons.map((b) => b.label)).toContain('Vary (Region)');
  });

  it('CustomZoom keeps code 21 → modal; modal() runs the same id', async () => {
    const { h, sub } = await pressedOnUpscale('MJ::CustomZoom::');
    expect(sub.modal).toBe(true);
    expect((await h.client.fetchTask(sub.taskId))?.status).toBe('needs_modal');
    const m = await h.client.modal({ taskId: sub.taskId, prompt: 'a lighthouse --zoom 2' });
    expect(m).toEqual({ taskId: sub.taskId, modal: false });
    const { task } = await settle(h.sim, h.client, sub.taskId, 1_000);
    expect(task.status).toBe('done');
  });

  it('Inpaint modal without a mask → invalid_request; with a mask it runs', async () => {
    const { h, sub } = await pressedOnUpscale('MJ::Inpaint::');
    expect(sub.modal).toBe(true);
    expect((await failure(h.client.modal({ taskId: sub.taskId }))).kind).toBe('invalid_request');
    expect((await h.client.modal({ taskId: sub.taskId, maskBase64: png })).taskId).toBe(sub.taskId);
  });

  it('remix through new-api: code rewritten to 1 but the task waits in MODAL', async () => {
    const h = await start({ remix: true });
    const grid = await doneGrid(h);
    const v1 = grid.buttons.find((b) => b.label === 'V1');
    const sub = await h.client.action({ taskId: grid.id, customId: v1?.customId ?? '' });
    expect(sub.modal).toBe(false);
    const { task } = await settle(h.sim, h.client, sub.taskId, 1_000);
    expect(task.status).toBe('needs_modal');
  });

  it('actions on unfinished tasks, unknown buttons and unknown ids are typed errors', async () => {
    const h = await start();
    const { taskId } = await h.client.imagine({ prompt: 'x' });
    const early = await failure(h.client.action({ taskId, customId: 'MJ::JOB::upsample::1::abc' }));
    expect(early.kind).toBe('invalid_request');
    const grid = await settle(h.sim, h.client, taskId, 1_000);
    expect(
      (
        await failure(
          h.client.action({ taskId: grid.task.id, customId: 'MJ::JOB::upsample::1::nope' }),
        )
      ).kind,
    ).toBe('not_found');
    expect(
      (await failure(h.client.action({ taskId: '999', customId: 'MJ::JOB::upsample::1::x' }))).kind,
    ).toBe('not_found');
    // new-api cannot map PicReader ids: 400 OpenAI envelope.
    expect(
      (await failure(h.client.action({ taskId: grid.task.id, customId: 'MJ::Job::PicReader::1' })))
        .kind,
    ).toBe('invalid_request');
  });

  it('a customId without "::" is never sent', async () => {
    const h = await start();
    expect((await failure(h.client.action({ taskId: '1', customId: 'U1' }))).kind).toBe(
      'invalid_request',
    );
    expect(h.sim.requests).toHaveLength(0);
  });

  it('change() for OSS proxies (REROLL sends index 1)', async () => {
    const h = await start({ mjMode: 'proxy' });
    const grid = await doneGrid(h);
    const up = await h.client.change({ taskId: grid.id, action: 'UPSCALE', index: 3 });
    expect(up.taskId).toBeTruthy();
    await h.client.change({ taskId: grid.id, action: 'REROLL' });
    expect(h.sim.requests.at(-1)?.body).toEqual({ taskId: grid.id, action: 'REROLL', index: 1 });
  });
});

describe('describe, blend, list', () => {
  it('describe → four prompts', async () => {
    const { sim, client } = await start();
    const { taskId } = await client.describe({ base64: png });
    const { task } = await settle(sim, client, taskId, 1_000);
    expect(task.action).toBe('DESCRIBE');
    expect(task.describePrompts).toHaveLength(4);
    expect(task.describePrompts?.[0]).toMatch(/^a soft gradient square/);
  });

  it('blend needs 2–5 images; sends dimensions', async () => {
    const { sim, client } = await start();
    expect((await failure(client.blend({ base64Array: [png], dimensions: 'SQUARE' }))).kind).toBe(
      'invalid_request',
    );
    const { taskId } = await client.blend({
      base64Array: [png, png],
      dimensions: 'PORTRAIT',
      mode: 'relax',
    });
    expect(sim.requests.at(-1)).toMatchObject({ path: '/mj-relax/mj/submit/blend' });
    expect((await settle(sim, client, taskId, 1_000)).task.action).toBe('BLEND');
  });

  it('listTasks chunks large id lists and drops unknown ids', async () => {
    const { sim, client } = await start({ mjQueue: { coreSize: 10, queueSize: 100 } });
    const a = await client.imagine({ prompt: 'a' });
    const b = await client.imagine({ prompt: 'b' });
    const ids = [
      a.taskId,
      ...Array.from({ length: 70 }, (_, i) => String(9e15 + i)),
      b.taskId,
      a.taskId,
    ];
    const tasks = await client.listTasks(ids);
    expect(tasks.map((t) => t.id).sort()).toEqual([a.taskId, b.taskId].sort());
    const calls = sim.requests.filter((r) => r.path === '/mj/task/list-by-condition');
    expect(calls).toHaveLength(2);
    expect(calls[0]?.body).toEqual({ ids: expect.any(Array) });
    expect((calls[0]?.body as { ids?: string[] } | undefined)?.ids).toHaveLength(50);
    expect(await client.listTasks([])).toEqual([]);
  });
});
