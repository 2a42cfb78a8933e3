/**
 * The PostgreSQL form of schema.ts: the same tables, columns, keys and indexes, in PostgreSQL's
 * types. What each column means is written once, in schema.ts; test/unit/db/schema-lockstep
 * fails when the two differ. Telegram ids, chat ids and millisecond times pass 2³¹, so they are
 * `bigint` here (read as JS numbers: every one is below 2⁵³).
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import {
  broadcastStatuses,
  jobFamilies,
  jobStatuses,
  ledgerKinds,
  starPaymentStatuses,
  supportTicketStatuses,
} from './schema.js';

const now = sql`(floor(extract(epoch from clock_timestamp()) * 1000)::bigint)`;
const big = (name: string) => bigint(name, { mode: 'number' });
const createdAt = () => big('created_at').notNull().default(now);
/** Explicit ids stay insertable (db:copy keeps every id), so identity is BY DEFAULT. */
const serialId = () => big('id').primaryKey().generatedByDefaultAsIdentity();

export const users = pgTable(
  'users',
  {
    id: big('id').primaryKey(),
    firstName: text('first_name').notNull().default(''),
    lastName: text('last_name'),
    username: text('username'),
    languageCode: text('language_code'),
    balance: big('balance').notNull().default(0),
    blockedBot: boolean('blocked_bot').notNull().default(false),
    banned: boolean('banned').notNull().default(false),
    refCode: text('ref_code'),
    settings: jsonb('settings').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
    lastSeenAt: big('last_seen_at').notNull().default(now),
  },
  (t) => [
    index('users_username_idx').on(t.username),
    index('users_last_seen_idx').on(t.lastSeenAt),
    uniqueIndex('users_ref_code_uq').on(t.refCode),
  ],
);

