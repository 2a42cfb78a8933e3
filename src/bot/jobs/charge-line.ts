/**
 * The price of a job as its status messages say it, from "queued" to the last progress edit:
 * what was reserved (and, when it is known, the balance left), or that the user's key pays.
 */
import type { Translate } from '../i18n.js';

export interface ChargedJob {
  payer: 'balance' | 'own_key';
  price: number;
}

export function chargeLine(
  t: Translate,
  job: ChargedJob,
  money: (amount: number) => string,
  balanceLeft?: number,
): string | undefined {
  if (job.payer === 'own_key') return t('job-queued-own-key');
  if (job.price <= 0) return undefined;
  return balanceLeft === undefined
    ? t('job-status-charged', { price: money(job.price) })
    : t('job-queued-charged', { price: money(job.price), balance: money(balanceLeft) });
}

/** A status text with its price line under it. */
export const withCharge = (text: string, line: string | undefined): string =>
  line ? `${text}\n${line}` : text;
