import { describe, expect, it } from 'vitest';
import { checkInvariant, getBalance, recentEntries } from '../../src/billing/ledger.js';
import { getStarPayment } from '../../src/billing/star-payments.js';
import { encodePayload } from '../../src/billing/stars.js';
import type { TestUser } from '../fakes/telegram/people.js';
import { startTestBot } from '../helpers/bot-harness.js';
import { suiteFixture } from '../helpers/read-through.js';

const ADMIN_ID = 710_001;
const BONUSES = { REFERRAL_BONUS: '0.25', WELCOME_CREDIT: '0.10' };

describe('Telegram Stars top-ups, refunds and reconciliation (bot level)', () => {
  let admin: TestUser;
  const env = { ADMIN_IDS: String(ADMIN_ID), STARS_PACKS: '50:1,250:5.50', ...BONUSES };
  const bot = suiteFixture('the Stars bot', () => startTestBot({ env }), {
    setup: async (b) => {
      admin = b.tg.user({ id: ADMIN_ID, first_name: 'Boss', language_code: 'en' });
      admin.send('/start');
      await admin.waitFor({ text: /Hi/ });
    },
  });
  const db = () => bot.app.deps.db;

  async function newUser(language_code = 'en'): Promise<TestUser> {
    const user = bot.tg.user({ first_name: 'Ann', language_code });
    user.send('/start');
    await user.waitFor({ text: /Hi|Привет/ });
    return user;
  }

  /** /topup, a pack button, the invoice it sends. */
  async function invoiceFor(user: TestUser, pack: RegExp) {
    user.send('/topup');
    const packs = await user.waitFor({ button: pack });
    if (!packs.message) throw new Error('no packs message');
    await user.press(packs.message, pack);
    const invoice = await user.waitFor({ method: 'sendInvoice' });
    if (!invoice.message) throw new Error('no invoice');
    return invoice.message;
  }

  async function buy(user: TestUser, pack = /^50 ⭐/): Promise<string> {
    const paid = await user.pay(await invoiceFor(user, pack));
    if (!paid.ok) throw new Error(`payment refused: ${JSON.stringify(paid)}`);
    await user.waitFor({ text: /Payment received|Оплата получена/ });
    return paid.chargeId;
  }

  it('a full purchase: packs, an XTR invoice, pre-checkout, credit once however often it comes', async () => {
    const user = await newUser();
    const start = getBalance(db(), user.id);
    const invoice = await invoiceFor(user, /^250 ⭐/);
    expect(invoice.invoice).toMatchObject({ currency: 'XTR', total_amount: 250 });
    const [call] = bot.tg.callsTo('sendInvoice').slice(-1);
    expect(call?.params).toMatchObject({
      currency: 'XTR',
      payload: encodePayload({ stars: 250, credit: 550, userId: user.id }),
    });
    expect(call?.params.provider_token ?? '').toBe('');

    const paid = await user.pay(invoice);
    expect(paid.ok).toBe(true);
    const receipt = await user.waitFor({ text: /Payment received/ });
    expect(receipt.message?.text).toBe(
      `✅ Payment received: 250 ⭐ → +5.50 USD. Balance: ${((start + 550) / 100).toFixed(2)} USD.`,
    );
    expect(bot.tg.starBalance(user.id)).toBe(1000 - 250);
    if (!paid.ok) return;

    // Telegram sends the update again (a restart before its offset moved, a second instance).
    bot.tg.redeliverPayment(paid.chargeId);
    user.send('/balance');
    const balance = await user.waitFor({ text: /Balance:/ });
    expect(balance.message?.text).toContain(`Telegram Stars, 250 ⭐`);
    expect(getBalance(db(), user.id)).toBe(start + 550);
    expect(recentEntries(db(), user.id).filter((e) => e.ref.startsWith('stars:'))).toHaveLength(1);
    expect(checkInvariant(db())).toEqual([]);
  });

  it('refuses at pre-checkout an invoice for someone else or for a pack whose price changed', async () => {
    const ann = await newUser();
    const bob = await newUser('ru');
    const invoice = await invoiceFor(ann, /^50 ⭐/);
    // Ann forwards the invoice; Bob pays it in his chat.
    const forwarded = bob.send('x');
    bot.tg.core.stars.remember({
      chatId: bob.chatId,
      messageId: forwarded.message_id,
      title: 't',
      payload: encodePayload({ stars: 50, credit: 100, userId: ann.id }),
      currency: 'XTR',
      amount: 50,
    });
    expect(await bob.pay(forwarded)).toEqual({
      ok: false,
      reason: 'declined',
      errorMessage:
        'Этот счёт выставлен другому аккаунту. Откройте /topup в боте, чтобы получить свой.',
    });
    // The operator changed the 50-Star pack after the invoice was sent.
    const packs = bot.app.deps.config.starsPacks;
    const before = packs[0];
    packs[0] = { stars: 50, credit: 90 };
    try {
      expect(await ann.pay(invoice)).toEqual({
        ok: false,
        reason: 'declined',
        errorMessage: expect.stringContaining('has changed since the invoice was made'),
      });
    } finally {
      if (before) packs[0] = before;
    }
    expect(bot.tg.starBalance(ann.id)).toBe(1000);
    expect(bot.tg.starBalance(bob.id)).toBe(1000);
    expect(recentEntries(db(), ann.id).filter((e) => e.ref.startsWith('stars:'))).toEqual([]);
  });

  it('a banned user is told why at pre-checkout, and nothing is taken', async () => {
    const user = await newUser();
    const invoice = await invoiceFor(user, /^50 ⭐/);
    db().$client.prepare('UPDATE users SET banned = 1 WHERE id = ?').run(user.id);
    const paid = await user.pay(invoice);
    expect(paid).toMatchObject({ ok: false, reason: 'declined' });
    if (!paid.ok && paid.reason === 'declined')
      expect(paid.errorMessage).toMatch(/access to this bot has been suspended/);
    expect(bot.tg.starBalance(user.id)).toBe(1000);
  });

  it('an admin refund: Stars back, the credit taken back, asking first when some was spent', async () => {
    const user = await newUser();
    const whole = await buy(user);
    const spent = await buy(user);
    // Spend most of it, as generations would.
    const had = getBalance(db(), user.id);
    db().$client.prepare('UPDATE users SET balance = 30 WHERE id = ?').run(user.id);
    db()
      .$client.prepare(
        "INSERT INTO ledger (user_id, kind, amount, balance_after, ref) VALUES (?, 'charge', ?, 30, 'job:spent:charge')",
      )
      .run(user.id, 30 - had);
    expect(checkInvariant(db())).toEqual([]);

    admin.send(`/stars ${user.id}`);
    const list = await admin.waitFor({ text: /Stars payments of Ann/ });
    if (!list.message) throw new Error('no list');
    const buttons = list.message.reply_markup?.inline_keyboard.flat() ?? [];
    expect(buttons).toHaveLength(2);
    // Newest first: the second purchase, then the first.
    await admin.press(list.message, buttons[0]?.text ?? '');
    const ask = await admin.waitFor({ text: /already spent part of this credit/ });
    expect(getStarPayment(db(), spent)?.status).toBe('paid');
    if (!ask.message) throw new Error('no question');
    await admin.press(ask.message, '↩️ Refund anyway');
    await admin.waitFor({
      text: /Refunded 50 ⭐\. 0\.30 USD taken back from the balance; it is now 0\.00 USD/,
    });
    await user.waitFor({ text: /Your payment of 50 ⭐ was refunded/ });
    expect(getStarPayment(db(), spent)).toMatchObject({ status: 'refunded', reversed: 30 });
    expect(getBalance(db(), user.id)).toBe(0);

    // A second tap on the refunded payment's button moves nothing.
    const first = buttons[0];
    const data = first && 'callback_data' in first ? (first.callback_data ?? '') : '';
    expect((await admin.pressData(list.message, data)).text).toBe(
      'ℹ️ This payment has already been refunded.',
    );
    expect(bot.tg.starBalance(user.id)).toBe(1000 - 50);
    expect(getStarPayment(db(), whole)?.status).toBe('paid');
    expect(checkInvariant(db())).toEqual([]);
  });

  it('a refund made on Telegram’s side takes the credit back once', async () => {
    const user = await newUser();
    const charge = await buy(user);
    const before = getBalance(db(), user.id);
    bot.tg.refundFromTelegram(user.id, charge);
    await user.waitFor({ text: /Your payment of 50 ⭐ was refunded\. 1\.00 USD was taken back/ });
    expect(getBalance(db(), user.id)).toBe(before - 100);
    // The admin's refund of the same payment is then refused by Telegram and moves nothing.
    await expect(bot.app.bot.api.refundStarPayment(user.id, charge)).rejects.toThrow(
      /CHARGE_ALREADY_REFUNDED/,
    );
    expect(getBalance(db(), user.id)).toBe(before - 100);
  });

  it('reconciliation credits a payment whose update was lost and reports what needs a human', async () => {
    const user = await newUser();
    const lost = bot.tg.plantStarPayment(user.id, {
      amount: 50,
      payload: encodePayload({ stars: 50, credit: 100, userId: user.id }),
    });
    const foreign = bot.tg.plantStarPayment(user.id, { amount: 7, payload: 'not ours' });
    const before = getBalance(db(), user.id);
    admin.send('/reconcile');
    const report = await admin.waitFor({ text: /Stars reconciliation/ });
    expect(report.message?.text).toContain(`credited now: 50 ⭐ of user ${user.id}`);
    expect(report.message?.text).toContain(lost);
    expect(report.message?.text).toContain(`cannot credit: 7 ⭐ (charge ${foreign})`);
    expect(getBalance(db(), user.id)).toBe(before + 100);
    admin.send('/reconcile');
    const again = await admin.waitFor({ text: /Stars reconciliation/ });
    expect(again.message?.text).not.toContain('credited now');
    expect(checkInvariant(db())).toEqual([]);
  });

  it('/stats and /metrics count Stars received and refunded', async () => {
    admin.send('/stats');
    const stats = await admin.waitFor({ text: /Stars in total/ });
    expect(stats.message?.text).toMatch(/Stars in total: received \d+, refunded 100/);
    const { body } = await bot.app.runtime.metrics.render();
    expect(body).toMatch(/genbot_stars_total\{kind="refunded"\} 100\n/);
    expect(body).toMatch(/genbot_ledger_total\{kind="referral"\} 0\n/);
  });
});