export const ledger = pgTable(
  'ledger',
  {
    id: serialId(),
    userId: big('user_id')
      .notNull()
      .references(() => users.id),
    kind: text('kind', { enum: ledgerKinds }).notNull(),
    amount: big('amount').notNull(),
    balanceAfter: big('balance_after').notNull(),
    ref: text('ref').notNull(),
    jobId: text('job_id'),
    actorId: big('actor_id'),
    note: text('note'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('ledger_ref_uq').on(t.ref),
    index('ledger_user_idx').on(t.userId, t.id),
    index('ledger_created_idx').on(t.createdAt),
  ],
);

export const redeemCodes = pgTable(
  'redeem_codes',
  {
    id: serialId(),
    codeHash: text('code_hash').notNull(),
    hint: text('hint').notNull(),
    batchId: text('batch_id').notNull(),
    amount: big('amount').notNull(),
    maxUses: integer('max_uses').notNull().default(1),
    usedCount: integer('used_count').notNull().default(0),
    expiresAt: big('expires_at'),
    createdBy: big('created_by').notNull(),
    disabled: boolean('disabled').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('redeem_codes_hash_uq').on(t.codeHash),
    index('redeem_codes_batch_idx').on(t.batchId),
  ],
);

export const redemptions = pgTable(
  'redemptions',
  {
    id: serialId(),
    codeId: big('code_id')
      .notNull()
      .references(() => redeemCodes.id),
    userId: big('user_id')
      .notNull()
      .references(() => users.id),
    amount: big('amount').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('redemptions_code_user_uq').on(t.codeId, t.userId)],
);

export const starPayments = pgTable(
  'star_payments',
  {
    chargeId: text('charge_id').primaryKey(),
    userId: big('user_id')
      .notNull()
      .references(() => users.id),
    stars: integer('stars').notNull(),
    credit: big('credit').notNull(),
    payload: text('payload').notNull(),
    status: text('status', { enum: starPaymentStatuses }).notNull().default('paid'),
    reversed: big('reversed').notNull().default(0),
    createdAt: createdAt(),
    refundedAt: big('refunded_at'),
  },
  (t) => [index('star_payments_user_idx').on(t.userId, t.createdAt)],
);

export const referrals = pgTable(
  'referrals',
  {
    userId: big('user_id')
      .primaryKey()
      .references(() => users.id),
    referrerId: big('referrer_id')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    rewardedAt: big('rewarded_at'),
  },
  (t) => [index('referrals_referrer_idx').on(t.referrerId)],
);

export const userKeys = pgTable('user_keys', {
  userId: big('user_id')
    .primaryKey()
    .references(() => users.id),
  ciphertext: text('ciphertext').notNull(),
  masked: text('masked').notNull(),
  status: text('status', { enum: ['ok', 'invalid'] })
    .notNull()
    .default('ok'),
  verifiedAt: big('verified_at').notNull(),
  createdAt: createdAt(),
});

export const jobs = pgTable(
  'jobs',
  {
    id: text('id').primaryKey(),
    userId: big('user_id')
      .notNull()
      .references(() => users.id),
    chatId: big('chat_id').notNull(),
    family: text('family', { enum: jobFamilies }).notNull(),
    kind: text('kind').notNull(),
    model: text('model').notNull(),
    params: jsonb('params').$type<Record<string, unknown>>().notNull(),
    status: text('status', { enum: jobStatuses }).notNull().default('queued'),
    upstreamId: text('upstream_id'),
    progress: text('progress'),
    price: big('price').notNull(),
    payer: text('payer', { enum: ['balance', 'own_key'] }).notNull(),
    parentJobId: text('parent_job_id'),
    statusMessageId: integer('status_message_id'),
    replyToMessageId: integer('reply_to_message_id'),
    attempts: integer('attempts').notNull().default(0),
    nextPollAt: big('next_poll_at'),
    deadlineAt: big('deadline_at'),
    leaseOwner: text('lease_owner'),
    leaseUntil: big('lease_until'),
    result: jsonb('result').$type<Record<string, unknown>>(),
    errorCode: text('error_code'),
    errorMessage: text('error_message'),
    createdAt: createdAt(),
    updatedAt: big('updated_at').notNull().default(now),
    finishedAt: big('finished_at'),
    startKey: text('start_key'),
  },
  (t) => [
    uniqueIndex('jobs_start_key_idx').on(t.startKey),
    index('jobs_status_poll_idx').on(t.status, t.nextPollAt),
    index('jobs_user_idx').on(t.userId, t.createdAt),
    index('jobs_upstream_idx').on(t.upstreamId),
  ],
);

export const kv = pgTable(
  'kv',
  {
    key: text('key').primaryKey(),
    value: text('value').notNull(),
    expiresAt: big('expires_at'),
  },
  (t) => [index('kv_expires_idx').on(t.expiresAt)],
);

export const supportTickets = pgTable(
  'support_tickets',
  {
    id: serialId(),
    userId: big('user_id')
      .notNull()
      .references(() => users.id),
    chatId: big('chat_id').notNull(),
    threadId: integer('thread_id'),
    status: text('status', { enum: supportTicketStatuses }).notNull().default('open'),
    closedBy: big('closed_by'),
    createdAt: createdAt(),
    updatedAt: big('updated_at').notNull().default(now),
    closedAt: big('closed_at'),
  },
  (t) => [
    uniqueIndex('support_tickets_open_uq').on(t.userId, t.chatId).where(sql`status = 'open'`),
    index('support_tickets_thread_idx').on(t.chatId, t.threadId),
  ],
);

export const supportMessages = pgTable(
  'support_messages',
  {
    id: serialId(),
    ticketId: big('ticket_id')
      .notNull()
      .references(() => supportTickets.id),
    userId: big('user_id').notNull(),
    direction: text('direction', { enum: ['in', 'out'] }).notNull(),
    chatId: big('chat_id').notNull(),
    chatMessageId: integer('chat_message_id').notNull(),
    userMessageId: integer('user_message_id'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('support_messages_chat_uq').on(t.chatId, t.chatMessageId),
    index('support_messages_user_idx').on(t.userId, t.userMessageId),
  ],
);

export const broadcasts = pgTable(
  'broadcasts',
  {
    id: serialId(),
    adminId: big('admin_id').notNull(),
    sourceChatId: big('source_chat_id').notNull(),
    sourceMessageId: integer('source_message_id').notNull(),
    status: text('status', { enum: broadcastStatuses }).notNull().default('running'),
    total: integer('total').notNull(),
    cursor: big('cursor').notNull().default(0),
    sent: integer('sent').notNull().default(0),
    blocked: integer('blocked').notNull().default(0),
    failed: integer('failed').notNull().default(0),
    progressChatId: big('progress_chat_id'),
    progressMessageId: integer('progress_message_id'),
    error: text('error'),
    leaseOwner: text('lease_owner'),
    leaseUntil: big('lease_until'),
    createdAt: createdAt(),
    updatedAt: big('updated_at').notNull().default(now),
    finishedAt: big('finished_at'),
  },
  (t) => [index('broadcasts_status_idx').on(t.status, t.id)],
);
