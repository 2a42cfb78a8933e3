import { expect } from 'vitest';
import { touchUser } from '../../src/accounts/users.js';
import { broadcasts } from '../../src/db/schema.js';
import type { TestUser } from '../fakes/telegram/index.js';
import { buttonTexts, type OperatorWorld } from './operator-helpers.js';

/** Users the bot knows (recorded directly: hundreds of /start round trips only slow tests). */
export function seedUsers(w: OperatorWorld, n: number, language = 'en'): Promise<TestUser[]> {
  return Promise.all(
    Array.from({ length: n }, async (_, i) => {
      const user = w.tg.user({ first_name: `Reader${i}`, language_code: language });
      await touchUser(w.bot.app.deps.database, user.user, { privateChat: true });
      return user;
    }),
  );
}

export const broadcastRow = (w: OperatorWorld, id: number) =>
  w.bot.app.deps.db
    .select()
    .from(broadcasts)
    .all()
    .find((b) => b.id === id);

/** Users who can receive a broadcast now, admins excluded. */
export function audience(w: OperatorWorld): number {
  const row = w.bot.app.deps.db.$client
    .prepare('SELECT count(*) AS n FROM users WHERE blocked_bot = 0 AND banned = 0 AND id <> ?')
    .get(w.admin.id) as { n: number };
  return row.n;
}

/** /broadcast, a photo, the confirmation; returns the broadcast id and its progress message. */
export async function startBroadcast(
  w: OperatorWorld,
  caption: string,
  expected: number,
  beforeSend?: () => void,
) {
  const { admin } = w;
  admin.send('/broadcast');
  await admin.waitFor({
    method: 'sendMessage',
    text: `📣 Send me the message to broadcast (text, photo, video, document…). It will be copied as it is to ${expected} users. /cancel to stop.`,
  });
  const source = admin.sendPhoto({ width: 64, height: 64 }, { caption });
  const confirm = await admin.waitFor({
    method: 'sendMessage',
    text: `Send this message to ${expected} users?`,
  });
  expect(buttonTexts(confirm.message)).toEqual(['📣 Send', '✖️ Cancel']);
  beforeSend?.();
  await admin.press(confirm.message ?? 0, '📣 Send');
  const progress = await admin.waitFor({ method: 'sendMessage', text: /Broadcast #\d+: 0 of/ });
  expect(buttonTexts(progress.message)).toEqual(['⏹ Stop']);
  const id = Number(/#(\d+)/.exec(progress.message?.text ?? '')?.[1]);
  return { id, progress, source };
}

/** How many copies of the source message each chat received (successful copyMessage calls). */
export function copiesByChat(w: OperatorWorld, sourceId: number): Map<number, number> {
  const out = new Map<number, number>();
  for (const c of w.tg.callsTo('copyMessage')) {
    if (!c.response.ok || Number(c.params.message_id) !== sourceId) continue;
    if (Number(c.params.from_chat_id) !== w.admin.id) continue;
    const chat = Number(c.params.chat_id);
    out.set(chat, (out.get(chat) ?? 0) + 1);
  }
  return out;
}

/** The admin has pressed /start and been greeted: the setup every broadcast suite starts from. */
export async function adminStarted(w: OperatorWorld): Promise<void> {
  w.admin.send('/start');
  await w.admin.waitFor({ text: /Hi, Olga/ });
}
