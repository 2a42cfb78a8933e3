import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

const now = sql`(unixepoch('subsec') * 1000)`;
const createdAt = () => integer('created_at').notNull().default(now);

export const users = sqliteTable(
  'users',
  {
    /** Telegram user id. */
    id: integer('id').primaryKey({ autoIncrement: false }),
    firstName: text('first_name').notNull().default(''),
    lastName: text('last_name'),
    username: text('username'),
    languageCode: text('language_code'),
    /** Integer minor units; changed only together with a ledger row. */
    balance: integer('balance').notNull().default(0),
    blockedBot: integer('blocked_bot', { mode: 'boolean' }).notNull().default(false),
    banned: integer('banned', { mode: 'boolean' }).notNull().default(false),
    /** The user's invite code (t.me/<bot>?start=ref-<code>), made on first /invite. */
    refCode: text('ref_code'),
    settings: text('settings', { mode: 'json' })
      .$type<Record<string, unknown>>()
      .notNull()
      .default({}),
    createdAt: createdAt(),
    lastSeenAt: integer('last_seen_at').notNull().default(now),
  },
  (t) => [
    index('users_username_idx').on(t.username),
    index('users_last_seen_idx').on(t.lastSeenAt),
    uniqueIndex('users_ref_code_uq').on(t.refCode),
  ],
);

/** bonus: welcome and referral credit (> 0); reversal: a refunded Stars payment taken back (< 0). */
export const ledgerKinds = [
  'topup',
  'charge',
  'refund',
  'adjustment',
  'bonus',
  'reversal',
] as const;
export type LedgerKind = (typeof ledgerKinds)[number];

/** Append-only. Invariant: users.balance == sum(amount) per user, and never negative. */
export const ledger = sqliteTable(
  'ledger',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    kind: text('kind', { enum: ledgerKinds }).notNull(),
    amount: integer('amount').notNull(),
    balanceAfter: integer('balance_after').notNull(),
    /**
     * Idempotency key: job:<id>:charge, job:<id>:refund, redeem:<codeId>:<userId>, adj:<uuid>,
     * stars:<charge id> and stars:<charge id>:reversal, bonus:welcome:<user>, bonus:ref:….
     */
    ref: text('ref').notNull(),
    jobId: text('job_id'),
    actorId: integer('actor_id'),
    note: text('note'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('ledger_ref_uq').on(t.ref),
    index('ledger_user_idx').on(t.userId, t.id),
    index('ledger_created_idx').on(t.createdAt),
  ],
);

export const redeemCodes = sqliteTable(
  'redeem_codes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** sha256 of the normalised code; the code itself is never stored. */
    codeHash: text('code_hash').notNull(),
    /** First characters, for the admin's eyes only (lookup by hash). */
    hint: text('hint').notNull(),
    batchId: text('batch_id').notNull(),
    amount: integer('amount').notNull(),
    maxUses: integer('max_uses').notNull().default(1),
    usedCount: integer('used_count').notNull().default(0),
    expiresAt: integer('expires_at'),
    createdBy: integer('created_by').notNull(),
    disabled: integer('disabled', { mode: 'boolean' }).notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('redeem_codes_hash_uq').on(t.codeHash),
    index('redeem_codes_batch_idx').on(t.batchId),
  ],
);

export const redemptions = sqliteTable(
  'redemptions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    codeId: integer('code_id')
      .notNull()
      .references(() => redeemCodes.id),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    amount: integer('amount').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('redemptions_code_user_uq').on(t.codeId, t.userId)],
);

export const starPaymentStatuses = ['paid', 'refunded'] as const;

/**
 * A Telegram Stars payment as Telegram confirmed it (successful_payment). The credit it bought is
 * the ledger row `stars:<charge id>`; a refund reverses at most what is left of it.
 */
