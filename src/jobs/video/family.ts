/**
 * The video family on the shared asynchronous pipeline: submit once (`POST
 * /v1/video/generations`, the first frame inline), look at each task (`GET …/{id}`: the gateway
 * has no batch endpoint for videos), and keep the finished video on disk (a streamed,
 * size-capped download) or, when it is larger than the Bot API server accepts, only its address.
 * Every call uses the key that made the task: tasks, and sora's content URL, are only visible
 * to it.
 */
import type { GatewayClient } from '../../gateway/client.js';
import { GatewayError, isGatewayError } from '../../gateway/errors.js';
import type { MediaKind } from '../../gateway/mime.js';
import type { VideoTask } from '../../gateway/video-normalize.js';
import { isContentRouteOf, videoContentPath } from '../../gateway/video-path.js';
import type { Logger } from '../../infra/logger.js';
import { Semaphore } from '../../infra/semaphore.js';
import type { AsyncFamily, AsyncObservation, AsyncSubmitted } from '../async-family.js';
import type { ResultStore } from '../result-store.js';
import type { JobRow, KeyHolder } from '../store.js';
import {
  AUDIO_LIMIT,
  storedDuration,
  toSubmitRequest,
  VIDEO_INPUT_LIMIT,
  type VideoJobParams,
  videoJobParams,
} from './params.js';
import { isPublicVideoUrl, type VideoJobResult } from './result.js';

/** Telegram serves bots files up to 20 MB: the first frame can never be larger. */
const INPUT_LIMIT = 20 * 1024 * 1024;

export interface VideoFamilyOptions {
  /** The operator's client, or the user's own key for jobs they pay with it. */
  gatewayFor(job: KeyHolder): Promise<GatewayClient>;
  /** A user's photo by Telegram file id, as bytes (never its URL: that holds the bot token). */
  loadInput(
    fileId: string,
    maxBytes?: number,
    kind?: MediaKind,
  ): Promise<{ data: Buffer; mime: string }>;
  results: ResultStore;
  /** What the Bot API server accepts in one upload: a larger video is not downloaded. */
  uploadLimitBytes: number;
  /**
   * How long a task of up to 15 s of video may take (default 20 min); longer videos get
   * proportionally more, since sora-2-pro's 25 s clips can take far longer.
   */
  deadlineMs?: number;
  /** Total time for downloading the finished video (the idle limit is the client's). */
  downloadTimeoutMs?: number;
  /** Task looks sent at the same time within one lane. */
  pollConcurrency?: number;
  logger?: Logger;
}

/** What `poll` hands to `collect` for a finished task. */
export interface VideoDone {
  url: string;
}

export const DEFAULT_VIDEO_DEADLINE_MS = 20 * 60_000;
/** Video length the base deadline is meant for. */
const DEADLINE_BASE_SECONDS = 15;

function paramsOf(job: JobRow): VideoJobParams {
  const parsed = videoJobParams.safeParse(job.params);
  if (!parsed.success) throw new GatewayError('invalid_request', 'The video job is malformed');
  return parsed.data;
}

/** A task as the pipeline sees it; exported for unit tests over every normalised state. */
export function observe(task: VideoTask, client: Pick<GatewayClient, 'baseUrl'>): AsyncObservation {
  switch (task.status) {
    case 'queued':
      return {
        state: 'pending',
        progress: {
          stage: 'queued',
          ...(task.progress ? { percent: Math.round(task.progress) } : {}),
        },
      };
    case 'running':
      return task.progress === undefined
        ? { state: 'pending', progress: { stage: 'generating' } }
        : { state: 'pending', progress: { stage: 'running', percent: Math.round(task.progress) } };
    case 'completed': {
      // No URL anywhere (an OpenAI-shaped object the normaliser did not recognise): the gateway
      // serves every finished task's bytes at the content route.
      const url = task.videoUrl ?? `${client.baseUrl}${videoContentPath(task.id)}`;
      return { state: 'done', done: { url } satisfies VideoDone };
    }
    case 'failed':
      return {
        state: 'failed',
        failure: task.error ? { code: 'task_failed', message: task.error } : { code: 'upstream' },
      };
  }
}

