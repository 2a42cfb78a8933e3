import { insertJob, type JobRow, type NewJob, type Tx } from '../../src/jobs/store.js';

/**
 * Puts a FLUX image job straight into the jobs table: the user's private chat, price 3, paid
 * from the balance; `over` sets anything else (status, price, payer…).
 */
export function insertImageJob(
  db: Tx,
  id: string,
  userId: number,
  over: Partial<NewJob> = {},
): JobRow {
  return insertJob(db, {
    id,
    userId,
    chatId: userId,
    family: 'image',
    kind: 'generate',
    model: 'flux',
    params: {},
    price: 3,
    payer: 'balance',
    ...over,
  });
}
