import type { Conversation } from '@grammyjs/conversations';
import type { Context } from 'grammy';
import { getOwnKeyInfo } from '../../accounts/own-keys.js';
import type { BaseContext } from '../context.js';
import { CANCEL_RE } from '../dialog/draft.js';
import { escapeHtml } from '../format.js';
import { translator } from '../i18n.js';
import { deleteQuietly } from './context.js';
import { keySubmissionText, submitKey } from './key-check.js';

export const KEY_CONVERSATION = 'own-key';
/** A key entry left open longer than this is dropped; the next message is handled normally. */
export const KEY_WAIT_MS = 10 * 60_000;

function userIdOf(ctx: BaseContext): number {
  if (!ctx.user) throw new Error('key entry: update without a user');
  return ctx.user.id;
}

/**
 * `/key` without an argument: asks for the key and takes exactly one message. The message is
 * deleted first, then checked and linked; the conversation ends with the answer either way, so
 * its stored state never keeps a message with a key between updates. /cancel stops it; any other
 * command leaves it and runs as usual; non-text updates pass through to the other features.
 * Everything that touches the database, the gateway or the clock runs in `external`.
 */
export async function keyEntry(
  conversation: Conversation<BaseContext, Context>,
  ctx: Context,
  locale: string,
): Promise<void> {
  const t = translator(locale);
  const current = await conversation.external(async (outside) => {
    const info = await getOwnKeyInfo(outside.deps.database, userIdOf(outside));
    return info ? { masked: info.masked, status: info.status } : null;
  });
  await ctx.reply(
    current
      ? t('key-ask-replace', {
          masked: `<code>${escapeHtml(current.masked)}</code>`,
          status: current.status === 'ok' ? t('key-status-ok') : t('key-status-invalid'),
        })
      : t('key-ask'),
    { parse_mode: 'HTML' },
  );

  const answer = await conversation.wait();
  const text = answer.message?.text;
  if (text === undefined) return conversation.skip({ next: true });
  if (text.startsWith('/')) {
    if (!CANCEL_RE.test(text)) return conversation.halt({ next: true });
    await answer.reply(t('key-cancelled'));
    return;
  }
  // The outside context owns the update: delete through it, so a failed delete is a plain
  // boolean here rather than a failed API call inside the replay engine.
  const deleted = await conversation.external((outside) => deleteQuietly(outside));
  const outcome = await conversation.external((outside) =>
    submitKey(outside.deps, userIdOf(outside), text),
  );
  await answer.reply(keySubmissionText(t, locale, outcome, deleted), { parse_mode: 'HTML' });
}
