/** Stars reconciliation, Telegram side: reads getStarTransactions and reports in the admin's language. */
import type { Api } from 'grammy';
import type { StarTransaction } from 'grammy/types';
import { userLocale } from '../../accounts/locale.js';
import {
  type ReconcileReport,
  reconcileIsClean,
  reconcileStars,
  type StarsTx,
} from '../../billing/stars-reconcile.js';
import type { Db } from '../../db/client.js';
import type { Database } from '../../db/engine.js';
import type { Logger } from '../../infra/logger.js';
import { escapeHtml } from '../format.js';
import { type Translate, translator } from '../i18n.js';

/** How far back reconciliation reads Telegram's transactions. */
export const RECONCILE_DAYS = 30;
const DAY_MS = 86_400_000;
const MAX_PAGES = 100;

function toStarsTx(tx: StarTransaction): StarsTx {
  const partner = tx.source ?? tx.receiver;
  const user = partner?.type === 'user' ? partner : undefined;
  return {
    id: tx.id,
    amount: tx.amount,
    date: tx.date,
    direction: tx.source ? 'in' : 'out',
    ...(user ? { userId: user.user.id } : {}),
    ...(user?.invoice_payload !== undefined ? { payload: user.invoice_payload } : {}),
  };
}

/** Telegram's transactions back to `since` (ms), newest first, page by page. */
export async function fetchStarsTxs(api: Api, since: number): Promise<StarsTx[]> {
  const out: StarsTx[] = [];
  for (let page = 0; page < MAX_PAGES; page++) {
    const { transactions } = await api.getStarTransactions({ offset: out.length, limit: 100 });
    for (const tx of transactions) out.push(toStarsTx(tx));
    const last = transactions.at(-1);
    if (transactions.length < 100 || !last || last.date * 1000 < since) break;
  }
  return out;
}

export function renderReconcile(t: Translate, report: ReconcileReport): string {
  if (reconcileIsClean(report)) return t('reconcile-clean', { checked: report.checked });
  const lines = [t('reconcile-title', { checked: report.checked })];
  for (const c of report.credited)
    lines.push(t('reconcile-credited', { ...c, user: String(c.userId) }));
  for (const r of report.reversed)
    lines.push(t('reconcile-reversed', { ...r, user: String(r.userId) }));
  for (const u of report.unmatched) {
    lines.push(
      t('reconcile-unmatched', {
        chargeId: escapeHtml(u.chargeId),
        user: String(u.userId),
        stars: u.stars,
      }),
    );
  }
  for (const f of report.foreign) {
    lines.push(t('reconcile-foreign', { chargeId: escapeHtml(f.id), stars: f.amount }));
  }
  return lines.join('\n');
}

export async function reconcileNow(api: Api, db: Db, now = Date.now()): Promise<ReconcileReport> {
  const since = now - RECONCILE_DAYS * DAY_MS;
  return reconcileStars(db, await fetchStarsTxs(api, since), since);
}

/** The daily run: silent when all matches, otherwise every admin gets the report. */
export async function dailyReconcile(
  api: Api,
  deps: { db: Db; database: Database; logger: Logger; adminIds: readonly number[] },
): Promise<void> {
  const report = await reconcileNow(api, deps.db);
  deps.logger.info(
    {
      checked: report.checked,
      credited: report.credited.length,
      reversed: report.reversed.length,
      unmatched: report.unmatched.length,
      foreign: report.foreign.length,
    },
    'stars reconciliation',
  );
  if (reconcileIsClean(report)) return;
  for (const id of deps.adminIds) {
    const text = renderReconcile(translator(await userLocale(deps.database, id)), report);
    await api.sendMessage(id, text, { parse_mode: 'HTML' }).catch(() => {});
  }
}
