/** Counting semaphore: at most `limit` holders at once, FIFO for waiters. */
export class Semaphore {
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly limit: number) {}

  get inUse(): number {
    return this.active;
  }

  get queued(): number {
    return this.waiting.length;
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.active++;
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.active--;
    }
  }
}

/** One semaphore per key (e.g. per gateway key), created on demand and dropped when idle. */
export class KeyedSemaphore {
  private readonly lanes = new Map<string, Semaphore>();

  constructor(private readonly limit: number) {}

  async run<T>(key: string, task: () => Promise<T>): Promise<T> {
    let lane = this.lanes.get(key);
    if (!lane) {
      lane = new Semaphore(this.limit);
      this.lanes.set(key, lane);
    }
    try {
      return await lane.run(task);
    } finally {
      if (lane.inUse === 0 && lane.queued === 0) this.lanes.delete(key);
    }
  }
}
