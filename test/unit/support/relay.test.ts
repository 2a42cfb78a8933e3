import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getUser, touchUser } from '../../../src/accounts/users.js';
import type { Database } from '../../../src/db/engine.js';
import { supportMessages, supportTickets } from '../../../src/db/schema.js';
import { ChannelError, type Placement, type SupportChannel } from '../../../src/support/ports.js';
import { closeTicket, relayToSupport, relayToUser } from '../../../src/support/relay.js';
import { type TestDatabase, testDatabase } from '../../helpers/temp-db.js';

type Sent = {
  kind: 'html' | 'copy' | 'topic' | 'reopen' | 'close';
  chat: number;
  id: number;
} & Placement & {
    from?: number;
    replyButton?: boolean;
  };

/** A support chat in memory: records what was posted, fails on demand. */
class FakeChannel implements SupportChannel {
  forum = true;
  log: Sent[] = [];
  private next = 100;
  fail: Partial<Record<Sent['kind'], ChannelError[]>> = {};

  private take(kind: Sent['kind']) {
    const err = this.fail[kind]?.shift();
    if (err) throw err;
  }
  async isForum() {
    return this.forum;
  }
  async createTopic(chat: number) {
    this.take('topic');
    const id = this.next++;
    this.log.push({ kind: 'topic', chat, id });
    return id;
  }
  async reopenTopic(chat: number, threadId: number) {
    this.take('reopen');
    this.log.push({ kind: 'reopen', chat, id: threadId });
  }
  async closeTopic(chat: number, threadId: number) {
    this.take('close');
    this.log.push({ kind: 'close', chat, id: threadId });
  }
  async sendHtml(chat: number, _html: string, at?: Placement) {
    this.take('html');
    const id = this.next++;
    this.log.push({ kind: 'html', chat, id, ...at });
    return id;
  }
  async copy(
    from: { chatId: number; messageId: number },
    to: number,
    at?: Placement & { replyButton?: boolean },
  ) {
    this.take('copy');
    const id = this.next++;
    this.log.push({ kind: 'copy', chat: to, id, from: from.messageId, ...at });
    return id;
  }
}

const SUPPORT = -1001;
const USER = 42;

