/**
 * /jobs (recent jobs, cancel buttons for queued ones) and the job buttons `j:<id>:<action>`:
 * ✖️ cancel on status messages and lists, 🔁 again, ✏️ edit this, 📎 original file on results.
 * Every press is answered at once (Telegram shows a spinner until then, and gives up on old
 * queries), and only the job's owner may use its buttons.
 */

import type { CallbackQueryContext } from 'grammy';
import { InlineKeyboard, InputFile } from 'grammy';
import { cancelJob } from '../../jobs/lifecycle.js';
import type { StoredFile } from '../../jobs/ports.js';
import { resultUsable } from '../../jobs/state.js';
import { getJob, type JobRow, listUserJobs, patchJob } from '../../jobs/store.js';
import { Composer } from '../composer.js';
import type { BotContext } from '../context.js';
import { galleryButton } from '../gallery/feature.js';
import { writeEditAwaiting } from '../images/awaiting.js';
import { fileName, resultFiles } from '../images/delivery.js';
import { askInstruction } from '../images/edit.js';
import { againJob, IMAGE_FAMILIES } from './again.js';
import { parseJobButton } from './callback-data.js';
import { PendingStarts, parseConfirmButton } from './confirm-start.js';
import { renderJobsList } from './jobs-list.js';
import { localeOf, submitJob } from './submit-job.js';

export const jobsFeature = new Composer<BotContext>();

const LIST_SIZE = 10;

async function jobsScreen(ctx: BotContext, userId: number) {
  const screen = renderJobsList(
    listUserJobs(ctx.deps.db, userId, LIST_SIZE),
    (k, v) => ctx.t(k, v),
    {
      now: Date.now(),
      locale: localeOf(ctx),
      title: (model) => ctx.deps.catalog.title(model),
    },
  );
  // Every result, larger, in the Mini App: under the list when there is one.
  const gallery = galleryButton(ctx);
  if (!gallery) return screen;
  const keyboard = screen.keyboard?.row().add(gallery) ?? InlineKeyboard.from([[gallery]]);
  return { ...screen, keyboard };
}

jobsFeature.command('jobs', async (ctx) => {
  if (!ctx.from) return;
  const screen = await jobsScreen(ctx, ctx.from.id);
  await ctx.reply(screen.text, {
    parse_mode: 'HTML',
    ...(screen.keyboard ? { reply_markup: screen.keyboard } : {}),
  });
});

type JobQuery = CallbackQueryContext<BotContext>;

jobsFeature.callbackQuery(/^j:/, async (ctx, next) => {
  const parsed = parseJobButton(ctx.callbackQuery.data);
  if (!parsed) return next();
  const job = getJob(ctx.deps.db, parsed.jobId);
  if (!job) return void (await ctx.answerCallbackQuery({ text: ctx.t('job-gone') }));
  if (job.userId !== ctx.from.id)
    return void (await ctx.answerCallbackQuery({ text: ctx.t('job-not-yours') }));
  switch (parsed.action) {
    case 'cancel':
      return cancel(ctx, job);
    case 'again':
      return IMAGE_FAMILIES.has(job.family) ? again(ctx, job) : next();
    case 'edit':
      return IMAGE_FAMILIES.has(job.family) ? editThis(ctx, job) : next();
    case 'orig':
      return original(ctx, job);
  }
});

// CONFIRM_ABOVE's question: ✅ starts the prepared job once, ✖ drops it (nothing was charged).
jobsFeature.callbackQuery(/^jc:/, async (ctx) => {
  const parsed = parseConfirmButton(ctx.callbackQuery.data);
  const pending = parsed ? new PendingStarts(ctx.deps.database) : undefined;
  const found = parsed && (await pending?.get(parsed.id));
  if (!parsed || !pending || !found) {
    await ctx.answerCallbackQuery({ text: ctx.t('job-confirm-expired') });
    await ctx.editMessageReplyMarkup().catch(() => {});
    return;
  }
  if (found.userId !== ctx.from.id)
    return void (await ctx.answerCallbackQuery({ text: ctx.t('job-not-yours') }));
  if (parsed.choice === 'no') {
    await pending.delete(parsed.id);
    await ctx.answerCallbackQuery();
    await ctx
      .editMessageText(ctx.t('job-confirm-dropped'))
      .catch((err: unknown) => ctx.log.debug({ err }, 'question not edited'));
    return;
  }
  await ctx.answerCallbackQuery({ text: ctx.t('job-confirm-starting') });
  const outcome = await submitJob(
    ctx,
    { ok: true, draft: found.draft },
    { startKey: `confirm:${parsed.id}`, confirmed: true },
  );
  // Kept when it did not start (rate limit, too many jobs): ✅ may be pressed again later.
  if (!outcome.ok) return;
  await pending.delete(parsed.id);
  await ctx.editMessageReplyMarkup().catch(() => {});
});

