/**
 * Midjourney task store and state machine. A task's visible state is a pure function of task time
 * (see clock.taskNow) since submit, so manual and real-time clocks behave the same. No HTTP here.
 */
import { randomInt, randomUUID } from 'node:crypto';
import type { FileEntry } from './files.js';
import type { MjModalKind, MjResultKind } from './mj-buttons.js';
import { TaskMap } from './task-map.js';
import type { SimTimings } from './types.js';

export interface MjTaskRecord {
  id: string;
  /** Key that submitted it (tasks are only visible to their owner, like new-api's user scoping). */
  owner: string;
  action: string;
  kind: MjResultKind;
  prompt: string;
  promptEn: string;
  /** Submit description; new-api shows it on fetch forever. */
  description: string;
  state: string;
  botType: string;
  customId: string;
  /** Speed prefix the task was submitted under (`/mj-fast/mj/…` → 'fast'). */
  mode: 'fast' | 'relax' | 'turbo' | null;
  /** Shown as progress before the percentages (behind a relay Midjourney names its queue). */
  waitingWord?: string;
  /** Held by Midjourney for a moderator ("Action needed to continue"): the progress forever. */
  heldAs?: string;
  /** Task-clock ms of submit. */
  submitAt: number;
  /** Sim epoch ms of submit (reported as submitTime). */
  submitEpoch: number;
  /** Task-clock ms at which it got a queue slot; Infinity while waiting for a modal. */
  startAt: number;
  /** Total run time from startAt to SUCCESS. */
  runMs: number;
  /** Test hook: set to fail the task (at failAt, or immediately when failAt is undefined). */
  failReason?: string;
  failAt?: number;
  /** Test hook: the task stays at 78% forever (and keeps its queue slot). */
  neverFinish: boolean;
  modal?: MjModalKind | 'remix';
  modalSubmitted: boolean;
  maskBase64: string;
  finalPrompt: string;
  /** Fresh UUID used in this task's result buttons. */
  hash: string;
  result?: FileEntry;
  preview?: FileEntry;
  /** Cached CDN URL of the result (its ex= is fixed at first success view). */
  resultUrl?: string;
  describeLines?: string[];
  /** Billing, for refunds on failure. */
  model: string;
  price: number;
  refunded: boolean;
  originId?: string;
}

export type MjStatus =
  | ''
  | 'NOT_START'
  | 'SUBMITTED'
  | 'IN_PROGRESS'
  | 'MODAL'
  | 'SUCCESS'
  | 'FAILURE';

export interface MjView {
  status: MjStatus;
  progress: string;
  /** Task-clock ms when IN_PROGRESS began (0 = not yet). */
  startedAt: number;
  finishedAt: number;
  failReason: string | null;
  /** Preview sequence number while in progress (for ?rand=). */
  previewTick: number;
}

const STEPS = ['15%', '46%', '78%'] as const;

/** Run length of a task kind under the given timings. */
export function runLength(kind: MjResultKind, t: SimTimings): number {
  if (kind === 'describe') return t.mjDescribeMs;
  return t.mjSubmittedMs + t.mjWaitingMs + STEPS.length * t.mjStepMs;
}

export function endAt(task: MjTaskRecord): number {
  if (task.failReason !== undefined) return task.failAt ?? task.submitAt;
  if (task.neverFinish) return Number.POSITIVE_INFINITY;
  return task.startAt + task.runMs;
}

