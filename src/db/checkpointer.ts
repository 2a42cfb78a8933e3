import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Logger } from '../infra/logger.js';
import type { Db } from './client.js';

// Plain CommonJS, evaluated: the same under tsx, the built dist and the test runner.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('busy_timeout = 5000');
const timer = setInterval(() => db.pragma('wal_checkpoint(PASSIVE)'), workerData.everyMs);
parentPort.once('message', () => {
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

/** SQLite's own default threshold (pages), restored when the worker ends. */
const AUTO_CHECKPOINT_PAGES = 1000;

export interface Checkpointer {
  stop(): Promise<void>;
}

/**
 * Takes WAL checkpoints off the event loop. By default SQLite runs one inside whichever COMMIT
 * takes the log past 1,000 pages, and with synchronous=NORMAL that checkpoint fsyncs: 10–35 ms of
 * a blocked loop every few hundred jobs, felt by every update waiting meanwhile. Here the
 * connection never checkpoints itself; a worker thread with its own connection does, every
 * `everyMs` (PASSIVE: it never waits for, nor blocks, the bot's writes).
 */
export function startCheckpointer(db: Db, logger: Logger, everyMs = 1_000): Checkpointer {
  const file = db.$client.name;
  if (db.$client.memory) return { stop: async () => {} };
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { driver, file, everyMs } });
  worker.unref();
  let stopping = false;
  db.$client.pragma('wal_autocheckpoint = 0');
  const exited = new Promise<void>((resolve) => {
    worker.once('exit', () => {
      // Without the worker the log would grow without end: SQLite checkpoints by itself again.
      if (db.$client.open) db.$client.pragma(`wal_autocheckpoint = ${AUTO_CHECKPOINT_PAGES}`);
      if (!stopping) logger.warn({ file }, 'WAL checkpoint worker stopped; checkpoints are inline');
      resolve();
    });
  });
  worker.on('error', (err) => logger.warn({ err, file }, 'WAL checkpoint worker failed'));
  return {
    stop: async () => {
      stopping = true;
      worker.postMessage('stop');
      await exited;
    },
  };
}
