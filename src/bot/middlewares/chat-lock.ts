import type { MiddlewareFn } from 'grammy';
import type { ChatLock } from '../../infra/chat-lock.js';
import type { BotContext } from '../context.js';

/** The chat's lock (the user's, for updates without a chat) around everything downstream. */
export function chatLockMiddleware(lock: ChatLock): MiddlewareFn<BotContext> {
  return (ctx, next) => {
    const key = ctx.chat ? `chat:${ctx.chat.id}` : ctx.from ? `user:${ctx.from.id}` : undefined;
    return key ? lock.run(key, next) : next();
  };
}
