import { z } from 'zod';
import { type StoredFile, storedFileSchema } from '../ports.js';
import type { JobRow } from '../store.js';

/** A button as the gateway returned it; the long customId never leaves the server. */
export interface MjStoredButton {
  customId: string;
  emoji: string;
  label: string;
}

/** The task stopped in status MODAL and waits for a prompt (Custom Zoom, remix). */
export interface MjModalState {
  taskId: string;
  /** The prompt the gateway would reuse on a blank modal submit. */
  finalPrompt: string;
  /** The modal job that took over, once the user answered. */
  continuedBy?: string;
}

/** The separate preview photo shown while the task runs (deleted with the status message). */
export interface MjPreviewState {
  messageId: number;
  /** Progress the preview was taken at: refreshed only when progress moved. */
  key: string;
  at: number;
}

/** Everything job.result holds for a Midjourney job. */
export interface MjJobResult {
  taskId?: string;
  action?: string;
  prompt?: string;
  files?: StoredFile[];
  buttons?: MjStoredButton[];
  /** DESCRIBE: the four prompts. */
  prompts?: string[];
  modal?: MjModalState;
  preview?: MjPreviewState;
  messageIds?: number[];
  /** The speed Midjourney said the task ran in (may differ from the one asked for). */
  ranMode?: 'fast' | 'relax' | 'turbo';
}

const button = z.object({ customId: z.string(), emoji: z.string(), label: z.string() });
const schema = z.looseObject({
  taskId: z.string().optional(),
  action: z.string().optional(),
  prompt: z.string().optional(),
  files: z.array(storedFileSchema).optional(),
  buttons: z.array(button).optional(),
  prompts: z.array(z.string()).optional(),
  modal: z
    .object({
      taskId: z.string(),
      finalPrompt: z.string(),
      continuedBy: z.string().optional(),
    })
    .optional(),
  preview: z.object({ messageId: z.number(), key: z.string(), at: z.number() }).optional(),
  messageIds: z.array(z.number()).optional(),
  ranMode: z.enum(['fast', 'relax', 'turbo']).optional(),
});

/** Reads job.result leniently: a malformed field is dropped, never thrown. */
export function mjResultOf(job: Pick<JobRow, 'result'>): MjJobResult {
  const parsed = schema.safeParse(job.result ?? {});
  if (parsed.success) return parsed.data as MjJobResult;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(job.result ?? {})) {
    const field = schema.shape[key as keyof typeof schema.shape];
    if (field?.safeParse(value).success) out[key] = value;
  }
  return out as MjJobResult;
}
