/**
 * Buttons on job messages: `j:<jobId>:<action>`. The job id is 10 characters, so the longest is
 * `j:xxxxxxxxxx:cancel` (19 bytes), far below Telegram's 64-byte limit. Delivery's result buttons
 * (again, edit, orig) are built here too.
 */
import { callbackData } from '../transport/callback-data.js';

export const JOB_ACTIONS = ['again', 'edit', 'orig', 'cancel', 'extend', 'lipsync'] as const;
export type JobAction = (typeof JOB_ACTIONS)[number];

export const jobButton = (jobId: string, action: JobAction): string =>
  callbackData('j', jobId, action);

/** `j:<id>:<action>` → its parts; undefined for anything else (forged or from another build). */
export function parseJobButton(data: string): { jobId: string; action: JobAction } | undefined {
  const m = /^j:([A-Za-z0-9]{1,32}):([a-z]+)$/.exec(data);
  const action = m?.[2];
  if (!m?.[1] || !action || !(JOB_ACTIONS as readonly string[]).includes(action)) return undefined;
  return { jobId: m[1], action: action as JobAction };
}
