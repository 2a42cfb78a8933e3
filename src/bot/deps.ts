import type { KeyBox } from '../accounts/key-box.js';
import type { CatalogHolder } from '../catalog/holder.js';
import type { Catalog } from '../catalog/index.js';
import type { Config } from '../config.js';
import type { Db } from '../db/client.js';
import type { Database } from '../db/engine.js';
import type { GatewayClient } from '../gateway/client.js';
import type { AlbumStore } from '../infra/album-store.js';
import type { GatewayWindow } from '../infra/gateway-window.js';
import type { Logger } from '../infra/logger.js';
import type { LoopTurns } from '../infra/loop-turns.js';
import type { RateLimiter } from '../infra/rate-limit.js';
import type { ResultStore } from '../jobs/result-store.js';
import type { SupportStaff } from './support/staff.js';

/** Hands a freshly created job to the workers; returns at once. */
export interface JobDispatcher {
  dispatch(jobId: string): void;
}

/** The broadcast worker, as handlers see it. */
export interface BroadcastControl {
  /** Makes the worker pick up new broadcasts now. */
  kick(): void;
  /** Whether this process is sending broadcast `id` right now. */
  isSending(id: number): boolean;
}

/** Everything feature code may use; built once in app.ts (main and tests alike). */
export interface BotDeps {
  config: Config;
  db: Db;
  /** The async data layer (SQLite or PostgreSQL): domain code moves onto it from `db`. */
  database: Database;
  logger: Logger;
  /** The current catalog (a getter over `catalogs`, so a /reload reaches every reader). */
  catalog: Catalog;
  catalogs: CatalogHolder;
  /** Gateway calls of the last hour, for /stats. */
  gatewayStats: GatewayWindow;
  broadcasts: BroadcastControl;
  /** The operator's gateway client; `gateway.withKey(k)` for a user's own key. */
  gateway: GatewayClient;
  keyBox: KeyBox;
  limiter: RateLimiter;
  /** Who may answer users in the support chat (SUPPORT_STAFF). */
  supportStaff: SupportStaff;
  albums: AlbumStore;
  /** Costly updates (those that may start a job) take turns with the rest of the event loop. */
  turns: LoopTurns;
  results: ResultStore;
  jobs: JobDispatcher;
  /** Integer minor units → "12.50 USD", in the given locale's number format. */
  money(amount: number, locale: string): string;
}
