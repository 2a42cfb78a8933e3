/**
 * A /video request between the command and the confirm button: prompt, photo and choices, kept
 * in the database under a short id that the keyboard's buttons carry. Stored server-side because
 * the prompt (up to thousands of characters) cannot ride in 64-byte callback data, and in the
 * database so a restart between the command and the press loses nothing. Old drafts expire.
 */
import { randomBytes } from 'node:crypto';
import type { Database } from '../../db/engine.js';
import { DbKvStorage } from '../../db/kv-storage.js';
import type { RequestInputs, VideoChoice, VideoInput, VideoSource } from './request.js';

export interface VideoDraft extends VideoChoice {
  id: string;
  userId: number;
  chatId: number;
  prompt: string;
  inputs?: VideoInput[];
  /** Drafts saved before several photos were taken: one first frame. */
  input?: VideoInput;
  /** A sound file to lip-sync instead of words. */
  audio?: VideoInput;
  /** A video to work on (Runway Aleph, Act-One). */
  video?: VideoInput;
  /** The earlier video this request continues (Kling Extend). */
  source?: VideoSource;
  /** The user's message the keyboard, the status and the result answer. */
  replyTo?: number;
  parentJobId?: string;
  view: 'main' | 'models';
  /** Set once confirmed: a second press must not start a second job. */
  jobId?: string;
}

export const DRAFT_TTL_MS = 24 * 3600_000;

/** A draft's photos, whichever shape it was saved in. */
export const draftInputs = (draft: VideoDraft): VideoInput[] =>
  draft.inputs ?? (draft.input ? [draft.input] : []);

/** What the draft brings, for choosing models that fit it. */
export const requestInputs = (draft: VideoDraft): RequestInputs => ({
  images: draftInputs(draft).length,
  videos: draft.video ? 1 : 0,
  sourceModel: draft.source?.model,
});

export function newDraftId(): string {
  return randomBytes(6).toString('base64url');
}

export class VideoDrafts {
  private readonly kv: DbKvStorage<VideoDraft>;

  constructor(db: Database, ttlMs = DRAFT_TTL_MS) {
    this.kv = new DbKvStorage<VideoDraft>(db, 'vdraft:', ttlMs);
  }

  get(id: string): Promise<VideoDraft | undefined> {
    return this.kv.read(id);
  }

  save(draft: VideoDraft): Promise<void> {
    return this.kv.write(draft.id, draft);
  }

  delete(id: string): Promise<void> {
    return this.kv.delete(id);
  }
}
