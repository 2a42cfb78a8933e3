import { GrammyError } from 'grammy';
import type { Message, Update } from 'grammy/types';
import { describe, expect, it } from 'vitest';
import { STAR_TEXTS, type TestUser } from '../../../fakes/telegram/index.js';
import { type Harness, harness, poll, useHarnesses } from './helpers.js';

let h: Harness;
const teardown = useHarnesses();

const stars = (amount: number) => [{ label: 'Credits', amount }];

/** The bot's answer to a call that must fail, as its description. */
async function failure(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (e instanceof GrammyError) return e.description;
    throw e;
  }
  throw new Error('call succeeded');
}

/** A bot that sells via /buy, answers pre-checkout with `decide` and logs what it gets. */
async function shop(
  decide: (payload: string) => string | undefined = () => undefined,
): Promise<{ ann: TestUser; seen: Update[]; invoice: () => Promise<Message> }> {
  h = await harness();
  const seen: Update[] = [];
  h.bot.command('buy', (ctx) =>
    ctx.api.sendInvoice(
      ctx.chat.id,
      '100 credits',
      'Credits for generations',
      'pack:100',
      'XTR',
      stars(50),
    ),
  );
  h.bot.on('pre_checkout_query', async (ctx) => {
    const refusal = decide(ctx.preCheckoutQuery.invoice_payload);
    await ctx.answerPreCheckoutQuery(refusal === undefined, refusal);
  });
  h.bot.on('message:successful_payment', (ctx) => {
    seen.push(ctx.update);
  });
  h.bot.on('message:refunded_payment', (ctx) => {
    seen.push(ctx.update);
  });
  teardown.stop = poll(h.bot);
  const ann = h.standIn.user({ first_name: 'Ann' });
  const invoice = async () => {
    ann.send('/buy');
    const reply = await ann.waitFor({ invoice: true });
    if (!reply.message) throw new Error('no invoice message');
    return reply.message;
  };
  return { ann, seen, invoice };
}