/** Live state at task time `t`, ignoring the gateway's poller lag. */
export function liveView(
  task: MjTaskRecord,
  t: number,
  timings: SimTimings,
  proxy: boolean,
): MjView {
  const base: MjView = {
    status: 'SUBMITTED',
    progress: '0%',
    startedAt: 0,
    finishedAt: 0,
    failReason: null,
    previewTick: 0,
  };
  if (task.modal && !task.modalSubmitted) return { ...base, status: 'MODAL' };
  const begun =
    task.startAt + (task.kind === 'describe' ? timings.mjDescribeMs / 2 : timings.mjSubmittedMs);
  if (task.failReason !== undefined && (task.failAt === undefined || task.failAt <= t)) {
    const at = task.failAt ?? t;
    return {
      ...base,
      status: 'FAILURE',
      progress: proxy ? '' : '100%',
      startedAt: begun <= at ? begun : 0,
      finishedAt: at,
      failReason: task.failReason,
    };
  }
  if (t < begun) return base;
  const started = { ...base, status: 'IN_PROGRESS' as const, startedAt: begun };
  if (task.kind === 'describe') {
    if (!task.neverFinish && t >= task.startAt + task.runMs) {
      return {
        ...started,
        status: 'SUCCESS',
        progress: '100%',
        finishedAt: task.startAt + task.runMs,
      };
    }
    return { ...started, progress: '0%' };
  }
  if (task.heldAs !== undefined) return { ...started, progress: task.heldAs };
  const stepsFrom = begun + timings.mjWaitingMs;
  if (t < stepsFrom) return { ...started, progress: task.waitingWord ?? 'Waiting to start' };
  const step = Math.floor((t - stepsFrom) / Math.max(1, timings.mjStepMs));
  if (step < STEPS.length || task.neverFinish) {
    const i = Math.min(step, STEPS.length - 1);
    return { ...started, progress: STEPS[i] ?? '78%', previewTick: i + 1 };
  }
  return { ...started, status: 'SUCCESS', progress: '100%', finishedAt: task.startAt + task.runMs };
}

/** What the gateway shows: new-api syncs every lag ms, so the first fetches show status "". */
export function visibleView(
  task: MjTaskRecord,
  t: number,
  timings: SimTimings,
  proxy: boolean,
): MjView {
  const lag = proxy ? 0 : timings.mjLagMs;
  if (lag <= 0) return liveView(task, t, timings, proxy);
  const since = t - task.submitAt;
  if (since < lag) {
    return {
      status: '',
      progress: '0%',
      startedAt: 0,
      finishedAt: 0,
      failReason: null,
      previewTick: 0,
    };
  }
  return liveView(task, task.submitAt + Math.floor(since / lag) * lag, timings, proxy);
}

export type Admission =
  | { kind: 'start'; startAt: number }
  | { kind: 'queued'; startAt: number; ahead: number }
  | { kind: 'full' };

export class MjTaskStore extends TaskMap<MjTaskRecord> {
  #lastId = 0;

  /** 16-digit numeric id: epoch ms + 3 random digits (midjourney-proxy's newTask), unique and increasing. */
  newId(epochMs: number): string {
    let id = epochMs * 1000 + randomInt(1000);
    if (id <= this.#lastId) id = this.#lastId + 1;
    this.#lastId = id;
    return String(id);
  }

  static newHash(): string {
    return randomUUID();
  }

  /**
   * Queue admission at task time t. Tasks holding or waiting for a slot are "active"; a new task starts now
   * when fewer than coreSize are active, else it waits for the slot freed by the (active − core + 1)-th
   * earliest end, unless queueSize tasks already wait (→ full). `force` never rejects (modal submits).
   */
  admit(t: number, coreSize: number, queueSize: number, force = false): Admission {
    const active = [...this.all()].filter(
      (k) => !(k.modal && !k.modalSubmitted) && Number.isFinite(k.startAt) && endAt(k) > t,
    );
    if (active.length < coreSize) return { kind: 'start', startAt: t };
    const waiting = active.filter((k) => k.startAt > t).length;
    if (waiting >= queueSize && !force) return { kind: 'full' };
    const ends = active.map(endAt).sort((a, b) => a - b);
    const startAt = ends[active.length - coreSize] ?? Number.POSITIVE_INFINITY;
    return { kind: 'queued', startAt: Math.max(t, startAt), ahead: waiting + 1 };
  }
}