export const starPayments = sqliteTable(
  'star_payments',
  {
    /** telegram_payment_charge_id: Telegram's id, also the StarTransaction id. */
    chargeId: text('charge_id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    stars: integer('stars').notNull(),
    /** Minor units credited. */
    credit: integer('credit').notNull(),
    payload: text('payload').notNull(),
    status: text('status', { enum: starPaymentStatuses }).notNull().default('paid'),
    /** Minor units taken back on refund (≤ credit: never below a zero balance). */
    reversed: integer('reversed').notNull().default(0),
    createdAt: createdAt(),
    refundedAt: integer('refunded_at'),
  },
  (t) => [index('star_payments_user_idx').on(t.userId, t.createdAt)],
);

/** Who brought whom; rewarded once, at the referred user's first top-up. */
export const referrals = sqliteTable(
  'referrals',
  {
    userId: integer('user_id')
      .primaryKey({ autoIncrement: false })
      .references(() => users.id),
    referrerId: integer('referrer_id')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    rewardedAt: integer('rewarded_at'),
  },
  (t) => [index('referrals_referrer_idx').on(t.referrerId)],
);

/** A user's own gateway key, AES-256-GCM encrypted. */
export const userKeys = sqliteTable('user_keys', {
  userId: integer('user_id')
    .primaryKey({ autoIncrement: false })
    .references(() => users.id),
  ciphertext: text('ciphertext').notNull(),
  masked: text('masked').notNull(),
  /** 'ok' until the gateway rejects it with 401; then the user is asked to replace it. */
  status: text('status', { enum: ['ok', 'invalid'] })
    .notNull()
    .default('ok'),
  verifiedAt: integer('verified_at').notNull(),
  createdAt: createdAt(),
});

export const jobFamilies = ['image', 'chat-image', 'edit', 'midjourney', 'video'] as const;
export type JobFamily = (typeof jobFamilies)[number];
export const jobStatuses = [
  'queued',
  'submitting',
  'running',
  'delivering',
  'done',
  'failed',
  'cancelled',
] as const;
export type JobStatus = (typeof jobStatuses)[number];

export const jobs = sqliteTable(
  'jobs',
  {
    /** Short, URL- and callback-safe id. */
    id: text('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    chatId: integer('chat_id').notNull(),
    family: text('family', { enum: jobFamilies }).notNull(),
    /** What the job does within its family: generate, edit, imagine, action, modal, blend, describe, t2v, i2v, extend, lipsync. */
    kind: text('kind').notNull(),
    model: text('model').notNull(),
    params: text('params', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    status: text('status', { enum: jobStatuses }).notNull().default('queued'),
    upstreamId: text('upstream_id'),
    progress: text('progress'),
    price: integer('price').notNull(),
    payer: text('payer', { enum: ['balance', 'own_key'] }).notNull(),
    parentJobId: text('parent_job_id'),
    statusMessageId: integer('status_message_id'),
    replyToMessageId: integer('reply_to_message_id'),
    attempts: integer('attempts').notNull().default(0),
    nextPollAt: integer('next_poll_at'),
    deadlineAt: integer('deadline_at'),
    leaseOwner: text('lease_owner'),
    leaseUntil: integer('lease_until'),
    result: text('result', { mode: 'json' }).$type<Record<string, unknown>>(),
    errorCode: text('error_code'),
    errorMessage: text('error_message'),
    createdAt: createdAt(),
    updatedAt: integer('updated_at').notNull().default(now),
    finishedAt: integer('finished_at'),
    /**
     * What started the job in Telegram (a message, a callback query, a single-use keyboard):
     * a redelivered update or a second tap finds this job instead of paying for another.
     */
    startKey: text('start_key'),
  },
  (t) => [
    uniqueIndex('jobs_start_key_idx').on(t.startKey),
    index('jobs_status_poll_idx').on(t.status, t.nextPollAt),
    index('jobs_user_idx').on(t.userId, t.createdAt),
    index('jobs_upstream_idx').on(t.upstreamId),
  ],
);

/** Small key-value store: grammY sessions and conversations in the embedded (no Redis) mode. */
export const kv = sqliteTable(
  'kv',
  {
    key: text('key').primaryKey(),
    value: text('value').notNull(),
    expiresAt: integer('expires_at'),
  },
  (t) => [index('kv_expires_idx').on(t.expiresAt)],
);

export const supportTicketStatuses = ['open', 'closed'] as const;
export type SupportTicketStatus = (typeof supportTicketStatuses)[number];

/**
 * One exchange between a user and the operator's support chat. A user has at most one open
 * ticket per support chat; in a forum every ticket of a user reuses the user's topic.
 */
export const supportTickets = sqliteTable(
  'support_tickets',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    /** The support chat (SUPPORT_CHAT_ID when the ticket was opened). */
    chatId: integer('chat_id').notNull(),
    /** The user's forum topic in that chat; null in a plain group. */
    threadId: integer('thread_id'),
    status: text('status', { enum: supportTicketStatuses }).notNull().default('open'),
    closedBy: integer('closed_by'),
    createdAt: createdAt(),
    updatedAt: integer('updated_at').notNull().default(now),
    closedAt: integer('closed_at'),
  },
  (t) => [
    uniqueIndex('support_tickets_open_uq').on(t.userId, t.chatId).where(sql`status = 'open'`),
    index('support_tickets_thread_idx').on(t.chatId, t.threadId),
  ],
);

/**
 * Which support-chat message stands for which message of the user's private chat, so an
 * admin's reply (and the user's reply to the answer) finds its way after a restart.
 * `in`: the user wrote it (copy or header in the support chat); `out`: an admin's answer.
 */
export const supportMessages = sqliteTable(
  'support_messages',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    ticketId: integer('ticket_id')
      .notNull()
      .references(() => supportTickets.id),
    userId: integer('user_id').notNull(),
    direction: text('direction', { enum: ['in', 'out'] }).notNull(),
    chatId: integer('chat_id').notNull(),
    chatMessageId: integer('chat_message_id').notNull(),
    /** The matching message in the user's private chat. */
    userMessageId: integer('user_message_id'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('support_messages_chat_uq').on(t.chatId, t.chatMessageId),
    index('support_messages_user_idx').on(t.userId, t.userMessageId),
  ],
);

export const broadcastStatuses = ['running', 'done', 'cancelled', 'failed'] as const;
export type BroadcastStatus = (typeof broadcastStatuses)[number];

/**
 * An admin's message copied to every user, sent by a worker in user-id order. `cursor` is the
 * last user id handled, so a restart resumes after it (at most the one in-flight send repeats).
 */
export const broadcasts = sqliteTable(
  'broadcasts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    adminId: integer('admin_id').notNull(),
    /** The message to copy (in the admin's private chat). */
    sourceChatId: integer('source_chat_id').notNull(),
    sourceMessageId: integer('source_message_id').notNull(),
    status: text('status', { enum: broadcastStatuses }).notNull().default('running'),
    /** Recipients counted when it was created; users who joined later are not included. */
    total: integer('total').notNull(),
    cursor: integer('cursor').notNull().default(0),
    sent: integer('sent').notNull().default(0),
    blocked: integer('blocked').notNull().default(0),
    failed: integer('failed').notNull().default(0),
    progressChatId: integer('progress_chat_id'),
    progressMessageId: integer('progress_message_id'),
    error: text('error'),
    leaseOwner: text('lease_owner'),
    leaseUntil: integer('lease_until'),
    createdAt: createdAt(),
    updatedAt: integer('updated_at').notNull().default(now),
    finishedAt: integer('finished_at'),
  },
  (t) => [index('broadcasts_status_idx').on(t.status, t.id)],
);
