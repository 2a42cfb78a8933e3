import type { Logger } from './logger.js';
import type { Redis } from './redis.js';

/** Who runs the singleton work (the async poller): one instance at a time. */
export interface LeaderElection {
  /** Cheap and synchronous: the poller asks before every tick. */
  isLeader(): boolean;
  start(): Promise<void>;
  /** Gives the lease up at once, so a successor does not wait for it to expire. */
  stop(): Promise<void>;
}

/** The embedded mode: the only process is always the leader. */
export class SoloLeader implements LeaderElection {
  isLeader(): boolean {
    return true;
  }
  async start(): Promise<void> {}
  async stop(): Promise<void> {}
}

// Renew / release only a lease that is still ours: a paused process must not extend or delete
// the lease its successor took meanwhile.
const RENEW = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) else return 0 end`;
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end`;

export interface RedisLeaderOptions {
  redis: Redis;
  /** The lease key (one per deployment: include the bot's id in it). */
  key: string;
  /** This instance's id, stored as the lease's value. */
  owner: string;
  /** Lease length: how long a dead leader blocks a successor at most. Default 10 s. */
  ttlMs?: number;
  /** How often the lease is renewed or tried for. Default ttl / 3. */
  renewMs?: number;
  logger?: Logger;
  /** Called when this instance becomes leader (true) or stops being it (false). */
  onChange?: (leader: boolean) => void;
  now?: () => number;
}

/**
 * A lease in Redis (`SET key owner NX PX ttl`, renewed while alive). Leadership is also bounded
 * locally: without a successful renewal for most of the TTL the instance stops calling itself
 * leader even if Redis is unreachable, so two leaders never overlap by more than clock drift.
 */
export class RedisLeaderLease implements LeaderElection {
  private readonly ttlMs: number;
  private readonly renewMs: number;
  private readonly now: () => number;
  private validUntil = 0;
  private leader = false;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;

  constructor(private readonly o: RedisLeaderOptions) {
    this.ttlMs = o.ttlMs ?? 10_000;
    this.renewMs = o.renewMs ?? Math.max(100, Math.floor(this.ttlMs / 3));
    this.now = o.now ?? Date.now;
  }

  isLeader(): boolean {
    if (this.leader && this.now() >= this.validUntil) this.set(false);
    return this.leader;
  }

  async start(): Promise<void> {
    this.stopped = false;
    await this.tick();
    this.schedule();
  }

  /** One round: renew when leader, else try to take a free lease. Exposed for tests. */
  async tick(): Promise<void> {
    if (this.running) return this.running;
    this.running = this.round().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
    this.set(false);
    // Released even when this instance no longer counts itself leader (a late renewal): the
    // script deletes the key only if it still holds our id.
    try {
      await this.o.redis.eval(RELEASE, 1, this.o.key, this.o.owner);
    } catch (err) {
      this.o.logger?.warn({ err }, 'could not release the leader lease (it expires by itself)');
    }
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      void this.tick().finally(() => this.schedule());
    }, this.renewMs);
    this.timer.unref();
  }

  private async round(): Promise<void> {
    const started = this.now();
    try {
      if (this.leader) {
        const renewed = Number(
          await this.o.redis.eval(RENEW, 1, this.o.key, this.o.owner, String(this.ttlMs)),
        );
        if (renewed === 1) this.validUntil = started + this.ttlMs - this.renewMs;
        else this.set(false);
        return;
      }
      const got = await this.o.redis.set(this.o.key, this.o.owner, 'PX', this.ttlMs, 'NX');
      if (got === 'OK') {
        this.validUntil = started + this.ttlMs - this.renewMs;
        this.set(true);
      }
    } catch (err) {
      this.o.logger?.warn({ err }, 'leader lease round failed');
      // Keep leadership only while the last renewal is still valid (isLeader checks the time).
      this.isLeader();
    }
  }

  private set(leader: boolean): void {
    if (this.leader === leader) return;
    this.leader = leader;
    this.o.logger?.info(
      { owner: this.o.owner },
      leader ? 'became the poller leader' : 'no longer the poller leader',
    );
    this.o.onChange?.(leader);
  }
}
