// Support, domain side (tickets, relay; no grammY). Its Telegram side is src/bot/support.
/** Who wrote to support: the facts an operator needs to answer without asking back. */
import { getUser, type User } from '../accounts/users.js';
import { starPaymentsOf } from '../billing/star-payments.js';
import type { Db } from '../db/client.js';
import type { Database } from '../db/engine.js';
import { listUserJobs } from '../jobs/store.js';

/** The user's own facts (balance in minor units) and their latest job. */
export interface UserCard
  extends Pick<
    User,
    | 'id'
    | 'firstName'
    | 'lastName'
    | 'username'
    | 'languageCode'
    | 'balance'
    | 'banned'
    | 'blockedBot'
  > {
  /** The latest Telegram Stars payments, newest first (at most three). */
  starPayments?: Array<{ chargeId: string; stars: number; status: string; createdAt: number }>;
  lastJob?: {
    id: string;
    family: string;
    model: string;
    status: string;
    createdAt: number;
    errorCode: string | null;
    errorMessage: string | null;
  };
}

/**
 * `db` is for the job and payment reads until those modules take the async handle too (awaited
 * already, so they may turn async first).
 */
export async function loadUserCard(
  handles: { database: Database; db: Db },
  userId: number,
): Promise<UserCard | undefined> {
  const user = await getUser(handles.database, userId);
  if (!user) return undefined;
  const [job] = await listUserJobs(handles.db, userId, 1);
  const payments = (await starPaymentsOf(handles.db, userId, 3)).map((p) => ({
    chargeId: p.chargeId,
    stars: p.stars,
    status: p.status,
    createdAt: p.createdAt,
  }));
  return {
    ...(payments.length > 0 ? { starPayments: payments } : {}),
    id: user.id,
    firstName: user.firstName,
    lastName: user.lastName,
    username: user.username,
    languageCode: user.languageCode,
    balance: user.balance,
    banned: user.banned,
    blockedBot: user.blockedBot,
    ...(job
      ? {
          lastJob: {
            id: job.id,
            family: job.family,
            model: job.model,
            status: job.status,
            createdAt: job.createdAt,
            errorCode: job.errorCode,
            errorMessage: job.errorMessage,
          },
        }
      : {}),
  };
}
