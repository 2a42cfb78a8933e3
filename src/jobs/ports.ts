import { z } from 'zod';
import type { JobRow } from './store.js';

/** What a finished generation produced, before it is stored. */
export type ProducedFile =
  | { kind: 'url'; url: string }
  | { kind: 'bytes'; data: Buffer; mime: string };

/** A result file kept on disk until delivery (and for the "original file" button). */
export interface StoredFile {
  path: string;
  mime: string;
  size: number;
  /** Telegram file ids once delivered, so re-sends need no upload. */
  photoFileId?: string;
  documentFileId?: string;
}

/** Reads a StoredFile back from a job's JSON result (unknown fields kept). */
export const storedFileSchema = z.looseObject({
  path: z.string(),
  mime: z.string(),
  size: z.number(),
  photoFileId: z.string().optional(),
  documentFileId: z.string().optional(),
});

export interface JobProgress {
  /** `held`: the provider holds the task for a human (Midjourney's moderation review). */
  stage: 'queued' | 'generating' | 'running' | 'held';
  percent?: number;
  text?: string;
  previewUrl?: string;
}

export interface DeliveryReceipt {
  /** Patch merged into the job's result (file ids, message ids). */
  result?: Record<string, unknown>;
  /** The user can no longer be reached (blocked the bot): the job still counts as done. */
  unreachable?: boolean;
}

/**
 * How the job workers reach the chat. Implemented in bot/ (the domain never imports grammY);
 * every method renders in the job owner's language.
 */
export interface JobNotifier {
  progress(job: JobRow, progress: JobProgress): Promise<void>;
  deliver(job: JobRow): Promise<DeliveryReceipt>;
  failed(job: JobRow, refunded: boolean): Promise<void>;
}