async function cancel(ctx: JobQuery, job: JobRow): Promise<void> {
  const cancelled = cancelJob(ctx.deps.db, job.id, ctx.from.id);
  if (!cancelled) {
    await ctx.answerCallbackQuery({
      text: ctx.t(job.status === 'cancelled' ? 'jobs-already-cancelled' : 'job-cancel-too-late'),
    });
    return;
  }
  const refund =
    cancelled.price > 0
      ? ctx.t('job-refunded', {
          amount: ctx.deps.money(cancelled.price, localeOf(ctx)),
        })
      : '';
  await ctx.answerCallbackQuery({ text: ctx.t('jobs-cancelled-toast') });
  if (cancelled.statusMessageId) {
    await ctx.api
      .editMessageText(
        cancelled.chatId,
        cancelled.statusMessageId,
        ctx.t('job-cancelled', { refund }).trim(),
      )
      .catch((err: unknown) => ctx.log.debug({ err }, 'status message not edited'));
  }
  // Pressed in a /jobs list: show the list as it is now.
  const pressed = ctx.callbackQuery.message;
  if (pressed && pressed.message_id !== cancelled.statusMessageId) {
    const screen = await jobsScreen(ctx, ctx.from.id);
    await ctx
      .editMessageText(screen.text, {
        parse_mode: 'HTML',
        ...(screen.keyboard ? { reply_markup: screen.keyboard } : {}),
      })
      .catch((err: unknown) => ctx.log.debug({ err }, 'jobs list not refreshed'));
  }
}

/** 🔁: the same request again (validated and priced anew: the catalog may have changed). */
async function again(ctx: JobQuery, job: JobRow): Promise<void> {
  await ctx.answerCallbackQuery({ text: ctx.t('jobs-again-toast') });
  const prepared = againJob(ctx.deps.catalog, job, ctx.callbackQuery.message?.message_id);
  if (!prepared) {
    await ctx.reply(ctx.t('jobs-model-gone', { model: ctx.deps.catalog.title(job.model) }));
    return;
  }
  await submitJob(ctx, prepared);
}

/** ✏️: the result becomes the photo to edit; the next text is the instruction. */
async function editThis(ctx: JobQuery, job: JobRow): Promise<void> {
  const files = resultFiles(job);
  if (!resultUsable(job.status) || files.length === 0) {
    await ctx.answerCallbackQuery({ text: ctx.t('jobs-not-finished') });
    return;
  }
  if (files.length > 1) {
    await ctx.answerCallbackQuery({ text: ctx.t('jobs-edit-which'), show_alert: true });
    return;
  }
  const [file] = files;
  // Pressed before the delivery recorded the file id: the button sits on the result itself.
  const fileId = file?.documentFileId ?? file?.photoFileId ?? pressedFileId(ctx);
  if (!fileId) {
    await ctx.answerCallbackQuery({ text: ctx.t('job-original-gone') });
    return;
  }
  await ctx.answerCallbackQuery();
  writeEditAwaiting(ctx.session, { kind: 'edit-prompt', images: [{ fileId }] });
  await askInstruction(ctx, 1);
}

/** The file of the message a button was pressed on (the bot's own result message). */
function pressedFileId(ctx: JobQuery): string | undefined {
  const message = ctx.callbackQuery.message;
  if (!message || !('photo' in message || 'document' in message)) return undefined;
  return message.document?.file_id ?? message.photo?.at(-1)?.file_id;
}

/** 📎 uploads up to 50 MB a file: at most this many a minute per user. */
export const ORIGINALS_RULE = { limit: 3, windowMs: 60_000 };

/** 📎: every result file as a document (uncompressed), re-using Telegram file ids when known. */
async function original(ctx: JobQuery, job: JobRow): Promise<void> {
  const files = resultFiles(job);
  if (!resultUsable(job.status) || files.length === 0) {
    await ctx.answerCallbackQuery({ text: ctx.t('jobs-not-finished') });
    return;
  }
  const gate = await ctx.deps.limiter.hit(`originals:${ctx.from.id}`, ORIGINALS_RULE);
  if (!gate.allowed) {
    const seconds = Math.max(1, Math.ceil(gate.retryAfterMs / 1000));
    await ctx.answerCallbackQuery({ text: ctx.t('job-original-limit', { seconds }) });
    return;
  }
  await ctx.answerCallbackQuery();
  const { results } = ctx.deps;
  const updated: StoredFile[] = [];
  let missing = false;
  for (const [i, file] of files.entries()) {
    const next = { ...file };
    if (file.documentFileId) {
      await ctx.api.sendDocument(job.chatId, file.documentFileId);
    } else if (await results.exists(file)) {
      const sent = await ctx.api.sendDocument(
        job.chatId,
        new InputFile(file.path, fileName(job, i, file)),
      );
      if (sent.document) next.documentFileId = sent.document.file_id;
    } else {
      missing = true;
    }
    updated.push(next);
  }
  if (missing) await ctx.reply(ctx.t('job-original-gone'));
  patchJob(ctx.deps.db, job.id, { result: { ...(job.result ?? {}), files: updated } });
}
