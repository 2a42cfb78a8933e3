import { autoRetry } from '@grammyjs/auto-retry';
import { conversations } from '@grammyjs/conversations';
import { sequentialize } from '@grammyjs/runner';
import { type Api, Bot, type BotConfig, type Context, type StorageAdapter, session } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import type { ChatLock } from '../infra/chat-lock.js';
import { MemoryDeduper, type UpdateDeduper } from '../infra/dedup.js';
import type { Metrics } from '../infra/metrics.js';
import { adminFeature } from './admin/feature.js';
import { adminMoneyFeature } from './admin/money.js';
import { adminStarsFeature } from './admin/stars.js';
import { broadcastFeature } from './broadcast/feature.js';
import type { BaseContext, BotContext, SessionData } from './context.js';
import type { BotDeps } from './deps.js';
import { galleryFeature } from './gallery/feature.js';
import { sharedI18n, type Translations } from './i18n.js';
import { createEditFeature } from './images/edit.js';
import { imagineFeature } from './images/imagine.js';
import { inlineFeature } from './inline/feature.js';
import { jobsFeature } from './jobs/feature.js';
import { chatLockMiddleware } from './middlewares/chat-lock.js';
import { dedupMiddleware } from './middlewares/dedup.js';
import { errorBoundary } from './middlewares/error-boundary.js';
import { groupPolicy } from './middlewares/group-policy.js';
import { metricsMiddleware } from './middlewares/metrics.js';
import { userMiddleware } from './middlewares/user.js';
import { midjourneyFeature } from './midjourney/feature.js';
import { balanceFeature } from './money/balance.js';
import { inviteFeature } from './money/invite.js';
import { keyFeature } from './money/key.js';
import { redeemFeature } from './money/redeem.js';
import { starsFeature } from './money/stars.js';
import { settingsFeature } from './settings/feature.js';
import { languageFeature } from './settings/language.js';
import { startFeature } from './start/feature.js';
import { modelsFeature } from './start/models.js';
import { unhandledFeature } from './start/unhandled.js';
import { supportFeature } from './support/feature.js';
import { supportChatFeature } from './support/support-chat.js';
import type { SendPacer } from './transport/send-pacer.js';
import { mayStartJob } from './transport/update-cost.js';
import { videoFeature } from './video/feature.js';

export interface CreateBotOptions {
  /** Skip getMe at start (tests, and restarts where it is known). */
  botInfo?: UserFromGetMe;
  apiRoot?: string;
  sessionStorage?: StorageAdapter<SessionData>;
  conversationStorage?: StorageAdapter<unknown>;
  /** Longest auto-retry wait on a 429 (seconds). */
  maxRetryDelaySeconds?: number;
  i18n?: Translations;
  /** Drops redelivered updates; shared in Redis mode. Default: a bounded in-memory set. */
  dedup?: UpdateDeduper;
  /** Counts updates, handler latency and Bot API outcomes (429s included). */
  metrics?: Metrics;
  /** Keeps sends under Telegram's bulk limit; replies to updates go first. */
  sendPacer?: SendPacer;
  /** Several instances: one chat's updates take turns across them (Redis mode). */
  chatLock?: ChatLock;
}

/** Chat and user: updates of one chat run in order, different chats run in parallel. */
export function sequenceKey(ctx: { chat?: { id: number }; from?: { id: number } }): string[] {
  const keys: string[] = [];
  if (ctx.chat) keys.push(`c${ctx.chat.id}`);
  if (ctx.from) keys.push(`u${ctx.from.id}`);
  return keys;
}

/**
 * Bot API transformers, innermost first: metrics sees every attempt (each 429 auto-retry waits
 * out is counted), the pacer spaces every attempt, auto-retry is outermost.
 */
function installApiTransformers(api: Api, options: CreateBotOptions): void {
  if (options.metrics) api.config.use(options.metrics.telegramTransformer());
  if (options.sendPacer) api.config.use(options.sendPacer.transformer());
  api.config.use(
    autoRetry({ maxRetryAttempts: 5, maxDelaySeconds: options.maxRetryDelaySeconds ?? 60 }),
  );
}

