import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ForumTopic } from 'grammy/types';
import { describe, expect, it } from 'vitest';
import { touchUser } from '../../src/accounts/users.js';
import { closeDb, openDb } from '../../src/db/client.js';
import { sqliteEngine } from '../../src/db/engine.js';
import type { TestGroup, TestUser } from '../fakes/telegram/index.js';
import { spawnBot } from '../helpers/spawn-bot.js';
import { useSpawnedBot } from '../helpers/spawned-world.js';

const GATEWAY_KEY = 'sk-e2eOperatorKey0123456789abcdef';
/** An admin who never opened the bot: no chat to put a menu in yet. */
const GHOST_ADMIN = 777_000_111;

describe('operator tools end to end: the real process (npm start)', () => {
  let admin: TestUser;
  let group: TestGroup;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'genbot-e2e-op-'));
  const world = useSpawnedBot({
    key: GATEWAY_KEY,
    dataDir,
    env: (tg) => {
      admin = tg.user({ first_name: 'Olga', language_code: 'en' });
      group = tg.group({ title: 'Support desk', forum: true, members: [admin] });
      return {
        ADMIN_IDS: `${admin.id},${GHOST_ADMIN}`,
        SUPPORT_CHAT_ID: String(group.id),
        BROADCAST_RATE: '60',
      };
    },
  });

  it('publishes the admin menu in the admins’ chats only', async () => {
    await world.bot.waitForOutput(/menus published/, 10_000);
    const scope = { type: 'chat' as const, chat_id: admin.id };
    expect(world.tg.commands(scope)?.map((c) => c.command)).toEqual(
      expect.arrayContaining(['imagine', 'stats', 'broadcast', 'ban', 'unban', 'reload']),
    );
    expect(
      world.tg.commands(scope, 'ru')?.find((c) => c.command === 'broadcast')?.description,
    ).toBe('Рассылка всем пользователям');
    for (const scope of [undefined, { type: 'all_private_chats' as const }])
      for (const lang of [undefined, 'en', 'ru'])
        expect(world.tg.commands(scope, lang)?.map((c) => c.command) ?? []).not.toContain('stats');
    expect(world.bot.output()).toMatch(/admin menu set on these admins’ first message/);
    expect(world.bot.output()).toContain(String(GHOST_ADMIN));
  });

  it('a ticket both ways through a forum topic', async () => {
    const user = world.tg.user({ first_name: 'Ann', language_code: 'en' });
    user.send('/support');
    await user.waitFor(
      { method: 'sendMessage', text: /Write your message/ },
      { timeoutMs: 10_000 },
    );
    user.send('Where is my video?');
    const confirm = await user.waitFor({ method: 'sendMessage', text: /Send this message/ });
    await user.press(confirm.message ?? 0, '✅ Send');
    await user.waitFor({ text: /request #1/ });
    const created = await world.tg.waitForCall('createForumTopic');
    const threadId = created.response.ok
      ? (created.response.result as ForumTopic).message_thread_id
      : 0;
    const inTopic = admin.inGroup(group, { threadId });
    await inTopic.waitFor({ text: 'Where is my video?' });
    inTopic.send('It is on its way');
    const answer = await user.waitFor({ text: 'It is on its way' }, { timeoutMs: 10_000 });
    user.reply(answer.message ?? 0, 'Thanks');
    await inTopic.waitFor({ text: 'Thanks' }, { timeoutMs: 10_000 });
  });

  it('a broadcast stopped by SIGTERM resumes when the process starts again: everyone once', async () => {
    const db = openDb(path.join(dataDir, 'bot.sqlite'));
    const database = sqliteEngine(db.$client).db;
    const readers = Array.from({ length: 60 }, (_, i) =>
      world.tg.user({ first_name: `R${i}`, language_code: 'en' }),
    );
    for (const u of readers) await touchUser(database, u.user, { privateChat: true });
    closeDb(db);

    admin.send('/broadcast');
    await admin.waitFor(
      { method: 'sendMessage', text: /Send me the message to broadcast/ },
      { timeoutMs: 10_000 },
    );
    const source = admin.send('Maintenance tonight at 23:00 UTC');
    const confirm = await admin.waitFor({
      method: 'sendMessage',
      text: /Send this message to 61 users\?/,
    });
    await admin.press(confirm.message ?? 0, '📣 Send');
    const copies = () =>
      world.tg
        .callsTo('copyMessage')
        .filter(
          (c) =>
            c.response.ok &&
            c.params.message_id === source.message_id &&
            Number(c.params.from_chat_id) === admin.id,
        );
    for (let i = 0; i < 500 && copies().length < 20; i++)
      await new Promise((r) => setTimeout(r, 20));
    await world.bot.stop('SIGTERM');
    expect(world.bot.output()).toContain('stopped cleanly');
    const before = copies().length;
    expect(before).toBeGreaterThanOrEqual(20);
    expect(before).toBeLessThan(61);

    world.bot = spawnBot(world.env, dataDir);
    await world.bot.waitForOutput(/is polling for updates/, 30_000);
    const final = await admin.waitFor(
      { method: 'sendMessage', text: /finished in/ },
      { timeoutMs: 20_000 },
    );
    expect(final.message?.text).toContain('✅ Sent: 61 ·');
    const byChat = new Map<number, number>();
    for (const c of copies())
      byChat.set(Number(c.params.chat_id), (byChat.get(Number(c.params.chat_id)) ?? 0) + 1);
    for (const r of readers) expect(byChat.get(r.id)).toBe(1);
    expect(byChat.size).toBe(61); // the readers and Ann from the ticket
    expect(world.tg.violations).toBe(0);
  }, 60_000);
});
