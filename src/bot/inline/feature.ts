/**
 * Inline sharing: `@bot <words>` in any chat lists the sender's own recent results that match,
 * as cached media (Telegram resends its own copy by file id, nothing is uploaded), so a result
 * can go to any chat. Answers are personal: Telegram never shows one user's list to another.
 */

import { recentUserJobs } from '../../jobs/store.js';
import { Composer } from '../composer.js';
import type { BotContext } from '../context.js';
import { isQueryExpired } from '../transport/telegram-errors.js';
import { inlinePage, RECENT_JOBS } from './matches.js';

/** Short, so a result made a moment ago shows up on the next keystroke. */
const CACHE_SECONDS = 10;
/** The /start payload of the "open the bot" button: an ordinary greeting, nothing to redeem. */
export const INLINE_START_PARAMETER = 'inline';

export const inlineFeature = new Composer<BotContext>();

inlineFeature.on('inline_query', async (ctx) => {
  // Banned users never get here: the user middleware answers them with an empty list.
  const personal = { is_personal: true, cache_time: CACHE_SECONDS } as const;
  const { query, offset } = ctx.inlineQuery;
  // By the sender's id only: another user's rows are never read, let alone shown.
  const jobs = recentUserJobs(ctx.deps.db, ctx.from.id, RECENT_JOBS);
  const catalog = ctx.deps.catalog;
  const page = inlinePage(jobs, { query, offset, title: (model) => catalog.title(model) });
  const button = page.empty && {
    text: ctx.t(page.empty === 'no-match' ? 'inline-no-match' : 'inline-nothing-yet'),
    start_parameter: INLINE_START_PARAMETER,
  };
  try {
    await ctx.answerInlineQuery(page.results, {
      ...personal,
      next_offset: page.nextOffset,
      ...(button ? { button } : {}),
    });
  } catch (err) {
    // Late (a slow moment, or the user kept typing and asked again): nobody is waiting for it,
    // so it is not a failure to report.
    if (!isQueryExpired(err)) throw err;
    ctx.log.info({ query, offset }, 'inline query expired before it was answered');
    return;
  }
  ctx.log.debug({ query, offset, results: page.results.length }, 'inline query answered');
});
