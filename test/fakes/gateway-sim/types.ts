/** Public option and handle types of the gateway simulator (the contract other suites code against). */
import type { MjRelayOptions } from './mj-relay.js';

export interface SimKey {
  unlimited?: boolean;
  /** Remaining quota units (500 000 = $1). Omitted together with `unlimited` → unlimited. */
  quota?: number;
  usedQuota?: number;
  /** Allowed models; undefined = all, [] = none. For /mj/* these are the derived mj_* names. */
  models?: string[];
  expired?: boolean;
  disabled?: boolean;
  /** User wallet; a charge above it → 403 insufficient_user_quota. Undefined = not checked. */
  userQuota?: number;
}

export type KeyView = SimKey & { usedQuota: number };

export type ErrorType = 'one_api_error' | 'new_api_error' | 'upstream_error';
export type MjMode = 'newapi' | 'proxy';
export type ChatImageVariant =
  | 'markdown-data'
  | 'markdown-url'
  | 'raw-base64'
  | 'images-array'
  | 'prose-base64'
  | 'mixed';
export type VideoDialect = 'seed' | 'newapi-wrapper' | 'openai' | 'kling-metadata' | 'docs';

/** A duration in sim ms, or a [min, max] range picked uniformly per use. */
export type Duration = number | readonly [number, number];

export interface SimTimings {
  /** new-api poller lag: status "" until the first sync, then the visible state refreshes every lag ms. 0 = live. */
  mjLagMs: number;
  /** SUBMITTED phase once the task holds a queue slot. */
  mjSubmittedMs: number;
  /** IN_PROGRESS "Waiting to start". */
  mjWaitingMs: number;
  /** Each of 15% → 46% → 78% → SUCCESS. */
  mjStepMs: number;
  /** Whole DESCRIBE run (SUBMITTED → SUCCESS). */
  mjDescribeMs: number;
  videoQueuedMs: number;
  /** in_progress phase (progress 30 → 70). */
  videoRunMs: number;
  /** Latency of sync routes: /v1/images/*, /v1/chat/completions. */
  imageLatencyMs: Duration;
}

export interface GatewaySimOptions {
  port?: number;
  keys?: Record<string, SimKey>;
  errorType?: ErrorType;
  requestIdSuffix?: boolean;
  mjMode?: MjMode;
  manualClock?: boolean;
  speed?: number;
  timings?: Partial<SimTimings>;
  bannedWords?: string[];
  remix?: boolean;
  mjQueue?: { coreSize: number; queueSize: number };
  chatImageVariant?: Record<string, ChatImageVariant>;
  videoDialect?: Record<string, VideoDialect>;
  editsNotImplemented?: boolean;
  prices?: Record<string, number>;
  /** Extension: `/v1/models` shape. 'newapi' = {success,data}, 'oneapi' = {object:"list",data}. Default 'newapi'. */
  modelsShape?: 'newapi' | 'oneapi';
  /** Extension: models listed by /v1/models for unrestricted keys. */
  catalog?: string[];
  /**
   * Extension: how many colourings generated PNGs come in (default 256). A benchmark sets a few:
   * drawing a PNG costs milliseconds of the simulator's CPU, which a bot under test would share.
   */
  pngVariety?: number;
  /**
   * Extension: generated images (image, chat-image and Midjourney results) are these files in
   * turn instead of drawn PNGs, unless a [[size:]] or [[big:]] marker asks for one: real-size
   * grids, or JPEG/WebP results, that a test or benchmark made with sharp.
   */
  resultImages?: ReadonlyArray<{ data: Buffer; contentType: string }>;
  /** Extension: MJ imageUrl style. 'discord' = CDN-like /attachments/… with ex= params (default); 'forward' = /mj/image/{id}. */
  mjImageUrls?: 'discord' | 'forward';
  /** Extension: relay the MJ submits as new-api does (drops the path mode; see mj-relay.ts). */
  mjRelay?: MjRelayOptions;
  /**
   * Extension: no POST /mj/task/list-by-condition (gateways that only fetch one task): it gets
   * the 404 of an unknown route, and pollers must fall back to GET /mj/task/{id}/fetch.
   */
  mjNoList?: boolean;
}

export type FaultPreset =
  | 'bad-key'
  | 'expired'
  | 'exhausted'
  | 'banned-user'
  | 'model-not-allowed'
  | 'ip'
  | 'rate-limit-empty'
  | 'rate-limit-json'
  | 'channel-failed'
  | 'no-channel'
  | 'html-502'
  | 'html-504'
  | 'malformed-json'
  | 'insufficient-user-quota';

export interface Fault {
  /** String = exact path match (query ignored); RegExp tested against the path. Undefined = all routes. */
  route?: string | RegExp;
  method?: string;
  times?: number;
  status?: number;
  body?: string | object | null;
  contentType?: string;
  /** Extra response headers (e.g. `Retry-After` with a 429). */
  headers?: Record<string, string>;
  /** Real (not sim) ms. Alone (no status/body/preset) it just slows the normal response down. */
  delayMs?: number;
  hang?: boolean;
  preset?: FaultPreset;
}

export interface RecordedRequest {
  method: string;
  /** Path without the query string. */
  path: string;
  query: string;
  headers: Record<string, string | string[] | undefined>;
  /** Parsed JSON, a multipart summary ({fields, files}), raw text, or undefined when empty. */
  body: unknown;
  /** Sim time (epoch ms). */
  at: number;
}
