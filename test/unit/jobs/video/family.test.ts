import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { GatewayClient } from '../../../../src/gateway/index.js';
import { normalizeVideoTask } from '../../../../src/gateway/video-normalize.js';
import type { JobRow } from '../../../../src/jobs/store.js';
import { createVideoFamily, observe } from '../../../../src/jobs/video/family.js';
import { isPublicVideoUrl, videoResultOf } from '../../../../src/jobs/video/result.js';
import type { VideoDialect } from '../../../fakes/gateway-sim/index.js';
import { KEY, useSim } from '../../gateway/client-setup.js';
import { grantOf, jobRowOf, tempResults } from '../harness.js';

const start = useSim();
const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(32, 1),
]);

function jobRow(patch: Partial<JobRow>): JobRow {
  return jobRowOf({
    id: 'job0000001',
    family: 'video',
    kind: 't2v',
    model: 'kling-video-v2-6',
    params: { prompt: 'a fox', duration: 5, secondsAs: 'number', aspectRatio: '16:9' },
    price: 35,
    ...patch,
  });
}

async function family(client: GatewayClient, uploadLimitBytes = 5_000_000) {
  const { results, cleanup } = tempResults();
  cleanups.push(cleanup);
  const loads: string[] = [];
  const fam = createVideoFamily({
    gatewayFor: async () => client,
    loadInput: async (fileId) => {
      loads.push(fileId);
      return { data: PNG, mime: 'image/png' };
    },
    results,
    uploadLimitBytes,
  });
  return { fam, loads, results };
}

const signal = new AbortController().signal;

describe('video family over the simulator', () => {
  it.each<VideoDialect>(['seed', 'newapi-wrapper', 'openai', 'kling-metadata', 'docs'])(
    '%s: submit, queued → running with progress → done, streamed to the result store',
    async (dialect) => {
      const model = 'kling-video-v2-6';
      const { sim, client } = await start({ videoDialect: { [model]: dialect } });
      const { fam } = await family(client);
      const submitted = await fam.submit(jobRow({ status: 'submitting' }), signal);
      expect(submitted.upstreamId).toMatch(/^task_/);
      const job = jobRow({ upstreamId: submitted.upstreamId });

      const first = (await fam.poll([job], signal, grantOf())).get(job.id);
      expect(first).toMatchObject({ state: 'pending', progress: { stage: 'queued' } });
      sim.advance(3_000);
      const mid = (await fam.poll([job], signal, grantOf())).get(job.id);
      expect(mid?.state).toBe('pending');
      if (dialect !== 'seed' && dialect !== 'docs')
        expect(mid).toMatchObject({ progress: { stage: 'running', percent: expect.any(Number) } });
      sim.advance(5_000);
      const done = (await fam.poll([job], signal, grantOf())).get(job.id);
      expect(done?.state).toBe('done');
      if (done?.state !== 'done') return;
      const result = videoResultOf({ result: await fam.collect(job, done.done, signal) });
      expect(result.file?.size).toBe(256 * 1024);
      expect(result.size).toBe(256 * 1024);
      expect(fs.statSync(result.file?.path ?? '').size).toBe(256 * 1024);
      expect(result.taskId).toBe(submitted.upstreamId);
      // sora's content route needs the key; plain files on the gateway host do not.
      expect(result.linkable).toBe(dialect !== 'openai');
      expect(sim.leaks).toEqual([]);
    },
  );

  it('sends the first frame inline and the model parameters', async () => {
    const { sim, client } = await start();
    const { fam, loads } = await family(client);
    await fam.submit(
      jobRow({
        model: 'sora-2',
        kind: 'i2v',
        params: {
          prompt: 'plane',
          duration: 12,
          secondsAs: 'string',
          size: '1280x720',
          input: { fileId: 'FILE1' },
        },
      }),
      signal,
    );
    expect(loads).toEqual(['FILE1']);
    const dataUrl = `data:image/png;base64,${PNG.toString('base64')}`;
    expect(sim.requests[0]?.body).toEqual({
      model: 'sora-2',
      prompt: 'plane',
      duration: 12,
      seconds: '12',
      size: '1280x720',
      image: dataUrl,
      image_url: dataUrl,
    });
  });

  it('the content route is fetched with the key that made the task (a user key lane)', async () => {
    const model = 'sora-2';
    const { sim, client } = await start({ videoDialect: { [model]: 'openai' } });
    const own = 'sk-ownKeyOfTheUser0123456789';
    sim.addKey(own, { unlimited: true });
    const mine = client.withKey(own);
    const { fam } = await family(mine);
    const job = jobRow({
      model,
      payer: 'own_key',
      params: { prompt: 'x', duration: 4, secondsAs: 'string', size: '720x1280' },
    });
    const { upstreamId } = await fam.submit(job, signal);
    sim.advance(10_000);
    const running = jobRow({ ...job, upstreamId });
    const done = (await fam.poll([running], signal, grantOf())).get(job.id);
    if (done?.state !== 'done') throw new Error('not done');
    expect((done.done as { url: string }).url).toBe(`${sim.url}/v1/videos/${upstreamId}/content`);
    const result = videoResultOf({ result: await fam.collect(running, done.done, signal) });
    expect(result.file?.size).toBeGreaterThan(0);
    const get = sim.requests.at(-1);
    expect(get?.path).toBe(`/v1/videos/${upstreamId}/content`);
    expect(get?.headers.authorization).toBe(`Bearer ${own}`);
    // The operator's key cannot see the user's task.
    const { fam: operator } = await family(client);
    await expect(operator.collect(running, done.done, signal)).rejects.toThrow();
    expect(KEY).not.toBe(own);
  });

  it('over the upload limit: only the address is kept, nothing left on disk', async () => {
    const model = 'kling-video-v2-6';
    const { sim, client } = await start({ videoDialect: { [model]: 'seed' } });
    const { fam, results } = await family(client, 100_000);
    const job = jobRow({ params: { prompt: 'big [[big:300kb]]', duration: 5 } });
    const { upstreamId } = await fam.submit(job, signal);
    sim.advance(10_000);
    const running = jobRow({ ...job, upstreamId });
    const done = (await fam.poll([running], signal, grantOf())).get(job.id);
    if (done?.state !== 'done') throw new Error('not done');
    const result = videoResultOf({ result: await fam.collect(running, done.done, signal) });
    expect(result).toMatchObject({ linkOnly: true, linkable: true });
    expect(result.file).toBeUndefined();
    expect(result.sourceUrl).toMatch(/\/files\/.+\.mp4$/);
    expect(
      fs.readdirSync(results.root, { recursive: true }).filter((f) => String(f).endsWith('.mp4')),
    ).toEqual([]);
  });

  it('a failed task carries its reason; an unknown task is missing; a network error is an error', async () => {
    const model = 'kling-video-v2-6';
    const { sim, client } = await start({ videoDialect: { [model]: 'newapi-wrapper' } });
    const { fam } = await family(client);
    sim.failNextVideoTask('content policy violation');
    const { upstreamId } = await fam.submit(jobRow({}), signal);
    sim.advance(10_000);
    const seen = await fam.poll(
      [jobRow({ upstreamId }), jobRow({ id: 'job0000002', upstreamId: 'task_nope' })],
      signal,
      grantOf(),
    );
    expect(seen.get('job0000001')).toEqual({
      state: 'failed',
      failure: { code: 'task_failed', message: 'content policy violation' },
    });
    expect(seen.get('job0000002')).toEqual({ state: 'missing' });
    await sim.close();
    const after = await fam.poll([jobRow({ upstreamId })], signal, grantOf());
    expect(after.get('job0000001')?.state).toBe('error');
  });

  it('deadline: the minimum up to 15 s of video, proportionally more beyond', async () => {
    const { client } = await start();
    const fam = createVideoFamily({
      gatewayFor: async () => client,
      loadInput: async () => ({ data: PNG, mime: 'image/png' }),
      results: tempResults().results,
      uploadLimitBytes: 1,
      deadlineMs: 20 * 60_000,
    });
    expect(fam.deadlineMs(jobRow({}))).toBe(20 * 60_000);
    expect(fam.deadlineMs(jobRow({ params: { prompt: 'x', duration: 15 } }))).toBe(20 * 60_000);
    expect(fam.deadlineMs(jobRow({ params: { prompt: 'x', duration: 30 } }))).toBe(40 * 60_000);
  });
});

