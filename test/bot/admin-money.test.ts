import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkKey } from '../../src/accounts/own-keys.js';
import { normalizeCode, parseCode } from '../../src/billing/code-format.js';
import { getBalance, recentEntries } from '../../src/billing/ledger.js';
import { listBatch, listBatches } from '../../src/billing/redeem-codes.js';
import type { TestUser } from '../fakes/telegram/people.js';
import { startTestBot, type TestBot } from '../helpers/bot-harness.js';
import { insertImageJob } from '../helpers/jobs.js';

const ADMIN_ID = 700_001;
const CODE_RE = /^[2-9A-Z]{4}(?:-[2-9A-Z]{4}){5}$/;
const DAY = 86_400_000;

describe('admin money tools (bot level)', () => {
  let bot: TestBot;
  let admin: TestUser;
  const db = () => bot.app.deps.db;
  const database = () => bot.app.deps.database;

  beforeAll(async () => {
    bot = await startTestBot({ env: { ADMIN_IDS: `1,${ADMIN_ID}` } });
    admin = bot.tg.user({ id: ADMIN_ID, first_name: 'Boss', language_code: 'en' });
  });
  afterAll(() => bot.close());

  /** A user the bot has seen (they wrote /start). */
  async function knownUser(options: { username?: string; language_code?: string } = {}) {
    const user = bot.tg.user({ first_name: 'Ann', language_code: 'en', ...options });
    user.send('/start');
    await user.waitFor({ text: /Hi|Привет/ });
    return user;
  }

  const fileText = (fileId: string) => Buffer.from(bot.tg.fileBytes(fileId) ?? []).toString('utf8');

  it('/codes mints a batch: a .txt with header, codes and deep links, plus the codes inline', async () => {
    admin.send('/codes 3 5');
    const doc = await admin.waitFor({ document: true });
    const document = doc.message?.document;
    expect(document?.file_name).toMatch(/^codes-[A-Za-z0-9_-]{8}\.txt$/);
    expect(doc.message?.caption).toMatch(
      /^✅ 3 codes × 5\.00 USD, one use each, no expiry\. Batch/,
    );

    const text = fileText(document?.file_id ?? '');
    const lines = text.split('\n');
    const codes = lines.filter((l) => CODE_RE.test(l));
    expect(codes).toHaveLength(3);
    for (const c of codes) expect(parseCode(c).ok).toBe(true);
    expect(text).toContain('Amount: 5.00 USD per redemption');
    expect(text).toContain('Uses per code: 1');
    expect(text).toContain('Expiry: no expiry');
    expect(text).toContain(`by admin ${ADMIN_ID}`);
    const links = lines.filter((l) => l.startsWith('https://t.me/'));
    expect(links).toEqual(
      codes.map((c) => `https://t.me/${bot.tg.botInfo.username}?start=redeem-${normalizeCode(c)}`),
    );
    for (const l of links) expect(l.split('start=')[1]).toMatch(/^[A-Za-z0-9_-]{1,64}$/);

    const inline = await admin.waitFor({ text: /Tap a code to copy it/ });
    for (const c of codes) expect(String(inline.call.params.text)).toContain(`<code>${c}</code>`);
    expect(inline.message?.entities?.filter((e) => e.type === 'code')).toHaveLength(3);

    const batch = listBatches(db(), 1)[0];
    expect(batch).toMatchObject({ codes: 3, amount: 500, maxUses: 1, createdBy: ADMIN_ID });
    expect(text).toContain(`batch ${batch?.batchId}`);
  });

  it('/codes with uses and expiry; many codes come only as the file', async () => {
    admin.send('/codes 12 2.50 100 30d');
    const doc = await admin.waitFor({ document: true });
    const text = fileText(doc.message?.document?.file_id ?? '');
    expect(text.split('\n').filter((l) => CODE_RE.test(l))).toHaveLength(12);
    expect(text).toContain('Uses per code: 100');
    expect(text).toMatch(/Expiry: valid until \d\d\/\d\d\/\d{4}, \d\d:\d\d UTC/);

    const [batch] = listBatches(db(), 1);
    const rows = listBatch(db(), batch?.batchId ?? '');
    expect(rows).toHaveLength(12);
    expect(rows[0]).toMatchObject({ amount: 250, maxUses: 100 });
    expect(rows[0]?.expiresAt).toBeGreaterThan(Date.now() + 29 * DAY);
    expect(rows[0]?.expiresAt).toBeLessThan(Date.now() + 31 * DAY);

    // Nothing inline for a big batch: the next message is the answer to the next command.
    admin.send('/codes');
    const next = await admin.waitFor({});
    expect(next.message?.text).toMatch(/^Usage: \/codes/);
  });

  it.each([
    ['/codes 0 5', /count must be a whole number from 1 to 1,000\./],
    ['/codes 1001 5', /count must be/],
    ['/codes 2 abc', /“abc” is not an amount/],
    ['/codes 2 -5', /must be positive/],
    ['/codes 2 0', /must not be zero/],
    ['/codes 2 1,000', /ambiguous/],
    ['/codes 2 0.0001', /too many decimal places for USD/],
    ['/codes 2 99999999', /too large: at most 1,000,000\.00 USD/],
    ['/codes 2 5 0', /Uses must be a whole number/],
    ['/codes 2 5 1 yesterday', /“yesterday” is not an expiry/],
    ['/codes 2 5 2020-01-01', /is not an expiry/],
    // Escaped: the parsed message shows the tags the admin typed as text.
    ['/codes 2 <b>5</b>', '“<b>5</b>” is not an amount'],
  ])('%s is refused and mints nothing', async (command, answer) => {
    const before = listBatches(db(), 100).length;
    admin.send(command);
    await admin.waitFor({ text: answer });
    expect(listBatches(db(), 100).length).toBe(before);
  });

  it('admin commands do not exist for anyone else', async () => {
    const user = await knownUser();
    const before = listBatches(db(), 100).length;
    for (const command of ['/codes 5 5', `/credit ${user.id} 100`, `/user ${ADMIN_ID}`]) {
      user.send(command);
      await user.waitFor({ text: "I don't know that command. Here is what I can do: /help" });
    }
    expect(listBatches(db(), 100).length).toBe(before);
    expect(getBalance(db(), user.id)).toBe(0);
  });

  it('/credit adds and takes away, never below zero, audited with the admin and the note', async () => {
    const user = await knownUser({ username: 'ann_credit' });
    admin.send('/credit @ann_credit 5 compensation <for> outage');
    const done = await admin.waitFor({ text: /New balance/ });
    expect(done.message?.text).toBe(`✅ +5.00 USD for Ann (${user.id}). New balance: 5.00 USD.`);

    admin.send(`/credit ${user.id} -1.5`);
    await admin.waitFor({ text: `✅ -1.50 USD for Ann (${user.id}). New balance: 3.50 USD.` });

    admin.send(`/credit ${user.id} -10`);
    await admin.waitFor({
      text: 'That would take the balance of Ann below zero (it is 3.50 USD). Nothing was changed.',
    });
    expect(getBalance(db(), user.id)).toBe(350);

    expect(recentEntries(db(), user.id)).toMatchObject([
      { kind: 'adjustment', amount: -150, actorId: ADMIN_ID, note: null, balanceAfter: 350 },
      {
        kind: 'adjustment',
        amount: 500,
        actorId: ADMIN_ID,
        note: 'compensation <for> outage',
        balanceAfter: 500,
      },
    ]);
  });

  it.each([
    ['/credit', /^Usage: \/credit/],
    ['/credit 42', /^Usage: \/credit/],
    ['/credit @nobody_here 5', /I don't know the user @nobody_here/],
    ['/credit 999999999 5', /I don't know the user 999999999/],
    ['/credit @ann_credit 0', /must not be zero/],
    ['/credit @ann_credit five', /“five” is not an amount/],
    ['/credit @ann_credit 2000000', /too large/],
  ])('%s is refused and changes nothing', async (command, answer) => {
    const entries = db().$client.prepare('SELECT count(*) AS n FROM ledger').get();
    admin.send(command);
    await admin.waitFor({ text: answer });
    expect(db().$client.prepare('SELECT count(*) AS n FROM ledger').get()).toEqual(entries);
  });

  it('/user by id and by @username: balance, key, last jobs and the ledger', async () => {
    const user = await knownUser({ username: 'UserCard' });
    admin.send(`/credit ${user.id} 7 welcome bonus`);
    await admin.waitFor({ text: /New balance/ });
    insertImageJob(db(), 'jUser1', user.id, { status: 'done' });

    admin.send(`/user ${user.id}`);
    const card = (await admin.waitFor({ text: /👤/ })).message?.text ?? '';
    expect(card).toContain(`Ann · @UserCard · id ${user.id}`);
    expect(card).toContain('Balance: 7.00 USD');
    expect(card).toContain('Own key: none');
    expect(card).toMatch(/jUser1 · FLUX · done · 0\.03 USD/);
    expect(card).toContain(`+7.00 USD → 7.00 USD · correction by the operator`);
    expect(card).toContain(`by ${ADMIN_ID} · welcome bonus`);

    bot.gateway.addKey('sk-adminViewKey0000000001', { unlimited: true });
    await linkKey(database(), bot.app.deps.keyBox, user.id, 'sk-adminViewKey0000000001');
    admin.send('/user @usercard');
    const again = (await admin.waitFor({ text: /👤/ })).message?.text ?? '';
    expect(again).toContain('Own key: sk-ad…0001 (working)');
    expect(again).not.toContain('sk-adminViewKey0000000001');

    admin.send('/user');
    await admin.waitFor({ text: /^Usage: \/user/ });
    admin.send('/user @ghost_user');
    await admin.waitFor({ text: "❌ I don't know the user @ghost_user." });
  });

  it('an admin mints, a user redeems from the file, and sees the balance', async () => {
    const user = await knownUser({ language_code: 'ru' });
    admin.send('/codes 1 4.20');
    const doc = await admin.waitFor({ document: true });
    const code = fileText(doc.message?.document?.file_id ?? '')
      .split('\n')
      .find((l) => CODE_RE.test(l));
    user.send(code ?? '');
    await user.waitFor({ text: 'Код активирован: +4,20 USD' });
    user.send('/balance');
    await user.waitFor({ text: /Баланс: 4,20 USD[\s\S]*\+4,20 USD · код / });
  });
});
