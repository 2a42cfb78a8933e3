// Broadcast, Telegram side. Its domain side (store, pacing, worker) is src/broadcast.
import { InlineKeyboard } from 'grammy';
import { etaSeconds, progressView } from '../../broadcast/progress.js';
import type { Broadcast } from '../../broadcast/store.js';
import { formatElapsed } from '../format.js';
import type { Translate } from '../i18n.js';
import { callbackData } from '../transport/callback-data.js';

export const stopData = (id: number) => callbackData('bc', 'stop', id);
export const STOP_RE = /^bc:stop:(\d{1,12})$/;

/** The admin's view of a broadcast: running numbers, or the final count. */
export function broadcastText(b: Broadcast, t: Translate, now = Date.now()): string {
  const finished = b.status !== 'running';
  const view = progressView(b, finished);
  const counts = { id: String(b.id), sent: b.sent, blocked: b.blocked, failed: b.failed };
  switch (b.status) {
    case 'running': {
      const text = t('broadcast-progress', {
        ...counts,
        done: view.done,
        total: b.total,
        percent: view.percent,
      });
      const eta = etaSeconds(b, b.createdAt, now);
      return eta === undefined
        ? text
        : `${text}\n${t('broadcast-eta', { eta: formatElapsed(eta * 1000) })}`;
    }
    case 'done':
      return t('broadcast-done', {
        ...counts,
        skipped: view.skipped,
        elapsed: formatElapsed((b.finishedAt ?? now) - b.createdAt),
      });
    case 'cancelled':
      return t('broadcast-stopped', { ...counts, done: view.done, total: b.total });
    case 'failed':
      return t('broadcast-source-gone', { ...counts, total: b.total });
  }
}

export function broadcastMarkup(b: Broadcast, t: Translate): InlineKeyboard | undefined {
  return b.status === 'running'
    ? new InlineKeyboard().text(t('broadcast-button-stop'), stopData(b.id))
    : undefined;
}
