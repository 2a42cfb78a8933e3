// Broadcast, domain side (store, pacing, worker; no grammY). Its Telegram side is src/bot/broadcast.
/**
 * Sends broadcasts outside the update handlers: one recipient at a time, paced, with the cursor
 * written after every send, so a restart resumes where it stopped. Telegram is reached through
 * a BroadcastSender (bot/), which waits out 429s itself (auto-retry waits exactly retry_after);
 * a retry_after it hands back is waited here before the same recipient is tried again.
 */
import { setBlockedBot } from '../accounts/users.js';
import type { Database } from '../db/engine.js';
import type { Logger } from '../infra/logger.js';
import { type Clock, Pacer, realClock } from './pacing.js';
import { ProgressThrottle } from './progress.js';
import {
  type Broadcast,
  claimNext,
  finishBroadcast,
  getBroadcast,
  nextRecipients,
  recordOutcome,
  releaseLease,
  renewLease,
} from './store.js';

export type SendOutcome =
  | { kind: 'sent' }
  /** The user blocked the bot or deleted their account. */
  | { kind: 'blocked' }
  /** Flood control that the transport did not wait out itself. */
  | { kind: 'retry_after'; seconds: number }
  /** The admin deleted the message being broadcast. */
  | { kind: 'source_gone' }
  /** This recipient cannot get it; go on with the next. */
  | { kind: 'failed'; reason: string }
  /** Telegram could not be reached: try the same recipient again after a pause. */
  | { kind: 'unavailable'; reason: string };

export interface BroadcastSender {
  send(userId: number, source: { chatId: number; messageId: number }): Promise<SendOutcome>;
  /** Shows the running numbers (called sparingly). */
  progress(b: Broadcast): Promise<void>;
  /** Shows the final numbers once it ended (done, stopped or failed). */
  finished(b: Broadcast): Promise<void>;
}

export interface BroadcastWorkerOptions {
  db: Database;
  sender: BroadcastSender;
  logger: Logger;
  /** Names this process on the broadcast it holds. */
  owner: string;
  /** Messages per second (Telegram allows about 30 in bulk). */
  ratePerSecond: number;
  /** Users never sent to (the admins: they saw the message when they wrote it). */
  excluded(): readonly number[];
  progressIntervalMs?: number;
  leaseMs?: number;
  /** Pause before trying again when Telegram is unreachable. */
  unavailablePauseMs?: number;
  batchSize?: number;
  clock?: Clock;
}

export class BroadcastWorker {
  private readonly o: Required<Omit<BroadcastWorkerOptions, 'clock'>> & { clock: Clock };
  private readonly pacer: Pacer;
  private readonly abort = new AbortController();
  private loop: Promise<void> | undefined;
  private again = false;
  private active: number | undefined;

  constructor(options: BroadcastWorkerOptions) {
    this.o = {
      progressIntervalMs: 5_000,
      leaseMs: 60_000,
      unavailablePauseMs: 5_000,
      batchSize: 200,
      clock: realClock,
      ...options,
    };
    this.pacer = new Pacer(this.o.ratePerSecond, this.o.clock);
  }

  private get stopping(): boolean {
    return this.abort.signal.aborted;
  }

  /** Starts sending whatever is running and unclaimed (at start, after a new one, periodically). */
  kick(): void {
    if (this.stopping) return;
    if (this.loop) {
      this.again = true;
      return;
    }
    this.loop = this.drain()
      .catch((err: unknown) => this.o.logger.error({ err }, 'broadcast worker failed'))
      .finally(() => {
        this.loop = undefined;
        if (this.again && !this.stopping) {
          this.again = false;
          this.kick();
        }
      });
  }

  /** Resolves when nothing is being sent (tests). */
  async idle(): Promise<void> {
    while (this.loop) await this.loop;
  }

  /** Whether this process is sending broadcast `id` right now. */
  isSending(id: number): boolean {
    return this.active === id;
  }

  /** Finishes the send in flight, writes its cursor, and stops. Unfinished broadcasts stay running. */
  async stop(): Promise<void> {
    this.abort.abort();
    await this.loop;
  }

