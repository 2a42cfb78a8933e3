import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  audience,
  broadcastRow,
  copiesByChat,
  seedUsers,
  startBroadcast,
} from './broadcast-helpers.js';
import { type OperatorWorld, pause, startOperatorWorld } from './operator-helpers.js';

describe('broadcast across a restart (bot level)', () => {
  let w: OperatorWorld;

  beforeAll(async () => {
    w = await startOperatorWorld({ env: { BROADCAST_RATE: '100' } });
    w.admin.send('/start');
    await w.admin.waitFor({ text: /Hi, Olga/ });
  });
  afterAll(() => w.close());

  it('resumes after the last recipient: nobody twice, nobody missed, the same progress message', async () => {
    const users = seedUsers(w, 300);
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
});
