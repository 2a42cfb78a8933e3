import type { Api } from 'grammy';
import type { Catalog } from '../../catalog/index.js';
import type { Config } from '../../config.js';
import type { Db } from '../../db/client.js';
import type { Database } from '../../db/engine.js';
import type { Logger } from '../../infra/logger.js';
import type { DeliveryReceipt } from '../../jobs/ports.js';
import type { ResultStore } from '../../jobs/result-store.js';
import type { JobRow } from '../../jobs/store.js';
import type { Locale, TranslateIn } from '../i18n.js';
import type { StatusEditor } from './status-editor.js';

/** What delivery code needs to reach a chat, outside any update. */
export interface DeliveryContext {
  api: Api;
  db: Db;
  database: Database;
  config: Config;
  logger: Logger;
  results: ResultStore;
  status: StatusEditor;
  t: TranslateIn;
  /** Integer minor units in the reader's number format (one formatter for every screen). */
  money: (amount: number, locale: Locale) => string;
  /** What the result buttons may offer (a continuation, say) follows the live catalog. */
  catalog(): Catalog;
}

/** Sends one finished job of a family to its chat. */
export type Deliverer = (
  ctx: DeliveryContext,
  job: JobRow,
  locale: Locale,
) => Promise<DeliveryReceipt>;
