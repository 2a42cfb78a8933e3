import type { LabeledPrice, Message, RefundedPayment, StarAmount, Update } from 'grammy/types';
import { commitBotMessage, sendTarget } from '../compose.js';
import type { Core, Handler } from '../core.js';
import { badRequest, STAR_TEXTS } from '../errors.js';
import { bool, int, isRecord, json, type Params, str } from '../params.js';
import type { Charge } from '../stars.js';
import { codePoints } from '../text.js';

/** Telegram's cap on one Stars invoice (assumed 10 000; above it: CURRENCY_TOTAL_AMOUNT_INVALID). */
export const MAX_STARS_PER_INVOICE = 10_000;

/** Parameters a Stars invoice may not carry (Telegram answers STARS_INVOICE_INVALID). */
const NOT_FOR_STARS = [
  'max_tip_amount',
  'suggested_tip_amounts',
  'need_name',
  'need_phone_number',
  'need_email_address',
  'need_shipping_address',
  'send_phone_number_to_provider',
  'send_email_address_to_provider',
  'is_flexible',
];

function parsePrices(p: Params): LabeledPrice[] {
  const raw = json(p, 'prices', 'prices JSON object');
  if (!Array.isArray(raw)) throw badRequest(STAR_TEXTS.pricesUnparsable);
  return raw.map((x) => {
    if (!isRecord(x) || typeof x.label !== 'string' || !Number.isInteger(x.amount))
      throw badRequest(STAR_TEXTS.pricesUnparsable);
    return { label: x.label, amount: Number(x.amount) };
  });
}

const setFlag = (p: Params, key: string): boolean =>
  p[key] !== undefined &&
  p[key] !== null &&
  p[key] !== '' &&
  p[key] !== false &&
  p[key] !== 'false';

const sendInvoice: Handler = (core, call) => {
  const p = call.params;
  const target = sendTarget(core, p);
  const title = str(p, 'title') ?? '';
  const description = str(p, 'description') ?? '';
  const payload = str(p, 'payload') ?? '';
  const currency = str(p, 'currency') ?? '';
  if (currency === '') throw badRequest(STAR_TEXTS.currencyRequired);
  const prices = parsePrices(p);
  if (codePoints(title) < 1 || codePoints(title) > 32) throw badRequest(STAR_TEXTS.titleInvalid);
  if (codePoints(description) < 1 || codePoints(description) > 255)
    throw badRequest(STAR_TEXTS.descriptionInvalid);
  const payloadBytes = Buffer.byteLength(payload);
  if (payloadBytes < 1 || payloadBytes > 128) throw badRequest(STAR_TEXTS.payloadInvalid);
  const total = prices.reduce((sum, x) => sum + x.amount, 0);
  if (total <= 0) throw badRequest(STAR_TEXTS.totalNotPositive);
  const providerToken = str(p, 'provider_token') ?? '';
  if (currency === 'XTR') {
    if (providerToken !== '' || prices.length !== 1 || NOT_FOR_STARS.some((k) => setFlag(p, k)))
      throw badRequest(STAR_TEXTS.starsInvoiceInvalid);
    if (total > MAX_STARS_PER_INVOICE) throw badRequest(STAR_TEXTS.totalInvalid);
  } else if (providerToken === '') {
    throw badRequest(STAR_TEXTS.providerInvalid);
  }
  const msg = commitBotMessage(core, target, {
    invoice: {
      title,
      description,
      start_parameter: str(p, 'start_parameter') ?? '',
      currency,
      total_amount: total,
    },
  });
  core.stars.remember({
    chatId: target.chat.chat.id,
    messageId: msg.message_id,
    title,
    payload,
    currency,
    amount: total,
  });
  call.produced.push(msg);
  return msg;
};

const answerPreCheckoutQuery: Handler = (core, call) => {
  const id = str(call.params, 'pre_checkout_query_id') ?? '';
  const ok = bool(call.params, 'ok');
  const errorMessage = str(call.params, 'error_message') ?? '';
  if (!ok && errorMessage === '') throw badRequest(STAR_TEXTS.errorMessageEmpty);
  const checkout = core.stars.checkouts.get(id);
  if (!checkout || checkout.closed) throw badRequest(STAR_TEXTS.queryIdInvalid);
  checkout.closed = true;
  checkout.resolve(ok ? { ok: true } : { ok: false, errorMessage });
  return true;
};

/** A message from the paying user in the chat of the payment (successful or refunded payment). */
export function postPaymentMessage(
  core: Core,
  charge: Charge,
  content: Partial<Message>,
): { message: Message; update: Update } {
  const chat = core.world.chats.get(charge.chatId);
  if (!chat) throw new Error(`unknown chat ${charge.chatId}`);
  const message: Message = {
    message_id: core.world.takeMessageId(chat),
    from: charge.user,
    chat: chat.chat,
    date: core.world.date(),
    ...content,
  };
  chat.messages.set(message.message_id, message);
  const update = core.queue.push({ message } as never);
  return { message, update };
}

export function refundedPaymentOf(charge: Charge): RefundedPayment {
  return {
    currency: charge.currency,
    total_amount: charge.amount,
    invoice_payload: charge.payload,
    telegram_payment_charge_id: charge.id,
  };
}

const refundStarPayment: Handler = (core, call) => {
  const userId = int(call.params, 'user_id');
  if (userId === undefined || !core.world.users.has(userId)) throw badRequest('user not found');
  const chargeId = str(call.params, 'telegram_payment_charge_id') ?? '';
  const charge = core.stars.refund(userId, chargeId, core.world.date());
  if (core.options.refundUpdateOnBotRefund)
    postPaymentMessage(core, charge, { refunded_payment: refundedPaymentOf(charge) });
  return true;
};

const getStarTransactions: Handler = (core, call) => {
  // Like telegram-bot-api: both are clamped rather than refused.
  const offset = Math.max(0, int(call.params, 'offset') ?? 0);
  const limit = Math.min(100, Math.max(1, int(call.params, 'limit') ?? 100));
  return { transactions: core.stars.newestFirst().slice(offset, offset + limit) };
};

const getMyStarBalance: Handler = (core) => {
  const balance: StarAmount = { amount: core.stars.botBalance() };
  return balance;
};

export const paymentMethods: Record<string, Handler> = {
  sendInvoice,
  answerPreCheckoutQuery,
  refundStarPayment,
  getStarTransactions,
  getMyStarBalance,
};