/** The one place where middleware order is set. No side effects until the bot is started. */
export function createBot(
  token: string,
  deps: BotDeps,
  options: CreateBotOptions = {},
): Bot<BotContext> {
  const config: BotConfig<BotContext> = {
    client: { apiRoot: options.apiRoot ?? deps.config.BOT_API_ROOT },
  };
  if (options.botInfo) config.botInfo = options.botInfo;
  const bot = new Bot<BotContext>(token, config);

  installApiTransformers(bot.api, options);

  bot.use(async (ctx, next) => {
    ctx.deps = deps;
    ctx.log = deps.logger.child({
      update: ctx.update.update_id,
      chat: ctx.chat?.id,
      user: ctx.from?.id,
    });
    await next();
  });
  if (options.metrics) bot.use(metricsMiddleware(options.metrics));
  if (options.sendPacer) {
    const { replyTransformer } = options.sendPacer;
    // The update's own API (a copy of the bot's): what goes through it is a reply.
    bot.use((ctx, next) => {
      ctx.api.config.use(replyTransformer);
      return next();
    });
  }
  // Before anything that writes: a redelivered update must not be handled twice.
  bot.use(
    dedupMiddleware(options.dedup ?? new MemoryDeduper(), () => options.metrics?.duplicates.inc()),
  );
  bot.use(sequentialize(sequenceKey));
  if (options.chatLock) bot.use(chatLockMiddleware(options.chatLock));
  // After sequentialize, so a chat's order holds: updates that may start a job are the costly
  // kind, and a burst of them takes turns with the event loop instead of running back to back,
  // so a /start (or any I/O) that comes in meanwhile is not stuck behind the whole burst.
  bot.use(async (ctx, next) => {
    if (mayStartJob(ctx.update)) await deps.turns.take();
    await next();
  });
  bot.use(userMiddleware);
  bot.use(options.i18n ?? sharedI18n());
  bot.use(
    session<SessionData, BaseContext>({
      initial: () => ({}),
      getSessionKey: (ctx) => (ctx.chat && ctx.from ? `${ctx.chat.id}:${ctx.from.id}` : undefined),
      ...(options.sessionStorage ? { storage: options.sessionStorage } : {}),
    }),
  );
  bot.use(
    conversations<BaseContext, BotContext>({
      // A conversation's context gets a fresh Api on every replay, without the bot's transformers.
      plugins: [
        (ctx: Context, next) => {
          installApiTransformers(ctx.api, options);
          if (options.sendPacer) ctx.api.config.use(options.sendPacer.replyTransformer);
          return next();
        },
      ],
      ...(options.conversationStorage
        ? {
            storage: {
              type: 'key',
              version: 1,
              prefix: 'conv:',
              // Private chats keep the chat id (stored state stays valid); in a group each
              // member has their own, so one member's /mj does not end another's prompt.
              getStorageKey: (ctx: BaseContext) =>
                ctx.chat?.type === 'private' || !ctx.from
                  ? ctx.chat && String(ctx.chat.id)
                  : ctx.chat && `${ctx.chat.id}:${ctx.from.id}`,
              adapter: options.conversationStorage as never,
            },
          }
        : {}),
    }),
  );

  bot.catch(errorBoundary);
  // Order matters: features that own a chat or a kind of message come before those that take
  // whatever is left. 1) admin and support (the support chat, admin commands); 2) money and
  // account (deep links, pasted codes, key entry); 3) start, help, language; 4) Midjourney and
  // video; 5) images, which take any remaining plain text or photo in a private chat as a
  // prompt; 6) the catch-all.
  const features = bot.errorBoundary(errorBoundary);
  // 0) inline queries (`@bot words` in any chat): an update kind of their own, with no chat,
  // that no other feature reads; first, so nothing ahead of it can delay the answer.
  features.use(inlineFeature);
  // 1) the support chat (owned entirely here), the group policy (chatter in other groups stops
  // here), admin tools, broadcast, and the user's side of support.
  features.use(supportChatFeature);
  features.use(groupPolicy);
  features.use(adminFeature);
  features.use(broadcastFeature);
  features.use(supportFeature);
  features.use(adminMoneyFeature);
  features.use(adminStarsFeature);
  features.use(starsFeature);
  features.use(inviteFeature);
  features.use(redeemFeature);
  features.use(keyFeature);
  features.use(balanceFeature);
  features.use(modelsFeature);
  features.use(startFeature);
  features.use(languageFeature);
  // 4) Midjourney: /mj, /blend, /describe, its result buttons and prompt conversations.
  features.use(midjourneyFeature);
  // 4) video: /video, photos captioned /video, its settings keyboard and its 🔁 button.
  features.use(videoFeature);
  // 5) images: job buttons and /jobs, settings, photo edits, then any remaining text as a prompt.
  features.use(jobsFeature);
  features.use(galleryFeature);
  features.use(settingsFeature);
  features.use(createEditFeature({ albumStore: deps.albums }));
  features.use(imagineFeature);
  features.use(unhandledFeature);

  return bot;
}
