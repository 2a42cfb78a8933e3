import { findUser, setBanned, type User } from '../../accounts/users.js';
import { buildStats } from '../../stats/aggregate.js';
import { collectStats } from '../../stats/collect.js';
import { menuOptions, publishAdminCommands } from '../commands.js';
import { Composer } from '../composer.js';
import type { BotContext } from '../context.js';
import type { BotDeps } from '../deps.js';
import { splitMessage, truncate } from '../format.js';
import { translateIn } from '../i18n.js';
import { ticketUserOf } from '../support/support-chat.js';
import { isAdmin } from '../support/texts.js';
import { renderStats } from './stats-view.js';

/**
 * Operator tools for ADMIN_IDS: /stats, /ban, /unban, /reload (and /broadcast in broadcast.ts).
 * They work in private chats and in the support chat; for anyone else, or anywhere else, these
 * commands do not exist (the update goes on to the usual unknown-command answer).
 */
export const adminFeature = new Composer<BotContext>();

const admin = adminFeature.filter(
  (ctx) =>
    isAdmin(ctx.deps.config, ctx.from?.id) &&
    (ctx.chat?.type === 'private' || ctx.chat?.id === ctx.deps.config.SUPPORT_CHAT_ID),
);

/** Admins whose chat already got the admin menu from this process. */
const menuShown = new WeakMap<BotDeps, Set<number>>();

// An admin who opened the bot after it started has no chat for the menu yet at start-up:
// their first private message publishes it (once per process).
admin.use(async (ctx, next) => {
  const id = ctx.from?.id;
  if (id !== undefined && ctx.chat?.type === 'private') {
    const shown = menuShown.get(ctx.deps) ?? new Set<number>();
    menuShown.set(ctx.deps, shown);
    if (!shown.has(id)) {
      shown.add(id);
      publishAdminCommands(ctx.api, [id], translateIn, menuOptions(ctx.deps.config)).catch(
        (err: unknown) => {
          shown.delete(id);
          ctx.log.warn({ err }, 'could not publish the admin menu');
        },
      );
    }
  }
  await next();
});

const label = (u: User) =>
  `${[u.firstName, u.lastName].filter(Boolean).join(' ') || '—'} (${u.username ? `@${u.username}, ` : ''}${u.id})`;

async function replyHtml(ctx: BotContext, text: string): Promise<void> {
  for (const part of splitMessage(text)) {
    await ctx.reply(part, { parse_mode: 'HTML', link_preview_options: { is_disabled: true } });
  }
}

admin.command('stats', async (ctx) => {
  const { gatewayStats } = ctx.deps;
  const locale = ctx.i18n.getLocale();
  const now = Date.now();
  const report = buildStats(
    await collectStats(ctx.deps, { now, gateway: gatewayStats.snapshot() }),
  );
  await replyHtml(
    ctx,
    renderStats(report, ctx.t, (amount) => ctx.deps.money(amount, locale), now),
  );
});

/** The user an admin means: the argument, else (support chat) the ticket replied to. */
async function target(
  ctx: BotContext,
  arg: string,
): Promise<{ user: User | null; query?: string }> {
  const query = arg.trim().split(/\s+/)[0] ?? '';
  if (query) return { user: await findUser(ctx.deps.database, query), query };
  const fromTicket = await ticketUserOf(ctx);
  return {
    user: fromTicket === undefined ? null : await findUser(ctx.deps.database, fromTicket),
  };
}

for (const banned of [true, false]) {
  admin.command(banned ? 'ban' : 'unban', async (ctx) => {
    const { user, query } = await target(ctx, typeof ctx.match === 'string' ? ctx.match : '');
    if (!user) {
      await ctx.reply(
        query
          ? ctx.t('admin-user-not-found', { query: truncate(query, 64) })
          : ctx.t(banned ? 'admin-usage-ban' : 'admin-usage-unban'),
      );
      return;
    }
    if (banned && isAdmin(ctx.deps.config, user.id)) {
      await ctx.reply(ctx.t('admin-cannot-ban-admin'));
      return;
    }
    if (user.banned === banned) {
      await ctx.reply(
        ctx.t(banned ? 'admin-already-banned' : 'admin-not-banned', { user: label(user) }),
      );
      return;
    }
    await setBanned(ctx.deps.database, user.id, banned);
    ctx.log.info({ target: user.id, banned }, banned ? 'user banned' : 'user unbanned');
    await ctx.reply(ctx.t(banned ? 'admin-banned' : 'admin-unbanned', { user: label(user) }));
  });
}

admin.command('reload', async (ctx) => {
  const result = ctx.deps.catalogs.reload();
  if (result.ok) {
    ctx.log.info({ models: result.catalog.models.length }, 'catalog reloaded');
    await ctx.reply(
      ctx.t('admin-reload-ok', {
        models: result.catalog.models.length,
        enabled: result.catalog.list().length,
        previous: result.previous.models.length,
      }),
    );
    return;
  }
  ctx.log.warn({ err: result.error }, 'catalog reload refused');
  const head = ctx.t('admin-reload-failed', { models: ctx.deps.catalog.models.length });
  // Plain text: the problems quote YAML and file paths verbatim.
  for (const part of splitMessage(`${head}\n\n${truncate(result.error.message, 3500)}`)) {
    await ctx.reply(part);
  }
});
