/**
 * Verifies and links a user's own gateway key. No grammY: takes the operator's gateway client
 * (for its connection pool) and returns serialisable outcomes (the key conversation stores them).
 */
import { linkKey, looksLikeGatewayKey } from '../../accounts/own-keys.js';
import type { GatewayClient } from '../../gateway/client.js';
import { type GatewayErrorKind, isGatewayError } from '../../gateway/errors.js';
import type { RateRule } from '../../infra/rate-limit.js';
import type { BotDeps } from '../deps.js';
import { escapeHtml } from '../format.js';
import type { Translate } from '../i18n.js';
import { minutesLeft, type QuotaView, quotaLine, toQuotaView } from './render.js';

export type KeyCheck =
  /** The gateway accepted the key; `quota` is null when it has no billing endpoints. */
  | { status: 'ok'; quota: QuotaView | null }
  /** Unknown, disabled, expired, or refused for this account: not a usable key. */
  | { status: 'invalid' }
  /** A real key with nothing left to spend. */
  | { status: 'exhausted' }
  /** The gateway could not give an answer now (down, slow, busy): try again later. */
  | { status: 'unavailable'; detail: string };

/** Interactive: the user is waiting for the answer. */
export const KEY_CHECK_TIMEOUT_MS = 15_000;

/** Answers that mean the billing routes do not exist here (one-api forks, web UIs on 200). */
const BILLING_MISSING: ReadonlySet<GatewayErrorKind> = new Set([
  'not_implemented',
  'not_found',
  'malformed',
  'invalid_request',
  'model_not_allowed',
]);

type Verdict = { status: 'invalid' } | { status: 'exhausted' } | undefined;

/** The gateway's verdict on the key itself, if the error carries one. */
function verdictOf(kind: GatewayErrorKind): Verdict {
  if (kind === 'bad_key') return { status: 'invalid' };
  if (kind === 'key_exhausted' || kind === 'insufficient_balance') return { status: 'exhausted' };
  return undefined;
}

const describe = (err: unknown): string =>
  isGatewayError(err) ? `${err.kind}: ${err.message}` : String(err);

/**
 * `/v1/dashboard/billing/*` first (it also gives the quota to show); when the gateway has no
 * billing routes, `/v1/models`, which every gateway authenticates. 401 (and 403 account
 * refusals, which the classifier maps to bad_key) mean "not a valid key"; exhausted quota is
 * told apart; timeouts, 5xx, 429 and network failures mean "try again later".
 */
export async function checkKey(
  gateway: GatewayClient,
  key: string,
  options: { timeoutMs?: number } = {},
): Promise<KeyCheck> {
  const opts = { timeoutMs: options.timeoutMs ?? KEY_CHECK_TIMEOUT_MS };
  let client: GatewayClient;
  try {
    client = gateway.withKey(key);
  } catch {
    return { status: 'invalid' };
  }
  try {
    return { status: 'ok', quota: toQuotaView(await client.getQuota(opts)) };
  } catch (err) {
    if (!isGatewayError(err)) return { status: 'unavailable', detail: describe(err) };
    const verdict = verdictOf(err.kind);
    if (verdict) return verdict;
    if (!BILLING_MISSING.has(err.kind)) return { status: 'unavailable', detail: describe(err) };
  }
  try {
    await client.listModels(opts);
    return { status: 'ok', quota: null };
  } catch (err) {
    const verdict = isGatewayError(err) ? verdictOf(err.kind) : undefined;
    return verdict ?? { status: 'unavailable', detail: describe(err) };
  }
}

export type KeySubmission =
  | { status: 'linked'; masked: string; quota: QuotaView | null }
  | { status: 'not_a_key' }
  | { status: 'invalid' }
  | { status: 'exhausted' }
  | { status: 'unavailable' }
  | { status: 'rate_limited'; retryAfterMs: number };

/** Gateway checks per user: enough for typos, too few to use the bot as a key oracle. */
export const KEY_CHECK_RULE: RateRule = { limit: 10, windowMs: 3_600_000 };

type SubmitDeps = Pick<BotDeps, 'database' | 'keyBox' | 'gateway' | 'limiter' | 'logger'>;

/**
 * Everything after the message with the key was deleted: shape check, per-user check limit,
 * gateway verification, encrypted storage. The key never leaves this function (nor the logs).
 */
export async function submitKey(
  deps: SubmitDeps,
  userId: number,
  text: string,
  now: number = Date.now(),
): Promise<KeySubmission> {
  const key = text.trim();
  if (!looksLikeGatewayKey(key)) return { status: 'not_a_key' };
  const gate = await deps.limiter.hit(`key-check:${userId}`, KEY_CHECK_RULE);
  if (!gate.allowed) return { status: 'rate_limited', retryAfterMs: gate.retryAfterMs };
  const check = await checkKey(deps.gateway, key);
  if (check.status === 'unavailable') {
    deps.logger.warn({ user: userId, detail: check.detail }, 'own key check: gateway unavailable');
    return { status: 'unavailable' };
  }
  if (check.status !== 'ok') return check;
  const linked = await linkKey(deps.database, deps.keyBox, userId, key, now);
  if (!linked.ok) {
    deps.logger.error({ user: userId, reason: linked.reason }, 'own key: could not store');
    return { status: 'unavailable' };
  }
  deps.logger.info({ user: userId, masked: linked.masked }, 'own key linked');
  return { status: 'linked', masked: linked.masked, quota: check.quota };
}

/** The answer to a key submission; `deleted` says whether the message with the key is gone. */
export function keySubmissionText(
  t: Translate,
  locale: string,
  outcome: KeySubmission,
  deleted: boolean,
): string {
  let text: string;
  switch (outcome.status) {
    case 'linked':
      text = t('key-linked', { masked: `<code>${escapeHtml(outcome.masked)}</code>` });
      if (outcome.quota) text += `\n${quotaLine(t, outcome.quota, locale)}`;
      break;
    case 'not_a_key':
      text = t('key-not-a-key');
      break;
    case 'invalid':
      text = t('key-invalid');
      break;
    case 'exhausted':
      text = t('key-exhausted');
      break;
    case 'unavailable':
      text = t('key-unavailable');
      break;
    case 'rate_limited':
      text = t('key-rate-limited', { minutes: minutesLeft(outcome.retryAfterMs) });
      break;
  }
  return deleted ? text : `${text}\n\n${t('key-delete-failed')}`;
}
