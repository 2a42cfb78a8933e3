import type { KeyBox } from '../accounts/key-box.js';
import type { Catalog } from '../catalog/index.js';
import type { Config } from '../config.js';
import type { Db } from '../db/client.js';
import type { GatewayClient } from '../gateway/client.js';
import type { Logger } from '../infra/logger.js';
import type { RateLimiter } from '../infra/rate-limit.js';
import type { ResultStore } from '../jobs/result-store.js';

/** Hands a freshly created job to the workers; returns at once. */
export interface JobDispatcher {
  dispatch(jobId: string): void;
}

/** Everything feature code may use; built once in app.ts (main and tests alike). */
export interface BotDeps {
  config: Config;
  db: Db;
  logger: Logger;
  catalog: Catalog;
  /** The operator's gateway client; `gateway.withKey(k)` for a user's own key. */
  gateway: GatewayClient;
  keyBox: KeyBox;
  limiter: RateLimiter;
  results: ResultStore;
  jobs: JobDispatcher;
  /** Integer minor units → "12.50 USD", in the given locale's number format. */
  money(amount: number, locale?: string): string;
}
