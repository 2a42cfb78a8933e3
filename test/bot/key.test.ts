import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { getOwnKey, getOwnKeyInfo } from '../../src/accounts/own-keys.js';
import { KEY_CHECK_RULE } from '../../src/bot/money/key-check.js';
import { kv } from '../../src/db/schema.js';
import type { TestUser } from '../fakes/telegram/people.js';
import { startTestBot, type TestBot } from '../helpers/bot-harness.js';

const GOOD = 'sk-ownGoodKey000000000001';
const GOOD2 = 'sk-ownGoodKey000000000002';
const GOOD3 = 'sk-ownGoodKey000000000003';
const EMPTY = 'sk-ownEmptyKey00000000001';
const UNKNOWN = 'sk-ownUnknownKey000000001';
const BILLING = /^\/v1\/dashboard\/billing\//;
const SECRETS = [
  GOOD,
  GOOD2,
  GOOD3,
  EMPTY,
  UNKNOWN,
  'sk-ownOldKey0000000000001',
  'sk-ownFreshKey00000000002',
];

describe('bring your own key (bot level)', () => {
  let bot: TestBot;
  const db = () => bot.app.deps.db;
  const database = () => bot.app.deps.database;
  const box = () => bot.app.deps.keyBox;

  beforeAll(async () => {
    bot = await startTestBot();
    bot.gateway.addKey(GOOD, { quota: 2_500_000, usedQuota: 500_000 });
    bot.gateway.addKey(GOOD2, { unlimited: true });
    bot.gateway.addKey(GOOD3, { unlimited: true });
    bot.gateway.addKey(EMPTY, { quota: 0 });
  });
  afterEach(() => bot.gateway.clearFaults());
  afterAll(async () => {
    // No key ever went back to Telegram: not in a message, a caption, a button or a document.
    const sent = JSON.stringify(bot.tg.calls.map((c) => c.params));
    for (const key of SECRETS) expect(sent).not.toContain(key);
    await bot.close();
  });

  /** Stored conversation state of the user's private chat. */
  const conversationRows = (user: TestUser) =>
    db()
      .select()
      .from(kv)
      .all()
      .filter((row) => row.key.startsWith('conv:') && row.key.endsWith(`:${user.id}`));

  /** The user's own messages still in the chat (deleted ones are gone). */
  const ownTexts = (user: TestUser) =>
    user
      .messages()
      .filter((m) => m.from?.id === user.id)
      .map((m) => m.text);

  it('/key sk-… deletes the message, verifies, stores encrypted and shows it masked', async () => {
    const user = bot.tg.user({ language_code: 'en' });
    user.send(`/key ${GOOD}`);
    const reply = await user.waitFor({ text: /is linked/ });
    expect(reply.message?.text).toContain('Your key sk-ow…0001 is linked');
    expect(reply.message?.text).toContain('Key quota: $5.00 left of $6.00 (used $1.00).');
    expect(ownTexts(user)).toEqual([]);
    const deleted = bot.tg.callsTo('deleteMessage').at(-1);
    expect(reply.call.seq).toBeGreaterThan(deleted?.seq ?? Number.POSITIVE_INFINITY);

    expect(await getOwnKeyInfo(database(), user.id)).toMatchObject({
      masked: 'sk-ow…0001',
      status: 'ok',
    });
    expect(await getOwnKey(database(), box(), user.id)).toBe(GOOD);
    const raw = db()
      .$client.prepare('SELECT ciphertext FROM user_keys WHERE user_id = ?')
      .get(user.id);
    expect(JSON.stringify(raw)).not.toContain(GOOD);

    user.send('/balance');
    const balance = (await user.waitFor({ text: /Balance/ })).message?.text ?? '';
    expect(balance).toContain('sk-ow…0001');
    expect(balance).toContain('$5.00 left');

    user.send('/key remove');
    await user.waitFor({
      text: '🗑 Your key sk-ow…0001 is removed. Generations are paid from your balance again.',
    });
    expect(await getOwnKeyInfo(database(), user.id)).toBeNull();
    user.send('/key remove');
    await user.waitFor({ text: /You have no key linked/ });
  });

  it('rejects what is not a key, and keys the gateway refuses, changing nothing', async () => {
    const user = bot.tg.user({ language_code: 'en' });
    user.send('/key hello there');
    await user.waitFor({ text: /That is not an API key/ });

    user.send(`/key ${UNKNOWN}`);
    await user.waitFor({ text: /This key is refused/ });

    user.send(`/key ${EMPTY}`);
    await user.waitFor({ text: /no quota left/ });

    expect(ownTexts(user)).toEqual([]);
    expect(await getOwnKeyInfo(database(), user.id)).toBeNull();
  });

  it('says "try later" when the gateway cannot answer, and changes nothing', async () => {
    const user = bot.tg.user({ language_code: 'ru' });
    bot.gateway.inject({
      route: BILLING,
      status: 500,
      body: { error: { message: 'db down' } },
      times: 2,
    });
    user.send(`/key ${GOOD}`);
    await user.waitFor({ text: /Сейчас не удалось проверить ключ/ });
    expect(await getOwnKeyInfo(database(), user.id)).toBeNull();
    expect(ownTexts(user)).toEqual([]);
  });

  it('falls back to /v1/models when the gateway has no billing endpoints', async () => {
    const user = bot.tg.user({ language_code: 'en' });
    bot.gateway.inject({ route: BILLING, status: 404, body: '404 page not found', times: 2 });
    user.send(`/key ${GOOD2}`);
    const text = (await user.waitFor({ text: /is linked/ })).message?.text ?? '';
    expect(text).not.toContain('Key quota');
    expect(await getOwnKey(database(), box(), user.id)).toBe(GOOD2);
  });

  it('/key then the key: a short conversation that stores nothing of the key but the ciphertext', async () => {
    const user = bot.tg.user({ language_code: 'en' });
    user.send('/key');
    await user.waitFor({ text: /Send me your API key/ });
    user.send(GOOD3);
    await user.waitFor({ text: /Your key sk-ow…0003 is linked/ });
    expect(ownTexts(user)).toEqual(['/key']);
    expect(await getOwnKey(database(), box(), user.id)).toBe(GOOD3);
    await vi.waitFor(() => expect(conversationRows(user)).toEqual([]));
    expect(JSON.stringify(db().select().from(kv).all())).not.toContain(GOOD3);

    // With a key linked, /key says so and replaces it.
    user.send('/key');
    await user.waitFor({ text: /Your key sk-ow…0003 is linked \(working\)/ });
    user.send(GOOD2);
    await user.waitFor({ text: /sk-ow…0002 is linked/ });
    expect(await getOwnKey(database(), box(), user.id)).toBe(GOOD2);
  });

  it("the conversation's own sends go through the bot's API stack (counted, paced, retried on 429)", async () => {
    const user = bot.tg.user({ language_code: 'en' });
    const throttled = async () =>
      Number(
        /^genbot_telegram_429_total\{method="sendMessage"\} (\d+)$/m.exec(
          (await bot.app.runtime.metrics.render()).body,
        )?.[1] ?? 0,
      );
    const before = await throttled();
    user.send('/key');
    await user.waitFor({ text: /Send me your API key/ });
    // The prompt comes from inside the conversation: answered 429 once, then sent again.
    bot.tg.failNext('sendMessage', {
      error_code: 429,
      description: 'Too Many Requests: retry after 1',
      parameters: { retry_after: 1 },
    });
    user.send('/cancel');
    await user.waitFor({ text: /./ }, { timeoutMs: 10_000 });
    expect(await throttled()).toBe(before + 1);
    expect(bot.tg.violations).toBe(0);
  });

  it('a key the gateway rejected later is shown as such and can be replaced', async () => {
    const doomed = 'sk-ownDoomedKey0000000001';
    bot.gateway.addKey(doomed, { unlimited: true });
    const user = bot.tg.user({ language_code: 'en' });
    user.send(`/key ${doomed}`);
    await user.waitFor({ text: /is linked/ });
    bot.gateway.key(doomed).disabled = true;
    user.send('/balance');
    await user.waitFor({ text: /Your API key sk-ow…0001 is refused/ });

    user.send('/key');
    await user.waitFor({ text: /Your key sk-ow…0001 is linked \(refused \(wrong or expired\)\)/ });
    user.send(GOOD2);
    await user.waitFor({ text: /sk-ow…0002 is linked/ });
    expect((await getOwnKeyInfo(database(), user.id))?.status).toBe('ok');
  });

  it('a late 401 for the old key leaves the key linked since usable', async () => {
    const old = 'sk-ownOldKey0000000000001';
    const fresh = 'sk-ownFreshKey00000000002';
    bot.gateway.addKey(old, { unlimited: true });
    bot.gateway.addKey(fresh, { unlimited: true });
    const user = bot.tg.user({ language_code: 'en' });
    user.send(`/key ${old}`);
    await user.waitFor({ text: /sk-ow…0001 is linked/ });
    // The old key's generation is in flight when the user links another; then it is rejected.
    bot.gateway.inject({ route: '/v1/images/generations', preset: 'bad-key', delayMs: 1_500 });
    user.send('/imagine a slow lighthouse');
    await user.waitFor({ text: /Queued|Generating/ });
    user.send(`/key ${fresh}`);
    await user.waitFor({ text: /sk-ow…0002 is linked/ });
    await user.waitFor({ text: /refused/ });
    expect((await getOwnKeyInfo(database(), user.id))?.status).toBe('ok');
    expect(await getOwnKey(database(), box(), user.id)).toBe(fresh);
  });

  it('/cancel ends the conversation; other commands leave it and run', async () => {
    const user = bot.tg.user({ language_code: 'en' });
    user.send('/key');
    await user.waitFor({ text: /Send me your API key/ });
    user.send('/cancel');
    await user.waitFor({ text: 'Cancelled. Nothing was changed.' });

    user.send('/key');
    await user.waitFor({ text: /Send me your API key/ });
    // The waiting conversation is stored once the update is done.
    await vi.waitFor(() => expect(conversationRows(user)).toHaveLength(1));
    user.send('/balance');
    await user.waitFor({ text: /Balance: 0\.00 USD/ });
    // The conversation is over: nothing of it is left in the storage.
    await vi.waitFor(() => expect(conversationRows(user)).toEqual([]));
    expect(await getOwnKeyInfo(database(), user.id)).toBeNull();
  });

  it('in the conversation, text that is not a key is deleted and answered; buttons still work', async () => {
    const user = bot.tg.user({ language_code: 'en' });
    user.send('/start');
    const hello = await user.waitFor({ text: /Hi/ });
    user.send('/key');
    await user.waitFor({ text: /Send me your API key/ });
    // A button press passes through to its feature and the conversation keeps waiting.
    await user.press(hello.message ?? 0, '💰 Balance');
    await user.waitFor({ text: /Balance: 0\.00 USD/ });
    user.send('my key is on the other phone');
    await user.waitFor({ text: /That is not an API key/ });
    expect(ownTexts(user)).toEqual(['/start', '/key']);

    user.send('/key');
    await user.waitFor({ text: /Send me your API key/ });
    user.send(UNKNOWN);
    await user.waitFor({ text: /This key is refused/ });
    expect(await getOwnKeyInfo(database(), user.id)).toBeNull();
  });

  it('a key pasted on its own is deleted and linked', async () => {
    const user = bot.tg.user({ language_code: 'en' });
    user.send(GOOD2);
    await user.waitFor({ text: /sk-ow…0002 is linked/ });
    expect(ownTexts(user)).toEqual([]);
  });

  it('a key posted in a group is deleted with a warning and not linked', async () => {
    const user = bot.tg.user({ language_code: 'en' });
    const group = bot.tg.group({ title: 'Team', members: [user] });
    const inGroup = user.inGroup(group);
    inGroup.send(`/key ${GOOD}`);
    await inGroup.waitFor({ text: /Never post your key in a group/ });
    expect(group.messages().some((m) => m.text?.includes(GOOD))).toBe(false);
    expect(await getOwnKeyInfo(database(), user.id)).toBeNull();
  });

  it('limits key checks per user and says when to try again', async () => {
    const user = bot.tg.user({ language_code: 'en' });
    for (let i = 0; i < KEY_CHECK_RULE.limit; i++) {
      user.send(`/key ${UNKNOWN}`);
      await user.waitFor({ text: /This key is refused/ });
    }
    user.send(`/key ${GOOD}`);
    await user.waitFor({ text: /Too many key checks\. Try again in 60 min\./ });
    expect(await getOwnKeyInfo(database(), user.id)).toBeNull();
  });
});
