import type { BaseContext } from '../context.js';
import { formatBytes } from '../format.js';
import { replyParams } from '../transport/reply-params.js';
import { type ImagePick, MAX_INPUT_BYTES } from './photo-input.js';

/** Tells the user why the image they sent cannot be used (each feature has its own wording). */
export async function replyBadImage(
  ctx: BaseContext,
  pick: Exclude<ImagePick, { ok: true }>,
  keys: { tooLarge: string; notImage: string },
): Promise<void> {
  await ctx.reply(
    pick.reason === 'too_large'
      ? ctx.t(keys.tooLarge, {
          size: formatBytes(pick.size),
          sizeLimit: formatBytes(MAX_INPUT_BYTES),
        })
      : ctx.t(keys.notImage),
    replyParams(ctx.msg?.message_id),
  );
}
