import { parentPort } from 'node:worker_threads';
import { adjust, refundJob, reserveForJob, topUp } from '../../../../src/billing/ledger.js';
import { redeemCode } from '../../../../src/billing/redeem-codes.js';
import { closeDb, type Db, openDb } from '../../../../src/db/client.js';
import { jobs } from '../../../../src/db/schema.js';
import type { OpOutcome, WorkerOp, WorkerReply, WorkerRequest } from './protocol.js';

/* One worker thread = one SQLite connection, driven by worker-pool.ts. */

const port = parentPort;
if (!port) throw new Error('db-worker must run in a worker thread');
let db: Db | undefined;
const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * A synchronous pause. Without it the connection holding the write lock takes it straight back
 * for its next op while the others sit in SQLite's stepped busy-sleep, so batches barely
 * interleave (measured: 8 switches in 240 rows; with 0–2 ms pauses, hundreds).
 */
const sleepSync = (ms: number) => Atomics.wait(pause, 0, 0, ms);

function execute(conn: Db, op: WorkerOp): OpOutcome {
  try {
    switch (op.op) {
      case 'topup':
        return {
          op: op.op,
          value: topUp(conn, { userId: op.userId, amount: op.amount, ref: op.ref }),
        };
      case 'reserve':
        // As the jobs layer does it: the charge and the job row commit together or not at all.
        return {
          op: op.op,
          value: conn.transaction(
            (tx) => {
              const r = reserveForJob(tx, {
                userId: op.userId,
                jobId: op.jobId,
                amount: op.amount,
              });
              if (r.ok) {
                tx.insert(jobs)
                  .values({
                    id: op.jobId,
                    userId: op.userId,
                    chatId: op.userId,
                    family: 'image',
                    kind: 'generate',
                    model: 'test',
                    params: {},
                    price: op.amount,
                    payer: 'balance',
                  })
                  .onConflictDoNothing()
                  .run();
              }
              return r;
            },
            { behavior: 'immediate' },
          ),
        };
      case 'refund':
        return { op: op.op, value: refundJob(conn, op.jobId) };
      case 'adjust':
        return {
          op: op.op,
          value: adjust(conn, { userId: op.userId, amount: op.amount, actorId: 1 }),
        };
      case 'redeem':
        return { op: op.op, value: redeemCode(conn, { userId: op.userId, code: op.code }) };
    }
  } catch (err) {
    return { op: op.op, error: err instanceof Error ? `${err.name}: ${err.message}` : String(err) };
  }
}

function handle(msg: WorkerRequest): WorkerReply {
  switch (msg.type) {
    case 'open':
      if (db) closeDb(db);
      db = openDb(msg.file, { migrate: false });
      return { type: 'opened' };
    case 'run': {
      const conn = db;
      if (!conn) return { type: 'failed', error: 'not open' };
      const jitter = msg.jitterMs ?? 0;
      const outcomes = msg.ops.map((op) => {
        const outcome = execute(conn, op);
        if (jitter > 0) sleepSync(Math.random() * jitter);
        return outcome;
      });
      return { type: 'ran', outcomes };
    }
    case 'close':
      if (db) closeDb(db);
      db = undefined;
      return { type: 'closed' };
  }
}

port.on('message', (msg: WorkerRequest) => {
  let reply: WorkerReply;
  try {
    reply = handle(msg);
  } catch (err) {
    reply = { type: 'failed', error: String(err) };
  }
  port.postMessage(reply);
});
port.postMessage({ type: 'ready' } satisfies WorkerReply);
