/**
 * What the next message of a chat completes for photo edits, kept in the session (UI state
 * only). Read back through a schema: sessions outlive deploys, and a stale or foreign shape is
 * ignored rather than trusted.
 */
import { z } from 'zod';
import type { SessionData } from '../context.js';

/** After this long the bot no longer waits: the next text is a new prompt again. */
export const AWAIT_TTL_MS = 15 * 60_000;

const imageRef = z.object({
  fileId: z.string().min(1),
  uniqueId: z.string().optional(),
  size: z.number().optional(),
});

const photoData = z.object({ prompt: z.string().optional() });
const promptData = z.object({
  images: z.array(imageRef).min(1).max(16),
  group: z.string().optional(),
});

export type EditAwaiting =
  /** /edit without a photo: the next photo is edited (with this instruction, if given). */
  | { kind: 'edit-photo'; prompt?: string }
  /** Photos without an instruction: the next text is the instruction. */
  | { kind: 'edit-prompt'; images: z.output<typeof imageRef>[]; group?: string };

export function readEditAwaiting(session: SessionData, now = Date.now()): EditAwaiting | undefined {
  const a = session.awaiting;
  if (!a || now - a.since > AWAIT_TTL_MS) return undefined;
  if (a.kind === 'edit-photo') {
    const d = photoData.safeParse(a.data ?? {});
    if (!d.success) return undefined;
    return d.data.prompt ? { kind: 'edit-photo', prompt: d.data.prompt } : { kind: 'edit-photo' };
  }
  if (a.kind === 'edit-prompt') {
    const d = promptData.safeParse(a.data ?? {});
    if (!d.success) return undefined;
    return {
      kind: 'edit-prompt',
      images: d.data.images,
      ...(d.data.group ? { group: d.data.group } : {}),
    };
  }
  return undefined;
}

export function writeEditAwaiting(
  session: SessionData,
  value: EditAwaiting,
  now = Date.now(),
): void {
  const { kind, ...data } = value;
  session.awaiting = { kind, since: now, data };
}

/** Clears the wait if it is an edit wait (another feature's wait is left alone). */
export function clearEditAwaiting(session: SessionData): void {
  if (session.awaiting?.kind === 'edit-photo' || session.awaiting?.kind === 'edit-prompt')
    delete session.awaiting;
}
