/**
 * Text rendering for the money and account features. Pure: every function takes a translate
 * function and already-loaded data, and returns HTML for Telegram's HTML parse mode. Anything a
 * user or admin typed (names, notes) is escaped here.
 */
import type { OwnKeyInfo } from '../../accounts/own-keys.js';
import type { User } from '../../accounts/users.js';
import { normalizeCode } from '../../billing/code-format.js';
import type { LedgerEntry } from '../../billing/ledger.js';
import type { ParseMoneyError } from '../../billing/money.js';
import type { GuardedRedeemResult } from '../../billing/redeem-guard.js';
import { type Catalog, FAMILIES, type Family, type ModelSpec } from '../../catalog/index.js';
import type { Quota } from '../../gateway/billing.js';
import type { JobRow } from '../../jobs/store.js';
import { escapeHtml } from '../format.js';
import type { Translate } from '../i18n.js';
import { type TopUp, topUpLine } from './top-up.js';

/** Minor units → display string in the reader's locale (`ctx.deps.money` with the locale bound). */
export type FormatMoney = (amount: number) => string;

/** `+5.00 USD` for credits, `-0.03 USD` for debits. */
export function signedMoney(money: FormatMoney, amount: number): string {
  return amount > 0 ? `+${money(amount)}` : money(amount);
}

/** A short UTC timestamp in the reader's locale: `11/23/2026, 23:37` / `23.11.2026, 23:37`. */
export function formatWhen(ms: number, locale: string): string {
  try {
    return new Intl.DateTimeFormat(locale, {
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone: 'UTC',
    }).format(ms);
  } catch {
    return new Date(ms).toISOString().slice(0, 16).replace('T', ' ');
  }
}

/** Whole minutes, rounded up, at least 1: what "try again in N min" should say. */
export function minutesLeft(ms: number): number {
  return Math.max(1, Math.ceil(ms / 60_000));
}

/** The gateway reports quota in US dollars whatever the bot's own currency is. */
export function formatUsd(value: number, locale: string): string {
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency: 'USD' }).format(value);
  } catch {
    return `$${value.toFixed(2)}`;
  }
}

/** The serialisable part of a gateway Quota (conversations store it as JSON). */
export type QuotaView = Pick<Quota, 'unlimited' | 'totalUsd' | 'usedUsd' | 'remainingUsd'>;

export function toQuotaView(q: Quota): QuotaView {
  return {
    unlimited: q.unlimited,
    totalUsd: q.totalUsd,
    usedUsd: q.usedUsd,
    remainingUsd: q.remainingUsd,
  };
}

export function quotaLine(t: Translate, quota: QuotaView, locale: string): string {
  const used = formatUsd(quota.usedUsd, locale);
  return quota.unlimited
    ? t('balance-key-quota-unlimited', { used })
    : t('balance-key-quota', {
        remaining: formatUsd(quota.remainingUsd, locale),
        total: formatUsd(quota.totalUsd, locale),
        used,
      });
}

/** What a ledger row was for, as the user should read it. `model` is the job's model title. */
export function ledgerWhat(t: Translate, entry: LedgerEntry, model?: string): string {
  switch (entry.kind) {
    case 'topup': {
      if (entry.ref.startsWith('stars:')) {
        return t('balance-kind-stars', { stars: Number(/^\d+/.exec(entry.note ?? '')?.[0] ?? 0) });
      }
      if (!entry.ref.startsWith('redeem:')) return t('balance-kind-topup');
      const hint = /^code (\S+)/.exec(entry.note ?? '')?.[1] ?? '';
      return t('balance-kind-code', { hint: escapeHtml(hint) });
    }
    case 'charge':
      return t('balance-kind-charge', { model: escapeHtml(model ?? entry.jobId ?? '?') });
    case 'refund':
      return t('balance-kind-refund', { model: escapeHtml(model ?? entry.jobId ?? '?') });
    case 'adjustment':
      return t('balance-kind-adjustment');
    case 'bonus':
      return t(
        entry.ref.startsWith('bonus:ref:') ? 'balance-kind-referral' : 'balance-kind-welcome',
      );
    case 'reversal':
      return t('balance-kind-stars-refund');
  }
}

export interface LedgerItem {
  entry: LedgerEntry;
  /** Title of the job's model, for charges and refunds. */
  model?: string;
}

export type KeyState =
  | { kind: 'ok'; masked: string; quota: QuotaView }
  | { kind: 'quota-unavailable'; masked: string }
  | { kind: 'exhausted'; masked: string }
  | { kind: 'invalid'; masked: string };

export interface BalanceView {
  balance: number;
  history: LedgerItem[];
  key?: KeyState;
  topUp: TopUp;
}

