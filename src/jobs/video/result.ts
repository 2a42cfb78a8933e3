import { z } from 'zod';
import { type StoredFile, storedFileSchema } from '../ports.js';
import type { JobRow } from '../store.js';

/** How the finished video reached the chat. */
export type VideoDelivery = 'video' | 'document' | 'link' | 'unlinkable';

/** Everything job.result holds for a video job. */
export interface VideoJobResult {
  taskId?: string;
  /** The gateway's URL of the finished video (kept for the link fallback). */
  sourceUrl?: string;
  /** Whether `sourceUrl` may be shown to the user (see `isPublicVideoUrl`). */
  linkable?: boolean;
  /** The downloaded video, when it fits the upload limit. */
  file?: StoredFile;
  /** Bytes, when known: the download, or the Content-Length of one that was too large. */
  size?: number;
  /** Not downloaded: larger than the Bot API server accepts. */
  linkOnly?: boolean;
  deliveredAs?: VideoDelivery;
  videoFileId?: string;
  /** Telegram's thumbnail of the delivered video (a small JPEG), for the gallery's thumb. */
  thumbFileId?: string;
  documentFileId?: string;
  messageIds?: number[];
}

const shape = {
  taskId: z.string(),
  sourceUrl: z.string(),
  linkable: z.boolean(),
  file: storedFileSchema,
  size: z.number(),
  linkOnly: z.boolean(),
  deliveredAs: z.enum(['video', 'document', 'link', 'unlinkable']),
  videoFileId: z.string(),
  thumbFileId: z.string().min(1).max(256),
  documentFileId: z.string(),
  messageIds: z.array(z.number()),
};

/** Reads job.result leniently: a malformed field is dropped, never thrown. */
export function videoResultOf(job: Pick<JobRow, 'result'>): VideoJobResult {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(job.result ?? {})) {
    const field = shape[key as keyof typeof shape];
    if (field?.safeParse(value).success) out[key] = value;
  }
  return out as VideoJobResult;
}

/** Path prefixes of the gateway's API: URLs under them need the Bearer key to download. */
const API_PREFIXES = ['/v1/', '/api/', '/mj', '/kling/', '/jimeng/', '/suno/'];

/**
 * Whether a result URL can be given to the user as a link. A CDN URL can. A URL on the gateway's
 * own origin under an API route (sora's `/v1/videos/{id}/content`, new-api's proxy URLs) only
 * works with the key that made the task: the user cannot open it, and the bot must never lend
 * its key, so no link is sent for it. Gateway-hosted plain files (not API routes) are public.
 */
export function isPublicVideoUrl(url: string, gatewayBaseUrl: string): boolean {
  let parsed: URL;
  let gateway: URL;
  try {
    parsed = new URL(url);
    gateway = new URL(gatewayBaseUrl);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return false;
  if (parsed.username || parsed.password) return false;
  if (parsed.origin !== gateway.origin) return true;
  const path = parsed.pathname.toLowerCase();
  return !API_PREFIXES.some((prefix) => path.startsWith(prefix));
}
