import type { Logger } from './logger.js';
import type { Redis } from './redis.js';

/**
 * Which instances are alive, so the survivors can take over the jobs of one that died within
 * seconds instead of waiting for its job leases (minutes) to run out. Each instance keeps a key
 * `<prefix><id>` alive with a short TTL; a job whose lease owner has no key is an orphan.
 */
export interface Presence {
  start(): Promise<void>;
  stop(): Promise<void>;
  /** The subset of `owners` that are alive right now (this instance always is). */
  aliveAmong(owners: readonly string[]): Promise<Set<string>>;
}

/** One process: nobody else is alive, so every lease not held by this process is an orphan. */
export class SoloPresence implements Presence {
  constructor(private readonly self: string) {}
  async start(): Promise<void> {}
  async stop(): Promise<void> {}
  async aliveAmong(owners: readonly string[]): Promise<Set<string>> {
    return new Set(owners.filter((o) => o === this.self));
  }
}

export interface RedisPresenceOptions {
  redis: Redis;
  prefix: string;
  self: string;
  /** A silent instance counts as dead after this long. Default 10 s. */
  ttlMs?: number;
  logger?: Logger;
}

export class RedisPresence implements Presence {
  private timer: NodeJS.Timeout | undefined;
  private readonly ttlMs: number;

  constructor(private readonly o: RedisPresenceOptions) {
    this.ttlMs = o.ttlMs ?? 10_000;
  }

  async start(): Promise<void> {
    await this.beat();
    this.timer = setInterval(
      () =>
        void this.beat().catch((err: unknown) =>
          this.o.logger?.warn({ err }, 'presence heartbeat failed'),
        ),
      Math.max(50, Math.floor(this.ttlMs / 3)),
    );
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.o.redis.del(this.o.prefix + this.o.self).catch(() => undefined);
  }

  async aliveAmong(owners: readonly string[]): Promise<Set<string>> {
    const others = [...new Set(owners)].filter((o) => o !== this.o.self);
    const alive = new Set<string>(owners.includes(this.o.self) ? [this.o.self] : []);
    if (others.length === 0) return alive;
    const values = await this.o.redis.mget(...others.map((o) => this.o.prefix + o));
    others.forEach((owner, i) => {
      if (values[i] !== null) alive.add(owner);
    });
    return alive;
  }

  private async beat(): Promise<void> {
    await this.o.redis.set(this.o.prefix + this.o.self, String(Date.now()), 'PX', this.ttlMs);
  }
}