/** The /balance screen: balance, own key and its gateway quota, history, how to top up. */
export function renderBalance(
  t: Translate,
  money: FormatMoney,
  locale: string,
  view: BalanceView,
): string {
  const parts: string[] = [t('balance-title', { balance: money(view.balance) })];
  const key = view.key;
  if (key) {
    const masked = `<code>${escapeHtml(key.masked)}</code>`;
    if (key.kind === 'invalid') parts.push(t('balance-key-invalid', { masked }));
    else {
      let text = t('balance-key-linked', { masked });
      if (key.kind === 'ok') text += `\n${quotaLine(t, key.quota, locale)}`;
      else if (key.kind === 'exhausted') text += `\n${t('balance-key-exhausted')}`;
      else text += `\n${t('balance-key-quota-unavailable')}`;
      parts.push(text);
    }
  }
  if (view.history.length === 0) parts.push(t('balance-history-empty'));
  else {
    const lines = view.history.map(({ entry, model }) =>
      t('balance-line', {
        amount: signedMoney(money, entry.amount),
        what: ledgerWhat(t, entry, model),
        when: formatWhen(entry.createdAt, locale),
      }),
    );
    parts.push(`${t('balance-history-title')}\n${lines.join('\n')}`);
  }
  parts.push(topUpLine(t, view.topUp));
  return parts.join('\n\n');
}

export type RedeemFailure = Exclude<GuardedRedeemResult, { ok: true }>;

/** One clear message per failure reason, plus attempts left or the lock time when counted. */
export function redeemFailureText(t: Translate, failure: RedeemFailure): string {
  if (failure.reason === 'rate_limited')
    return t('redeem-rate-limited', { minutes: minutesLeft(failure.retryAfterMs) });
  let text: string;
  switch (failure.reason) {
    case 'malformed':
      text = t('redeem-malformed');
      break;
    case 'bad_checksum':
      text = t('redeem-typo');
      break;
    case 'not_found':
      text = t('redeem-not-found');
      break;
    case 'expired':
      text = t('redeem-expired');
      break;
    case 'used_up':
      text = t('redeem-used-up');
      break;
    case 'already_redeemed':
      text = t('redeem-already');
      break;
    case 'disabled':
      text = t('redeem-disabled');
      break;
  }
  if (failure.lockedForMs !== undefined)
    text += `\n${t('redeem-locked', { minutes: minutesLeft(failure.lockedForMs) })}`;
  else if (failure.attemptsLeft !== undefined)
    text += `\n${t('redeem-attempts-left', { attempts: failure.attemptsLeft })}`;
  return text;
}

function familyTitle(t: Translate, family: Family): string {
  switch (family) {
    case 'image':
      return t('models-family-image');
    case 'chat-image':
      return t('models-family-chat-image');
    case 'edit':
      return t('models-family-edit');
    case 'midjourney':
      return t('models-family-midjourney');
    case 'video':
      return t('models-family-video');
  }
}

/** The price part of a /models line. */
export function modelPrice(t: Translate, money: FormatMoney, model: ModelSpec): string {
  const price = (amount: number) => (amount === 0 ? t('models-price-free') : money(amount));
  switch (model.family) {
    case 'image':
    case 'chat-image':
    case 'edit':
      return model.price.unit === 'image'
        ? t('models-price-image', { price: price(model.price.amount) })
        : t('models-price-call', { price: price(model.price.amount) });
    case 'midjourney':
      return t('models-price-mj', {
        price: price(model.price.imagine),
        upscale: price(model.price.upscale),
        variation: price(model.price.variation),
      });
    case 'video': {
      const durations = model.durations.allowed.join('/');
      let text =
        model.price.unit === 'second'
          ? t('models-price-second', { price: price(model.price.amount), durations })
          : t('models-price-video', { price: price(model.price.amount), durations });
      const pro = model.price.modeMultipliers.pro;
      if (pro !== undefined && pro !== 1) text += ` · ${t('models-price-pro', { factor: pro })}`;
      return text;
    }
  }
}

/** /models: every enabled model by family with its price. Split with splitMessage if long. */
export function renderModels(
  t: Translate,
  money: FormatMoney,
  catalog: Catalog,
  options: { ownKey?: boolean } = {},
): string {
  const parts: string[] = [t('models-title')];
  const families = FAMILIES.filter((f) => catalog.families().includes(f));
  if (families.length === 0) parts.push(t('models-empty'));
  for (const family of families) {
    const lines = catalog
      .list(family)
      .map((m) => t('models-line', { title: escapeHtml(m.title), price: modelPrice(t, money, m) }));
    parts.push(`<b>${familyTitle(t, family)}</b>\n${lines.join('\n')}`);
  }
  parts.push(options.ownKey ? t('models-own-key') : t('models-footer'));
  return parts.join('\n\n');
}

/** The `/start` payload that redeems a code: `redeem-` + the 24 symbols, no dashes. */
export function redeemPayload(code: string): string {
  return `redeem-${normalizeCode(code)}`;
}

export function deepLink(botUsername: string, code: string): string {
  return `https://t.me/${botUsername}?start=${redeemPayload(code)}`;
}

