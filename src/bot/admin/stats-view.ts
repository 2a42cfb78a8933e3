import type { StatsReport } from '../../stats/aggregate.js';
import { formatUtc } from '../../support/header.js';
import { escapeHtml } from '../format.js';
import type { Translate } from '../i18n.js';

/** The /stats message (HTML), in the reader's language. */
export function renderStats(
  r: StatsReport,
  t: Translate,
  money: (amount: number) => string,
  now: number,
): string {
  const lines: string[] = [t('stats-title', { when: formatUtc(now) }), ''];
  const u = r.users;
  lines.push(
    t('stats-users', {
      total: u.total,
      today: u.activeToday,
      week: u.active7d,
      fresh: u.newToday,
    }),
    t('stats-users-flags', { blocked: u.blockedBot, banned: u.banned, funded: u.withBalance }),
    '',
    t('stats-jobs-title', { total: r.jobsTotal, today: r.jobsToday }),
  );
  if (r.families.length === 0) lines.push(t('stats-jobs-none'));
  for (const f of r.families) {
    lines.push(
      t('stats-jobs-family', {
        family: f.family,
        total: f.total,
        today: f.today,
        done: f.done,
        failed: f.failed,
        active: f.active,
      }),
    );
  }
  const m = (x: { topups: number; spent: number; refunds: number }) => ({
    topups: escapeHtml(money(x.topups)),
    spent: escapeHtml(money(x.spent)),
    refunds: escapeHtml(money(x.refunds)),
  });
  lines.push(
    '',
    t('stats-money-today', m(r.money.today)),
    t('stats-money-total', m(r.money.total)),
  );
  if (r.topModels.length > 0) {
    lines.push('', t('stats-models-title'));
    for (const model of r.topModels) {
      lines.push(
        t('stats-model', {
          model: escapeHtml(model.model),
          total: model.total,
          failed: model.failedPercent,
        }),
      );
    }
  }
  const o = r.overallFailure;
  lines.push(
    '',
    t('stats-failures-title', { failed: o.failed, finished: o.finished, percent: o.percent }),
  );
  for (const f of r.failureRates) {
    lines.push(
      t('stats-failure-family', {
        family: f.family,
        failed: f.failed,
        finished: f.finished,
        percent: f.percent,
      }),
    );
  }
  if (r.topErrors.length > 0) {
    const codes = r.topErrors.map((e) => `${escapeHtml(e.code)} ${e.count}`).join(', ');
    lines.push(t('stats-failure-codes', { codes }));
  }
  if (r.gateway) {
    const g = r.gateway;
    lines.push(
      t('stats-gateway', {
        minutes: g.minutes,
        requests: g.requests,
        errors: g.errors,
        percent: g.percent,
      }),
    );
    if (g.kinds.length > 0) {
      const kinds = g.kinds
        .slice(0, 6)
        .map((k) => `${escapeHtml(k.kind)} ${k.count}`)
        .join(', ');
      lines.push(t('stats-gateway-kinds', { kinds }));
    }
  }
  lines.push('', t('stats-tickets', { open: r.tickets.open, total: r.tickets.total }));
  lines.push('', ...starsLines(r.stars, t, money));
  return lines.join('\n');
}

function starsLines(s: StatsReport['stars'], t: Translate, money: (n: number) => string): string[] {
  const lines = [
    t('stats-stars-total', {
      stars: s.total.stars,
      refunded: s.total.refundedStars,
      payments: s.total.payments,
    }),
  ];
  for (const d of s.days) {
    lines.push(
      t('stats-stars-day', {
        day: d.day,
        stars: d.stars,
        refunded: d.refundedStars,
        payments: d.payments,
      }),
    );
  }
  lines.push(
    t('stats-referral', {
      today: escapeHtml(money(s.referralToday)),
      total: escapeHtml(money(s.referralTotal)),
    }),
  );
  return lines;
}
