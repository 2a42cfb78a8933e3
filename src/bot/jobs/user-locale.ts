import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { users } from '../../db/schema.js';
import { LOCALES, type Locale, pickLocale } from '../i18n.js';

/** The language a user chose in /language, else the one their Telegram app reports. */
export function userLocale(db: Db, userId: number): Locale {
  const row = db
    .select({ languageCode: users.languageCode, settings: users.settings })
    .from(users)
    .where(eq(users.id, userId))
    .get();
  const chosen = row?.settings?.locale;
  if (typeof chosen === 'string' && (LOCALES as readonly string[]).includes(chosen))
    return chosen as Locale;
  return pickLocale(row?.languageCode ?? undefined);
}
