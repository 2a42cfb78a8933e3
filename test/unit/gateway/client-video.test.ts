import { describe, expect, it } from 'vitest';
import { isContentRouteOf } from '../../../src/gateway/index.js';
import type { VideoDialect } from '../../fakes/gateway-sim/index.js';
import { failure, KEY, useSim } from './client-setup.js';
import { sniffMimeForTest } from './test-utils.js';

const start = useSim();
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(32, 1),
]);

describe('video tasks in every dialect', () => {
  it.each<VideoDialect>(['seed', 'newapi-wrapper', 'openai', 'kling-metadata', 'docs'])(
    '%s: submit → queued → running → completed → download',
    async (dialect) => {
      const model = 'kling-v2-1-master';
      const { sim, client } = await start({ videoDialect: { [model]: dialect } });
      const sub = await client.submitVideo({
        model,
        prompt: 'a corgi surfing',
        duration: 5,
        aspectRatio: '16:9',
      });
      expect(sub).toEqual({ taskId: expect.any(String), status: 'queued' });

      const first = await client.fetchVideo(sub.taskId);
      expect(first.id).toBe(sub.taskId);
      expect(first.status).toBe('queued');
      sim.advance(3_000);
      const mid = await client.fetchVideo(sub.taskId);
      expect(mid.status).toBe('running');
      if (dialect !== 'seed' && dialect !== 'docs') expect(mid.progress).toBeGreaterThanOrEqual(30);
      sim.advance(5_000);
      const done = await client.fetchVideo(sub.taskId);
      expect(done.status).toBe('completed');
      expect(done.videoUrl).toMatch(new RegExp(`^${sim.url}/`));
      if (dialect === 'openai')
        expect(done.videoUrl).toBe(`${sim.url}/v1/videos/${sub.taskId}/content`);

      // The key goes only to the content route built from the task id; a file URL the answer
      // named is fetched without it.
      const own = isContentRouteOf(done.videoUrl ?? '', sub.taskId);
      expect(own).toBe(dialect === 'openai');
      const opened = own
        ? await client.openVideoContent(sub.taskId, { maxBytes: 5_000_000 })
        : await client.openStream(done.videoUrl ?? '', { maxBytes: 5_000_000, expect: 'video' });
      const chunks: Buffer[] = [];
      for await (const chunk of opened.stream) chunks.push(chunk as Buffer);
      expect(opened.mime).toBe('video/mp4');
      expect(sniffMimeForTest(Buffer.concat(chunks))).toBe('video/mp4');
      const get = sim.requests.at(-1);
      expect(get?.headers.authorization).toBe(own ? `Bearer ${KEY}` : undefined);
    },
  );

  it('the submit body carries the image as a data: URL in image and image_url', async () => {
    const { sim, client } = await start();
    await client.submitVideo({
      model: 'kling-v2-1-master',
      prompt: 'animate',
      seconds: 8,
      size: '1280x720',
      mode: 'pro',
      images: { role: 'frames', files: [{ data: PNG, mime: 'image/png' }] },
    });
    const dataUrl = `data:image/png;base64,${PNG.toString('base64')}`;
    expect(sim.requests[0]?.body).toEqual({
      model: 'kling-v2-1-master',
      prompt: 'animate',
      seconds: '8',
      size: '1280x720',
      mode: 'pro',
      image: dataUrl,
      image_url: dataUrl,
    });
    expect(sim.leaks).toEqual([]);
  });

  it('first and last frame: the first as image/image_url, both in `images`; references only in `images`', async () => {
    const { sim, client } = await start();
    const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]);
    const first = `data:image/png;base64,${PNG.toString('base64')}`;
    const last = `data:image/jpeg;base64,${JPEG.toString('base64')}`;
    const files = [
      { data: PNG, mime: 'image/png' },
      { data: JPEG, mime: 'image/jpeg' },
    ];
    await client.submitVideo({
      model: 'veo3.1',
      prompt: 'dawn to dusk',
      images: { role: 'frames', files },
    });
    expect(sim.requests[0]?.body).toMatchObject({
      image: first,
      image_url: first,
      images: [first, last],
    });
    await client.submitVideo({
      model: 'veo3.1-components',
      prompt: 'a chef',
      images: { role: 'references', files: files.slice(0, 1) },
    });
    expect(sim.requests[1]?.body).toMatchObject({ images: [first] });
    expect(sim.requests[1]?.body).not.toHaveProperty('image');
    expect(sim.requests[1]?.body).not.toHaveProperty('image_url');
  });

  it.each<VideoDialect>(['seed', 'newapi-wrapper', 'openai', 'docs'])(
    '%s: failures carry the reason',
    async (dialect) => {
      const model = 'veo3.1';
      const { sim, client } = await start({ videoDialect: { [model]: dialect } });
      sim.failNextVideoTask('upstream generation error');
      const { taskId } = await client.submitVideo({ model, prompt: 'x' });
      sim.advance(10_000);
      const t = await client.fetchVideo(taskId);
      expect(t.status).toBe('failed');
      expect(t.error).toContain('upstream generation error');
      expect(t.videoUrl).toBeUndefined();
    },
  );

  it('unknown task → not_found; missing prompt → invalid_request', async () => {
    const { client } = await start();
    expect((await failure(client.fetchVideo('task_nope'))).kind).toBe('not_found');
    expect((await failure(client.submitVideo({ model: 'sora-2', prompt: '' }))).kind).toBe(
      'invalid_request',
    );
  });

  it('model limits apply to video models', async () => {
    const { client } = await start({ keys: { [KEY]: { unlimited: true, models: ['sora-2'] } } });
    expect((await failure(client.submitVideo({ model: 'veo3.1', prompt: 'x' }))).kind).toBe(
      'model_not_allowed',
    );
  });

  it('the content route streams a large video without buffering and reports its length', async () => {
    const model = 'sora-2';
    const { sim, client } = await start({ videoDialect: { [model]: 'openai' } });
    const { taskId } = await client.submitVideo({ model, prompt: 'ocean [[big:3mb]]' });
    sim.advance(10_000);
    expect((await client.fetchVideo(taskId)).status).toBe('completed');
    const opened = await client.openVideoContent(taskId, { maxBytes: 10_000_000 });
    expect(opened.mime).toBe('video/mp4');
    expect(opened.length).toBeGreaterThanOrEqual(3 * 1024 * 1024);
    let total = 0;
    for await (const chunk of opened.stream) total += (chunk as Buffer).length;
    expect(total).toBe(opened.length);

    // Declared length over the cap fails before reading.
    expect((await failure(client.openVideoContent(taskId, { maxBytes: 1_000_000 }))).kind).toBe(
      'too_large',
    );
  });
});