describe('welcome credit and referrals (bot level)', () => {
  const env = { STARS_PACKS: '50:1', ...BONUSES };
  const bot = suiteFixture('the referral bot', () => startTestBot({ env }));
  const db = () => bot.app.deps.db;

  it('a new user gets the welcome credit once, and /start says so', async () => {
    const user = bot.tg.user({ first_name: 'Neo', language_code: 'en' });
    user.send('/start');
    const hi = await user.waitFor({ text: /Hi/ });
    expect(hi.message?.text).toContain('🎁 Welcome! You have 0.10 USD to try the models.');
    user.send('/start');
    const again = await user.waitFor({ text: /Hi/ });
    expect(again.message?.text).not.toContain('Welcome!');
    expect(getBalance(db(), user.id)).toBe(10);
  });

  it('pays both sides once, at the first top-up of someone new who came through the link', async () => {
    const ann = bot.tg.user({ first_name: 'Ann', language_code: 'en' });
    ann.send('/invite');
    const invite = await ann.waitFor({ text: /Invite friends/ });
    const link = /start=ref-([a-z0-9]+)/.exec(invite.message?.text ?? '')?.[1] ?? '';
    expect(invite.message?.text).toContain('Nobody has joined through it yet.');

    ann.send(`/start ref-${link}`);
    await ann.waitFor({ text: /That is your own invite link/ });

    const old = bot.tg.user({ first_name: 'Old', language_code: 'en' });
    old.send('/start');
    await old.waitFor({ text: /Hi/ });
    bot.app.deps.db.$client
      .prepare('UPDATE users SET created_at = created_at - 600000 WHERE id = ?')
      .run(old.id);
    old.send(`/start ref-${link}`);
    await old.waitFor({ text: /for people new to the bot/ });

    const bob = bot.tg.user({ first_name: 'Bob', language_code: 'ru' });
    bob.send(`/start ref-${link}`);
    await bob.waitFor({ text: /Привет/ });
    bob.send('/start ref-nosuchcode');
    await bob.waitFor({ text: /недействительна/ });

    const annBefore = getBalance(db(), ann.id);
    bob.send('/topup');
    const packs = await bob.waitFor({ button: /^50 ⭐/ });
    if (!packs.message) throw new Error('no packs');
    await bob.press(packs.message, /^50 ⭐/);
    const invoice = await bob.waitFor({ method: 'sendInvoice' });
    if (!invoice.message) throw new Error('no invoice');
    const paid = await bob.pay(invoice.message);
    expect(paid.ok).toBe(true);
    await bob.waitFor({ text: /бонус за приглашение <b>|бонус за приглашение 0,25/ });
    await ann.waitFor({
      text: /A friend you invited just topped up: you got a referral bonus of 0\.25 USD/,
    });
    expect(getBalance(db(), ann.id)).toBe(annBefore + 25);
    expect(getBalance(db(), bob.id)).toBe(10 + 100 + 25);

    // A second top-up pays nobody again.
    const second = await bob.pay(invoice.message);
    expect(second.ok).toBe(true);
    await bob.waitFor({ text: /Оплата получена/ });
    expect(getBalance(db(), ann.id)).toBe(annBefore + 25);
    ann.send('/invite');
    await ann.waitFor({ text: /1 person joined through it; topped up: 1\./ });
    expect(checkInvariant(db())).toEqual([]);
  });
});
