import { describe, expect, it } from 'vitest';
import { broadcasts } from '../../src/db/schema.js';
import {
  adminStarted,
  audience,
  broadcastRow,
  copiesByChat,
  seedUsers,
  startBroadcast,
} from './broadcast-helpers.js';
import { pause, useOperatorWorld } from './operator-helpers.js';

describe('broadcast: restart, Stop, cancel, non-admins (bot level)', () => {
  const w = useOperatorWorld({ env: { BROADCAST_RATE: '100' } }, adminStarted);
  const db = () => w.bot.app.deps.db;

  it('resumes after the last recipient: nobody twice, nobody missed, the same progress message', async () => {
    const users = await seedUsers(w, 300);
    const expected = audience(w);
    expect(expected).toBe(300);
    const { id, progress, source } = await startBroadcast(w, 'News', expected);
    for (let i = 0; i < 300 && (broadcastRow(w, id)?.sent ?? 0) < 60; i++) await pause(10);
    await w.restart();
    const atRestart = broadcastRow(w, id);
    expect(atRestart?.status).toBe('running');
    expect(atRestart?.sent).toBeGreaterThanOrEqual(60);
    expect(atRestart?.sent).toBeLessThan(expected);

    const final = await w.admin.waitFor(
      { method: 'sendMessage', text: new RegExp(`Broadcast #${id} finished`) },
      { timeoutMs: 15_000 },
    );
    expect(final.message?.text).toContain('✅ Sent: 300 · 🚫 blocked the bot: 0 · ⚠️ failed: 0');
    const copies = copiesByChat(w, source.message_id);
    for (const u of users) expect(copies.get(u.id)).toBe(1);
    expect(w.tg.violations).toBe(0);
    const shown = w.admin.messages().find((m) => m.message_id === progress.message?.message_id);
    expect(shown?.text).toMatch(/finished in/);
    expect(broadcastRow(w, id)).toMatchObject({
      status: 'done',
      sent: 300,
      cursor: users.at(-1)?.id,
    });
  });

  it('the Stop button ends it early with the numbers so far', async () => {
    const expected = audience(w);
    const { id, progress, source } = await startBroadcast(w, 'Third news', expected);
    for (let i = 0; i < 300 && (broadcastRow(w, id)?.sent ?? 0) < 20; i++) await pause(10);
    const answer = await w.admin.press(progress.message ?? 0, '⏹ Stop');
    expect(answer.text).toBe('Stopping…');
    const final = await w.admin.waitFor(
      { method: 'sendMessage', text: new RegExp(`Broadcast #${id} stopped after`) },
      { timeoutMs: 5_000 },
    );
    const done = Number(/after (\d+)/.exec(final.message?.text ?? '')?.[1]);
    expect(done).toBeLessThan(expected);
    await pause(300);
    expect(broadcastRow(w, id)).toMatchObject({ status: 'cancelled', sent: done });
    expect([...copiesByChat(w, source.message_id).values()].length).toBe(done);
    const again = await w.admin.pressData(progress.message ?? 0, `bc:stop:${id}`);
    expect(again.text).toBe('This broadcast is no longer running.');
  });

  it('/cancel before sending: nothing is created', async () => {
    w.admin.send('/broadcast');
    await w.admin.waitFor({ method: 'sendMessage', text: /Send me the message to broadcast/ });
    w.admin.send('/cancel');
    await w.admin.waitFor({ text: 'Cancelled. Nothing was sent.' });
    expect(db().select().from(broadcasts).all()).toHaveLength(2);
  });

  it('non-admins cannot start or stop one', async () => {
    const [user] = await seedUsers(w, 1);
    if (!user) throw new Error('no user');
    user.send('/broadcast');
    await user.waitFor({ text: /I don't know that command/ });
    user.send('/start');
    const hello = await user.waitFor({ text: /Hi, Reader/ });
    const answer = await user.pressData(hello.message ?? 0, 'bc:stop:1');
    expect(answer.text).toBe('This button is no longer active.');
  });
});
