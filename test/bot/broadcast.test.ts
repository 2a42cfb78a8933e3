import { describe, expect, it } from 'vitest';
import { getUser } from '../../src/accounts/users.js';
import { broadcasts } from '../../src/db/schema.js';
import {
  adminStarted,
  broadcastRow,
  copiesByChat,
  seedUsers,
  startBroadcast,
} from './broadcast-helpers.js';
import { buttonTexts, useOperatorWorld } from './operator-helpers.js';

/**
 * Broadcasts over the Telegram stand-in with its flood control on. The bot is allowed to go
 * faster than the stand-in (BROADCAST_RATE 150/s against a global limit of 40/s), so 429s come
 * every ~40 messages and the run stays short; production keeps the default 25/s.
 */
describe('broadcast (bot level)', () => {
  const w = useOperatorWorld({ env: { BROADCAST_RATE: '150' } }, adminStarted);
  const db = () => w.bot.app.deps.db;
  const database = () => w.bot.app.deps.database;

  it('nobody to send to: a clear answer, nothing created', async () => {
    w.admin.send('/broadcast');
    await w.admin.waitFor({ text: /Nobody to send to/ });
    expect(db().select().from(broadcasts).all()).toEqual([]);
  });

  it('300 users under flood control: everyone once, no retry before retry_after, a final count', async () => {
    const users = await seedUsers(w, 300);
    const blocked = users.slice(100, 103);
    for (const u of blocked) w.tg.block(u.id);
    const started = Date.now();
    const { id, progress, source } = await startBroadcast(w, 'Big news', 300, () => {
      w.tg.setFlood({ global: 40 });
      // And one 429 whatever the machine's speed (a slow one may never reach the limit).
      w.tg.failNext('copyMessage', {
        error_code: 429,
        description: 'Too Many Requests: retry after 1',
        parameters: { retry_after: 1 },
      });
    });

    const final = await w.admin.waitFor(
      { method: 'sendMessage', text: /finished in/ },
      { timeoutMs: 18_000 },
    );
    expect(final.message?.text).toMatch(
      new RegExp(
        `^📣 Broadcast #${id} finished in \\d+:\\d\\d\\.\\n✅ Sent: 297 · 🚫 blocked the bot: 3 · ⚠️ failed: 0 · skipped: 0$`,
      ),
    );
    // Nothing lost, nothing twice; blocked users recorded as such.
    const copies = copiesByChat(w, source.message_id);
    for (const u of users) expect(copies.get(u.id) ?? 0).toBe(blocked.includes(u) ? 0 : 1);
    for (const u of blocked) expect((await getUser(database(), u.id))?.blockedBot).toBe(true);
    expect(copies.has(w.admin.id)).toBe(false); // admins saw it when they wrote it

    // No request came back before its retry_after: the stand-in's own count, and the injected
    // wait measured.
    expect(w.tg.violations).toBe(0);
    const calls = w.tg.callsTo('copyMessage');
    const refused = calls.find((c) => !c.response.ok && c.response.error_code === 429);
    const retried = calls.find(
      (c) => c.seq > (refused?.seq ?? 0) && c.params.chat_id === refused?.params.chat_id,
    );
    expect((retried?.at ?? 0) - (refused?.at ?? 0)).toBeGreaterThanOrEqual(1000 - 30);
    expect(w.tg.flood.throttled).toBeGreaterThan(0);

    // The progress message ends with the count, edited sparingly (every 5 s at most).
    const edits = w.tg
      .callsTo('editMessageText')
      .filter((c) => c.params.message_id === progress.message?.message_id && c.response.ok);
    expect(edits.length).toBeLessThanOrEqual(Math.ceil((Date.now() - started) / 5000) + 1);
    const shown = w.admin.messages().find((m) => m.message_id === progress.message?.message_id);
    expect(shown?.text).toMatch(/finished in/);
    expect(buttonTexts(shown)).toEqual([]);
    expect(broadcastRow(w, id)).toMatchObject({ status: 'done', sent: 297, blocked: 3 });
    w.tg.setFlood({});
  });
});
