/**
 * Replayed initData. Telegram signs a new initData each time the Mini App opens, valid for a day
 * and with no nonce, so a leaked one would work all day. The newest auth_date seen per user is
 * kept in the database's kv table (every instance reads the same one, no migration) for
 * as long as any initData lives; data older than it by more than a grace is refused, so a leaked
 * one stops working once the user opens the app again, while two devices opened close together
 * both keep working.
 */
import type { Database } from '../db/engine.js';
import { DbKvStorage } from '../db/kv-storage.js';
import { INIT_DATA_MAX_AGE_S } from './init-data.js';

/** How much older than the newest opening an initData may be and still be taken. */
export const REOPEN_GRACE_S = 5 * 60;

/** Whether `authDate` was superseded by a newer opening (pure). */
export const isSuperseded = (newest: number | undefined, authDate: number): boolean =>
  newest !== undefined && authDate < newest - REOPEN_GRACE_S;

export class AuthDates {
  private readonly kv: DbKvStorage<number>;

  constructor(
    private readonly db: Database,
    now: () => number = Date.now,
  ) {
    // Past a day every initData is refused as expired anyway: the row may go then.
    this.kv = new DbKvStorage<number>(
      db,
      'mappauth:',
      (INIT_DATA_MAX_AGE_S + REOPEN_GRACE_S) * 1000,
      now,
    );
  }

  /** Records a checked opening; false when a newer one has superseded it. */
  admit(userId: number, authDate: number): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const kv = this.kv.on(tx);
      const newest = await kv.read(String(userId));
      if (isSuperseded(newest, authDate)) return false;
      if (newest === undefined || authDate > newest) await kv.write(String(userId), authDate);
      return true;
    });
  }
}
