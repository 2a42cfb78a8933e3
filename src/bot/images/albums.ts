/**
 * Telegram delivers an album as separate messages sharing a `media_group_id`, one update each,
 * with no marker for the last one. The collector keeps a group's items until no new one came
 * for `windowMs`, then hands the whole group over once, on the instance that added the last
 * item (the store may be shared by several). Pure apart from the injected store and timers.
 */
import { type AlbumStore, MemoryAlbumStore } from '../../infra/album-store.js';

/** Quiet time after an album's last photo before it counts as complete. */
export const ALBUM_WINDOW_MS = 1_200;

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

export interface AlbumOptions<T, L> {
  /** Quiet time after the last item before the group is complete. */
  windowMs: number;
  /** Telegram albums have at most 10 items; more are ignored. */
  maxItems?: number;
  /** Default: this process's memory. */
  store?: AlbumStore;
  /** The whole group, with what the last `add` carried locally (never stored). */
  onComplete: (key: string, items: T[], local: L) => void;
  /** The store failed while taking a group over. */
  onError: (err: unknown, local: L) => void;
  timers?: Timers;
}

/** Items are JSON in the store; T is the shape `add` was given. */
const decode = <T>(items: string[]): T[] => items.map((item) => JSON.parse(item) as T);

export class AlbumCollector<T, L> {
  private readonly store: AlbumStore;
  private readonly timers: Timers;
  private readonly maxItems: number;
  /** This process's pending hand-over per group: only the latest add's matters. */
  private readonly handovers = new Map<string, unknown>();

  constructor(private readonly o: AlbumOptions<T, L>) {
    this.store = o.store ?? new MemoryAlbumStore();
    this.timers = o.timers ?? realTimers;
    this.maxItems = o.maxItems ?? 10;
  }

  /** Adds an item; returns the group so far, or undefined when it was full (the item is dropped). */
  async add(key: string, item: T, local: L): Promise<T[] | undefined> {
    const appended = await this.store.append(key, JSON.stringify(item), this.maxItems);
    if (!appended) return undefined;
    const previous = this.handovers.get(key);
    if (previous !== undefined) this.timers.clear(previous);
    const handle = this.timers.set(() => {
      if (this.handovers.get(key) === handle) this.handovers.delete(key);
      this.store.take(key, appended.token).then(
        (items) => items && this.o.onComplete(key, decode<T>(items), local),
        (err: unknown) => this.o.onError(err, local),
      );
    }, this.o.windowMs);
    this.handovers.set(key, handle);
    return decode<T>(appended.items);
  }

  /** Whether a group is still collecting (here or, with a shared store, on another instance). */
  has(key: string): Promise<boolean> {
    return this.store.has(key);
  }
}
