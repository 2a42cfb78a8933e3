import { randomUUID } from 'node:crypto';
import type { Redis } from './redis.js';

/*
 * Where an album's photos wait until it is complete. Behind a load balancer the photos of one
 * album (one update each) can reach different instances, so in Redis mode the group is shared:
 * every instance appends to it, and only the one that added the last photo hands it over.
 */

export interface AlbumStore {
  /**
   * Appends `item` unless the group already holds `maxItems`. Returns the group so far and a
   * token naming this append, or undefined when the item was dropped.
   */
  append(key: string, item: string, maxItems: number): Promise<Appended | undefined>;
  /** Removes and returns the group if `token` still names its latest append (nothing came since). */
  take(key: string, token: string): Promise<string[] | undefined>;
  has(key: string): Promise<boolean>;
}

export interface Appended {
  items: string[];
  token: string;
}

/** A group nobody took (its instance died mid-window) is forgotten after this. */
const ABANDONED_MS = 60_000;

/** One process. */
export class MemoryAlbumStore implements AlbumStore {
  private readonly groups = new Map<string, { items: string[]; token: string; at: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  async append(key: string, item: string, maxItems: number): Promise<Appended | undefined> {
    this.forgetAbandoned();
    const group = this.groups.get(key) ?? { items: [], token: '', at: 0 };
    if (group.items.length >= maxItems) return undefined;
    group.items.push(item);
    group.token = randomUUID();
    group.at = this.now();
    this.groups.set(key, group);
    return { items: [...group.items], token: group.token };
  }

  async take(key: string, token: string): Promise<string[] | undefined> {
    const group = this.groups.get(key);
    if (group?.token !== token) return undefined;
    this.groups.delete(key);
    return group.items;
  }

  async has(key: string): Promise<boolean> {
    return this.groups.has(key);
  }

  get size(): number {
    return this.groups.size;
  }

  private forgetAbandoned(): void {
    const cutoff = this.now() - ABANDONED_MS;
    for (const [key, group] of this.groups) if (group.at < cutoff) this.groups.delete(key);
  }
}

// KEYS: list, last-token. ARGV: item, maxItems, token, ttl ms.
const APPEND = `
if redis.call('llen', KEYS[1]) >= tonumber(ARGV[2]) then return false end
redis.call('rpush', KEYS[1], ARGV[1])
redis.call('pexpire', KEYS[1], ARGV[4])
redis.call('set', KEYS[2], ARGV[3], 'PX', ARGV[4])
return redis.call('lrange', KEYS[1], 0, -1)`;

// KEYS: list, last-token. ARGV: token.
const TAKE = `
if redis.call('get', KEYS[2]) ~= ARGV[1] then return false end
local items = redis.call('lrange', KEYS[1], 0, -1)
redis.call('del', KEYS[1], KEYS[2])
return items`;

/** Shared by every instance; both keys of a group hash to one slot (a cluster keeps them together). */
export class RedisAlbumStore implements AlbumStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  private keys(key: string): [string, string] {
    const base = `${this.prefix}{${key}}`;
    return [base, `${base}:last`];
  }

  async append(key: string, item: string, maxItems: number): Promise<Appended | undefined> {
    const token = randomUUID();
    const items = (await this.redis.eval(
      APPEND,
      2,
      ...this.keys(key),
      item,
      maxItems,
      token,
      ABANDONED_MS,
    )) as string[] | null;
    return items ? { items, token } : undefined;
  }

  async take(key: string, token: string): Promise<string[] | undefined> {
    const items = (await this.redis.eval(TAKE, 2, ...this.keys(key), token)) as string[] | null;
    return items ?? undefined;
  }

  async has(key: string): Promise<boolean> {
    return (await this.redis.exists(this.keys(key)[0])) === 1;
  }
}