  private async drain(): Promise<void> {
    const { db, owner, leaseMs, clock } = this.o;
    while (!this.stopping) {
      this.again = false;
      const b = await claimNext(db, owner, clock.now(), leaseMs);
      if (!b) return;
      this.active = b.id;
      try {
        await this.run(b);
      } finally {
        this.active = undefined;
        await releaseLease(db, b.id, owner);
      }
    }
  }

  private async run(start: Broadcast): Promise<void> {
    const { db, owner, leaseMs, clock, logger } = this.o;
    const log = logger.child({ broadcast: start.id });
    const throttle = new ProgressThrottle(this.o.progressIntervalMs);
    const source = { chatId: start.sourceChatId, messageId: start.sourceMessageId };
    let b = start;
    let renewedAt = clock.now();
    if (b.cursor === 0) log.info({ total: b.total }, 'broadcast started');
    else log.info({ cursor: b.cursor, sent: b.sent }, 'broadcast resumed');
    throttle.take(clock.now()); // the handler has just shown 0 / the last numbers

    for (;;) {
      const batch = await nextRecipients(db, b, this.o.excluded(), this.o.batchSize);
      if (batch.length === 0) {
        if (await finishBroadcast(db, b.id, 'done', null, clock.now())) {
          log.info('broadcast finished');
          await this.report('finished', b.id);
        }
        return;
      }
      for (const userId of batch) {
        if (this.stopping) return;
        const outcome = await this.sendOne(userId, source);
        if (!outcome) return; // stopping
        if (outcome.kind === 'source_gone') {
          if (await finishBroadcast(db, b.id, 'failed', 'source_gone', clock.now())) {
            log.warn('the broadcast message was deleted: stopped');
            await this.report('finished', b.id);
          }
          return;
        }
        if (outcome.kind === 'blocked') await setBlockedBot(db, userId, true);
        if (outcome.kind === 'failed') log.warn({ userId, reason: outcome.reason }, 'not sent');
        const status = await recordOutcome(db, b.id, owner, userId, outcome.kind, clock.now());
        if (status !== 'running') {
          // Stopped by the admin (show the final numbers), or another instance took it over.
          if (status === 'cancelled') await this.report('finished', b.id);
          return;
        }
        const now = clock.now();
        if (now - renewedAt > leaseMs / 3) {
          if (!(await renewLease(db, b.id, owner, now, leaseMs))) return;
          renewedAt = now;
        }
        if (throttle.take(now)) await this.report('progress', b.id);
      }
      b = (await getBroadcast(db, b.id)) ?? b;
    }
  }

  /** One recipient, trying again after retry_after / an outage; undefined when stopping. */
  private async sendOne(
    userId: number,
    source: { chatId: number; messageId: number },
  ): Promise<Exclude<SendOutcome, { kind: 'retry_after' | 'unavailable' }> | undefined> {
    const { clock, sender, logger } = this.o;
    const signal = this.abort.signal;
    for (;;) {
      await this.pacer.wait(signal);
      if (this.stopping) return undefined;
      const outcome = await sender.send(userId, source);
      if (outcome.kind === 'retry_after') {
        logger.warn({ retryAfter: outcome.seconds }, 'broadcast: flood control, waiting');
        await clock.sleep(outcome.seconds * 1000, signal);
      } else if (outcome.kind === 'unavailable') {
        logger.warn({ reason: outcome.reason }, 'broadcast: Telegram unreachable, pausing');
        await clock.sleep(this.o.unavailablePauseMs, signal);
      } else {
        return outcome;
      }
      if (this.stopping) return undefined;
    }
  }

  private async report(kind: 'progress' | 'finished', id: number): Promise<void> {
    const b = await getBroadcast(this.o.db, id);
    if (!b) return;
    try {
      await (kind === 'progress' ? this.o.sender.progress(b) : this.o.sender.finished(b));
    } catch (err) {
      // Progress is for the admin's eyes; it never stops the broadcast.
      this.o.logger.warn({ err, broadcast: id }, 'could not show broadcast progress');
    }
  }
}
