import type { ForumTopic, Message } from 'grammy/types';
import { describe, expect, it } from 'vitest';
import { getUser } from '../../src/accounts/users.js';
import { supportMessages, supportTickets } from '../../src/db/schema.js';
import { insertJob } from '../../src/jobs/store.js';
import type { BotReply, CallRecord, TestUser } from '../fakes/telegram/index.js';
import { buttonTexts, knownUser, pause, useOperatorWorld } from './operator-helpers.js';

/** The thread id a createForumTopic call returned. */
function threadOf(call: CallRecord): number {
  if (!call.response.ok) throw new Error('createForumTopic failed');
  return (call.response.result as ForumTopic).message_thread_id;
}

/** The user writes to support through the whole conversation: prompt, message, confirm. */
/** /support, then the user's message; returns it and the "Send this message?" question. */
async function draftToSupport(
  user: TestUser,
  send: (u: TestUser) => Message,
): Promise<{ mine: Message; confirm: BotReply }> {
  user.send('/support');
  await user.waitFor({ method: 'sendMessage', text: /Write your message to support/ });
  const mine = send(user);
  const confirm = await user.waitFor({
    method: 'sendMessage',
    text: 'Send this message to support?',
  });
  return { mine, confirm };
}

async function writeToSupport(
  user: TestUser,
  send: (u: TestUser) => Message,
  answer: RegExp = /Sent to support as request #\d+/,
): Promise<Message> {
  const { mine, confirm } = await draftToSupport(user, send);
  expect(buttonTexts(confirm.message)).toEqual(['✅ Send', '✖️ Cancel']);
  await user.press(confirm.message ?? 0, '✅ Send');
  await user.waitFor({ text: answer });
  return mine;
}

