import { randomUUID } from 'node:crypto';
import type { Redis } from './redis.js';

/*
 * grammY's sequentialize orders one chat's updates inside a process. Behind a load balancer two
 * updates of one chat (a double tap, an album, a message and a button press) can reach two
 * instances at once, and both would read, change and write the same session or conversation
 * state. The chat lock makes the instances take turns.
 */

export interface ChatLock {
  /** Runs `fn` while no other instance runs anything under `key`. */
  run<T>(key: string, fn: () => Promise<T>): Promise<T>;
}

/** One process: sequentialize already orders a chat's updates. */
export const localChatLock: ChatLock = { run: (_key, fn) => fn() };

export interface RedisChatLockOptions {
  redis: Redis;
  prefix: string;
  /** A holder that died frees the chat after this. */
  ttlMs?: number;
  /** After this long waiting the update is handled anyway: late beats lost. */
  maxWaitMs?: number;
  /** The update goes ahead unlocked: the wait was too long, or Redis did not answer. */
  onSkip?: (key: string, why: 'timeout' | 'unavailable', err?: unknown) => void;
}

// Deletes the lock only if it is still ours (it may have expired and been taken since).
const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0`;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** `SET key token NX PX` with short backoff; handlers are quick, so waits are too. */
export class RedisChatLock implements ChatLock {
  private readonly ttlMs: number;
  private readonly maxWaitMs: number;

  constructor(private readonly o: RedisChatLockOptions) {
    this.ttlMs = o.ttlMs ?? 30_000;
    this.maxWaitMs = o.maxWaitMs ?? 10_000;
  }

  async run<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const fullKey = `${this.o.prefix}${key}`;
    const token = randomUUID();
    const held = await this.acquire(fullKey, token);
    try {
      return await fn();
    } finally {
      if (held) await this.o.redis.eval(RELEASE, 1, fullKey, token).catch(() => undefined);
    }
  }

  private async acquire(key: string, token: string): Promise<boolean> {
    const deadline = Date.now() + this.maxWaitMs;
    for (let pause = 2; ; pause = Math.min(pause * 2, 50)) {
      try {
        if ((await this.o.redis.set(key, token, 'PX', this.ttlMs, 'NX')) === 'OK') return true;
      } catch (err) {
        this.o.onSkip?.(key, 'unavailable', err);
        return false;
      }
      if (Date.now() + pause > deadline) {
        this.o.onSkip?.(key, 'timeout');
        return false;
      }
      await sleep(pause);
    }
  }
}
