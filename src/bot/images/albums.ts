/**
 * Telegram delivers an album as separate messages sharing a `media_group_id`, one update each,
 * with no marker for the last one. The collector keeps a group's items until no new one came
 * for `windowMs`, then hands the whole group over once. Pure apart from the injected timers.
 */

export interface Timers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const realTimers: Timers = {
  set: (fn, ms) => {
    const t = setTimeout(fn, ms);
    t.unref?.();
    return t;
  },
  clear: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

export interface AlbumOptions<T> {
  /** Quiet time after the last item before the group is complete. */
  windowMs: number;
  /** Telegram albums have at most 10 items; more are ignored. */
  maxItems?: number;
  /** Bound on groups waiting at once; beyond it the oldest is handed over early. */
  maxGroups?: number;
  onComplete: (key: string, items: T[]) => void;
  timers?: Timers;
}

interface Pending<T> {
  items: T[];
  timer: unknown;
}

export class AlbumCollector<T> {
  private readonly pending = new Map<string, Pending<T>>();
  private readonly timers: Timers;
  private readonly maxItems: number;
  private readonly maxGroups: number;

  constructor(private readonly o: AlbumOptions<T>) {
    this.timers = o.timers ?? realTimers;
    this.maxItems = o.maxItems ?? 10;
    this.maxGroups = o.maxGroups ?? 1000;
  }

  /** Adds an item; returns false when the group is already full (the item is dropped). */
  add(key: string, item: T): boolean {
    let group = this.pending.get(key);
    if (!group) {
      if (this.pending.size >= this.maxGroups) {
        const oldest = this.pending.keys().next().value;
        if (oldest !== undefined) this.complete(oldest);
      }
      group = { items: [], timer: undefined };
      this.pending.set(key, group);
    }
    if (group.items.length >= this.maxItems) return false;
    group.items.push(item);
    if (group.timer !== undefined) this.timers.clear(group.timer);
    group.timer = this.timers.set(() => this.complete(key), this.o.windowMs);
    return true;
  }

  has(key: string): boolean {
    return this.pending.has(key);
  }

  /** Items collected so far for a group still waiting. */
  peek(key: string): readonly T[] {
    return this.pending.get(key)?.items ?? [];
  }

  get size(): number {
    return this.pending.size;
  }

  /** Hands over every waiting group now (shutdown, tests). */
  flushAll(): void {
    for (const key of [...this.pending.keys()]) this.complete(key);
  }

  private complete(key: string): void {
    const group = this.pending.get(key);
    if (!group) return;
    this.pending.delete(key);
    if (group.timer !== undefined) this.timers.clear(group.timer);
    this.o.onComplete(key, group.items);
  }
}
