import { eq } from 'drizzle-orm';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getUser, setBanned, setBlockedBot, touchUser } from '../../../src/accounts/users.js';
import type { Clock } from '../../../src/broadcast/pacing.js';
import {
  type Broadcast,
  createBroadcast,
  finishBroadcast,
  getBroadcast,
} from '../../../src/broadcast/store.js';
import {
  type BroadcastSender,
  BroadcastWorker,
  type SendOutcome,
} from '../../../src/broadcast/worker.js';
import type { Database } from '../../../src/db/engine.js';
import { broadcasts } from '../../../src/db/schema.js';
import { type TestDatabase, testDatabase } from '../../helpers/temp-db.js';

const ADMIN = 1;

/** A Telegram that answers from a script and remembers who got what and when. */
class FakeSender implements BroadcastSender {
  sends: Array<{ userId: number; at: number }> = [];
  progressed: Broadcast[] = [];
  finishedWith: Broadcast[] = [];
  script = new Map<number, SendOutcome[]>();
  onSend?: (userId: number) => Promise<unknown> | undefined;

  constructor(private readonly clock: Clock) {}

  async send(userId: number): Promise<SendOutcome> {
    this.sends.push({ userId, at: this.clock.now() });
    await this.onSend?.(userId);
    return this.script.get(userId)?.shift() ?? { kind: 'sent' };
  }
  async progress(b: Broadcast) {
    this.progressed.push(b);
  }
  async finished(b: Broadcast) {
    this.finishedWith.push(b);
  }
}

function fakeClock(): Clock & { t: number } {
  const c = {
    t: 1_000_000,
    now: () => c.t,
    sleep: async (ms: number, signal?: AbortSignal) => {
      if (!signal?.aborted) c.t += ms;
    },
  };
  return c;
}

