/** What the Mini App needs from the rest of the bot, and the strings its page shows. */
import type { Locale, TranslateIn } from '../accounts/locale.js';
import type { MjGalleryButton } from '../bot/midjourney/button-action.js';
import type { MjActionOutcome } from '../bot/midjourney/gallery-action.js';
import type { RegionOutcome } from '../bot/midjourney/region.js';
import type { Catalog } from '../catalog/index.js';
import type { Db } from '../db/client.js';
import type { Database } from '../db/engine.js';
import type { ResultStore } from '../jobs/result-store.js';
import type { JobRow } from '../jobs/store.js';
import type { ResultBytesSource } from './result-bytes.js';
import type { ThumbStore } from './thumbs.js';

/** The page's strings, sent in the reader's language (the page has no catalog of its own). */
export const APP_STRINGS = [
  'app-title',
  'app-empty',
  'app-loading',
  'app-more',
  'app-original',
  'app-share',
  'app-error',
  'app-error-auth',
  'app-error-gone',
  'app-video',
  'app-mj-prompt',
  'app-mj-send',
  'app-mj-prompt-needed',
  'app-again',
  'app-region',
  'app-region-hint',
  'app-region-draw',
  'app-region-erase',
  'app-region-prompt',
  'app-region-send',
  'app-sent-to-chat',
  'app-region-off',
  'app-region-bad',
  'app-region-empty',
  'app-edit',
  'app-edit-model',
  'app-edit-hint',
  'app-edit-hint-mask',
  'app-edit-prompt',
  'app-edit-send',
  'app-edit-no-prompt',
] as const;

/**
 * The bot's side of the gallery's buttons: which results take them, and the question asked in
 * the chat (✅ there starts the job, priced and limited like any other).
 */
export interface ChatOffers {
  regionAvailable(job: JobRow): boolean;
  offerRegion(
    job: JobRow,
    input: { maskPng: Buffer; prompt: string },
    locale: Locale,
  ): Promise<RegionOutcome>;
  againAvailable(job: JobRow): boolean;
  offerAgain(job: JobRow, locale: Locale): Promise<boolean>;
  /** Midjourney's buttons on this result, laid out and filtered as the chat keyboard is. */
  mjButtons(job: JobRow): MjGalleryButton[][];
  offerMjAction(
    job: JobRow,
    input: { index: number; prompt?: string },
    locale: Locale,
  ): Promise<MjActionOutcome>;
  /** ✏️: the result's first image edited by an edit model; false when the catalog refuses. */
  offerEdit(
    job: JobRow,
    edit: { model: string; prompt: string; maskPng?: Buffer },
    locale: Locale,
  ): Promise<boolean>;
}

export interface MiniAppDeps {
  basePath: string;
  botToken: string;
  db: Db;
  /** The async handle (users, replayed initData) while `db` serves the rest. */
  database: Database;
  catalog: () => Catalog;
  results: ResultStore;
  thumbs: ThumbStore;
  t: TranslateIn;
  money: (amount: number, locale: string) => string;
  fromTelegram: ResultBytesSource['fromTelegram'];
  offers: ChatOffers;
  now?: () => number;
}
