/**
 * Midjourney as an asynchronous family: submits through `/mj/submit/*` (mode prefix chooses the
 * fast/relax queue), looks at tasks with `list-by-condition` in batches (one request for up to
 * 50 tasks), or one `fetch` each where the gateway lacks that route, and keeps the finished
 * image and its buttons.
 */

import type { GatewayClient } from '../../gateway/client.js';
import { GatewayError, isGatewayError } from '../../gateway/errors.js';
import type { MjImageInput } from '../../gateway/midjourney.js';
import { classifyMjFailure, heldForModeration } from '../../gateway/mj-failure.js';
import type { MjSubmitResult, MjTask } from '../../gateway/mj-normalize.js';
import type { Logger } from '../../infra/logger.js';
import { Semaphore } from '../../infra/semaphore.js';
import type { AsyncFamily, AsyncObservation, AsyncSubmitted } from '../async-family.js';
import type { FetchGrant } from '../fetch-budget.js';
import type { ResultStore } from '../result-store.js';
import type { DueJob, JobRow, KeyHolder } from '../store.js';
import { type AskModal, awaitModal, type MjModalPorts } from './modal.js';
import { type MjJobParams, mjJobParams } from './params.js';
import { type MjStoredButton, mjResultOf } from './result.js';

export interface MjDeadlines {
  imagine: number;
  blend: number;
  describe: number;
  modal: number;
  upscale: number;
  /** Every other button (variations, zoom, pan, reroll). */
  action: number;
  /** The relax queue can wait long before it starts: its deadlines are multiplied. */
  relaxFactor: number;
}

export const DEFAULT_MJ_DEADLINES: MjDeadlines = {
  imagine: 10 * 60_000,
  blend: 10 * 60_000,
  describe: 5 * 60_000,
  modal: 10 * 60_000,
  upscale: 5 * 60_000,
  action: 10 * 60_000,
  relaxFactor: 2,
};

export interface MjFamilyOptions {
  logger: Logger;
  /** The operator's client, or the user's own key's (tasks are only visible to their key). */
  gatewayFor(job: KeyHolder): Promise<GatewayClient>;
  /** A user photo's bytes by Telegram file id (blend, describe, imagine references). */
  loadInput(fileId: string): Promise<{ data: Buffer; mime: string }>;
  results: ResultStore;
  maxResultBytes: number;
  /** Total time for downloading the finished image (the idle limit is the client's). */
  downloadTimeoutMs?: number;
  modal: MjModalPorts;
  askModal: AskModal;
  deadlines?: Partial<MjDeadlines>;
  /** Ids per list-by-condition request (new-api has no documented cap; 50 keeps bodies small). */
  listChunk?: number;
  /** Requests of one poll in flight at once. */
  requestConcurrency?: number;
}

/** 404/405/501 or "not implemented": the gateway has no list-by-condition route. */
function listUnsupported(err: unknown): boolean {
  if (!isGatewayError(err)) return false;
  return (
    err.kind === 'not_implemented' || err.status === 404 || err.status === 405 || err.status === 501
  );
}

export class MidjourneyFamily implements AsyncFamily {
  readonly family = 'midjourney' as const;
  private readonly deadlines: MjDeadlines;
  /** Gateways (base URLs) seen without list-by-condition; rechecked after a restart. */
  private readonly noList = new Set<string>();

  constructor(private readonly o: MjFamilyOptions) {
    this.deadlines = { ...DEFAULT_MJ_DEADLINES, ...o.deadlines };
  }

  /** Whether polling this gateway fell back to single fetches. */
  listsUnsupported(baseUrl: string): boolean {
    return this.noList.has(baseUrl);
  }

  /** Every lane polls one gateway (own keys use the operator's URL): one answer for all. */
  singleFetches(): boolean {
    return this.noList.size > 0;
  }

  deadlineMs(job: JobRow): number {
    const d = this.deadlines;
    const parsed = mjJobParams.safeParse(job.params);
    if (!parsed.success) return d.imagine;
    const p = parsed.data;
    const base =
      p.op === 'action' ? (p.action === 'upscale' ? d.upscale : d.action) : d[p.op as 'imagine'];
    return p.mode === 'relax' ? base * d.relaxFactor : base;
  }

