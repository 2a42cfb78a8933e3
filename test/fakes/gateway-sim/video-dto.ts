/** Renders a video task in each response dialect of §4 (seed, new-api wrapper, OpenAI, kling metadata, docs). */
import type { SimContext } from './context.js';
import { type VideoTaskRecord, type VideoView, videoView } from './video-tasks.js';

const secs = (ms: number): number => Math.floor(ms / 1000);

function epochOf(task: VideoTaskRecord, taskMs: number): number {
  return taskMs === 0 ? 0 : task.submitEpoch + (taskMs - task.submitAt);
}

/** The OpenAI Video object returned by every submit. */
export function submitted(task: VideoTaskRecord): Record<string, unknown> {
  return {
    id: task.id,
    task_id: task.id,
    object: 'video',
    model: task.model,
    status: 'queued',
    progress: 0,
    created_at: secs(task.submitEpoch),
  };
}

function openAiShape(
  ctx: SimContext,
  task: VideoTaskRecord,
  v: VideoView,
): Record<string, unknown> {
  const out: Record<string, unknown> = {
    id: task.id,
    object: 'video',
    model: task.model,
    status: v.status,
    progress: v.progress,
    created_at: secs(task.submitEpoch),
    seconds: task.seconds,
    size: task.size,
  };
  if (v.status === 'completed' || v.status === 'failed') {
    out.completed_at = secs(epochOf(task, v.finishedAt));
  }
  if (v.status === 'completed') out.expires_at = secs(epochOf(task, v.finishedAt)) + 86_400;
  if (v.failReason !== null) out.error = { code: 'task_failed', message: v.failReason };
  if (task.dialect === 'kling-metadata' && v.status === 'completed') {
    out.metadata = { url: ctx.files.url(ctx.baseUrl(), task.file) };
  }
  return out;
}

function klingRaw(ctx: SimContext, task: VideoTaskRecord, v: VideoView): Record<string, unknown> {
  const status = {
    queued: 'submitted',
    in_progress: 'processing',
    completed: 'succeed',
    failed: 'failed',
  }[v.status];
  const data: Record<string, unknown> = {
    task_id: task.upstreamId,
    task_status: status,
    task_status_msg: v.failReason ?? '',
    created_at: task.submitEpoch,
    updated_at: ctx.clock.now(),
  };
  if (v.status === 'completed') {
    data.task_result = {
      videos: [
        {
          id: `${task.upstreamId}-0`,
          url: ctx.files.url(ctx.baseUrl(), task.file),
          duration: '5.1',
        },
      ],
    };
  }
  return { code: 0, message: 'SUCCEED', request_id: `req-${task.rowId}`, data };
}

function wrapperShape(
  ctx: SimContext,
  task: VideoTaskRecord,
  v: VideoView,
): Record<string, unknown> {
  const status =
    v.status === 'queued'
      ? v.justSubmitted
        ? 'SUBMITTED'
        : 'QUEUED'
      : { in_progress: 'IN_PROGRESS', completed: 'SUCCESS', failed: 'FAILURE' }[v.status];
  // The generic poller's progress ladder: 10% submitted, 20% queued, 30% running, 100% terminal (failure too).
  const progress = {
    SUBMITTED: '10%',
    QUEUED: '20%',
    IN_PROGRESS: '30%',
    SUCCESS: '100%',
    FAILURE: '100%',
  }[status];
  return {
    code: 'success',
    message: '',
    data: {
      id: task.rowId,
      created_at: secs(task.submitEpoch),
      updated_at: secs(ctx.clock.now()),
      task_id: task.id,
      platform: '50',
      user_id: 1,
      group: 'default',
      channel_id: 1,
      quota: task.price,
      action: 'textGenerate',
      status,
      fail_reason: v.failReason ?? '',
      result_url: v.status === 'completed' ? ctx.files.url(ctx.baseUrl(), task.file) : '',
      submit_time: secs(task.submitEpoch),
      start_time: secs(epochOf(task, v.startedAt)),
      finish_time: secs(epochOf(task, v.finishedAt)),
      progress,
      properties: { input: task.prompt },
      data: klingRaw(ctx, task, v),
    },
  };
}

function docsShape(ctx: SimContext, task: VideoTaskRecord, v: VideoView): Record<string, unknown> {
  const status = {
    queued: 'queued',
    in_progress: 'processing',
    completed: 'succeeded',
    failed: 'failed',
  }[v.status];
  const [w, h] = task.size.split('x').map(Number);
  return {
    task_id: task.id,
    status,
    url: v.status === 'completed' ? ctx.files.url(ctx.baseUrl(), task.file) : '',
    format: 'mp4',
    metadata:
      v.status === 'completed'
        ? {
            duration: Number(task.seconds),
            fps: 30,
            width: w ?? 1280,
            height: h ?? 720,
            seed: 20231234,
          }
        : null,
    error: { code: v.failReason === null ? 0 : 1, message: v.failReason ?? '' },
  };
}

function seedShape(ctx: SimContext, task: VideoTaskRecord, v: VideoView): Record<string, unknown> {
  const out: Record<string, unknown> = { id: task.id, status: v.status };
  if (v.status === 'completed') out.video_url = ctx.files.url(ctx.baseUrl(), task.file);
  if (v.failReason !== null) out.error = { message: v.failReason };
  return out;
}

export function renderVideo(ctx: SimContext, task: VideoTaskRecord): Record<string, unknown> {
  const v = videoView(task, ctx.clock.taskNow(), ctx.opts.timings);
  switch (task.dialect) {
    case 'seed':
      return seedShape(ctx, task, v);
    case 'newapi-wrapper':
      return wrapperShape(ctx, task, v);
    case 'openai':
    case 'kling-metadata':
      return openAiShape(ctx, task, v);
    case 'docs':
      return docsShape(ctx, task, v);
  }
}
