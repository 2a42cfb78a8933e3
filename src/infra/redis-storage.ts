import type { StorageAdapter } from 'grammy';
import type { Redis } from './redis.js';

/**
 * grammY session / conversation storage in Redis, shared by every instance. Each write renews
 * the key's TTL, so an idle chat's UI state (and a half-finished conversation) expires by
 * itself instead of piling up forever.
 */
export class RedisKvStorage<T> implements StorageAdapter<T> {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly ttlMs?: number,
  ) {}

  async read(key: string): Promise<T | undefined> {
    const raw = await this.redis.get(this.prefix + key);
    if (raw === null) return undefined;
    try {
      return JSON.parse(raw) as T;
    } catch {
      // A corrupt value (hand edits, another program) reads as "no state" rather than a crash.
      return undefined;
    }
  }

  async write(key: string, value: T): Promise<void> {
    const json = JSON.stringify(value);
    if (this.ttlMs) await this.redis.set(this.prefix + key, json, 'PX', this.ttlMs);
    else await this.redis.set(this.prefix + key, json);
  }

  async delete(key: string): Promise<void> {
    await this.redis.del(this.prefix + key);
  }

  async has(key: string): Promise<boolean> {
    return (await this.redis.exists(this.prefix + key)) === 1;
  }
}