  async submit(job: JobRow, signal: AbortSignal): Promise<AsyncSubmitted> {
    const p = mjJobParams.parse(job.params);
    const gateway = await this.o.gatewayFor(job);
    const result = await this.call(gateway, p, signal);
    const submitted: AsyncSubmitted = { upstreamId: result.taskId };
    // Plus code 21 (kept by new-api for Custom Zoom): the task already waits in MODAL.
    if (result.modal && p.op === 'action')
      submitted.input = { taskId: result.taskId, finalPrompt: p.prompt };
    return submitted;
  }

  private async call(
    gateway: GatewayClient,
    p: MjJobParams,
    signal: AbortSignal,
  ): Promise<MjSubmitResult> {
    const opts = { signal };
    switch (p.op) {
      case 'imagine': {
        const refs = await this.inputs(p.inputs);
        return gateway.imagine(
          {
            prompt: p.prompt,
            botType: p.botType,
            mode: p.mode,
            ...(refs.length > 0 ? { base64Array: refs } : {}),
          },
          opts,
        );
      }
      case 'action':
        return gateway.action({ taskId: p.taskId, customId: p.customId, mode: p.mode }, opts);
      case 'modal':
        return gateway.modal(
          {
            taskId: p.taskId,
            prompt: p.prompt,
            mode: p.mode,
            ...(p.mask !== undefined ? { maskBase64: p.mask } : {}),
          },
          opts,
        );
      case 'blend':
        return gateway.blend(
          { base64Array: await this.inputs(p.inputs), dimensions: p.dimensions, mode: p.mode },
          opts,
        );
      case 'describe': {
        const [image] = await this.inputs(p.inputs);
        if (!image) throw new GatewayError('invalid_request', 'describe needs an image');
        return gateway.describe({ base64: image, mode: p.mode }, opts);
      }
    }
  }

  private inputs(refs: readonly { fileId: string }[]): Promise<MjImageInput[]> {
    return Promise.all(refs.map((ref) => this.o.loadInput(ref.fileId)));
  }

  async poll(
    jobs: readonly DueJob[],
    signal: AbortSignal,
    grant: FetchGrant,
  ): Promise<Map<string, AsyncObservation>> {
    const out = new Map<string, AsyncObservation>();
    const [first] = jobs;
    if (!first) return out;
    const gateway = await this.o.gatewayFor(first);
    const withTask = jobs.filter((job) => job.upstreamId);
    for (const job of jobs)
      if (!job.upstreamId) out.set(job.id, { state: 'failed', failure: { code: 'lost_task' } });

    if (!this.noList.has(gateway.baseUrl)) {
      try {
        await this.pollByList(gateway, withTask, out, signal);
        return out;
      } catch (err) {
        if (!listUnsupported(err)) throw err;
        this.noList.add(gateway.baseUrl);
        this.o.logger.warn(
          { gateway: gateway.baseUrl },
          'list-by-condition is not supported: polling tasks one by one',
        );
      }
    }
    await this.pollOneByOne(gateway, withTask, out, signal, grant);
    return out;
  }

  private async pollByList(
    gateway: GatewayClient,
    jobs: readonly DueJob[],
    out: Map<string, AsyncObservation>,
    signal: AbortSignal,
  ): Promise<void> {
    const size = this.o.listChunk ?? 50;
    const chunks: DueJob[][] = [];
    for (let i = 0; i < jobs.length; i += size) chunks.push(jobs.slice(i, i + size));
    const limit = new Semaphore(this.o.requestConcurrency ?? 4);
    let unsupported: unknown;
    await Promise.all(
      chunks.map((chunk) =>
        limit.run(async () => {
          if (unsupported) return;
          let tasks: MjTask[];
          try {
            tasks = await gateway.listTasks(
              chunk.map((job) => job.upstreamId as string),
              { signal },
            );
          } catch (error) {
            if (listUnsupported(error)) {
              unsupported = error;
              return;
            }
            for (const job of chunk) out.set(job.id, { state: 'error', error });
            return;
          }
          const byId = new Map(tasks.map((task) => [task.id, task]));
          for (const job of chunk) {
            const task = byId.get(job.upstreamId as string);
            out.set(job.id, task ? this.observe(job, task) : { state: 'missing' });
          }
        }),
      ),
    );
    if (unsupported) throw unsupported;
  }

