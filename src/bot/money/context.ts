/** Small helpers the money features share: the reader's money format, admin check, ledger rows. */
import { getOwnKey, getOwnKeyInfo, markKeyInvalid } from '../../accounts/own-keys.js';
import type { LedgerEntry } from '../../billing/ledger.js';
import { isGatewayError } from '../../gateway/errors.js';
import { getJob } from '../../jobs/store.js';
import type { BaseContext } from '../context.js';
import type { BotDeps } from '../deps.js';
import { negotiateLocale } from '../i18n.js';
import { type FormatMoney, type KeyState, type LedgerItem, toQuotaView } from './render.js';

/** The reader's locale and a money formatter bound to it. */
export async function readerMoney(
  ctx: BaseContext,
): Promise<{ locale: string; money: FormatMoney }> {
  const locale = ctx.i18n.getLocale();
  return { locale, money: (amount: number) => ctx.deps.money(amount, locale) };
}

/** The same formatter where the code cannot wait for the i18n negotiation (screen builders). */
export function moneyOf(ctx: BaseContext): FormatMoney {
  const locale = negotiateLocale(ctx);
  return (amount: number) => ctx.deps.money(amount, locale);
}

export function isAdmin(ctx: BaseContext): boolean {
  return ctx.from !== undefined && ctx.deps.config.ADMIN_IDS.includes(ctx.from.id);
}

/** Ledger rows with the model title of their job (charges and refunds). */
export function withModels(
  deps: Pick<BotDeps, 'db' | 'catalog'>,
  entries: LedgerEntry[],
): LedgerItem[] {
  return entries.map((entry) => {
    const job = entry.jobId ? getJob(deps.db, entry.jobId) : undefined;
    return job ? { entry, model: deps.catalog.title(job.model) } : { entry };
  });
}

export const QUOTA_TIMEOUT_MS = 10_000;

/**
 * The user's own key as /balance shows it, with the gateway's quota. A 401 from the gateway
 * marks the key invalid (as the job pipeline does), so the user is told to replace it.
 */
export async function ownKeyState(
  deps: Pick<BotDeps, 'database' | 'keyBox' | 'gateway' | 'logger'>,
  userId: number,
): Promise<KeyState | undefined> {
  const info = await getOwnKeyInfo(deps.database, userId);
  if (!info) return undefined;
  const masked = info.masked;
  if (info.status === 'invalid') return { kind: 'invalid', masked };
  let key: string | null;
  try {
    key = await getOwnKey(deps.database, deps.keyBox, userId);
  } catch (err) {
    deps.logger.error({ err, user: userId }, 'own key cannot be decrypted (secret changed?)');
    return { kind: 'quota-unavailable', masked };
  }
  if (key === null) return { kind: 'invalid', masked };
  try {
    const quota = await deps.gateway.withKey(key).getQuota({ timeoutMs: QUOTA_TIMEOUT_MS });
    return { kind: 'ok', masked, quota: toQuotaView(quota) };
  } catch (err) {
    if (isGatewayError(err) && err.kind === 'bad_key') {
      await markKeyInvalid(deps.database, userId, { box: deps.keyBox, key });
      return { kind: 'invalid', masked };
    }
    if (
      isGatewayError(err) &&
      (err.kind === 'key_exhausted' || err.kind === 'insufficient_balance')
    )
      return { kind: 'exhausted', masked };
    deps.logger.warn({ err, user: userId }, 'own key quota unavailable');
    return { kind: 'quota-unavailable', masked };
  }
}

/** Deletes the message of this update; false when Telegram refused (too old, no rights). */
export async function deleteQuietly(ctx: BaseContext): Promise<boolean> {
  try {
    await ctx.deleteMessage();
    return true;
  } catch (err) {
    ctx.log.warn({ err }, 'could not delete a message');
    return false;
  }
}
