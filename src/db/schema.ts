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
  ],
);

export const ledgerKinds = ['topup', 'charge', 'refund', 'adjustment'] as const;
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
    /** Idempotency key: job:<id>:charge, job:<id>:refund, redeem:<codeId>:<userId>, adj:<uuid>. */
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
    /** What the job does within its family: generate, edit, imagine, action, modal, blend, describe, t2v, i2v. */
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
  },
  (t) => [
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
