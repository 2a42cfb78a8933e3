import { describe, expect, it } from 'vitest';
import { type GatewaySim, startGatewaySim } from '../../../fakes/gateway-sim/index.js';
import { at, call, closeAfterEach, KEY } from './helpers.js';

let sim: GatewaySim;
closeAfterEach(() => sim);

const DIALECTS = {
  'kling-v2-1-master': 'newapi-wrapper',
  'sora-2': 'openai',
  'kling-video-v2-6': 'kling-metadata',
  'veo3.1': 'docs',
} as const;

async function startVideo() {
  sim = await startGatewaySim({ manualClock: true, videoDialect: { ...DIALECTS } });
}

async function submit(model: string, prompt = 'a corgi surfing', path = '/v1/video/generations') {
  const r = await call(sim, 'POST', path, { model, prompt, duration: 5 });
  expect(r.status).toBe(200);
  return r;
}

describe('gateway-sim video', () => {
  it('submit returns the OpenAI Video object; validation uses the flat TaskError', async () => {
    await startVideo();
    const r = await submit('flux-video');
    expect(r.body).toMatchObject({
      object: 'video',
      model: 'flux-video',
      status: 'queued',
      progress: 0,
    });
    expect(String(at(r.body, 'id'))).toMatch(/^task_[A-Za-z0-9]{16}$/);
    expect(at(r.body, 'task_id')).toBe(at(r.body, 'id'));
    const bad = await call(sim, 'POST', '/v1/video/generations', { model: 'kling-v2-1-master' });
    expect([bad.status, bad.body]).toEqual([
      400,
      { code: 'invalid_request', message: 'field prompt is required', data: null },
    ]);
    const unknown = await call(sim, 'GET', '/v1/video/generations/task_nope');
    expect([unknown.status, unknown.body]).toEqual([
      400,
      { code: 'task_not_exist', message: 'task_not_exist', data: null },
    ]);
  });

  it('seed dialect: queued → in_progress → completed with a downloadable video_url', async () => {
    await startVideo();
    const id = String(at((await submit('any-model')).body, 'id'));
    const get = async () => (await call(sim, 'GET', `/v1/video/generations/${id}`)).body;
    expect(await get()).toEqual({ id, status: 'queued' });
    sim.advance(3_000);
    expect(at(await get(), 'status')).toBe('in_progress');
    sim.advance(4_000);
    const done = await get();
    expect(at(done, 'status')).toBe('completed');
    const res = await fetch(String(at(done, 'video_url')));
    expect(res.headers.get('content-type')).toBe('video/mp4');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.subarray(4, 8).toString('ascii')).toBe('ftyp');
  });

  it('newapi-wrapper dialect: code success + data with SUCCESS / 100% / result_url + raw kling', async () => {
    await startVideo();
    const id = String(at((await submit('kling-v2-1-master')).body, 'id'));
    const first = (await call(sim, 'GET', `/v1/video/generations/${id}`)).body;
    expect([at(first, 'code'), at(first, 'data', 'status'), at(first, 'data', 'progress')]).toEqual(
      ['success', 'SUBMITTED', '10%'],
    );
    sim.advance(10_000);
    const body = (await call(sim, 'GET', `/v1/video/generations/${id}`)).body;
    expect(at(body, 'data', 'task_id')).toBe(id);
    expect(at(body, 'data', 'status')).toBe('SUCCESS');
    expect(at(body, 'data', 'progress')).toBe('100%');
    expect(at(body, 'data', 'fail_reason')).toBe('');
    expect(String(at(body, 'data', 'result_url'))).toContain('/files/');
    expect(at(body, 'data', 'data', 'data', 'task_status')).toBe('succeed');
    expect(at(body, 'data', 'data', 'data', 'task_result', 'videos', 0, 'url')).toBe(
      at(body, 'data', 'result_url'),
    );
  });

  it('openai dialect: no URL, /content needs the creating key, multipart submit', async () => {
    await startVideo();
    sim.addKey('sk-other', { unlimited: true });
    const form = new FormData();
    form.set('model', 'sora-2');
    form.set('prompt', 'a paper airplane');
    form.set('seconds', '8');
    form.set('input_reference', new Blob([Buffer.from('fake')], { type: 'image/png' }), 'ref.png');
    const r = await call(sim, 'POST', '/v1/videos', form);
    expect(r.status).toBe(200);
    const id = String(at(r.body, 'id'));
    sim.advance(3_000);
    const mid = (await call(sim, 'GET', `/v1/videos/${id}`)).body;
    expect(at(mid, 'status')).toBe('in_progress');
    expect(typeof at(mid, 'progress')).toBe('number');
    expect(await call(sim, 'GET', `/v1/videos/${id}/content`).then((x) => x.status)).toBe(400);
    sim.advance(10_000);
    const done = (await call(sim, 'GET', `/v1/videos/${id}`)).body;
    expect(done).toMatchObject({
      id,
      object: 'video',
      status: 'completed',
      progress: 100,
      seconds: '8',
    });
    expect(JSON.stringify(done)).not.toContain('http');
    expect((await call(sim, 'GET', `/v1/videos/${id}/content`, undefined, null)).status).toBe(401);
    expect((await call(sim, 'GET', `/v1/videos/${id}/content`, undefined, 'sk-other')).status).toBe(
      404,
    );
    const ok = await fetch(`${sim.url}/v1/videos/${id}/content`, {
      headers: { authorization: `Bearer ${KEY}` },
    });
    expect([ok.status, ok.headers.get('content-type')]).toEqual([200, 'video/mp4']);
    await ok.arrayBuffer();
    expect(sim.requests.at(-1)?.path).toBe(`/v1/videos/${id}/content`);
    const rec = sim.requests.find((q) => q.method === 'POST' && q.path === '/v1/videos');
    expect(at(rec?.body, 'files', 0, 'field')).toBe('input_reference');
  });

  it('kling-metadata and docs dialects', async () => {
    await startVideo();
    const k = String(at((await submit('kling-video-v2-6', 'x', '/v1/videos')).body, 'id'));
    const d = String(at((await submit('veo3.1')).body, 'id'));
    sim.advance(10_000);
    const kb = (await call(sim, 'GET', `/v1/videos/${k}`)).body;
    expect(at(kb, 'status')).toBe('completed');
    expect(String(at(kb, 'metadata', 'url'))).toContain('/files/');
    const db = (await call(sim, 'GET', `/v1/video/generations/${d}`)).body;
    expect(db).toMatchObject({
      task_id: d,
      status: 'succeeded',
      format: 'mp4',
      error: { code: 0, message: '' },
    });
    expect(String(at(db, 'url'))).toContain('.mp4');
  });

  it('failNextVideoTask → failed with the reason, and the charge is refunded', async () => {
    sim = await startGatewaySim({ manualClock: true, keys: { 'sk-v': { quota: 1_000_000 } } });
    sim.failNextVideoTask('upstream says no');
    const id = String(
      at(
        (await call(sim, 'POST', '/v1/video/generations', { model: 'm', prompt: 'p' }, 'sk-v'))
          .body,
        'id',
      ),
    );
    expect(sim.key('sk-v').quota).toBe(750_000);
    sim.advance(10_000);
    const b = (await call(sim, 'GET', `/v1/video/generations/${id}`, undefined, 'sk-v')).body;
    expect(b).toEqual({ id, status: 'failed', error: { message: 'upstream says no' } });
    expect(sim.key('sk-v').quota).toBe(1_000_000);
  });

  it('[[big:21mb]] streams a video above the Telegram 20 MB URL limit', async () => {
    await startVideo();
    const id = String(at((await submit('m', 'big one [[big:21mb]]')).body, 'id'));
    sim.advance(10_000);
    const url = String(
      at((await call(sim, 'GET', `/v1/video/generations/${id}`)).body, 'video_url'),
    );
    const res = await fetch(url);
    expect(Number(res.headers.get('content-length'))).toBe(21 * 1024 * 1024);
    let total = 0;
    for await (const c of res.body as AsyncIterable<Uint8Array>) total += c.length;
    expect(total).toBe(21 * 1024 * 1024);
  });
});
