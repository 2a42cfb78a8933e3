import type { BotCommand, MenuButton, Message, UserFromGetMe } from 'grammy/types';
import { CallLog } from './calls.js';
import { Faults } from './faults.js';
import { FileStore } from './files.js';
import { FloodControl } from './flood.js';
import type { PendingInlineQuery } from './inline.js';
import type { Params } from './params.js';
import { StarsLedger } from './stars.js';
import { UpdateQueue } from './updates.js';
import { World } from './world.js';

const MB = 1024 * 1024;

export interface StandInOptions {
  port?: number;
  token?: string;
  bot?: { id: number; username: string; first_name: string };
  /** Multipart upload limit for non-photo files (Telegram cloud: 50 MB). Over it: 413. */
  uploadLimitBytes?: number;
  /** Multipart photo limit (Telegram: 10 MB). */
  photoLimitBytes?: number;
  /** getFile limit (Telegram: 20 MB). */
  downloadLimitBytes?: number;
  /** Send-by-URL limits (Telegram: 5 MB photos, 20 MB other files). */
  urlPhotoLimitBytes?: number;
  urlFileLimitBytes?: number;
  /** How long a callback query can be answered (Telegram: about 15 s). */
  callbackQueryTimeoutMs?: number;
  /** How long an inline query can be answered (Telegram: 10 s). */
  inlineQueryTimeoutMs?: number;
  /** How long a pre_checkout_query can be answered (Telegram: 10 s). */
  preCheckoutTimeoutMs?: number;
  /** Stars each user starts with. Default 1000. */
  initialStars?: number;
  /**
   * Whether a bot's own refundStarPayment also sends the bot a refunded_payment message
   * (unverified for real Telegram; default false). refundFromTelegram always sends one.
   */
  refundUpdateOnBotRefund?: boolean;
  /** Pause between webhook delivery retries. */
  webhookRetryMs?: number;
  webhookTimeoutMs?: number;
  /** Clock in epoch ms, for message dates and flood windows. */
  now?: () => number;
  /**
   * Runs as `telegram-bot-api --local --dir=<localDir>`: getFile writes the file under
   * `<localDir>/<token>/` and answers with its absolute path, there is no download route,
   * and the limits are the local server's 2000 MB.
   */
  localDir?: string;
}

export type ResolvedOptions = Required<Omit<StandInOptions, 'port' | 'bot' | 'localDir'>> & {
  port: number;
  localDir: string | undefined;
};

export function resolveOptions(o: StandInOptions): ResolvedOptions {
  const local = o.localDir !== undefined;
  return {
    port: o.port ?? 0,
    token: o.token ?? '123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsawQ',
    localDir: o.localDir,
    uploadLimitBytes: o.uploadLimitBytes ?? (local ? 2000 : 50) * MB,
    photoLimitBytes: o.photoLimitBytes ?? 10 * MB,
    downloadLimitBytes: o.downloadLimitBytes ?? (local ? 2000 : 20) * MB,
    urlPhotoLimitBytes: o.urlPhotoLimitBytes ?? 5 * MB,
    urlFileLimitBytes: o.urlFileLimitBytes ?? 20 * MB,
    callbackQueryTimeoutMs: o.callbackQueryTimeoutMs ?? 15_000,
    inlineQueryTimeoutMs: o.inlineQueryTimeoutMs ?? 10_000,
    preCheckoutTimeoutMs: o.preCheckoutTimeoutMs ?? 10_000,
    initialStars: o.initialStars ?? 1000,
    refundUpdateOnBotRefund: o.refundUpdateOnBotRefund ?? false,
    webhookRetryMs: o.webhookRetryMs ?? 200,
    webhookTimeoutMs: o.webhookTimeoutMs ?? 10_000,
    now: o.now ?? Date.now,
  };
}

export interface UploadedFile {
  filename: string;
  mime: string;
  bytes: Uint8Array;
}

/** One API call being executed. */
export interface MethodCall {
  method: string;
  params: Params;
  /** Multipart file parts by field name (attach:// targets). */
  files: Map<string, UploadedFile>;
  signal: AbortSignal;
  /** Messages created or changed, for the call log and user-side waits. */
  produced: Message[];
}

export type Handler = (core: Core, call: MethodCall) => unknown;

export interface CallbackAnswer {
  text?: string;
  show_alert?: boolean;
  url?: string;
  cache_time?: number;
}

export interface PendingQuery {
  id: string;
  userId: number;
  createdAt: number;
  answered: boolean;
  resolve: (a: CallbackAnswer) => void;
}

/** Shared state the method handlers work on. */
export class Core {
  readonly world: World;
  readonly files = new FileStore();
  readonly queue: UpdateQueue;
  readonly flood: FloodControl;
  readonly faults = new Faults();
  readonly log = new CallLog();
  readonly queries = new Map<string, PendingQuery>();
  /** Inline queries sent to the bot, by id, with the answer once accepted. */
  readonly inlineQueries = new Map<string, PendingInlineQuery>();
  readonly stars: StarsLedger;
  /** setMyCommands storage keyed by scope + language. */
  readonly commands = new Map<string, BotCommand[]>();
  defaultMenuButton: MenuButton = { type: 'default' };
  /** setMyName/Description/ShortDescription values keyed by `field|language`. */
  readonly profile = new Map<string, string>();

  constructor(
    readonly options: ResolvedOptions,
    readonly botInfo: UserFromGetMe,
    /** Executes a method as if called over HTTP (webhook replies). */
    run: (method: string, params: Params) => Promise<void>,
  ) {
    this.world = new World(botInfo, options.now);
    this.flood = new FloodControl(options.now);
    this.stars = new StarsLedger(options.initialStars);
    this.queue = new UpdateQueue({
      now: options.now,
      webhookRetryMs: options.webhookRetryMs,
      webhookTimeoutMs: options.webhookTimeoutMs,
      onWebhookReply: run,
    });
  }
}

/** Canonical key for a BotCommandScope + language_code pair. */
export function commandsKey(scope: unknown, languageCode: string | undefined): string {
  const s = (scope ?? { type: 'default' }) as Record<string, unknown>;
  const parts = [String(s.type ?? 'default')];
  if (s.chat_id !== undefined) parts.push(`chat=${String(s.chat_id)}`);
  if (s.user_id !== undefined) parts.push(`user=${String(s.user_id)}`);
  return `${parts.join(',')}|${languageCode ?? ''}`;
}
