import { describe, expect, it } from 'vitest';
import {
  normalizeVideoStatus,
  normalizeVideoTask,
  parseVideoProgress,
} from '../../../src/gateway/video-normalize.js';

const BASE = 'https://gw.example.com';

describe('normalizeVideoStatus', () => {
  it.each([
    ...[
      'queued',
      'pending',
      'submitted',
      'not_start',
      'NOT_START',
      'SUBMITTED',
      'QUEUED',
      '',
      'unknown',
      'UNKNOWN',
      'created',
      'preparing',
      'queueing',
    ].map((s) => [s, 'queued'] as const),
    ...['in_progress', 'IN_PROGRESS', 'processing', 'running', 'generating'].map(
      (s) => [s, 'running'] as const,
    ),
    ...['completed', 'succeeded', 'succeed', 'success', 'SUCCESS', 'finished', 'complete'].map(
      (s) => [s, 'completed'] as const,
    ),
    ...[
      'failed',
      'FAILURE',
      'failure',
      'fail',
      'error',
      'cancelled',
      'canceled',
      'expired',
      'timeout',
    ].map((s) => [s, 'failed'] as const),
    ['rendering-ish', 'running'] as const,
  ])('%j → %s', (raw, status) => {
    expect(normalizeVideoStatus(raw)).toBe(status);
  });
});

describe('parseVideoProgress', () => {
  it.each([
    [45, 45],
    ['45%', 45],
    ['45', 45],
    [150, 100],
    ['', undefined],
    [null, undefined],
    ['n/a', undefined],
  ] as const)('%j → %j', (v, n) => expect(parseVideoProgress(v)).toBe(n));
});

