import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { compileForWorkers } from './compile.js';
import type { OpOutcome, WorkerOp, WorkerReply, WorkerRequest } from './protocol.js';

const WORKER_SOURCE = fileURLToPath(new URL('./db-worker.ts', import.meta.url));

/**
 * N worker threads, each holding its own SQLite connection to one file: real concurrency
 * between connections (better-sqlite3 is synchronous, so one thread can't race itself).
 */
export class DbWorkerPool {
  private constructor(
    private readonly workers: Worker[],
    private readonly dispose: () => void,
  ) {}

  static async start(n: number): Promise<DbWorkerPool> {
    const compiled = compileForWorkers(WORKER_SOURCE);
    const workers = Array.from({ length: n }, () => new Worker(compiled.file));
    const pool = new DbWorkerPool(workers, compiled.dispose);
    try {
      await Promise.all(workers.map((w) => pool.next(w, 'ready')));
    } catch (err) {
      await pool.terminate();
      throw err;
    }
    return pool;
  }

  get size(): number {
    return this.workers.length;
  }

  async open(file: string): Promise<void> {
    await Promise.all(this.workers.map((w) => this.request(w, { type: 'open', file }, 'opened')));
  }

  /**
   * Sends every worker its batch at once (all connections are already open, so they start
   * together) and returns the outcomes per worker, in order.
   */
  async run(batches: WorkerOp[][], options: { jitterMs?: number } = {}): Promise<OpOutcome[][]> {
    if (batches.length > this.workers.length) throw new Error('more batches than workers');
    const replies = await Promise.all(
      batches.map((ops, i) =>
        this.request(
          this.workers[i] as Worker,
          { type: 'run', ops, jitterMs: options.jitterMs },
          'ran',
        ),
      ),
    );
    return replies.map((r) => (r.type === 'ran' ? r.outcomes : []));
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => this.request(w, { type: 'close' }, 'closed')));
  }

  async terminate(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
    this.dispose();
  }

  private request(
    w: Worker,
    msg: WorkerRequest,
    expect: WorkerReply['type'],
  ): Promise<WorkerReply> {
    const reply = this.next(w, expect);
    w.postMessage(msg);
    return reply;
  }

  private next(w: Worker, expect: WorkerReply['type']): Promise<WorkerReply> {
    return new Promise((resolve, reject) => {
      const onMessage = (reply: WorkerReply) => {
        cleanup();
        if (reply.type === expect) resolve(reply);
        else reject(new Error(reply.type === 'failed' ? reply.error : `unexpected ${reply.type}`));
      };
      const onError = (err: Error) => {
        cleanup();
        reject(err);
      };
      const cleanup = () => {
        w.off('message', onMessage);
        w.off('error', onError);
      };
      w.on('message', onMessage);
      w.on('error', onError);
    });
  }
}
