/** The /jobs screen: recent jobs with their status, and a cancel button for queued ones. Pure. */
import { InlineKeyboard } from 'grammy';
import type { JobStatus } from '../../jobs/state.js';
import type { JobRow } from '../../jobs/store.js';
import { escapeHtml, truncate } from '../format.js';
import type { Translate } from '../i18n.js';
import { jobButton } from './callback-data.js';

const ICONS: Record<JobStatus, string> = {
  queued: '⏳',
  submitting: '🎨',
  running: '🎨',
  delivering: '📤',
  done: '✅',
  failed: '❌',
  cancelled: '✖️',
};

const PROMPT_CHARS = 60;

/** "5 minutes ago" in the user's language (Intl, no translations needed). */
export function formatAgo(ms: number, locale: string): string {
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const s = Math.round(Math.max(0, ms) / 1000);
  if (s < 60) return rtf.format(-s, 'second');
  const m = Math.round(s / 60);
  if (m < 60) return rtf.format(-m, 'minute');
  const h = Math.round(m / 60);
  if (h < 48) return rtf.format(-h, 'hour');
  return rtf.format(-Math.round(h / 24), 'day');
}

export function renderJobsList(
  jobs: readonly JobRow[],
  t: Translate,
  options: { now: number; locale: string; title: (model: string) => string },
): { text: string; keyboard: InlineKeyboard | undefined } {
  if (jobs.length === 0) return { text: t('jobs-empty'), keyboard: undefined };
  const lines = [t('jobs-title'), ''];
  const keyboard = new InlineKeyboard();
  let buttons = 0;
  for (const job of jobs) {
    lines.push(
      t('jobs-line', {
        icon: ICONS[job.status],
        id: job.id,
        model: escapeHtml(options.title(job.model)),
        status: t(`job-status-${job.status}`),
        when: formatAgo(options.now - job.createdAt, options.locale),
      }),
    );
    const prompt = typeof job.params.prompt === 'string' ? job.params.prompt.trim() : '';
    if (prompt) lines.push(`    <i>${escapeHtml(truncate(prompt, PROMPT_CHARS))}</i>`);
    if (job.status === 'queued') {
      keyboard.text(t('jobs-cancel-button', { id: job.id }), jobButton(job.id, 'cancel')).row();
      buttons++;
    }
  }
  return { text: lines.join('\n'), keyboard: buttons > 0 ? keyboard : undefined };
}