/** `redeem-XXXX…` → the code, or undefined for any other start payload. */
export function codeFromPayload(payload: string): string | undefined {
  return /^redeem-([A-Za-z0-9_-]{1,64})$/.exec(payload.trim())?.[1];
}

export interface CodesFileInput {
  batchId: string;
  codes: string[];
  /** Formatted amount per redemption. */
  amount: string;
  maxUses: number;
  /** Formatted expiry (or the "never" text). */
  expiry: string;
  created: string;
  adminId: number;
  botUsername: string;
}

/** The .txt an admin gets from /codes: a header, one code per line, then one deep link per line. */
export function codesFileText(t: Translate, input: CodesFileInput): string {
  const header = t('codes-file-header', {
    batch: input.batchId,
    amount: input.amount,
    uses: String(input.maxUses),
    expiry: input.expiry,
    count: String(input.codes.length),
    created: input.created,
    admin: String(input.adminId),
  });
  return [
    header,
    '',
    ...input.codes,
    '',
    t('codes-file-links'),
    ...input.codes.map((c) => deepLink(input.botUsername, c)),
    '',
  ].join('\n');
}

export function displayName(user: Pick<User, 'firstName' | 'lastName'>): string {
  return [user.firstName, user.lastName].filter(Boolean).join(' ') || '—';
}

export interface UserCardInput {
  user: User;
  key: OwnKeyInfo | null;
  jobs: JobRow[];
  ledger: LedgerItem[];
}

/** /user for admins: who, flags, balance, key, last jobs, ledger with actor and note. */
export function renderUserCard(
  t: Translate,
  money: FormatMoney,
  locale: string,
  catalog: Catalog,
  input: UserCardInput,
): string {
  const { user } = input;
  const flags: string[] = [];
  if (user.banned) flags.push(t('user-flag-banned'));
  if (user.blockedBot) flags.push(t('user-flag-blocked'));
  const key = input.key
    ? input.key.status === 'ok'
      ? t('user-key-ok', { masked: `<code>${escapeHtml(input.key.masked)}</code>` })
      : t('user-key-invalid', { masked: `<code>${escapeHtml(input.key.masked)}</code>` })
    : t('user-key-none');
  const card = t('user-card', {
    name: escapeHtml(displayName(user)),
    username: user.username ? `@${escapeHtml(user.username)}` : '—',
    id: String(user.id),
    language: escapeHtml(user.settings.locale ?? user.languageCode ?? '—'),
    created: formatWhen(user.createdAt, locale),
    seen: formatWhen(user.lastSeenAt, locale),
    flags: flags.length ? flags.join(' · ') : t('user-flags-none'),
    balance: money(user.balance),
    key,
  });

  const jobs = input.jobs.length
    ? input.jobs
        .map((j) =>
          t('user-job-line', {
            id: escapeHtml(j.id),
            model: escapeHtml(catalog.title(j.model)),
            status: t(`job-status-${j.status}`),
            price: j.payer === 'own_key' ? t('user-job-own-key') : money(j.price),
            when: formatWhen(j.createdAt, locale),
          }),
        )
        .join('\n')
    : t('user-jobs-empty');

  const ledger = input.ledger.length
    ? input.ledger
        .map(({ entry, model }) => {
          let extra = '';
          if (entry.actorId !== null)
            extra += ` · ${t('user-ledger-actor', { actor: String(entry.actorId) })}`;
          // A redemption's note only repeats the code hint already shown.
          if (entry.note && !entry.ref.startsWith('redeem:'))
            extra += ` · <i>${escapeHtml(entry.note)}</i>`;
          return t('user-ledger-line', {
            amount: signedMoney(money, entry.amount),
            after: money(entry.balanceAfter),
            what: ledgerWhat(t, entry, model),
            when: formatWhen(entry.createdAt, locale),
            extra,
          });
        })
        .join('\n')
    : t('user-ledger-empty');

  return [card, `${t('user-jobs-title')}\n${jobs}`, `${t('user-ledger-title')}\n${ledger}`].join(
    '\n\n',
  );
}

/** Why an amount an admin typed was refused. `max` is the formatted admin limit. */
export function amountErrorText(
  t: Translate,
  reason: ParseMoneyError,
  value: string,
  info: { currency: string; max: string },
): string {
  const v = escapeHtml(value);
  switch (reason) {
    case 'empty':
    case 'not_a_number':
      return t('money-amount-not-a-number', { value: v });
    case 'zero':
      return t('money-amount-zero');
    case 'negative':
      return t('money-amount-negative');
    case 'too_many_decimals':
      return t('money-amount-decimals', { value: v, currency: escapeHtml(info.currency) });
    case 'ambiguous':
      return t('money-amount-ambiguous', { value: v });
    case 'too_large':
      return t('money-amount-too-large', { value: v, maxAmount: info.max });
  }
}