export function createVideoFamily(o: VideoFamilyOptions): AsyncFamily {
  const minDeadline = o.deadlineMs ?? DEFAULT_VIDEO_DEADLINE_MS;
  return {
    family: 'video',

    deadlineMs(job) {
      const duration = storedDuration.safeParse(job.params.duration);
      const seconds = duration.success ? duration.data : 0;
      return Math.round(minDeadline * Math.max(1, seconds / DEADLINE_BASE_SECONDS));
    },

    async submit(job, signal): Promise<AsyncSubmitted> {
      const params = paramsOf(job);
      const images = await Promise.all(
        params.inputs.map((input) => o.loadInput(input.fileId, INPUT_LIMIT)),
      );
      const audio = params.audio
        ? await o.loadInput(params.audio.fileId, AUDIO_LIMIT, 'audio')
        : undefined;
      const video = params.video
        ? await o.loadInput(params.video.fileId, VIDEO_INPUT_LIMIT, 'video')
        : undefined;
      const client = await o.gatewayFor(job);
      const request = toSubmitRequest(job.model, params, { images, audio, video });
      const submitted = await client.submitVideo(request, { signal });
      // No progress here: the status already says "queued", and an edit now would only use up
      // the status message's edit allowance before the first real progress arrives.
      return { upstreamId: submitted.taskId };
    },

    async poll(jobs, signal) {
      const seen = new Map<string, AsyncObservation>();
      const [first] = jobs;
      if (!first) return seen;
      // A lane is one key, so one client serves the whole group.
      const client = await o.gatewayFor(first);
      const gate = new Semaphore(o.pollConcurrency ?? 4);
      await Promise.all(
        jobs.map((job) =>
          gate.run(async () => {
            if (!job.upstreamId) {
              seen.set(job.id, { state: 'missing' });
              return;
            }
            try {
              const task = await client.fetchVideo(job.upstreamId, { signal });
              seen.set(job.id, observe(task, client));
            } catch (error) {
              seen.set(
                job.id,
                isGatewayError(error) && error.kind === 'not_found'
                  ? { state: 'missing' }
                  : { state: 'error', error },
              );
            }
          }),
        ),
      );
      return seen;
    },

    async collect(job, done, signal): Promise<Record<string, unknown>> {
      const { url } = done as VideoDone;
      const client = await o.gatewayFor(job);
      const base: VideoJobResult = {
        sourceUrl: url,
        linkable: isPublicVideoUrl(url, client.baseUrl),
        ...(job.upstreamId ? { taskId: job.upstreamId } : {}),
      };
      const limits = {
        maxBytes: o.uploadLimitBytes,
        signal,
        ...(o.downloadTimeoutMs ? { timeoutMs: o.downloadTimeoutMs } : {}),
      };
      // The key goes only to the content route the bot builds from its own task id (on its own
      // gateway, whatever origin the answer named); any other URL is fetched without it.
      const taskId = job.upstreamId;
      let opened: Awaited<ReturnType<GatewayClient['openStream']>>;
      try {
        opened =
          taskId && isContentRouteOf(url, taskId)
            ? await client.openVideoContent(taskId, limits)
            : await client.openStream(url, { ...limits, expect: 'video' });
      } catch (err) {
        // Known to be too large before a byte was read (Content-Length): keep the address only.
        if (isGatewayError(err) && err.kind === 'too_large')
          return { ...base, linkOnly: true } satisfies VideoJobResult;
        throw err;
      }
      try {
        const file = await o.results.saveStream(job.id, 0, opened.stream, opened.mime, signal);
        return { ...base, file, size: file.size } satisfies VideoJobResult;
      } catch (err) {
        // No Content-Length, and more bytes than fit: the partial file is gone; address only.
        if (isGatewayError(err) && err.kind === 'too_large') {
          o.logger?.info({ job: job.id }, 'video larger than the upload limit: link only');
          return { ...base, linkOnly: true } satisfies VideoJobResult;
        }
        throw err;
      }
    },
  };
}
