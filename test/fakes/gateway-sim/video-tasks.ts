/** Video task store and state machine (queued → in_progress 30→70 → completed), a function of task time. */
import { randomBytes } from 'node:crypto';
import type { FileEntry } from './files.js';
import { TaskMap } from './task-map.js';
import type { SimTimings, VideoDialect } from './types.js';

export interface VideoTaskRecord {
  id: string;
  /** new-api's numeric row id and the upstream (kling) id, shown by the wrapper dialect. */
  rowId: number;
  upstreamId: string;
  owner: string;
  model: string;
  prompt: string;
  dialect: VideoDialect;
  seconds: string;
  size: string;
  submitAt: number;
  submitEpoch: number;
  /** Test hook: set to fail the task (at failAt, or at the next observation when failAt is undefined). */
  failReason?: string;
  failAt?: number;
  /** Test hook: stays in_progress forever. */
  neverFinish: boolean;
  file: FileEntry;
  price: number;
  refunded: boolean;
}

export type VideoStatus = 'queued' | 'in_progress' | 'completed' | 'failed';

export interface VideoView {
  status: VideoStatus;
  /** 0–100. */
  progress: number;
  /** Sub-phase of queued, for dialects that distinguish SUBMITTED / QUEUED. */
  justSubmitted: boolean;
  startedAt: number;
  finishedAt: number;
  failReason: string | null;
}

const ALNUM = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

export function videoView(task: VideoTaskRecord, t: number, tm: SimTimings): VideoView {
  const started = task.submitAt + tm.videoQueuedMs;
  const done = started + tm.videoRunMs;
  const base = { startedAt: 0, finishedAt: 0, failReason: null, justSubmitted: false };
  if (task.failReason !== undefined && (task.failAt === undefined || task.failAt <= t)) {
    const at = task.failAt ?? t;
    return {
      ...base,
      status: 'failed',
      progress: 100,
      startedAt: at >= started ? started : 0,
      finishedAt: at,
      failReason: task.failReason,
    };
  }
  if (t < started) {
    return {
      ...base,
      status: 'queued',
      progress: 0,
      justSubmitted: t < task.submitAt + tm.videoQueuedMs / 2,
    };
  }
  if (t < done || task.neverFinish) {
    const frac = Math.min(1, (t - started) / Math.max(1, tm.videoRunMs));
    return {
      ...base,
      status: 'in_progress',
      progress: Math.round(30 + 40 * frac),
      startedAt: started,
    };
  }
  return { ...base, status: 'completed', progress: 100, startedAt: started, finishedAt: done };
}

export class VideoTaskStore extends TaskMap<VideoTaskRecord> {
  #rows = 1000;

  /** Public id `task_<16 alnum>` (new-api's PublicTaskID) and its DB row id. */
  newIds(): { id: string; rowId: number; upstreamId: string } {
    let tail = '';
    for (const b of randomBytes(16)) tail += ALNUM[b % ALNUM.length];
    this.#rows += 1;
    return {
      id: `task_${tail}`,
      rowId: this.#rows,
      upstreamId: String(800000000000000000n + BigInt(this.#rows)),
    };
  }
}
