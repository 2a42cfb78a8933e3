/**
 * CONFIRM_ABOVE: a job paid from the balance that costs more than the operator's threshold is
 * not started at once; the bot names its price and the balance after it, and starts it on
 * ✅ only. The prepared job waits in the database (a prompt does not fit in callback data, and a
 * restart between question and press must not lose it); the press's start key makes it start
 * once however often ✅ is pressed.
 */
import { randomBytes } from 'node:crypto';
import { type Api, InlineKeyboard } from 'grammy';
import type { Database } from '../../db/engine.js';
import { DbKvStorage } from '../../db/kv-storage.js';
import type { JobRow } from '../../jobs/store.js';
import { type Locale, type Translate, translator } from '../i18n.js';
import { callbackData } from '../transport/callback-data.js';
import type { JobDraft } from './job-draft.js';

export const PENDING_START_TTL_MS = 3600_000;

export interface PendingStart {
  userId: number;
  draft: JobDraft;
}

export class PendingStarts {
  private readonly kv: DbKvStorage<PendingStart>;

  constructor(db: Database) {
    this.kv = new DbKvStorage<PendingStart>(db, 'jconfirm:', PENDING_START_TTL_MS);
  }

  async add(pending: PendingStart): Promise<string> {
    const id = randomBytes(6).toString('base64url');
    await this.kv.write(id, pending);
    return id;
  }

  get(id: string): Promise<PendingStart | undefined> {
    return this.kv.read(id);
  }

  delete(id: string): Promise<void> {
    return this.kv.delete(id);
  }
}

/** Whether this job asks first: only the balance pays it, and only above the threshold. */
export function needsConfirm(
  threshold: number | undefined,
  payer: 'balance' | 'own_key',
  price: number,
): boolean {
  return threshold !== undefined && payer === 'balance' && price > threshold;
}

export type ConfirmChoice = 'go' | 'no';

export const confirmButton = (id: string, choice: ConfirmChoice): string =>
  callbackData('jc', id, choice);

export function parseConfirmButton(
  data: string,
): { id: string; choice: ConfirmChoice } | undefined {
  const m = /^jc:([A-Za-z0-9_-]{8}):(go|no)$/.exec(data);
  return m?.[1] && m[2] ? { id: m[1], choice: m[2] as ConfirmChoice } : undefined;
}

export function confirmKeyboard(t: Translate, id: string, price: string): InlineKeyboard {
  return new InlineKeyboard()
    .text(t('job-confirm-start', { price }), confirmButton(id, 'go'))
    .text(t('job-confirm-cancel'), confirmButton(id, 'no'));
}

/**
 * The same question asked from outside an update (the gallery's buttons): the prepared job waits,
 * and ✅ in the job's chat starts it through the usual path, priced and limited as always.
 * `question` gets the price as the reader sees it (their own key: "your key").
 */
export async function offerFollowUp(
  o: { api: Api; db: Database; money: (amount: number, locale: string) => string },
  job: JobRow,
  draft: JobDraft,
  locale: Locale,
  question: (t: Translate, price: string) => string,
  /** What a later step of the same action will reserve too (Midjourney's modal step). */
  thenReserves = 0,
): Promise<void> {
  const t = translator(locale);
  const total = draft.price + thenReserves;
  const price = job.payer === 'own_key' ? t('job-cost-own-key') : o.money(total, locale);
  const id = await new PendingStarts(o.db).add({ userId: job.userId, draft });
  await o.api.sendMessage(job.chatId, question(t, price), {
    reply_markup: confirmKeyboard(t, id, price),
  });
}