describe('normalizeVideoTask (§4.2–4.5)', () => {
  it.each([
    [
      'seed fork: {id, status} queued',
      { id: 'vid_abc123', status: 'queued' },
      { id: 'vid_abc123', status: 'queued', rawStatus: 'queued' },
    ],
    [
      'seed fork: {id, status, video_url} completed',
      { id: 'vid_abc123', status: 'completed', video_url: 'https://cdn.x/v.mp4' },
      {
        id: 'vid_abc123',
        status: 'completed',
        rawStatus: 'completed',
        videoUrl: 'https://cdn.x/v.mp4',
      },
    ],
    [
      'submit response: OpenAI video object with id and task_id',
      {
        id: 'task_3Vq9',
        task_id: 'task_3Vq9',
        object: 'video',
        model: 'kling',
        status: 'queued',
        progress: 0,
        created_at: 1760000000,
      },
      { id: 'task_3Vq9', status: 'queued', rawStatus: 'queued', progress: 0 },
    ],
    [
      'Gemini/Vertex realtime shape inside the wrapper (relative content URL resolved)',
      {
        code: 'success',
        message: '',
        data: {
          error: null,
          format: 'mp4',
          metadata: null,
          status: 'succeeded',
          task_id: 'task_v',
          url: '/v1/videos/task_v/content',
        },
      },
      {
        id: 'task_v',
        status: 'completed',
        rawStatus: 'succeeded',
        videoUrl: `${BASE}/v1/videos/task_v/content`,
      },
    ],
    [
      'docs shape {task_id, status, url, format, metadata, error:{code:0,message:""}}',
      {
        task_id: 'abcd1234efgh',
        status: 'completed',
        url: 'https://example.com/video.mp4',
        format: 'mp4',
        metadata: { duration: 5, fps: 30, width: 1280, height: 720, seed: 20231234 },
        error: { code: 0, message: '' },
      },
      {
        id: 'abcd1234efgh',
        status: 'completed',
        rawStatus: 'completed',
        videoUrl: 'https://example.com/video.mp4',
      },
    ],
    [
      'docs shape, processing with error placeholder → no error field',
      { task_id: 'a', status: 'processing', error: { code: 0, message: '' } },
      { id: 'a', status: 'running', rawStatus: 'processing' },
    ],
  ])('%s', (_name, body, expected) => {
    expect(normalizeVideoTask(body, BASE)).toEqual(expected);
  });

  it('docs minimal submit {task_id, status}', () => {
    expect(normalizeVideoTask({ task_id: 'abcd1234efgh', status: 'queued' }, BASE).id).toBe(
      'abcd1234efgh',
    );
  });

  it('new-api generic wrapper with result_url and string progress', () => {
    const body = {
      code: 'success',
      message: '',
      data: {
        id: 1234,
        task_id: 'task_3Vq9',
        platform: '50',
        action: 'textGenerate',
        status: 'SUCCESS',
        fail_reason: '',
        result_url: 'https://cdn.klingai.com/out.mp4',
        progress: '100%',
        data: {
          code: 0,
          data: {
            task_status: 'succeed',
            task_result: { videos: [{ url: 'https://cdn.klingai.com/raw.mp4' }] },
          },
        },
      },
    };
    // Here `id` is new-api's DB row id; the public task id is task_id.
    const t = normalizeVideoTask(body, BASE);
    expect(t.id).toBe('task_3Vq9');
    expect(t.status).toBe('completed');
    expect(t.progress).toBe(100);
    expect(t.videoUrl).toBe('https://cdn.klingai.com/out.mp4');
  });

  it('older new-api wrapper without result_url: kling raw data.data', () => {
    const t = normalizeVideoTask(
      {
        code: 'success',
        message: '',
        data: {
          task_id: 'task_k',
          status: 'SUCCESS',
          progress: '100%',
          data: {
            code: 0,
            data: {
              task_status: 'succeed',
              task_result: { videos: [{ url: 'https://k/raw.mp4', duration: '5.1' }] },
            },
          },
        },
      },
      BASE,
    );
    expect(t).toMatchObject({ id: 'task_k', status: 'completed', videoUrl: 'https://k/raw.mp4' });
  });

  it.each([
    ['doubao/seedance', { content: { video_url: 'https://d/v.mp4' } }, 'https://d/v.mp4'],
    ['ali/wanx', { output: { video_url: 'https://a/v.mp4' } }, 'https://a/v.mp4'],
    ['vidu', { creations: [{ url: 'https://v/v.mp4' }] }, 'https://v/v.mp4'],
    ['videos[]', { videos: [{ url: 'https://z/v.mp4' }] }, 'https://z/v.mp4'],
    ['data.output string', { output: 'https://o/v.mp4' }, 'https://o/v.mp4'],
  ])('vendor raw payload in data: %s', (_name, data, url) => {
    const t = normalizeVideoTask(
      { code: 'success', message: '', data: { task_id: 't', status: 'SUCCESS', data } },
      BASE,
    );
    expect(t.videoUrl).toBe(url);
  });

  it('wrapper in progress and failed (progress "100%" on failure)', () => {
    const running = normalizeVideoTask(
      {
        code: 'success',
        message: '',
        data: { task_id: 't', status: 'IN_PROGRESS', progress: '30%' },
      },
      BASE,
    );
    expect(running).toEqual({ id: 't', status: 'running', rawStatus: 'IN_PROGRESS', progress: 30 });
    const failed = normalizeVideoTask(
      {
        code: 'success',
        message: '',
        data: {
          task_id: 't',
          status: 'FAILURE',
          progress: '100%',
          fail_reason: 'upstream refused',
        },
      },
      BASE,
    );
    expect(failed).toMatchObject({ status: 'failed', error: 'upstream refused' });
  });

  it.each([
    [
      'OpenAI video object completed without URL → gateway content URL',
      {
        id: 'video_68d7',
        created_at: 1,
        status: 'completed',
        model: 'sora-2',
        progress: 100,
        seconds: '8',
        size: '1280x720',
      },
      `${BASE}/v1/videos/video_68d7/content`,
      { progress: 100 },
    ],
    [
      'OpenAI failed with error.message',
      {
        id: 'video_1',
        status: 'failed',
        progress: 12,
        error: { code: 'moderation', message: 'blocked by moderation' },
      },
      undefined,
      { status: 'failed', error: 'blocked by moderation' },
    ],
    [
      'kling via /v1/videos: metadata.url',
      {
        id: 'task_k',
        status: 'completed',
        progress: 100,
        created_at: 1,
        completed_at: 2,
        seconds: '5',
        metadata: { url: 'https://k/m.mp4' },
      },
      'https://k/m.mp4',
      {},
    ],
  ])('%s', (_name, fields, videoUrl, expected) => {
    const t = normalizeVideoTask({ object: 'video', ...fields }, BASE);
    expect(t.videoUrl).toBe(videoUrl);
    expect(t).toMatchObject(expected);
  });

  it('completed but not OpenAI-shaped and no URL → no videoUrl', () => {
    expect(normalizeVideoTask({ id: 'x', status: 'completed' }, BASE).videoUrl).toBeUndefined();
  });

  it('kling raw task_status, failReason, error string, message', () => {
    expect(
      normalizeVideoTask({ task_id: 'k', task_status: 'failed', message: 'bad' }, BASE),
    ).toMatchObject({
      status: 'failed',
      error: 'bad',
    });
    expect(normalizeVideoTask({ id: 'k', status: 'failed', error: 'boom' }, BASE).error).toBe(
      'boom',
    );
    expect(normalizeVideoTask({ id: 'k', status: 'error', failReason: 'fr' }, BASE).error).toBe(
      'fr',
    );
  });

  it('uses the requested id when the body has none; malformed otherwise', () => {
    expect(normalizeVideoTask({ status: 'queued' }, BASE, 'req-1').id).toBe('req-1');
    expect(() => normalizeVideoTask({ status: 'queued' }, BASE)).toThrow(
      expect.objectContaining({ kind: 'malformed' }),
    );
    expect(() => normalizeVideoTask([], BASE)).toThrow(
      expect.objectContaining({ kind: 'malformed' }),
    );
    expect(() => normalizeVideoTask('x', BASE)).toThrow(
      expect.objectContaining({ kind: 'malformed' }),
    );
  });

  it('numeric ids become strings', () => {
    expect(normalizeVideoTask({ id: 42, status: 'queued' }, BASE).id).toBe('42');
  });
});
