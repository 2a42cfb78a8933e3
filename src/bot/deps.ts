import type { Config } from '../config.js';
import type { Db } from '../db/client.js';
import type { Logger } from '../infra/logger.js';

/** Everything feature code may use; built once in main.ts (or by a test). */
export interface BotDeps {
  config: Config;
  db: Db;
  logger: Logger;
}
