import { describe, expect, it } from 'vitest';
import { type Harness, harness, poll, useHarnesses } from './helpers.js';

let h: Harness;
const teardown = useHarnesses();

describe('groups and forums', () => {
  it('delivers group messages and lets the bot answer in a forum topic', async () => {
    h = await harness();
    const ann = h.standIn.user({ first_name: 'Ann' });
    const forum = h.standIn.group({ title: 'Studio', forum: true, members: [ann] });
    expect(forum.chat).toMatchObject({ type: 'supergroup', is_forum: true, title: 'Studio' });
    expect(forum.id).toBeLessThan(-1_000_000_000_000);
    const topic = forum.createTopic('Renders', ann);
    h.bot.command('gen', (ctx) => ctx.reply('queued'));
    teardown.stop = poll(h.bot);
    const inTopic = ann.inGroup(forum, { threadId: topic.message_thread_id });
    const cmd = inTopic.send(`/gen@${h.standIn.botInfo.username} a cat`);
    expect(cmd.entities?.[0]).toMatchObject({ type: 'bot_command', offset: 0, length: 20 });
    const reply = await inTopic.waitFor({ text: 'queued' });
    expect(reply.message).toMatchObject({
      message_thread_id: topic.message_thread_id,
      is_topic_message: true,
    });
    expect(forum.messages(topic.message_thread_id).map((m) => m.text ?? 'service')).toEqual([
      'service',
      cmd.text,
      'queued',
    ]);
  });

  it('creates, closes and reopens topics; closed topics reject sends; pins are stored', async () => {
    h = await harness();
    const forum = h.standIn.group({ title: 'F', forum: true });
    const t = await h.bot.api.createForumTopic(forum.id, 'Jobs');
    expect(t).toMatchObject({ name: 'Jobs', message_thread_id: expect.any(Number) });
    const m = await h.bot.api.sendMessage(forum.id, 'in topic', {
      message_thread_id: t.message_thread_id,
    });
    await h.bot.api.closeForumTopic(forum.id, t.message_thread_id);
    const closed = await h.raw('sendMessage', {
      chat_id: forum.id,
      text: 'x',
      message_thread_id: t.message_thread_id,
    });
    expect(closed.json.description).toBe('Bad Request: TOPIC_CLOSED');
    await h.bot.api.reopenForumTopic(forum.id, t.message_thread_id);
    const missing = await h.raw('sendMessage', {
      chat_id: forum.id,
      text: 'x',
      message_thread_id: 999,
    });
    expect(missing.json.description).toBe('Bad Request: message thread not found');
    await h.bot.api.pinChatMessage(forum.id, m.message_id);
    expect(forum.pinned()?.text).toBe('in topic');
    const plain = h.standIn.group({ title: 'P' });
    const notForum = await h.raw('createForumTopic', { chat_id: plain.id, name: 'x' });
    expect(notForum.json.description).toBe('Bad Request: the chat is not a forum');
  });

  it('answers getChat for users and groups', async () => {
    h = await harness();
    const u = h.standIn.user({ first_name: 'Bo', username: 'bo' });
    expect(await h.bot.api.getChat(u.id)).toMatchObject({
      id: u.id,
      type: 'private',
      first_name: 'Bo',
      username: 'bo',
    });
    const g = h.standIn.group({ title: 'Basic', type: 'group' });
    expect(await h.bot.api.getChat(g.id)).toMatchObject({
      id: g.id,
      type: 'group',
      title: 'Basic',
    });
  });
});

describe('bot settings', () => {
  it('stores commands per scope and language', async () => {
    h = await harness();
    const u = h.standIn.user();
    await h.bot.api.setMyCommands([{ command: 'start', description: 'Start' }]);
    await h.bot.api.setMyCommands([{ command: 'start', description: 'Старт' }], {
      language_code: 'ru',
    });
    await h.bot.api.setMyCommands([{ command: 'admin', description: 'Admin' }], {
      scope: { type: 'chat', chat_id: u.id },
    });
    expect(h.standIn.commands()).toEqual([{ command: 'start', description: 'Start' }]);
    expect(h.standIn.commands(undefined, 'ru')?.[0]?.description).toBe('Старт');
    expect(h.standIn.commands({ type: 'chat', chat_id: u.id })?.[0]?.command).toBe('admin');
    expect(await h.bot.api.getMyCommands({ language_code: 'ru' })).toHaveLength(1);
    await h.bot.api.deleteMyCommands({ language_code: 'ru' });
    expect(h.standIn.commands(undefined, 'ru')).toBeUndefined();
    const bad = await h.raw('setMyCommands', {
      commands: [{ command: 'Bad-Name', description: 'x' }],
    });
    expect(bad.json.description).toBe('Bad Request: BOT_COMMAND_INVALID');
  });

  it('stores the chat menu button', async () => {
    h = await harness();
    const u = h.standIn.user();
    await h.bot.api.setChatMenuButton({ chat_id: u.id, menu_button: { type: 'commands' } });
    expect(h.standIn.menuButton(u.id)).toEqual({ type: 'commands' });
    expect(h.standIn.menuButton()).toEqual({ type: 'default' });
  });

  it('tracks chat actions and validates the action', async () => {
    h = await harness();
    const u = h.standIn.user();
    await h.bot.api.sendChatAction(u.id, 'upload_photo');
    expect(u.chatActions()[0]?.action).toBe('upload_photo');
    const bad = await h.raw('sendChatAction', { chat_id: u.id, action: 'dancing' });
    expect(bad.json.description).toBe('Bad Request: wrong parameter action in request');
  });

  it('tracks the reply keyboard a user sees', async () => {
    h = await harness();
    const u = h.standIn.user();
    await h.bot.api.sendMessage(u.id, 'choose', {
      reply_markup: { keyboard: [[{ text: 'A' }]], resize_keyboard: true },
    });
    expect(u.keyboard()?.keyboard[0]?.[0]).toEqual({ text: 'A' });
    await h.bot.api.sendMessage(u.id, 'done', { reply_markup: { remove_keyboard: true } });
    expect(u.keyboard()).toBeUndefined();
  });

  it('refuses users who never started the bot', async () => {
    h = await harness();
    const u = h.standIn.user({ started: false });
    const res = await h.raw('sendMessage', { chat_id: u.id, text: 'hi' });
    expect([res.status, res.json.description]).toEqual([
      403,
      "Forbidden: bot can't initiate conversation with a user",
    ]);
    u.send('/start');
    expect((await h.raw('sendMessage', { chat_id: u.id, text: 'hi' })).status).toBe(200);
  });
});

describe('waitForCall', () => {
  it('returns successive matching calls, including ones made before the wait', async () => {
    h = await harness();
    const u = h.standIn.user();
    await h.bot.api.sendMessage(u.id, 'first');
    const second = h.bot.api.sendMessage(u.id, 'second');
    const a = await h.standIn.waitForCall('sendMessage');
    const b = await h.standIn.waitForCall('sendMessage', (c) => c.params.text === 'second');
    await second;
    expect([a.params.text, b.params.text]).toEqual(['first', 'second']);
    await expect(h.standIn.waitForCall('sendMessage', undefined, 50)).rejects.toThrow(
      /Timed out after 50 ms/,
    );
  });
});
