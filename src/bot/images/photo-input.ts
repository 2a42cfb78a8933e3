/**
 * Which image a message carries (a photo, or an image sent as a file) and whether the bot can
 * fetch it. Pure: reads the message, never downloads. The worker checks the bytes again.
 */
import type { Message } from 'grammy/types';

/** The Bot API serves files up to 20 MB to bots (getFile). */
export const MAX_INPUT_BYTES = 20 * 1024 * 1024;

/** Formats the gateways take as input images. */
const IMAGE_MIMES = new Set(['image/png', 'image/jpeg', 'image/jpg', 'image/webp']);

export interface ImageRef {
  fileId: string;
  uniqueId?: string;
  size?: number;
}

export type ImagePick =
  | { ok: true; image: ImageRef }
  | { ok: false; reason: 'too_large'; size: number }
  | { ok: false; reason: 'not_image' };

type MediaMessage = Pick<Message, 'photo' | 'document' | 'sticker' | 'video' | 'animation'>;

/**
 * The largest size of a photo, or an image document. Undefined when the message has no file at
 * all; `not_image` for files that are not PNG/JPEG/WebP images.
 */
export function pickImage(
  message: MediaMessage,
  maxBytes = MAX_INPUT_BYTES,
): ImagePick | undefined {
  const photo = message.photo?.at(-1);
  if (photo) return checked(photo.file_id, photo.file_unique_id, photo.file_size, maxBytes);
  const doc = message.document;
  if (doc) {
    const mime = doc.mime_type?.toLowerCase() ?? '';
    const byName = /\.(png|jpe?g|webp)$/i.test(doc.file_name ?? '');
    if (!IMAGE_MIMES.has(mime) && !(mime === '' && byName))
      return { ok: false, reason: 'not_image' };
    return checked(doc.file_id, doc.file_unique_id, doc.file_size, maxBytes);
  }
  if (message.sticker || message.video || message.animation)
    return { ok: false, reason: 'not_image' };
  return undefined;
}

function checked(
  fileId: string,
  uniqueId: string,
  size: number | undefined,
  maxBytes: number,
): ImagePick {
  if (size !== undefined && size > maxBytes) return { ok: false, reason: 'too_large', size };
  return {
    ok: true,
    image: { fileId, uniqueId, ...(size !== undefined ? { size } : {}) },
  };
}

/**
 * `/edit make it blue` or `/edit@this_bot …` at the start of a caption (grammY's command filter
 * reads only message text). Undefined when the caption is no command or one for another bot.
 */
export function captionCommand(
  caption: string | undefined,
  botUsername: string,
): { command: string; args: string } | undefined {
  if (!caption) return undefined;
  const m = /^\/([A-Za-z0-9_]{1,32})(?:@([A-Za-z0-9_]{3,64}))?(?=\s|$)\s*([\s\S]*)$/.exec(caption);
  if (!m?.[1]) return undefined;
  if (m[2] && m[2].toLowerCase() !== botUsername.toLowerCase()) return undefined;
  return { command: m[1].toLowerCase(), args: (m[3] ?? '').trim() };
}
