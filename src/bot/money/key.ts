import { createConversation } from '@grammyjs/conversations';
import type { Context } from 'grammy';
import { getOwnKeyInfo, looksLikeGatewayKey, unlinkKey } from '../../accounts/own-keys.js';
import { Composer } from '../composer.js';
import type { BaseContext, BotContext } from '../context.js';
import { escapeHtml } from '../format.js';
import { deleteQuietly, readerMoney } from './context.js';
import { keySubmissionText, submitKey } from './key-check.js';
import { KEY_CONVERSATION, KEY_WAIT_MS, keyEntry } from './key-entry.js';

/**
 * Bring your own key: `/key sk-…`, `/key` then the key (a short conversation), a key pasted
 * alone in a private chat, and `/key remove`. The message carrying a key is deleted before
 * anything else; the key is verified against the gateway, stored encrypted, shown masked.
 */
export const keyFeature = new Composer<BotContext>();

keyFeature.use(
  createConversation<BaseContext, Context>(keyEntry, {
    id: KEY_CONVERSATION,
    maxMillisecondsToWait: KEY_WAIT_MS,
    // Another feature's conversation may be waiting in this chat (a Midjourney prompt, say):
    // /key must still start, and being installed earlier this one gets the next message.
    parallel: true,
  }),
);

const REMOVE_RE = /^(?:remove|delete|unlink|off)$/i;

async function linkFromMessage(ctx: BotContext, text: string): Promise<void> {
  const user = ctx.user;
  if (!user) return;
  const deleted = await deleteQuietly(ctx);
  const outcome = await submitKey(ctx.deps, user.id, text);
  const { locale } = await readerMoney(ctx);
  await ctx.reply(keySubmissionText(ctx.t, locale, outcome, deleted), { parse_mode: 'HTML' });
}

async function removeKey(ctx: BotContext): Promise<void> {
  const user = ctx.user;
  if (!user) return;
  const info = await getOwnKeyInfo(ctx.deps.database, user.id);
  if (!info || !(await unlinkKey(ctx.deps.database, user.id))) {
    await ctx.reply(ctx.t('key-none'));
    return;
  }
  ctx.log.info({ masked: info.masked }, 'own key removed');
  await ctx.reply(ctx.t('key-removed', { masked: `<code>${escapeHtml(info.masked)}</code>` }), {
    parse_mode: 'HTML',
  });
}

keyFeature.command('key', async (ctx) => {
  const arg = ctx.match.trim();
  if (ctx.chat.type !== 'private') {
    if (arg !== '' && !REMOVE_RE.test(arg)) {
      await deleteQuietly(ctx);
      await ctx.reply(ctx.t('key-group'));
    } else await ctx.reply(ctx.t('not-in-private'));
    return;
  }
  if (REMOVE_RE.test(arg)) return removeKey(ctx);
  if (arg !== '') return linkFromMessage(ctx, arg);
  const { locale } = await readerMoney(ctx);
  if (ctx.conversation.active(KEY_CONVERSATION) > 0) await ctx.conversation.exit(KEY_CONVERSATION);
  await ctx.conversation.enter(KEY_CONVERSATION, locale);
});

// A key pasted on its own: in a private chat it is linked like `/key sk-…`; in a group (where
// the bot sees it) it is deleted with a warning. Either way it never reaches a prompt handler.
keyFeature.on('message:text', async (ctx, next) => {
  if (!looksLikeGatewayKey(ctx.message.text)) return next();
  if (ctx.chat.type === 'private') return linkFromMessage(ctx, ctx.message.text);
  await deleteQuietly(ctx);
  await ctx.reply(ctx.t('key-group'));
});
