/**
 * Typed gateway errors and the pure response classifier (protocol note §1.2, §1.3, §8).
 *
 * Classification branches on HTTP status, then `code`, then message substrings; never on
 * `error.type`, which differs between one-api, new-api and forks.
 */

export type GatewayErrorKind =
  | 'bad_key'
  | 'key_exhausted'
  | 'model_not_allowed'
  | 'insufficient_balance'
  | 'banned_prompt'
  | 'content_policy'
  | 'rate_limited'
  | 'queue_full'
  | 'no_channel'
  | 'not_implemented'
  | 'not_found'
  | 'invalid_request'
  | 'upstream'
  | 'timeout'
  | 'network'
  | 'malformed'
  /** download(): the body is larger than the caller's maxBytes. */
  | 'too_large'
  /** The caller's AbortSignal fired (not a timeout of ours). */
  | 'aborted';

/** Kinds that may succeed if tried again later (the job layer decides whether that is safe). */
const TRANSIENT: ReadonlySet<GatewayErrorKind> = new Set([
  'rate_limited',
  'queue_full',
  'no_channel',
  'upstream',
  'timeout',
  'network',
]);

export interface GatewayErrorDetails {
  status?: number;
  code?: string | number;
  bannedWord?: string;
  retryAfterSec?: number;
  retryable?: boolean;
  cause?: unknown;
}

export class GatewayError extends Error {
  override readonly name = 'GatewayError';
  readonly kind: GatewayErrorKind;
  readonly status?: number;
  readonly code?: string | number;
  readonly bannedWord?: string;
  readonly retryAfterSec?: number;
  readonly retryable: boolean;

  constructor(kind: GatewayErrorKind, message: string, details: GatewayErrorDetails = {}) {
    super(scrubKeys(message), details.cause === undefined ? undefined : { cause: details.cause });
    this.kind = kind;
    this.retryable = details.retryable ?? TRANSIENT.has(kind);
    if (details.status !== undefined) this.status = details.status;
    if (details.code !== undefined) this.code = details.code;
    if (details.bannedWord !== undefined) this.bannedWord = details.bannedWord;
    if (details.retryAfterSec !== undefined) this.retryAfterSec = details.retryAfterSec;
  }
}

export function isGatewayError(e: unknown): e is GatewayError {
  return e instanceof GatewayError;
}

const REQUEST_ID_RE = /\s*\(request id: [^)]*\)\s*$/i;

/** Removes the ` (request id: …)` suffix the gateway appends to every OpenAI-envelope message. */
export function stripRequestId(message: string): string {
  return message.replace(REQUEST_ID_RE, '').trim();
}

/**
 * Masks anything shaped like a gateway key. new-api echoes a masked key in exhaustion messages
 * (`[sk-abc***xyz] 该令牌额度已用尽`); we hide even that so no key fragment reaches users or logs.
 */
export function scrubKeys(text: string, keys: readonly string[] = []): string {
  let out = text;
  for (const k of keys) if (k.length >= 4) out = out.split(k).join('sk-***');
  return out.replace(/\bsk-[A-Za-z0-9*_.-]{3,}/g, 'sk-***');
}

const MAX_MESSAGE = 500;
const clip = (s: string) => (s.length > MAX_MESSAGE ? `${s.slice(0, MAX_MESSAGE)}…` : s);

const CONTENT_POLICY_CODES = new Set(['content_policy_violation', 'moderation_blocked']);
const CONTENT_POLICY_RE =
  /safety system|content[ _]polic|moderation|safety (?:filter|check)|content_filter|违反|违规|内容安全|审核未通过|不合规/i;
const BANNED_RE = /sensitive[ _]words?|敏感词|banned prompt/i;
const NO_CHANNEL_RE = /无可用渠道|no available channel|get_channel_failed|获取渠道/i;
const QUOTA_RE = /额度|余额|quota|balance|not enough|insufficient|不足/i;

