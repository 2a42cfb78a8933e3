import type { StorageAdapter } from 'grammy';
import type { Config } from '../config.js';
import type { Database } from '../db/engine.js';
import { DbKvStorage } from '../db/kv-storage.js';
import { type AlbumStore, MemoryAlbumStore, RedisAlbumStore } from './album-store.js';
import { type ChatLock, localChatLock, RedisChatLock } from './chat-lock.js';
import { MemoryDeduper, RedisDeduper, type UpdateDeduper } from './dedup.js';
import { type LeaderElection, RedisLeaderLease, SoloLeader } from './leader.js';
import type { Logger } from './logger.js';
import { Metrics } from './metrics.js';
import { type Presence, RedisPresence, SoloPresence } from './presence.js';
import { MemoryRateLimiter, type RateLimiter, RedisRateLimiter } from './rate-limit.js';
import { closeRedis, connectRedis, createRedis, type Redis } from './redis.js';
import { RedisKvStorage } from './redis-storage.js';

export type StorageKind = 'session' | 'conv';
/** UI state of an idle chat expires; a half-finished conversation sooner. */
const TTL_MS: Record<StorageKind, number> = { session: 7 * 24 * 3600_000, conv: 24 * 3600_000 };

/**
 * Where shared state lives: embedded (one process, SQLite and memory) or Redis (several
 * instances behind a load balancer). Everything that differs between the two is chosen here,
 * so the rest of the app never asks which mode it is in.
 */
export interface Runtime {
  mode: 'embedded' | 'redis';
  instanceId: string;
  redis: Redis | undefined;
  limiter: RateLimiter;
  dedup: UpdateDeduper;
  /** Makes instances take turns on one chat's updates. */
  chatLock: ChatLock;
  /** Album photos waiting for the rest of their album (they may reach different instances). */
  albums: AlbumStore;
  /** Session ('session') and conversation ('conv') state, each with its own TTL. */
  storage<T>(kind: StorageKind): StorageAdapter<T>;
  /** The async poller runs only where this says so. */
  leader: LeaderElection;
  presence: Presence;
  metrics: Metrics;
  /** Connects Redis (a clear error when it is unreachable), then heartbeat and leader lease. */
  start(): Promise<void>;
  /** Gives the lease up and closes Redis. */
  stop(): Promise<void>;
  /** 'off' in the embedded mode. */
  redisHealth(): Promise<'ok' | 'down' | 'off'>;
  /**
   * Whose job leases may be taken over: every lease owner not alive now. At start that includes
   * this instance's own id (nothing runs here yet); in the embedded mode it is every owner. A job
   * without an owner is nobody's orphan: it waits for its time (`nextPollAt`, a delivery's
   * back-off) and the regular sweeps take it then.
   */
  orphanCheck(
    owners: readonly (string | null)[],
    options?: { atStart?: boolean },
  ): Promise<(owner: string | null) => boolean>;
}

export interface RuntimeOptions {
  config: Config;
  db: Database;
  logger: Logger;
  instanceId: string;
  /** Key prefix override (tests: a unique one per test). */
  prefix?: string;
  /** Leader lease timing (tests shorten it). */
  leader?: { ttlMs?: number; renewMs?: number };
  /** Presence TTL: how soon a dead instance's jobs are taken over. */
  presenceTtlMs?: number;
  metrics?: Metrics;
  onLeaderChange?: (leader: boolean) => void;
}

export function createRuntime(o: RuntimeOptions): Runtime {
  const metrics = o.metrics ?? new Metrics();
  const onChange = (leader: boolean) => {
    metrics.leader.set(leader ? 1 : 0);
    o.onLeaderChange?.(leader);
  };
  const url = o.config.REDIS_URL;
  if (!url) {
    const leader = new SoloLeader();
    metrics.leader.set(1);
    return {
      mode: 'embedded',
      instanceId: o.instanceId,
      redis: undefined,
      limiter: new MemoryRateLimiter(),
      dedup: new MemoryDeduper(),
      chatLock: localChatLock,
      albums: new MemoryAlbumStore(),
      storage: <T>(kind: StorageKind) => new DbKvStorage<T>(o.db, `${kind}:`, TTL_MS[kind]),
      leader,
      presence: new SoloPresence(o.instanceId),
      metrics,
      async start() {},
      async stop() {},
      async redisHealth() {
        return 'off';
      },
      // One process: whatever a lease says, its holder is gone (or is this process at start).
      // At start a free job is taken too: a delivery waiting out its back-off is tried once at
      // once (the restart may have been the fix).
      async orphanCheck(_owners, options = {}) {
        return options.atStart ? () => true : (owner) => owner !== null;
      },
    };
  }

  const botId = o.config.BOT_TOKEN.split(':')[0];
  const prefix = o.prefix ?? o.config.REDIS_PREFIX ?? `genbot:${botId}:`;
  const redis = createRedis(url, { logger: o.logger });
  const leader = new RedisLeaderLease({
    redis,
    key: `${prefix}leader`,
    owner: o.instanceId,
    ttlMs: o.leader?.ttlMs ?? o.config.LEADER_LEASE_MS,
    ...(o.leader?.renewMs ? { renewMs: o.leader.renewMs } : {}),
    logger: o.logger,
    onChange,
  });
  const presence = new RedisPresence({
    redis,
    prefix: `${prefix}instance:`,
    self: o.instanceId,
    ttlMs: o.presenceTtlMs ?? o.config.LEADER_LEASE_MS,
    logger: o.logger,
  });
  return {
    mode: 'redis',
    instanceId: o.instanceId,
    redis,
    limiter: new RedisRateLimiter(redis, { prefix: `${prefix}rl:` }),
    dedup: new RedisDeduper(redis, `${prefix}update:`),
    albums: new RedisAlbumStore(redis, `${prefix}album:`),
    chatLock: new RedisChatLock({
      redis,
      prefix: `${prefix}lock:`,
      onSkip: (key, why, err) =>
        o.logger.warn({ key, why, err }, 'chat lock skipped; handling the update unlocked'),
    }),
    storage: <T>(kind: StorageKind) =>
      new RedisKvStorage<T>(redis, `${prefix}${kind}:`, TTL_MS[kind]),
    leader,
    presence,
    metrics,
    async start() {
      await connectRedis(redis, url);
      await presence.start();
      await leader.start();
      o.logger.info(
        { instance: o.instanceId, leader: leader.isLeader() },
        'Redis mode: shared sessions, rate limits, de-duplication and leases',
      );
    },
    async stop() {
      await leader.stop();
      await presence.stop();
      await closeRedis(redis);
    },
    async redisHealth() {
      try {
        await Promise.race([
          redis.ping(),
          new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 1_000).unref()),
        ]);
        return 'ok';
      } catch {
        return 'down';
      }
    },
    async orphanCheck(owners, options = {}) {
      const named = owners.filter((x): x is string => x !== null);
      const alive = await presence.aliveAmong(named);
      if (options.atStart) alive.delete(o.instanceId);
      return (owner) => owner !== null && !alive.has(owner);
    },
  };
}
