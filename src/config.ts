import path from 'node:path';
import { z } from 'zod';
import { parseMoney } from './billing/money.js';
import { parseStarsPacks, type StarsPack } from './billing/stars.js';

const TOKEN_RE = /^\d{5,16}:[A-Za-z0-9_-]{30,50}$/;
/** Telegram's alphabet for secret_token; 32 is ours: a guessable secret lets anyone post updates. */
const SECRET_TOKEN_RE = /^[A-Za-z0-9_-]*$/;

const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess(emptyToUndefined, schema.optional());
const withDefault = <T extends z.ZodType>(schema: T, value: z.input<T>) =>
  z.preprocess(emptyToUndefined, schema.prefault(value as never));

const httpUrl = z
  .string()
  .trim()
  .refine((v) => /^https?:\/\/[^\s/]+/.test(v) && URL.canParse(v), 'must be an http(s) URL')
  .transform((v) => v.replace(/\/+$/, ''));

const int = (min: number, max: number) =>
  z.coerce
    .number({ message: 'must be a whole number' })
    .int('must be a whole number')
    .min(min, `must be at least ${min}`)
    .max(max, `must be at most ${max}`);

const flag = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' }))
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const idList = z.string().transform((v, ctx) => {
  const ids: number[] = [];
  for (const part of v.split(/[\s,]+/).filter(Boolean)) {
    if (!/^\d{1,16}$/.test(part)) {
      ctx.addIssue({
        code: 'custom',
        message: `"${part}" is not a Telegram user id (comma-separated numbers)`,
      });
      return z.NEVER;
    }
    ids.push(Number(part));
  }
  return ids;
});

