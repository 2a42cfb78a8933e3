import type { MiddlewareFn } from 'grammy';
import type { UpdateDeduper } from '../../infra/dedup.js';
import type { BotContext } from '../context.js';

/**
 * Drops a copy of an update this or another instance already handled (or is handling). When
 * the store is unreachable the update is handled anyway: a rare duplicate is harmless (charges
 * are idempotent per job), a silently dropped update is not.
 */
export function dedupMiddleware(
  deduper: UpdateDeduper,
  onDuplicate?: () => void,
): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    const id = ctx.update.update_id;
    let claimed = true;
    try {
      claimed = await deduper.claim(id);
    } catch (err) {
      ctx.log.warn({ err }, 'update de-duplication unavailable; handling the update anyway');
    }
    if (!claimed) {
      onDuplicate?.();
      ctx.log.debug('duplicate update dropped');
      return;
    }
    try {
      await next();
    } catch (err) {
      await deduper.release(id).catch(() => undefined);
      throw err;
    }
    await deduper
      .done(id)
      .catch((err: unknown) => ctx.log.warn({ err }, 'could not mark update done'));
  };
}