const waitUntil = async (cond: () => boolean, ms = 10_000): Promise<void> => {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe('telegram stand-in: Stars invoices', () => {
  it('sends an XTR invoice message and keeps its payload private', async () => {
    const { invoice } = await shop();
    const msg = await invoice();
    expect(msg.invoice).toEqual({
      title: '100 credits',
      description: 'Credits for generations',
      start_parameter: '',
      currency: 'XTR',
      total_amount: 50,
    });
    expect(JSON.stringify(msg)).not.toContain('pack:100');
    expect(h.standIn.invoice(msg.chat.id, msg.message_id)).toMatchObject({
      payload: 'pack:100',
      currency: 'XTR',
      amount: 50,
    });
  });

  it('refuses invalid Stars invoices with Telegram texts', async () => {
    h = await harness();
    const ann = h.standIn.user();
    const api = h.bot.api;
    const send = (over: Record<string, unknown>) =>
      h.raw('sendInvoice', {
        chat_id: ann.id,
        title: 'T',
        description: 'D',
        payload: 'p',
        currency: 'XTR',
        prices: stars(5),
        ...over,
      });
    const cases: [Record<string, unknown>, string][] = [
      [{ prices: [...stars(5), ...stars(1)] }, STAR_TEXTS.starsInvoiceInvalid],
      [{ provider_token: '123:TEST:x' }, STAR_TEXTS.starsInvoiceInvalid],
      [{ max_tip_amount: 10 }, STAR_TEXTS.starsInvoiceInvalid],
      [{ prices: stars(0) }, STAR_TEXTS.totalNotPositive],
      [{ prices: stars(-3) }, STAR_TEXTS.totalNotPositive],
      [{ prices: stars(1_000_000) }, STAR_TEXTS.totalInvalid],
      [{ prices: [{ label: 'x', amount: 1.5 }] }, STAR_TEXTS.pricesUnparsable],
      [{ prices: 'nope' }, STAR_TEXTS.pricesUnparsable],
      [{ payload: '' }, STAR_TEXTS.payloadInvalid],
      [{ payload: 'x'.repeat(129) }, STAR_TEXTS.payloadInvalid],
      [{ title: '' }, STAR_TEXTS.titleInvalid],
      [{ title: 'x'.repeat(33) }, STAR_TEXTS.titleInvalid],
      [{ description: 'x'.repeat(256) }, STAR_TEXTS.descriptionInvalid],
      [{ currency: '' }, STAR_TEXTS.currencyRequired],
      [{ currency: 'USD' }, STAR_TEXTS.providerInvalid],
    ];
    for (const [over, text] of cases) {
      const res = await send(over);
      expect({ over, status: res.status, description: res.json.description }).toEqual({
        over,
        status: 400,
        description: `Bad Request: ${text}`,
      });
    }
    // 128 bytes of payload is fine, as are 32 characters of title (code points).
    const ok = await api.sendInvoice(
      ann.id,
      '🌟'.repeat(32),
      'D',
      'x'.repeat(128),
      'XTR',
      stars(1),
    );
    expect(ok.invoice.total_amount).toBe(1);
    expect(await failure(api.sendInvoice(999, 'T', 'D', 'p', 'XTR', stars(1)))).toBe(
      'Bad Request: chat not found',
    );
  });
});

describe('telegram stand-in: paying with Stars', () => {
  it('pays: pre_checkout_query, answer, successful_payment, debit and transaction', async () => {
    const { ann, seen, invoice } = await shop();
    const msg = await invoice();
    const before = h.standIn.starBalance(ann.id);
    const result = await ann.pay(msg);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const pre = h.standIn.updates.find((u) => u.pre_checkout_query)?.pre_checkout_query;
    expect(pre).toMatchObject({
      from: { id: ann.id },
      currency: 'XTR',
      total_amount: 50,
      invoice_payload: 'pack:100',
    });
    expect(result.message.successful_payment).toEqual({
      currency: 'XTR',
      total_amount: 50,
      invoice_payload: 'pack:100',
      telegram_payment_charge_id: result.chargeId,
      provider_payment_charge_id: expect.any(String),
    });
    expect(result.message.from?.id).toBe(ann.id);
    await waitUntil(() => seen.length === 1);
    expect(seen[0]?.message?.successful_payment?.telegram_payment_charge_id).toBe(result.chargeId);
    expect(h.standIn.starBalance(ann.id)).toBe(before - 50);
    expect(h.standIn.botStarBalance()).toBe(50);
    expect(await h.bot.api.getMyStarBalance()).toEqual({ amount: 50 });
    const { transactions } = await h.bot.api.getStarTransactions();
    expect(transactions).toEqual([
      {
        id: result.chargeId,
        amount: 50,
        date: expect.any(Number),
        source: {
          type: 'user',
          transaction_type: 'invoice_payment',
          user: expect.objectContaining({ id: ann.id }),
          invoice_payload: 'pack:100',
        },
      },
    ]);
  });

  it('a refusal reaches the user with its error message and charges nothing', async () => {
    const { ann, seen, invoice } = await shop(() => 'Sold out');
    const msg = await invoice();
    const before = h.standIn.starBalance(ann.id);
    expect(await ann.pay(msg)).toEqual({ ok: false, reason: 'declined', errorMessage: 'Sold out' });
    expect(h.standIn.starBalance(ann.id)).toBe(before);
    expect(h.standIn.starTransactions()).toEqual([]);
    expect(seen).toEqual([]);
  });

  it('answering twice, a stale id, or ok=false without a message are refused', async () => {
    h = await harness();
    const ann = h.standIn.user();
    const msg = await h.bot.api.sendInvoice(ann.id, 'T', 'D', 'p', 'XTR', stars(3));
    const paying = ann.pay(msg, { timeoutMs: 2000 });
    await waitUntil(() => h.standIn.updates.some((u) => u.pre_checkout_query));
    const id = h.standIn.updates.find((u) => u.pre_checkout_query)?.pre_checkout_query?.id ?? '';
    expect(await failure(h.bot.api.answerPreCheckoutQuery(id, false))).toBe(
      `Bad Request: ${STAR_TEXTS.errorMessageEmpty}`,
    );
    expect(await h.bot.api.answerPreCheckoutQuery(id, true)).toBe(true);
    expect(await failure(h.bot.api.answerPreCheckoutQuery(id, true))).toBe(
      'Bad Request: QUERY_ID_INVALID',
    );
    expect(await failure(h.bot.api.answerPreCheckoutQuery('12345', true))).toBe(
      'Bad Request: QUERY_ID_INVALID',
    );
    expect((await paying).ok).toBe(true);
  });

  it('times out when the bot never answers; a late answer is QUERY_ID_INVALID', async () => {
    h = await harness();
    const ann = h.standIn.user();
    const msg = await h.bot.api.sendInvoice(ann.id, 'T', 'D', 'p', 'XTR', stars(3));
    expect(await ann.pay(msg, { timeoutMs: 50 })).toEqual({ ok: false, reason: 'timeout' });
    const id = h.standIn.updates.find((u) => u.pre_checkout_query)?.pre_checkout_query?.id ?? '';
    expect(await failure(h.bot.api.answerPreCheckoutQuery(id, true))).toBe(
      'Bad Request: QUERY_ID_INVALID',
    );
    expect(h.standIn.starTransactions()).toEqual([]);
  });

  it('does not start a payment the user cannot afford', async () => {
    h = await harness({ initialStars: 2 });
    const ann = h.standIn.user();
    const msg = await h.bot.api.sendInvoice(ann.id, 'T', 'D', 'p', 'XTR', stars(3));
    expect(await ann.pay(msg)).toEqual({ ok: false, reason: 'insufficient_stars' });
    expect(h.standIn.updates.some((u) => u.pre_checkout_query)).toBe(false);
    h.standIn.setStarBalance(ann.id, 10);
    expect(h.standIn.starBalance(ann.id)).toBe(10);
  });

  it('redelivers the same successful_payment update (duplicate delivery)', async () => {
    const { ann, seen, invoice } = await shop();
    const result = await ann.pay(await invoice());
    if (!result.ok) throw new Error('payment failed');
    await waitUntil(() => seen.length === 1);
    const again = h.standIn.redeliverPayment(result.chargeId);
    expect(again.update_id).toBe(result.update.update_id);
    await waitUntil(() => seen.length === 2);
    expect(seen[1]).toEqual(seen[0]);
    expect(h.standIn.starTransactions()).toHaveLength(1);
    expect(() => h.standIn.redeliverPayment('stxnope')).toThrow(/no successful_payment/);
  });
});

describe('telegram stand-in: Stars refunds and history', () => {
  it('refundStarPayment: ok once, then CHARGE_ALREADY_REFUNDED; unknown or wrong user: CHARGE_NOT_FOUND', async () => {
    const { ann, seen, invoice } = await shop();
    const bob = h.standIn.user({ first_name: 'Bob' });
    const result = await ann.pay(await invoice());
    if (!result.ok) throw new Error('payment failed');
    const paid = h.standIn.starBalance(ann.id);
    expect(await failure(h.bot.api.refundStarPayment(bob.id, result.chargeId))).toBe(
      'Bad Request: CHARGE_NOT_FOUND',
    );
    expect(await failure(h.bot.api.refundStarPayment(ann.id, 'stxunknown'))).toBe(
      'Bad Request: CHARGE_NOT_FOUND',
    );
    expect(await h.bot.api.refundStarPayment(ann.id, result.chargeId)).toBe(true);
    expect(await failure(h.bot.api.refundStarPayment(ann.id, result.chargeId))).toBe(
      'Bad Request: CHARGE_ALREADY_REFUNDED',
    );
    expect(h.standIn.starBalance(ann.id)).toBe(paid + 50);
    expect(h.standIn.isRefunded(result.chargeId)).toBe(true);
    expect(h.standIn.botStarBalance()).toBe(0);
    const [refund, payment] = (await h.bot.api.getStarTransactions()).transactions;
    expect(refund).toEqual({
      id: result.chargeId,
      amount: 50,
      date: expect.any(Number),
      receiver: {
        type: 'user',
        transaction_type: 'invoice_payment',
        user: expect.objectContaining({ id: ann.id }),
        invoice_payload: 'pack:100',
      },
    });
    expect(payment?.source).toBeDefined();
    // A bot's own refund sends it no update by default.
    await new Promise((r) => setTimeout(r, 100));
    expect(seen.filter((u) => u.message?.refunded_payment)).toEqual([]);
  });

  it('a refund from Telegram sends refunded_payment and blocks a second refund', async () => {
    const { ann, seen, invoice } = await shop();
    const result = await ann.pay(await invoice());
    if (!result.ok) throw new Error('payment failed');
    const msg = h.standIn.refundFromTelegram(ann.id, result.chargeId);
    expect(msg.refunded_payment).toEqual({
      currency: 'XTR',
      total_amount: 50,
      invoice_payload: 'pack:100',
      telegram_payment_charge_id: result.chargeId,
    });
    await waitUntil(() => seen.some((u) => u.message?.refunded_payment));
    expect(await failure(h.bot.api.refundStarPayment(ann.id, result.chargeId))).toBe(
      'Bad Request: CHARGE_ALREADY_REFUNDED',
    );
    expect(() => h.standIn.refundFromTelegram(ann.id, result.chargeId)).toThrow(
      /CHARGE_ALREADY_REFUNDED/,
    );
    expect(h.standIn.starTransactions()[0]?.receiver).toBeDefined();
  });

  it('getStarTransactions: newest first, offset and limit; planted payments show up', async () => {
    h = await harness();
    const ann = h.standIn.user();
    const ids = [1, 2, 3, 4, 5].map((n) =>
      h.standIn.plantStarPayment(ann.id, { amount: n, payload: `p${n}` }),
    );
    expect(h.standIn.starBalance(ann.id)).toBe(1000 - 15);
    expect(h.standIn.updates.filter((u) => u.message?.successful_payment)).toEqual([]);
    const all = (await h.bot.api.getStarTransactions()).transactions;
    expect(all.map((t) => t.id)).toEqual([...ids].reverse());
    const page = (await h.bot.api.getStarTransactions({ offset: 1, limit: 2 })).transactions;
    expect(page.map((t) => t.amount)).toEqual([4, 3]);
    expect((await h.bot.api.getStarTransactions({ offset: 5 })).transactions).toEqual([]);
    expect((await h.bot.api.getStarTransactions({ limit: 0 })).transactions).toHaveLength(1);
    expect(await h.bot.api.refundStarPayment(ann.id, ids[0] ?? '')).toBe(true);
    const newest = (await h.bot.api.getStarTransactions({ limit: 1 })).transactions[0];
    expect(newest).toMatchObject({ id: ids[0], amount: 1, receiver: { type: 'user' } });
  });

  it('refundUpdateOnBotRefund: the bot also gets refunded_payment for its own refunds', async () => {
    h = await harness({ refundUpdateOnBotRefund: true });
    const ann = h.standIn.user();
    const id = h.standIn.plantStarPayment(ann.id, { amount: 7, payload: 'x' });
    await h.bot.api.refundStarPayment(ann.id, id);
    const update = h.standIn.updates.find((u) => u.message?.refunded_payment);
    expect(update?.message?.refunded_payment).toMatchObject({
      total_amount: 7,
      invoice_payload: 'x',
    });
    expect(update?.message?.chat.id).toBe(ann.id);
  });
});