describe('observe', () => {
  const client = { baseUrl: 'https://gw.example' };
  it('maps every normalised status; a finished task without URL falls back to the content route', () => {
    expect(
      observe(
        normalizeVideoTask({ id: 't1', status: 'QUEUED', progress: '20%' }, client.baseUrl),
        client,
      ),
    ).toEqual({ state: 'pending', progress: { stage: 'queued', percent: 20 } });
    expect(
      observe(normalizeVideoTask({ id: 't1', status: 'processing' }, client.baseUrl), client),
    ).toEqual({ state: 'pending', progress: { stage: 'generating' } });
    expect(
      observe(normalizeVideoTask({ id: 't1', status: 'succeeded' }, client.baseUrl), client),
    ).toEqual({ state: 'done', done: { url: 'https://gw.example/v1/videos/t1/content' } });
    expect(
      observe(normalizeVideoTask({ id: 't1', status: 'failed' }, client.baseUrl), client),
    ).toEqual({ state: 'failed', failure: { code: 'upstream' } });
  });
});

describe('isPublicVideoUrl', () => {
  const gw = 'https://api.gw.example';
  it('links CDN and plain gateway files, never gateway API routes or credentials', () => {
    expect(isPublicVideoUrl('https://cdn.klingai.com/v1/x.mp4', gw)).toBe(true);
    expect(isPublicVideoUrl('https://api.gw.example/files/a.mp4', gw)).toBe(true);
    expect(isPublicVideoUrl('https://api.gw.example/v1/videos/task_1/content', gw)).toBe(false);
    expect(isPublicVideoUrl('https://api.gw.example/V1/videos/task_1/content', gw)).toBe(false);
    expect(isPublicVideoUrl('https://user:pw@cdn.example/a.mp4', gw)).toBe(false);
    expect(isPublicVideoUrl('ftp://cdn.example/a.mp4', gw)).toBe(false);
    expect(isPublicVideoUrl('not a url', gw)).toBe(false);
  });
});