/** True when a text (an error message or a chat reply) reads like a safety refusal. */
export function looksLikeContentPolicy(text: string): boolean {
  return CONTENT_POLICY_RE.test(text);
}

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function parseJson(text: string): unknown {
  const t = text.trim();
  if (!t.startsWith('{') && !t.startsWith('[')) return undefined;
  try {
    return JSON.parse(t) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * Turns a failed (or error-carrying 200) gateway response into a GatewayError.
 * Follows §8: no/invalid JSON → status only; OpenAI envelope; MJ relay error / SubmitResultVO;
 * task error; `/api/*` `{success:false}`.
 */
export function classify(
  status: number,
  bodyText: string,
  contentType?: string,
  retryAfterSec?: number,
): GatewayError {
  const extra = retryAfterSec === undefined ? {} : { retryAfterSec };
  const isHtml = /html/i.test(contentType ?? '') || /^\s*</.test(bodyText);
  const body = isHtml ? undefined : parseJson(bodyText);

  if (!isObj(body)) return fromStatusOnly(status, bodyText, isHtml, extra);

  // 2. OpenAI envelope (also `{"error":"midjourney_task_not_found"}` from /mj/image).
  const err = body.error;
  if (isObj(err) && typeof err.message === 'string') {
    const code =
      typeof err.code === 'string' || typeof err.code === 'number' ? err.code : undefined;
    return fromMessage(status, stripRequestId(err.message), code, extra);
  }
  if (typeof err === 'string' && err !== '') {
    return fromMessage(status, stripRequestId(err), err, extra);
  }

  // 3. Midjourney: relay error (HTTP >= 400) or a SubmitResultVO business error (HTTP 200).
  if (typeof body.description === 'string' && typeof body.code === 'number') {
    const desc = body.description.trim();
    if (status >= 400) return fromMjRelay(status, desc, body.code, extra);
    return mjSubmitError(body.code, desc, isObj(body.properties) ? body.properties : undefined);
  }

  // 4. Task error (video / suno): flat, string code.
  if (typeof body.code === 'string' && 'message' in body && body.code !== 'success') {
    const msg = typeof body.message === 'string' ? stripRequestId(body.message) : body.code;
    return fromTaskError(status, body.code, msg || body.code, extra);
  }

  // 5. `/api/*` envelope.
  if (body.success === false) {
    const msg = typeof body.message === 'string' && body.message ? body.message : `HTTP ${status}`;
    return fromMessage(status, stripRequestId(msg), undefined, extra);
  }

  return fromStatusOnly(status, '', false, extra);
}

function fromStatusOnly(
  status: number,
  bodyText: string,
  isHtml: boolean,
  extra: GatewayErrorDetails,
): GatewayError {
  const trimmed = bodyText.trim();
  const what = trimmed === '' ? 'an empty body' : isHtml ? 'an HTML page' : 'a non-JSON body';
  const plain = !isHtml && trimmed !== '' && trimmed.length <= 200 ? `: ${trimmed}` : '';
  const message = `HTTP ${status} with ${what}${plain}`;
  const d = { ...extra, status };
  if (status >= 200 && status < 300) return new GatewayError('malformed', message, d);
  if (status === 429) return new GatewayError('rate_limited', message, d);
  if (status === 401) return new GatewayError('bad_key', message, d);
  // Gin's plain-text 404 means the route does not exist on this gateway (e.g. one-api has no /mj).
  if (status === 404) return new GatewayError('not_implemented', message, d);
  if (status === 501) return new GatewayError('not_implemented', message, d);
  if (status === 408) return new GatewayError('timeout', message, d);
  if (status === 413) return new GatewayError('invalid_request', message, d);
  // Other non-JSON answers come from a proxy or CDN in front of the gateway.
  return new GatewayError('upstream', message, d);
}

function fromMessage(
  httpStatus: number,
  message: string,
  code: string | number | undefined,
  extra: GatewayErrorDetails,
): GatewayError {
  // one-api answers some refusals with HTTP 200 and the real status as a numeric `code`.
  const status =
    typeof code === 'number' && code >= 400 && code < 600 && httpStatus < 400 ? code : httpStatus;
  const msg = clip(message || `HTTP ${status}`);
  const d: GatewayErrorDetails = {
    ...extra,
    status: httpStatus,
    ...(code === undefined ? {} : { code }),
  };
  const codeStr = typeof code === 'string' ? code : '';
  const k = (kind: GatewayErrorKind) => new GatewayError(kind, msg, d);

  if (CONTENT_POLICY_CODES.has(codeStr) || looksLikeContentPolicy(msg)) return k('content_policy');
  if (codeStr === 'insufficient_user_quota' || codeStr === 'quota_not_enough') {
    return k('insufficient_balance');
  }
  if (codeStr === 'api_not_implemented' || status === 501) return k('not_implemented');
  if (codeStr === 'sensitive_words_detected' || BANNED_RE.test(msg)) {
    const word = /(?:detected|敏感词)\s*[:：]\s*(.+)$/i.exec(msg)?.[1]?.trim();
    return new GatewayError('banned_prompt', msg, word ? { ...d, bannedWord: word } : d);
  }
  if (codeStr === 'get_channel_failed' || NO_CHANNEL_RE.test(msg)) return k('no_channel');
  if (status >= 400 && status < 500 && /^\w*(?:not_found|no_found|not_exist)\w*$/.test(msg)) {
    return k('not_found');
  }

  switch (status) {
    case 401:
      return k(/额度|quota/i.test(msg) ? 'key_exhausted' : 'bad_key');
    case 402:
      return k('insufficient_balance');
    case 403:
      if (/无权(?:使用|访问)/.test(msg)) return k('model_not_allowed');
      if (QUOTA_RE.test(msg)) return k('insufficient_balance');
      if (/\bmodel\b|模型/i.test(msg)) return k('model_not_allowed');
      // Banned user, IP allow-list, disabled group, channel pinning: this key cannot be used
      // here and only the gateway operator can fix it, so callers treat it like a bad key.
      return k('bad_key');
    case 404:
      // new-api's RelayNotFound: `Invalid URL (GET /x)` means the route itself is missing.
      return k(/invalid url/i.test(msg) ? 'not_implemented' : 'not_found');
    case 408:
      return k('timeout');
    case 429:
      return k('rate_limited');
  }
  if (status >= 500) return k('upstream');
  if (status >= 400) return k('invalid_request');
  // HTTP 200 carrying `error` (billing endpoints on internal failure).
  return k('upstream');
}

function fromMjRelay(
  status: number,
  desc: string,
  code: number,
  extra: GatewayErrorDetails,
): GatewayError {
  const d = { ...extra, status, code };
  const msg = clip(desc || `HTTP ${status}`);
  const k = (kind: GatewayErrorKind) => new GatewayError(kind, msg, d);
  if (/task_no(?:t)?_found/.test(desc)) return k('not_found');
  if (code === 30 || status === 429) return k('rate_limited');
  if (/quota_not_enough/.test(desc) || /额度|余额/.test(desc)) return k('insufficient_balance');
  if (/渠道已被禁用/.test(desc) || NO_CHANNEL_RE.test(desc)) return k('no_channel');
  if (BANNED_RE.test(desc)) return k('banned_prompt');
  if (status >= 500 || /do_request_failed|read_response_body_failed/.test(desc)) {
    return k('upstream');
  }
  return k('invalid_request');
}

/** Maps a midjourney-proxy SubmitResultVO with a non-accepted code to a typed error (§3.2). */
export function mjSubmitError(
  code: number,
  description: string,
  properties?: Record<string, unknown>,
): GatewayError {
  const msg = clip(description.trim() || `Midjourney submit code ${code}`);
  const d = { code };
  switch (code) {
    case 3:
      // One code for two things: no Discord account can take the job (a pool state that
      // passes), or the origin task/button is gone (retrying cannot help).
      return new GatewayError(/账号|account/i.test(msg) ? 'no_channel' : 'not_found', msg, d);
    case 4:
      return new GatewayError('invalid_request', msg, d);
    case 23:
      return new GatewayError('queue_full', msg, d);
    case 24: {
      const word = properties?.bannedWord;
      return new GatewayError(
        'banned_prompt',
        msg,
        typeof word === 'string' && word !== '' ? { ...d, bannedWord: word } : d,
      );
    }
    case 30:
      return new GatewayError('rate_limited', msg, d);
    default:
      // 9 (FAILURE, e.g. modal timeout), 5 (new-api internal) and anything unknown.
      return new GatewayError('upstream', msg, d);
  }
}

function fromTaskError(
  status: number,
  code: string,
  message: string,
  extra: GatewayErrorDetails,
): GatewayError {
  const msg = clip(message);
  const d = { ...extra, status, code };
  const k = (kind: GatewayErrorKind) => new GatewayError(kind, msg, d);
  if (code === 'task_not_exist' || code === 'task_not_found') return k('not_found');
  if (looksLikeContentPolicy(msg)) return k('content_policy');
  if (BANNED_RE.test(msg)) return k('banned_prompt');
  if (/quota/i.test(code) || /额度|余额/.test(msg)) return k('insufficient_balance');
  if (NO_CHANNEL_RE.test(msg)) return k('no_channel');
  if (status === 429) return k('rate_limited');
  if (status === 501) return k('not_implemented');
  if (status >= 500 || status < 400) return k('upstream');
  return k('invalid_request');
}