const envSchema = z
  .object({
    BOT_TOKEN: z
      .string({ message: 'is required (get one from @BotFather)' })
      .trim()
      .regex(TOKEN_RE, 'must look like 123456789:AAE… (the token @BotFather gave you)'),
    BOT_API_ROOT: withDefault(httpUrl, 'https://api.telegram.org'),
    BOT_API_FILES_DIR: optional(z.string().trim()),
    GATEWAY_BASE_URL: withDefault(httpUrl, 'https://api.designapi.ink'),
    GATEWAY_API_KEY: z
      .string({ message: 'is required (a gateway key, sk-…)' })
      .trim()
      .min(8, 'is too short to be a gateway key'),
    DATABASE_PATH: withDefault(z.string().trim(), './data/bot.sqlite'),
    DATA_DIR: optional(z.string().trim()),
    DB_SYNCHRONOUS: withDefault(z.enum(['normal', 'full']), 'normal'),
    // Set: PostgreSQL instead of the SQLite file (several hosts share it). Never logged: it may
    // hold a password.
    DATABASE_URL: optional(
      z
        .string()
        .trim()
        .refine(
          (v) => /^postgres(ql)?:\/\//.test(v) && URL.canParse(v),
          'must be a postgres:// URL (unset it to use the SQLite file)',
        ),
    ),
    /** Connections per instance to PostgreSQL. */
    DB_POOL_SIZE: withDefault(int(1, 200), 10),
    /** A statement running longer is cancelled by PostgreSQL (0: no limit). */
    DB_STATEMENT_TIMEOUT_MS: withDefault(int(0, 3_600_000), 30_000),
    REDIS_URL: optional(
      z
        .string()
        .trim()
        .refine((v) => /^rediss?:\/\//.test(v) && URL.canParse(v), 'must be a redis:// URL'),
    ),
    ADMIN_IDS: withDefault(idList, ''),
    SUPPORT_CHAT_ID: optional(
      z
        .string()
        .trim()
        .regex(/^-?\d{1,20}$/, 'must be a numeric chat id (e.g. -1001234567890)'),
    ).transform((v) => (v === undefined ? undefined : Number(v))),
    /** Who answers users in the support chat (src/bot/support/staff.ts). */
    SUPPORT_STAFF: withDefault(z.enum(['admin-ids', 'chat-admins']), 'admin-ids'),
    /** No default: a contact the operator did not choose would send users to a stranger. */
    SUPPORT_CONTACT: optional(z.string().trim().max(200)),
    BUY_CODES_URL: optional(httpUrl),
    /**
     * Where users reach the Mini App (gallery): the public https address at which the operator
     * exposes PORT (a reverse proxy); its path is where the bot serves the page. Unset: off.
     */
    MINI_APP_URL: optional(httpUrl),
    /** Disk budget for the gallery's thumbnails, in MB. */
    THUMB_CACHE_MB: withDefault(int(1, 100_000), 200),
    BOT_MODE: withDefault(z.enum(['polling', 'webhook']), 'polling'),
    WEBHOOK_URL: optional(httpUrl),
    WEBHOOK_SECRET: optional(
      z
        .string()
        .regex(SECRET_TOKEN_RE, 'may contain only A–Z, a–z, 0–9, _ and - (Telegram’s rule)')
        .min(32, 'must be at least 32 characters (generate one: openssl rand -hex 32)')
        .max(256, 'must be at most 256 characters (Telegram’s limit)'),
    ),
    /** Loopback by default: /metrics and /healthz are not for the network unless asked. */
    HOST: withDefault(z.string().trim().min(1), '127.0.0.1'),
    PORT: withDefault(int(0, 65535), 8080),
    /** Bearer token for /metrics and the full /healthz report (see src/infra/ops-routes.ts). */
    METRICS_TOKEN: optional(
      z.string().trim().min(32, 'must be at least 32 characters (e.g. openssl rand -hex 32)'),
    ),
    /** Serve /metrics and the full /healthz report to anyone who reaches the listener. */
    METRICS_PUBLIC: withDefault(flag, 'false'),
    CATALOG_PATH: optional(z.string().trim()),
    LOG_LEVEL: withDefault(
      z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
      'info',
    ),
    KEY_ENCRYPTION_SECRET: optional(
      z.string().min(32, 'must be at least 32 characters (e.g. openssl rand -hex 32)'),
    ),
    CURRENCY: withDefault(z.string().trim().min(1).max(12), 'USD'),
    CURRENCY_DECIMALS: withDefault(int(0, 6), 2),
    JOB_CONCURRENCY: withDefault(int(1, 256), 16),
    KEY_CONCURRENCY: withDefault(int(1, 64), 4),
    GATEWAY_TIMEOUT_MS: withDefault(int(1000, 900_000), 180_000),
    /** Result downloads may reach private addresses on hosts other than the gateway's. */
    GATEWAY_ALLOW_PRIVATE_URLS: withDefault(flag, 'false'),
    TELEGRAM_UPLOAD_LIMIT_MB: optional(int(1, 2000)),
    /** What the result files of one image job may add up to, MB (each also within the upload limit). */
    RESULT_BUDGET_MB: withDefault(int(1, 2000), 100),
    /** Total time for one job's result downloads, ms (each download also stops after 60 s of silence). */
    RESULT_DOWNLOAD_TIMEOUT_MS: withDefault(int(500, 600_000), 300_000),
    /** Broadcast messages per second (Telegram allows about 30 in bulk; more only for test servers). */
    BROADCAST_RATE: withDefault(int(1, 1000), 25),
    /** Generation requests one user may send per minute (shared by instances in Redis mode). */
    GENERATION_RATE_PER_MINUTE: withDefault(int(1, 10_000), 12),
    /** Redis mode: how long a dead poller leader blocks its successor at most, ms. */
    LEADER_LEASE_MS: withDefault(int(500, 600_000), 10_000),
    /**
     * Messages this instance sends in any second at most (Telegram: ~30 per bot in bulk), counted
     * on Telegram's answers; the same share of the 20 a minute per group.
     */
    TELEGRAM_SEND_RATE: withDefault(int(1, 100_000), 30),
    /**
     * Midjourney without the gateway's list route: single task fetches per poll (per second) at
     * start; fast answers raise it up to MJ_FETCHES_MAX, 429s halve it down to MJ_FETCHES_MIN.
     */
    MJ_FETCHES_PER_POLL: withDefault(int(1, 1_000), 25),
    MJ_FETCHES_MIN: withDefault(int(1, 1_000), 2),
    MJ_FETCHES_MAX: withDefault(int(1, 1_000), 100),
    /**
     * Ask before starting a job paid from the balance that costs more than this, in CURRENCY
     * (e.g. 0.50); unset: never ask (video always shows its price on a confirm button).
     */
    CONFIRM_ABOVE: optional(
      z.coerce.number({ message: 'must be a number' }).min(0, 'must be at least 0'),
    ),
    /** Telegram Stars packs, `Stars:credit` in CURRENCY (src/billing/stars.ts); `off`: none. */
    STARS_PACKS: withDefault(z.string(), '100:1,500:5,2500:25'),
    /** Credit for both sides when a referred user first tops up, in CURRENCY; unset: no referrals. */
    REFERRAL_BONUS: optional(z.string().trim()),
    /** First-contact credit, in CURRENCY, once per Telegram account; unset: none. */
    WELCOME_CREDIT: optional(z.string().trim()),
    /** What /terms shows (Telegram asks bots that sell to have terms); plain text. */
    TERMS_TEXT: optional(z.string().trim().max(3500)),
    /** Operator alert when the gateway key has less than this many USD left; 0: never. */
    OPERATOR_BALANCE_ALERT_USD: withDefault(
      z.coerce.number({ message: 'must be a number' }).min(0, 'must be at least 0'),
      5,
    ),
    /** Operator alert when the gateway has not answered for this many minutes. */
    GATEWAY_DOWN_ALERT_MINUTES: withDefault(int(1, 1440), 5),
    /** Redis mode: prefix of every key (default `genbot:<bot id>:`), to share one Redis. */
    REDIS_PREFIX: optional(z.string().trim().max(100)),
  })
  .superRefine((env, ctx) => {
    if (
      env.MJ_FETCHES_MIN > env.MJ_FETCHES_PER_POLL ||
      env.MJ_FETCHES_PER_POLL > env.MJ_FETCHES_MAX
    )
      ctx.addIssue({
        code: 'custom',
        path: ['MJ_FETCHES_PER_POLL'],
        message: 'must lie between MJ_FETCHES_MIN and MJ_FETCHES_MAX',
      });
    // Telegram opens Mini Apps over https only (loopback is for tests and local stand-ins).
    if (
      env.MINI_APP_URL &&
      !env.MINI_APP_URL.startsWith('https://') &&
      !isLoopbackUrl(env.MINI_APP_URL)
    )
      ctx.addIssue({ code: 'custom', path: ['MINI_APP_URL'], message: 'must be https://' });
    if (env.BOT_MODE !== 'webhook') return;
    if (!env.WEBHOOK_URL)
      ctx.addIssue({
        code: 'custom',
        path: ['WEBHOOK_URL'],
        message: 'is required when BOT_MODE=webhook',
      });
    else if (!env.WEBHOOK_URL.startsWith('https://') && !isLoopbackUrl(env.WEBHOOK_URL))
      ctx.addIssue({
        code: 'custom',
        path: ['WEBHOOK_URL'],
        message: 'must be https:// (Telegram refuses plain http)',
      });
    if (!env.WEBHOOK_SECRET)
      ctx.addIssue({
        code: 'custom',
        path: ['WEBHOOK_SECRET'],
        message: 'is required when BOT_MODE=webhook',
      });
  });

function isLoopbackUrl(url: string): boolean {
  const host = new URL(url).hostname;
  return host === 'localhost' || host.startsWith('127.') || host === '[::1]';
}

export type Env = z.output<typeof envSchema>;

export interface Config extends Env {
  dataDir: string;
  /** Bytes the configured Bot API server accepts in one multipart upload. */
  uploadLimitBytes: number;
  resultBudgetBytes: number;
  isCloudBotApi: boolean;
  /** CONFIRM_ABOVE in minor units. */
  confirmAboveMinor?: number;
  starsPacks: StarsPack[];
  /** REFERRAL_BONUS and WELCOME_CREDIT in minor units; 0: off. */
  referralBonusMinor: number;
  welcomeCreditMinor: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map(
        (issue) => `${issue.path.join('.') || 'environment'} ${issue.message}`,
      ),
    );
  }
  const env = parsed.data;
  const problems: string[] = [];
  const packs = parseStarsPacks(env.STARS_PACKS, env.CURRENCY_DECIMALS);
  if (!packs.ok) problems.push(`STARS_PACKS ${packs.problem}`);
  const minor = (name: 'REFERRAL_BONUS' | 'WELCOME_CREDIT'): number => {
    const text = env[name];
    if (text === undefined) return 0;
    const parsedMoney = parseMoney(text, env.CURRENCY_DECIMALS, { allowZero: true });
    if (parsedMoney.ok) return parsedMoney.value;
    problems.push(`${name} is not an amount in ${env.CURRENCY} (${parsedMoney.error})`);
    return 0;
  };
  const referralBonusMinor = minor('REFERRAL_BONUS');
  const welcomeCreditMinor = minor('WELCOME_CREDIT');
  if (problems.length > 0) throw new ConfigError(problems);
  const isCloudBotApi = new URL(env.BOT_API_ROOT).hostname === 'api.telegram.org';
  const uploadLimitMb = env.TELEGRAM_UPLOAD_LIMIT_MB ?? (isCloudBotApi ? 50 : 2000);
  return {
    ...env,
    dataDir: path.resolve(env.DATA_DIR ?? path.dirname(env.DATABASE_PATH)),
    uploadLimitBytes: uploadLimitMb * 1024 * 1024,
    resultBudgetBytes: env.RESULT_BUDGET_MB * 1024 * 1024,
    isCloudBotApi,
    starsPacks: packs.ok ? packs.packs : [],
    referralBonusMinor,
    welcomeCreditMinor,
    ...(env.CONFIRM_ABOVE !== undefined
      ? { confirmAboveMinor: Math.round(env.CONFIRM_ABOVE * 10 ** env.CURRENCY_DECIMALS) }
      : {}),
  };
}