describe('support relay', () => {
  let t: TestDatabase;
  let db: Database;
  let channel: FakeChannel;
  const deps = () => ({ db, channel });
  const input = (messageId: number) => ({
    supportChatId: SUPPORT,
    userId: USER,
    messageId,
    topicName: 'Ann · 42',
    header: (t: { id: number; opened: boolean }) => `#${t.id}${t.opened ? ' new' : ''}`,
  });

  beforeEach(async () => {
    t = await testDatabase();
    db = t.db;
    channel = new FakeChannel();
    await touchUser(db, { id: USER, first_name: 'Ann' });
  });
  afterEach(() => t.cleanup());

  it('forum: a topic per user, header once per ticket, copies into it; duplicates skipped', async () => {
    const first = await relayToSupport(deps(), input(1));
    expect(first).toEqual({ kind: 'sent', ticketId: 1, opened: true, threadId: 100 });
    expect(channel.log.map((s) => [s.kind, s.threadId])).toEqual([
      ['topic', undefined],
      ['html', 100],
      ['copy', 100],
    ]);
    await relayToSupport(deps(), input(2));
    expect(channel.log.slice(3).map((s) => s.kind)).toEqual(['copy']);
    expect(await relayToSupport(deps(), input(2))).toEqual({ kind: 'duplicate', ticketId: 1 });
    expect(channel.log).toHaveLength(4);
  });

  it('forum: after /close the next ticket reopens the same topic, with a new header', async () => {
    await relayToSupport(deps(), input(1));
    const closed = await closeTicket(deps(), { chatId: SUPPORT, messageId: 900, threadId: 100 }, 7);
    expect(closed).toEqual({ kind: 'closed', userId: USER, ticketId: 1 });
    expect(channel.log.at(-1)).toMatchObject({ kind: 'close', id: 100 });
    expect(
      await closeTicket(deps(), { chatId: SUPPORT, messageId: 901, threadId: 100 }, 7),
    ).toEqual({
      kind: 'already_closed',
      userId: USER,
      ticketId: 1,
    });
    const next = await relayToSupport(deps(), input(3));
    expect(next).toMatchObject({ ticketId: 2, opened: true, threadId: 100 });
    expect(channel.log.slice(-3).map((s) => s.kind)).toEqual(['reopen', 'html', 'copy']);
    expect(channel.log.filter((s) => s.kind === 'topic')).toHaveLength(1);
  });

  it('forum: a deleted topic is replaced; a topic closed by hand is reopened', async () => {
    await relayToSupport(deps(), input(1));
    channel.fail.copy = [new ChannelError('topic_gone', 'message thread not found')];
    await relayToSupport(deps(), input(2));
    expect(channel.log.slice(3).map((s) => [s.kind, s.threadId])).toEqual([
      ['topic', undefined],
      ['html', 103],
      ['copy', 103],
    ]);
    expect((await db.select().from(supportTickets))[0]?.threadId).toBe(103);
    channel.fail.copy = [new ChannelError('topic_closed', 'TOPIC_CLOSED')];
    await relayToSupport(deps(), input(3));
    expect(channel.log.slice(6).map((s) => s.kind)).toEqual(['reopen', 'copy']);
  });

  it('plain group: header and copy (as a reply to it) for every message, both recorded', async () => {
    channel.forum = false;
    await relayToSupport(deps(), input(1));
    expect(channel.log).toEqual([
      { kind: 'html', chat: SUPPORT, id: 100 },
      { kind: 'copy', chat: SUPPORT, id: 101, from: 1, replyTo: 100 },
    ]);
    const rows = await db.select().from(supportMessages).orderBy(supportMessages.id);
    expect(rows.map((r) => [r.chatMessageId, r.userMessageId, r.direction])).toEqual([
      [100, 1, 'in'],
      [101, 1, 'in'],
    ]);
  });

  it('a failed copy records nothing, so trying again sends again', async () => {
    channel.forum = false;
    channel.fail.copy = [new ChannelError('unreachable', 'bot was kicked')];
    await expect(relayToSupport(deps(), input(1))).rejects.toThrow(ChannelError);
    expect(await db.select().from(supportMessages)).toEqual([]);
    // Still the ticket's first message: it opens the ticket (header with the hint).
    expect(await relayToSupport(deps(), input(1))).toMatchObject({ kind: 'sent', opened: true });
  });

  it('answers: by reply (threaded under the user message) or by topic; blocked; not a ticket', async () => {
    channel.forum = false;
    await relayToSupport(deps(), input(5)); // header 100, copy 101
    const byReply = await relayToUser(deps(), {
      chatId: SUPPORT,
      messageId: 200,
      replyToMessageId: 101,
    });
    expect(byReply).toEqual({ kind: 'sent', userId: USER, ticketId: 1 });
    expect(channel.log.at(-1)).toMatchObject({
      kind: 'copy',
      chat: USER,
      from: 200,
      replyTo: 5,
      replyButton: true,
    });
    expect(
      await relayToUser(deps(), { chatId: SUPPORT, messageId: 200, replyToMessageId: 101 }),
    ).toMatchObject({
      kind: 'duplicate',
    });
    expect(
      await relayToUser(deps(), { chatId: SUPPORT, messageId: 201, replyToMessageId: 55 }),
    ).toEqual({
      kind: 'no_ticket',
    });
    expect(await relayToUser(deps(), { chatId: SUPPORT, messageId: 202 })).toEqual({
      kind: 'no_ticket',
    });

    channel.fail.copy = [new ChannelError('unreachable', 'bot was blocked by the user')];
    expect(
      await relayToUser(deps(), { chatId: SUPPORT, messageId: 203, replyToMessageId: 100 }),
    ).toEqual({
      kind: 'blocked',
      userId: USER,
      ticketId: 1,
    });
    expect((await getUser(db, USER))?.blockedBot).toBe(true);
  });

  it('answers in a topic reach the topic’s user even after the ticket was closed', async () => {
    await relayToSupport(deps(), input(1));
    await closeTicket(deps(), { chatId: SUPPORT, messageId: 900, threadId: 100 }, 7);
    const late = await relayToUser(deps(), { chatId: SUPPORT, messageId: 300, threadId: 100 });
    expect(late).toEqual({ kind: 'sent', userId: USER, ticketId: 1 });
    expect(channel.log.at(-1)).toMatchObject({ kind: 'copy', chat: USER, from: 300 });
    expect(channel.log.at(-1)?.replyTo).toBeUndefined();
    expect(await closeTicket(deps(), { chatId: SUPPORT, messageId: 901 }, 7)).toEqual({
      kind: 'no_ticket',
    });
  });
});
