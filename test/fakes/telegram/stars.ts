import { randomBytes } from 'node:crypto';
import type { StarTransaction, TransactionPartnerUser, Update, User } from 'grammy/types';
import { badRequest, STAR_TEXTS } from './errors.js';

/** What Telegram keeps about an invoice message and never shows in it (the payload). */
export interface InvoiceRecord {
  chatId: number;
  messageId: number;
  title: string;
  payload: string;
  currency: string;
  /** Total in the currency's smallest unit (Stars for XTR). */
  amount: number;
}

/** One Stars payment to the bot. */
export interface Charge {
  /** telegram_payment_charge_id, also the StarTransaction id. */
  id: string;
  providerChargeId: string;
  user: User;
  /** The chat the invoice was paid in (the user's private chat for planted payments). */
  chatId: number;
  amount: number;
  currency: string;
  payload: string;
  date: number;
  refunded: boolean;
  /** The successful_payment update, when one was delivered (planted payments have none). */
  update?: Update;
}

export type CheckoutAnswer = { ok: true } | { ok: false; errorMessage: string };

/** A pre_checkout_query waiting for answerPreCheckoutQuery. */
export interface Checkout {
  id: string;
  userId: number;
  /** Answered, or given up on by the user after the timeout: the id is spent either way. */
  closed: boolean;
  resolve: (answer: CheckoutAnswer) => void;
}

/** Balances, invoices, charges and the bot's Star transaction history. */
export class StarsLedger {
  readonly invoices = new Map<string, InvoiceRecord>();
  readonly charges = new Map<string, Charge>();
  readonly checkouts = new Map<string, Checkout>();
  /** Oldest first; getStarTransactions answers newest first. */
  readonly transactions: StarTransaction[] = [];
  private readonly balances = new Map<number, number>();
  private providerSeq = 0;

  constructor(private readonly initialBalance: number) {}

  balance(userId: number): number {
    return this.balances.get(userId) ?? this.initialBalance;
  }

  setBalance(userId: number, stars: number): void {
    this.balances.set(userId, stars);
  }

  /** The bot's Stars: payments received minus refunds. */
  botBalance(): number {
    let sum = 0;
    for (const t of this.transactions) sum += t.source ? t.amount : -t.amount;
    return sum;
  }

  remember(invoice: InvoiceRecord): void {
    this.invoices.set(`${invoice.chatId}:${invoice.messageId}`, invoice);
  }

  invoice(chatId: number, messageId: number): InvoiceRecord | undefined {
    return this.invoices.get(`${chatId}:${messageId}`);
  }

  /** Debits the user and records the incoming transaction. */
  charge(
    user: User,
    chatId: number,
    p: { amount: number; payload: string; currency?: string; date: number },
  ): Charge {
    const charge: Charge = {
      id: `stx${randomBytes(36).toString('base64url')}`,
      // Bots must not rely on its format; for Stars it is not a provider's id.
      providerChargeId: `${user.id}_${++this.providerSeq}`,
      user,
      chatId,
      amount: p.amount,
      currency: p.currency ?? 'XTR',
      payload: p.payload,
      date: p.date,
      refunded: false,
    };
    this.charges.set(charge.id, charge);
    this.balances.set(user.id, this.balance(user.id) - p.amount);
    this.transactions.push({
      id: charge.id,
      amount: p.amount,
      date: p.date,
      source: partner(user, p.payload),
    });
    return charge;
  }

  /** Returns the Stars to the user and records the outgoing transaction (same id as the charge). */
  refund(userId: number, chargeId: string, date: number): Charge {
    const charge = this.charges.get(chargeId);
    if (!charge || charge.user.id !== userId) throw badRequest(STAR_TEXTS.chargeNotFound);
    if (charge.refunded) throw badRequest(STAR_TEXTS.chargeAlreadyRefunded);
    charge.refunded = true;
    this.balances.set(userId, this.balance(userId) + charge.amount);
    this.transactions.push({
      id: charge.id,
      amount: charge.amount,
      date,
      receiver: partner(charge.user, charge.payload),
    });
    return charge;
  }

  /** Newest first, as getStarTransactions answers. */
  newestFirst(): StarTransaction[] {
    return [...this.transactions].reverse();
  }
}

function partner(user: User, payload: string): TransactionPartnerUser {
  return { type: 'user', transaction_type: 'invoice_payment', user, invoice_payload: payload };
}

export const newQueryId = (): string => BigInt(`0x${randomBytes(8).toString('hex')}`).toString();