describe('support in a plain group (bot level)', () => {
  const w = useOperatorWorld({ support: 'group' });

  it('a full ticket both ways: header with who wrote, admin reply, user reply, /close', async () => {
    const user = await knownUser(w.tg, { first_name: 'Ann', username: 'ann_k' });
    insertJob(w.bot.app.deps.db, {
      id: 'jFail1',
      userId: user.id,
      chatId: user.id,
      family: 'image',
      kind: 'generate',
      model: 'flux-schnell',
      params: {},
      price: 5,
      payer: 'balance',
      status: 'failed',
      errorCode: 'content_policy',
      errorMessage: 'refused <by> policy',
    });
    const staff = w.admin.inGroup(w.group?.id ?? 0);
    const mine = await writeToSupport(user, (u) => u.send('My image failed twice'));

    const header = await staff.waitFor({ text: /New ticket #1/ });
    const text = header.message?.text ?? '';
    expect(text).toContain(`Ann · ${user.id} · @ann_k · en`);
    expect(text).toContain('Balance: 0.00 USD');
    expect(text).toContain('Last job: jFail1 · image · flux-schnell · failed');
    expect(text).toContain('Its error: content_policy refused <by> policy');
    expect(text).toMatch(/Reply to this message/);
    const copy = await staff.waitFor({ text: 'My image failed twice' });
    expect(copy.message?.reply_to_message?.message_id).toBe(header.message?.message_id);

    // The admin answers by replying to the copy: the user gets it as a reply to their message.
    staff.reply(copy.message ?? 0, 'Please try another prompt');
    const answer = await user.waitFor({ text: 'Please try another prompt' });
    expect(answer.message?.reply_to_message?.message_id).toBe(mine.message_id);
    expect(buttonTexts(answer.message)).toEqual(['💬 Reply to support']);
    await w.tg.waitForCall('setMessageReaction');

    // The user replies to the answer: straight into the same ticket, no confirmation.
    const again = user.reply(answer.message ?? 0, 'Still the same');
    await user.waitFor({ text: 'Added to your request #1.' });
    const more = await staff.waitFor({ text: /Ticket #1/ });
    expect(more.message?.text).not.toMatch(/New ticket/);
    const copy2 = await staff.waitFor({ text: 'Still the same' });

    // Answering the header works too, and it threads under the user's own message.
    staff.reply(more.message ?? 0, 'Fixed now');
    const answer2 = await user.waitFor({ text: 'Fixed now' });
    expect(answer2.message?.reply_to_message?.message_id).toBe(again.message_id);

    staff.send('/close', { replyTo: copy2.message?.message_id ?? 0 });
    const closed = await staff.waitFor({ text: /Ticket #1 closed/ });
    await user.waitFor({ text: /support request #1 was closed/ });
    staff.send('/close', { replyTo: copy2.message?.message_id ?? 0 });
    await staff.waitFor({ text: 'Ticket #1 is already closed.' });

    // Replying to the bot's own message that is not a ticket gets a clear answer.
    staff.reply(closed.message ?? 0, 'ok thanks');
    await staff.waitFor({ text: /not part of a ticket/ });
    // Staff talking among themselves is left alone.
    const chat = staff.send('lunch at 2?');
    staff.reply(chat, 'sure');
    staff.send('// a note: nothing goes to the user');
    staff.send('/close');
    await staff.waitFor({ text: /Use \/close inside a user's topic/ });
    expect(
      staff.botMessages().filter((m) => m.text?.includes('not part of a ticket')),
    ).toHaveLength(1);

    const tickets = w.bot.app.deps.db.select().from(supportTickets).all();
    expect(tickets).toMatchObject([{ id: 1, userId: user.id, status: 'closed', threadId: null }]);
  });

  it('a member who is not staff cannot answer or close: it stays in the chat, they are told once', async () => {
    const user = await knownUser(w.tg, { first_name: 'Bea' });
    const staff = w.admin.inGroup(w.group?.id ?? 0);
    const stranger = w.tg
      .user({ first_name: 'Max', language_code: 'en' })
      .inGroup(w.group?.id ?? 0);
    await writeToSupport(user, (u) => u.send('Where is my grid?'));
    const copy = await staff.waitFor({ text: 'Where is my grid?' });

    stranger.reply(copy.message ?? 0, 'send me your password');
    await stranger.waitFor({ text: /Only the bot's operators \(ADMIN_IDS\) can answer/ });
    stranger.reply(copy.message ?? 0, 'hello?');
    stranger.send('/close', { replyTo: copy.message?.message_id ?? 0 });
    await pause(300);
    expect(user.messages().some((m) => /password|hello\?/.test(m.text ?? ''))).toBe(false);
    expect(
      stranger.botMessages().filter((m) => m.text?.includes("Only the bot's operators")),
    ).toHaveLength(1);
    const ticket = w.bot.app.deps.db.select().from(supportTickets).all().at(-1);
    expect(ticket).toMatchObject({ userId: user.id, status: 'open' });

    // Staff still answer as before.
    staff.reply(copy.message ?? 0, 'It is on its way');
    await user.waitFor({ text: 'It is on its way' });
  });

  it('an anonymous admin cannot answer in admin-ids mode: nobody can tell who they are', async () => {
    const user = await knownUser(w.tg, { first_name: 'Cleo' });
    const group = w.group;
    if (!group) throw new Error('no group');
    await writeToSupport(user, (u) => u.send('Is anyone there?'));
    const copy = await w.admin.inGroup(group).waitFor({ text: 'Is anyone there?' });
    const anon = group.anonymousAdmin();
    anon.reply(copy.message ?? 0, 'Yes, we are');
    await anon.waitFor({ text: /Anonymous admins cannot answer users here/ });
    anon.send('/close', { replyTo: copy.message?.message_id ?? 0 });
    await pause(300);
    expect(user.messages().some((m) => m.text === 'Yes, we are')).toBe(false);
    expect(w.tg.callsTo('getChatMember')).toEqual([]);
    const ticket = w.bot.app.deps.db.select().from(supportTickets).all().at(-1);
    expect(ticket).toMatchObject({ userId: user.id, status: 'open' });
  });

  it('bad input: empty, huge, a sticker, cancel — nothing goes out', async () => {
    const user = await knownUser(w.tg, { first_name: 'Bob' });
    const before = w.tg.callsTo('copyMessage').length;
    user.send('/support');
    await user.waitFor({ method: 'sendMessage', text: /Write your message to support/ });
    user.send('  \u200b  ');
    await user.waitFor({ text: /The message is empty/ });
    user.send('x'.repeat(5000));
    await user.waitFor({ text: /too long \(5,000 characters, at most 3,000\)/ });
    user.sendSticker();
    await user.waitFor({ text: /text, photos and documents only/ });
    user.send('/cancel');
    await user.waitFor({ text: 'Cancelled. Nothing was sent.' });
    // Gone for good: plain text now goes to the other features, not to support.
    expect(w.tg.callsTo('copyMessage').length).toBe(before);

    // The Cancel button after a draft, too.
    user.send('/support');
    const prompt = await user.waitFor({
      method: 'sendMessage',
      text: /Write your message to support/,
    });
    user.send('draft');
    await user.waitFor({ method: 'sendMessage', text: 'Send this message to support?' });
    await user.press(prompt.message ?? 0, '✖️ Cancel');
    await user.waitFor({ text: 'Cancelled. Nothing was sent.' });
    expect(w.tg.callsTo('copyMessage').length).toBe(before);
  });

  it('the admin answers a user who blocked the bot: the admin is told, the user marked', async () => {
    const user = await knownUser(w.tg, { first_name: 'Cid' });
    const staff = w.admin.inGroup(w.group?.id ?? 0);
    // Entered from the Support button of an error message (callback menu:support).
    const hello = user.lastBotMessage();
    await user.pressData(hello ?? 0, 'menu:support');
    await user.waitFor({ method: 'sendMessage', text: /Write your message to support/ });
    user.sendPhoto({}, { caption: 'see screenshot' });
    const confirm = await user.waitFor({
      method: 'sendMessage',
      text: 'Send this message to support?',
    });
    await user.press(confirm.message ?? 0, '✅ Send');
    await user.waitFor({ text: /Sent to support/ });
    const copy = await staff.waitFor({ text: 'see screenshot', photo: true });
    w.tg.block(user.id);
    staff.reply(copy.message ?? 0, 'Hello?');
    await staff.waitFor({ text: '⚠️ Not delivered: the user has blocked the bot.' });
    expect((await getUser(w.bot.app.deps.database, user.id))?.blockedBot).toBe(true);
    // Any other refusal is reported to the admin too (a group's error boundary stays silent).
    w.tg.unblock(user.id);
    w.tg.failNext('copyMessage', { error_code: 400, description: 'Bad Request: MESSAGE_EMPTY' });
    staff.reply(copy.message ?? 0, 'Hello again?');
    await staff.waitFor({ text: /Not delivered: .*MESSAGE_EMPTY/ });
  });

  it('the support chat unreachable (bot removed): the user is told where else to write', async () => {
    const user = await knownUser(w.tg, { first_name: 'Dee' });
    const { confirm } = await draftToSupport(user, (u) => u.send('hello?'));
    w.tg.failNext('sendMessage', {
      error_code: 403,
      description: 'Forbidden: bot was kicked from the supergroup chat',
    });
    await user.press(confirm.message ?? 0, '✅ Send');
    // No SUPPORT_CONTACT configured: no stranger to write to instead.
    const failed = await user.waitFor({ text: /could not reach support right now/ });
    expect(failed.message?.text).toBe(
      '⚠️ I could not reach support right now. Please try again later.',
    );
  });
});

describe('support in a forum supergroup (bot level)', () => {
  const w = useOperatorWorld({ support: 'forum' });

  it('one topic per user, both ways, /close, reopened for the next ticket, survives a restart', async () => {
    const group = w.group;
    if (!group) throw new Error('no group');
    const user = await knownUser(w.tg, { first_name: 'Dana', username: 'dana' });
    await writeToSupport(user, (u) =>
      u.sendPhoto({ width: 320, height: 200 }, { caption: 'Broken result' }),
    );
    const created = await w.tg.waitForCall('createForumTopic');
    expect(created.params.name).toBe(`Dana @dana · ${user.id}`);
    const topic = group.topics().find((t) => t.name === created.params.name);
    const threadId = topic?.message_thread_id ?? -1;
    const inTopic = w.admin.inGroup(group, { threadId });
    const header = await inTopic.waitFor({ text: /New ticket #1/ });
    expect(header.message?.text).toMatch(/Everything written in this topic goes to the user/);
    const copy = await inTopic.waitFor({ photo: true, text: 'Broken result' });
    expect(copy.message?.message_thread_id).toBe(threadId);

    // Writing in the topic (no reply needed) answers the user.
    inTopic.send('We are looking into it');
    const answer = await user.waitFor({ text: 'We are looking into it' });
    expect(answer.message?.reply_to_message).toBeUndefined();
    inTopic.send('// note for staff only');

    // The user answers with the button: a document, into the same topic.
    await user.press(answer.message ?? 0, '💬 Reply to support');
    await user.waitFor({ method: 'sendMessage', text: /Write your reply to support/ });
    user.sendDocument(Buffer.from('log line'), { filename: 'log.txt' });
    const confirm = await user.waitFor({
      method: 'sendMessage',
      text: 'Send this message to support?',
    });
    await user.press(confirm.message ?? 0, '✅ Send');
    await user.waitFor({ text: 'Added to your request #1.' });
    await inTopic.waitFor({ document: true });
    expect(w.tg.callsTo('createForumTopic')).toHaveLength(1);
    expect(user.messages().filter((m) => m.text?.includes('note for staff'))).toEqual([]);

    inTopic.send('/close');
    await inTopic.waitFor({ text: /Ticket #1 closed/ });
    await w.tg.waitForCall('closeForumTopic');
    expect(group.topics().find((t) => t.message_thread_id === threadId)?.closed).toBe(true);
    await user.waitFor({ text: /support request #1 was closed/ });

    // A new ticket reuses (reopens) the topic, with a fresh header.
    await writeToSupport(user, (u) => u.send('One more question'), /request #2/);
    await w.tg.waitForCall('reopenForumTopic');
    await inTopic.waitFor({ text: /New ticket #2/ });
    await inTopic.waitFor({ text: 'One more question' });
    expect(w.tg.callsTo('createForumTopic')).toHaveLength(1);

    // The mapping lives in the database: after a restart the topic still leads to the user.
    await w.restart();
    inTopic.send('Answer after a restart');
    const late = await user.waitFor({ text: 'Answer after a restart' }, { timeoutMs: 8_000 });
    user.reply(late.message ?? 0, 'Thanks!');
    await inTopic.waitFor({ text: 'Thanks!' });
    const rows = w.bot.app.deps.db.select().from(supportMessages).all();
    expect(rows.filter((r) => r.direction === 'out').length).toBe(2);
  });

  it('a topic deleted by staff is replaced by a new one', async () => {
    const group = w.group;
    if (!group) throw new Error('no group');
    const user = await knownUser(w.tg, { first_name: 'Eve' });
    await writeToSupport(user, (u) => u.send('first'));
    const created = await w.tg.waitForCall('createForumTopic', (c) =>
      String(c.params.name).startsWith('Eve'),
    );
    const threadId = threadOf(created);
    // The ticket is open, so the next message goes without a header: the copy is the first
    // call into the topic, and it finds the topic gone.
    const { confirm } = await draftToSupport(user, (u) => u.send('second'));
    w.tg.failNext('copyMessage', {
      error_code: 400,
      description: 'Bad Request: message thread not found',
    });
    await user.press(confirm.message ?? 0, '✅ Send');
    await user.waitFor({ text: 'Added to your request' });
    const again = await w.tg.waitForCall('createForumTopic', (c) =>
      String(c.params.name).startsWith('Eve'),
    );
    const newThread = threadOf(again);
    expect(newThread).not.toBe(threadId);
    const inNew = w.admin.inGroup(group, { threadId: newThread });
    await inNew.waitFor({ text: /Ticket #\d+/ });
    await inNew.waitFor({ text: 'second' });
    w.tg.clearFaults();
  });
});

describe('support staff are the chat admins (SUPPORT_STAFF=chat-admins)', () => {
  const w = useOperatorWorld({ support: 'forum', env: { SUPPORT_STAFF: 'chat-admins' } });

  it('an admin of the chat, named or anonymous, answers and closes; a member cannot', async () => {
    const group = w.group;
    if (!group) throw new Error('no group');
    const user = await knownUser(w.tg, { first_name: 'Eli' });
    await writeToSupport(user, (u) => u.send('Where is my video?'));
    const created = await w.tg.waitForCall('createForumTopic');
    const threadId = group.topics().find((t) => t.name === created.params.name)?.message_thread_id;
    const ivan = w.tg.user({ first_name: 'Ivan', language_code: 'en' });
    const mia = w.tg.user({ first_name: 'Mia', language_code: 'en' });
    group.promote(ivan);
    const asIvan = ivan.inGroup(group, threadId === undefined ? {} : { threadId });
    const asMia = mia.inGroup(group, threadId === undefined ? {} : { threadId });
    await asIvan.waitFor({ text: 'Where is my video?' });

    asMia.send('I can answer too');
    await asMia.waitFor({ text: /this chat's administrators can answer users/ });
    asIvan.send('It is rendering now');
    await user.waitFor({ text: 'It is rendering now' });
    group.anonymousAdmin(threadId === undefined ? {} : { threadId }).send('Signed: the team');
    await user.waitFor({ text: 'Signed: the team' });
    asMia.send('/close');
    await pause(300);
    expect(w.tg.callsTo('closeForumTopic')).toEqual([]);
    expect(user.messages().some((m) => m.text === 'I can answer too')).toBe(false);

    // Ivan's rights were looked up once and remembered; Mia's once (her /close hit the cache).
    const lookups = w.tg.callsTo('getChatMember').map((c) => Number(c.params.user_id));
    expect(lookups.filter((id) => id === ivan.id)).toHaveLength(1);
    expect(lookups.filter((id) => id === mia.id)).toHaveLength(1);

    asIvan.send('/close');
    await asIvan.waitFor({ text: /Ticket #\d+ closed/ });
    await user.waitFor({ text: /support request #\d+ was closed/ });
  });
});

describe('support without a support chat (bot level)', () => {
  const w = useOperatorWorld({ support: 'none', env: { SUPPORT_CONTACT: '@seller_help' } });

  it('/support and the Support buttons show the configured contact', async () => {
    const user = await knownUser(w.tg);
    user.send('/support');
    const reply = await user.waitFor({ text: /Support: @seller_help/ });
    expect(reply.message?.text).toContain('Write there and we will help you.');
    const hello = user.lastBotMessage();
    const start = user.botMessages().find((m) => buttonTexts(m).includes('💬 Support'));
    await user.press(start ?? hello ?? 0, '💬 Support');
    await user.waitFor({ text: /Support: @seller_help/ });
    // The error messages' button (menu:support) is the same entry.
    await user.pressData(hello ?? 0, 'menu:support');
    await user.waitFor({ text: /Support: @seller_help/ });
    await pause(100);
    expect(w.tg.callsTo('copyMessage')).toHaveLength(0);
  });
});
