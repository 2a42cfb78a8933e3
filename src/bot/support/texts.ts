// Support, Telegram side. Its domain side (tickets, relay) is src/support.
import { userLocale } from '../../accounts/locale.js';
import type { Config } from '../../config.js';
import type { Database } from '../../db/engine.js';
import { DEFAULT_LOCALE, type Locale } from '../i18n.js';

export const isAdmin = (config: Pick<Config, 'ADMIN_IDS'>, userId: number | undefined): boolean =>
  userId !== undefined && config.ADMIN_IDS.includes(userId);

/** The support chat speaks the first admin's language (English until they have used the bot). */
export async function operatorLocale(
  db: Database,
  config: Pick<Config, 'ADMIN_IDS'>,
): Promise<Locale> {
  const first = config.ADMIN_IDS[0];
  return first === undefined ? DEFAULT_LOCALE : userLocale(db, first);
}