describe('broadcast worker', () => {
  let t: TestDatabase;
  let db: Database;
  let clock: ReturnType<typeof fakeClock>;
  let sender: FakeSender;
  const users = [11, 12, 13, 14, 15];

  const worker = (
    owner = 'a',
    extra: Partial<ConstructorParameters<typeof BroadcastWorker>[0]> = {},
  ) =>
    new BroadcastWorker({
      db,
      sender,
      logger: pino({ level: 'silent' }),
      owner,
      ratePerSecond: 25,
      excluded: () => [ADMIN],
      clock,
      progressIntervalMs: 100,
      ...extra,
    });
  const start = () =>
    createBroadcast(db, {
      adminId: ADMIN,
      sourceChatId: ADMIN,
      sourceMessageId: 9,
      exclude: [ADMIN],
      now: clock.t,
    });

  beforeEach(async () => {
    t = await testDatabase();
    db = t.db;
    clock = fakeClock();
    sender = new FakeSender(clock);
    for (const id of [ADMIN, ...users])
      await touchUser(db, { id, first_name: `u${id}` }, { now: clock.t - 10 });
  });
  afterEach(() => t.cleanup());

  it('sends to everyone but admins, blocked and banned users, in id order, paced; counts and finishes', async () => {
    await setBanned(db, 14, true);
    await setBlockedBot(db, 15, true);
    const b = await start();
    expect(b.total).toBe(3);
    const w = worker();
    w.kick();
    await w.idle();
    expect(sender.sends.map((s) => s.userId)).toEqual([11, 12, 13]);
    expect(sender.sends.map((s) => s.at - (sender.sends[0]?.at ?? 0))).toEqual([0, 40, 80]);
    expect(await getBroadcast(db, b.id)).toMatchObject({ status: 'done', sent: 3, cursor: 13 });
    expect(sender.finishedWith.map((x) => x.status)).toEqual(['done']);
  });

  it('a user who joined after the broadcast was created is not included', async () => {
    const b = await start();
    await touchUser(db, { id: 10, first_name: 'late' }, { now: clock.t + 1 });
    const w = worker();
    w.kick();
    await w.idle();
    expect(sender.sends.map((s) => s.userId)).toEqual(users);
    expect((await getBroadcast(db, b.id))?.sent).toBe(5);
  });

  it('403 counts as blocked and marks the user; other refusals count as failed; both move on', async () => {
    sender.script.set(12, [{ kind: 'blocked' }]);
    sender.script.set(13, [{ kind: 'failed', reason: 'chat not found' }]);
    const b = await start();
    const w = worker();
    w.kick();
    await w.idle();
    expect(await getBroadcast(db, b.id)).toMatchObject({
      sent: 3,
      blocked: 1,
      failed: 1,
      status: 'done',
    });
    expect((await getUser(db, 12))?.blockedBot).toBe(true);
  });

  it('a retry_after handed back is waited in full before the same user is tried again', async () => {
    sender.script.set(12, [
      { kind: 'retry_after', seconds: 30 },
      { kind: 'unavailable', reason: 'down' },
    ]);
    await start();
    const w = worker('a', { unavailablePauseMs: 5000 });
    w.kick();
    await w.idle();
    const to12 = sender.sends.filter((s) => s.userId === 12).map((s) => s.at);
    expect(to12).toHaveLength(3);
    expect((to12[1] ?? 0) - (to12[0] ?? 0)).toBeGreaterThanOrEqual(30_000);
    expect((to12[2] ?? 0) - (to12[1] ?? 0)).toBeGreaterThanOrEqual(5_000);
    expect(sender.sends.map((s) => s.userId)).toEqual([11, 12, 12, 12, 13, 14, 15]);
  });

  it('the message deleted: stopped as failed, the admin told', async () => {
    sender.script.set(13, [{ kind: 'source_gone' }]);
    const b = await start();
    const w = worker();
    w.kick();
    await w.idle();
    expect(await getBroadcast(db, b.id)).toMatchObject({
      status: 'failed',
      error: 'source_gone',
      sent: 2,
    });
    expect(sender.finishedWith).toHaveLength(1);
  });

  it('stopped by the admin mid-way: the send in flight counts, nothing after it', async () => {
    const b = await start();
    sender.onSend = (userId) => {
      return userId === 12 ? finishBroadcast(db, b.id, 'cancelled') : undefined;
    };
    const w = worker();
    w.kick();
    await w.idle();
    expect(sender.sends.map((s) => s.userId)).toEqual([11, 12]);
    expect(await getBroadcast(db, b.id)).toMatchObject({
      status: 'cancelled',
      sent: 2,
      cursor: 12,
    });
    expect(sender.finishedWith.map((x) => x.status)).toEqual(['cancelled']);
  });

  it('stop() finishes the send in flight and keeps the cursor; a new worker resumes after it', async () => {
    const b = await start();
    const first = worker('a');
    sender.onSend = (userId) => {
      if (userId === 13) void first.stop();
      return undefined;
    };
    first.kick();
    await first.idle();
    expect(await getBroadcast(db, b.id)).toMatchObject({ status: 'running', cursor: 13, sent: 3 });
    sender.onSend = undefined;
    const second = worker('b');
    second.kick();
    await second.idle();
    expect(sender.sends.map((s) => s.userId)).toEqual(users);
    expect(await getBroadcast(db, b.id)).toMatchObject({ status: 'done', sent: 5 });
  });

  it('a broadcast leased by a live instance is left alone; an expired lease is taken over', async () => {
    const b = await start();
    await db
      .update(broadcasts)
      .set({ leaseOwner: 'other', leaseUntil: clock.t + 60_000 })
      .where(eq(broadcasts.id, b.id));
    const w = worker('a');
    w.kick();
    await w.idle();
    expect(sender.sends).toEqual([]);
    clock.t += 60_001;
    w.kick();
    await w.idle();
    expect(sender.sends.map((s) => s.userId)).toEqual(users);
  });

  it('progress is reported at most every interval', async () => {
    const many = Array.from({ length: 40 }, (_, i) => 100 + i);
    for (const id of many) await touchUser(db, { id, first_name: 'x' }, { now: clock.t - 10 });
    await start();
    const w = worker('a', { progressIntervalMs: 400 });
    w.kick();
    await w.idle();
    // 45 sends 40 ms apart = 1.76 s: an edit every 400 ms at most.
    expect(sender.progressed.length).toBeGreaterThan(0);
    expect(sender.progressed.length).toBeLessThanOrEqual(5);
  });
});