  private async pollOneByOne(
    gateway: GatewayClient,
    jobs: readonly DueJob[],
    out: Map<string, AsyncObservation>,
    signal: AbortSignal,
    grant: FetchGrant,
  ): Promise<void> {
    const limit = new Semaphore(this.o.requestConcurrency ?? 4);
    // The rest stay due, for the next tick's grant (the poller ranked them, likeliest first).
    const granted = jobs.slice(0, grant.allowance);
    let refused = false;
    await Promise.all(
      granted.map((job) =>
        limit.run(async () => {
          // After a 429 the rest of this poll is not sent: they stay due, unobserved.
          if (refused) return;
          const started = performance.now();
          try {
            // Not retried inside the client: the next tick is the retry, within the budget.
            const task = await gateway.fetchTask(job.upstreamId as string, {
              signal,
              retries: 0,
            });
            grant.answered(performance.now() - started);
            out.set(job.id, task ? this.observe(job, task) : { state: 'missing' });
          } catch (error) {
            if (isGatewayError(error) && error.kind === 'rate_limited') {
              refused = true;
              grant.refused((error.retryAfterSec ?? 0) * 1000);
              return;
            }
            grant.failed();
            out.set(job.id, { state: 'error', error });
          }
        }),
      ),
    );
  }

  private observe(job: DueJob, task: MjTask): AsyncObservation {
    switch (task.status) {
      case 'queued':
        return { state: 'pending', progress: { stage: 'queued' } };
      case 'running':
        // Held for review: midjourney-proxy keeps such a task (it may still run once a human
        // acts), so it is explained in the status line; the proxy's timeout ends it otherwise.
        if (heldForModeration(task.progressText))
          return { state: 'pending', progress: { stage: 'held', text: task.progressText } };
        return {
          state: 'pending',
          progress: {
            stage: 'running',
            ...(task.progressPercent !== undefined ? { percent: task.progressPercent } : {}),
            ...(task.progressText ? { text: task.progressText } : {}),
            ...(task.imageUrl ? { previewUrl: task.imageUrl } : {}),
          },
          ...(task.ranMode ? { facts: { ranMode: task.ranMode } } : {}),
        };
      case 'needs_modal':
        // A modal job shows MODAL until the gateway's next sync (new-api lags ~15 s).
        if (job.kind === 'modal') return { state: 'pending', progress: { stage: 'queued' } };
        return {
          state: 'needs_input',
          input: { taskId: task.id, finalPrompt: task.finalPrompt ?? task.prompt ?? '' },
        };
      case 'done':
        return { state: 'done', done: task };
      case 'failed': {
        const failure = classifyMjFailure(task.failReason);
        return { state: 'failed', failure: { code: failure.code, message: failure.detail } };
      }
    }
  }

  async collect(job: JobRow, done: unknown, signal: AbortSignal): Promise<Record<string, unknown>> {
    const task = done as MjTask;
    const kept = mjResultOf(job);
    const base = {
      ...kept,
      taskId: task.id,
      ...(task.action ? { action: task.action } : {}),
    };
    if (task.action?.toUpperCase() === 'DESCRIBE' || job.kind === 'describe') {
      const prompts = task.describePrompts ?? [];
      if (prompts.length === 0) throw new GatewayError('malformed', 'describe returned no prompts');
      return { ...base, prompts, buttons: [] };
    }
    if (!task.imageUrl) throw new GatewayError('malformed', 'the task finished without an image');
    const gateway = await this.o.gatewayFor(job);
    // Discord CDN links expire (~24 h): the bytes are kept now, whatever happens to delivery.
    // Streamed to disk, never keyed, and only if they really are an image.
    const opened = await gateway.openStream(task.imageUrl, {
      expect: 'image',
      maxBytes: this.o.maxResultBytes,
      signal,
      ...(this.o.downloadTimeoutMs ? { timeoutMs: this.o.downloadTimeoutMs } : {}),
    });
    const file = await this.o.results.saveStream(job.id, 0, opened.stream, opened.mime, signal);
    const buttons: MjStoredButton[] = task.buttons.map(({ customId, emoji, label }) => ({
      customId,
      emoji,
      label,
    }));
    const prompt = task.finalPrompt ?? task.prompt;
    return { ...base, files: [file], buttons, ...(prompt ? { prompt } : {}) };
  }

  awaitInput(job: JobRow, input: unknown): Promise<void> {
    return awaitModal(
      this.o.modal,
      this.o.askModal,
      job,
      input as { taskId: string; finalPrompt: string },
    );
  }
}
