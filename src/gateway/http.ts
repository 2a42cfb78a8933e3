/**
 * The one place that talks HTTP: a keep-alive undici Agent, per-call key, total deadline,
 * and retries for non-billed calls only (§1.3). Everything above works on parsed bodies.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from 'pino';
import { Agent, type Dispatcher, type FormData, request } from 'undici';
import { guardedLookup, PRIVATE_TARGET, privateTarget } from './address-guard.js';
import { classify, GatewayError, type GatewayErrorKind, scrubKeys } from './errors.js';
import {
  backoffMs,
  DEFAULT_RETRY,
  parseRetryAfter,
  RETRY_STATUSES,
  type RetryPolicy,
} from './retry.js';

/** What the observation hook sees once per call (after retries). No URLs, no ids, no keys. */
export interface RequestObservation {
  /** Low-cardinality label, e.g. `GET /mj/task/:id/fetch`. */
  route: string;
  status?: number;
  ms: number;
  attempts: number;
  errorKind?: GatewayErrorKind;
}

export interface TransportOptions {
  baseUrl: string;
  /** Total per call (retries included) for non-billed calls. Default 60 s. */
  timeoutMs?: number;
  /** Total per billed submit (image/chat generations answer synchronously). Default 300 s. */
  generationTimeoutMs?: number;
  connectTimeoutMs?: number;
  /** Agent-level idle limits (per-call values override them); default to the total timeout. */
  headersTimeoutMs?: number;
  bodyTimeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  /** Max bytes of a JSON/text response we are willing to buffer. */
  maxResponseBytes?: number;
  dispatcher?: Dispatcher;
  logger?: Logger;
  onRequest?: (info: RequestObservation) => void;
  /** Let downloads reach private addresses on other hosts than the gateway's (an internal CDN). */
  allowPrivateUrls?: boolean;
}

export interface CallSpec {
  method: 'GET' | 'POST';
  /** Absolute URL (see Transport.url). */
  url: string;
  route: string;
  /** Sent as `Authorization: Bearer …`; omitted when undefined. */
  apiKey?: string;
  json?: unknown;
  form?: FormData;
  /** Billed submits are never retried: a retry could charge twice. */
  billed: boolean;
  /** Extra attempts for this call instead of the client's policy (non-billed only). */
  retries?: number;
  signal?: AbortSignal;
  /** Total for the call, body included (until `release()`). */
  timeoutMs?: number;
  /** Longest silence while the body arrives; defaults to the total. */
  idleTimeoutMs?: number;
  /** Recognises error envelopes sent with HTTP 2xx; they are classified like HTTP errors. */
  errorBody?: (body: unknown) => boolean;
}

export interface OpenResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Readable;
  attempts: number;
  /** Stop the deadline timer; call when done with the body. */
  release(): void;
  /** Maps an error thrown while reading the body to a GatewayError. */
  mapError(e: unknown): GatewayError;
}

export interface TextResponse {
  status: number;
  headers: IncomingHttpHeaders;
  contentType: string | undefined;
  text: string;
}

const DEFAULT_TIMEOUT = 60_000;
/** gpt-image / high-quality models can take minutes for one synchronous answer. */
const DEFAULT_GENERATION_TIMEOUT = 300_000;
const DEFAULT_CONNECT_TIMEOUT = 10_000;
const DEFAULT_MAX_RESPONSE = 64 * 1024 * 1024;
const CONNECT_PHASE = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);

export function header(h: IncomingHttpHeaders, name: string): string | undefined {
  const v = h[name];
  return Array.isArray(v) ? v[0] : v;
}

/** Total deadline plus the caller's signal, remembering which one fired. */
class Deadline {
  readonly controller = new AbortController();
  timedOut = false;
  private timer: NodeJS.Timeout | undefined;
  private readonly onCallerAbort = () => this.controller.abort(this.caller?.reason);

  constructor(
    readonly ms: number,
    private readonly caller: AbortSignal | undefined,
  ) {
    this.timer = setTimeout(() => {
      this.timedOut = true;
      this.controller.abort(new Error('deadline'));
    }, ms);
    this.timer.unref();
    if (caller?.aborted) this.controller.abort(caller.reason);
    else caller?.addEventListener('abort', this.onCallerAbort, { once: true });
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  get callerAborted(): boolean {
    return this.caller?.aborted === true && !this.timedOut;
  }

  clear(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.caller?.removeEventListener('abort', this.onCallerAbort);
  }
}

function errCode(e: unknown): string | undefined {
  if (typeof e !== 'object' || e === null) return undefined;
  const code = (e as { code?: unknown }).code;
  if (typeof code === 'string') return code;
  return errCode((e as { cause?: unknown }).cause);
}

export class Transport {
  readonly baseUrl: string;
  readonly origin: string;
  /** Whether downloads may reach private addresses other than the gateway's own host. */
  readonly allowsPrivateUrls: boolean;
  private readonly dispatcher: Dispatcher;
  /** Reaches every origin but the gateway's, public addresses only (unless private URLs are allowed). */
  private readonly foreign: Dispatcher;
  private readonly ownsDispatcher: boolean;
  private readonly timeoutMs: number;
  private readonly generationTimeoutMs: number;
  private readonly retry: RetryPolicy;
  private readonly maxResponseBytes: number;
  private readonly logger: Logger | undefined;
  private readonly onRequest: ((info: RequestObservation) => void) | undefined;

  constructor(opts: TransportOptions) {
    // Users paste `https://host/v1` from SDK docs; our paths already carry `/v1`.
    this.baseUrl = opts.baseUrl.trim().replace(/\/+$/, '').replace(/\/v1$/, '');
    this.origin = new URL(this.baseUrl).origin;
    this.allowsPrivateUrls = opts.allowPrivateUrls === true;
    this.timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT;
    this.generationTimeoutMs = opts.generationTimeoutMs ?? DEFAULT_GENERATION_TIMEOUT;
    this.retry = { ...DEFAULT_RETRY, ...opts.retry };
    this.maxResponseBytes = opts.maxResponseBytes ?? DEFAULT_MAX_RESPONSE;
    this.logger = opts.logger;
    this.onRequest = opts.onRequest;
    if (opts.dispatcher) {
      this.dispatcher = opts.dispatcher;
      this.foreign = opts.dispatcher;
      this.ownsDispatcher = false;
    } else {
      const agent = (guarded: boolean) =>
        new Agent({
          connect: {
            timeout: opts.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT,
            ...(guarded ? { lookup: guardedLookup() } : {}),
          },
          headersTimeout: opts.headersTimeoutMs ?? this.timeoutMs,
          bodyTimeout: opts.bodyTimeoutMs ?? this.timeoutMs,
          keepAliveTimeout: 30_000,
        });
      // The gateway itself may well live on a private network; nothing else may.
      this.dispatcher = agent(false);
      this.foreign = this.allowsPrivateUrls ? this.dispatcher : agent(true);
      this.ownsDispatcher = true;
    }
  }

  /** Billed calls wait for a generation; everything else should answer quickly. */
  private defaultTimeout(spec: CallSpec): number {
    return spec.billed ? this.generationTimeoutMs : this.timeoutMs;
  }

  url(path: string): string {
    return `${this.baseUrl}${path}`;
  }

  async close(): Promise<void> {
    if (!this.ownsDispatcher) return;
    await this.dispatcher.close();
    if (this.foreign !== this.dispatcher) await this.foreign.close();
  }

  /** Sends with retries (non-billed only) and returns the response with an unread body. */
  async open(spec: CallSpec): Promise<OpenResponse> {
    const deadline = new Deadline(spec.timeoutMs ?? this.defaultTimeout(spec), spec.signal);
    const started = Date.now();
    let attempts = 0;
    try {
      for (;;) {
        attempts++;
        let res: Dispatcher.ResponseData;
        try {
          res = await this.once(spec, deadline.signal);
        } catch (e) {
          const err = this.mapError(e, deadline, spec);
          const delay = this.retryDelay(spec, attempts, deadline, started, err.kind === 'network');
          if (delay === undefined) throw err;
          await sleep(delay, undefined, { signal: deadline.signal });
          continue;
        }
        if (RETRY_STATUSES.has(res.statusCode)) {
          const ra = parseRetryAfter(header(res.headers, 'retry-after'));
          const delay = this.retryDelay(spec, attempts, deadline, started, true, ra);
          if (delay !== undefined) {
            res.body.resume(); // drain so the socket goes back to the pool
            this.logger?.debug(
              { route: spec.route, status: res.statusCode, delay },
              'gateway retry',
            );
            await sleep(delay, undefined, { signal: deadline.signal });
            continue;
          }
        }
        return {
          status: res.statusCode,
          headers: res.headers,
          body: res.body,
          attempts,
          release: () => deadline.clear(),
          mapError: (e) => this.mapError(e, deadline, spec),
        };
      }
    } catch (e) {
      deadline.clear();
      const err = e instanceof GatewayError ? e : this.mapError(e, deadline, spec);
      this.observe(spec.route, started, attempts, undefined, err.kind);
      throw err;
    }
  }

  /** Sends and buffers the whole body as text. Never throws for HTTP statuses. */
  async text(spec: CallSpec): Promise<TextResponse & { attempts: number; started: number }> {
    const started = Date.now();
    const res = await this.open(spec);
    try {
      const buf = await readAll(res.body, this.maxResponseBytes, spec.route);
      return {
        status: res.status,
        headers: res.headers,
        contentType: header(res.headers, 'content-type'),
        text: buf.toString('utf8'),
        attempts: res.attempts,
        started,
      };
    } catch (e) {
      const err = e instanceof GatewayError ? e : res.mapError(e);
      this.observe(spec.route, started, res.attempts, res.status, err.kind);
      throw err;
    } finally {
      res.release();
    }
  }

  /**
   * Sends and parses JSON. HTTP >= 400 throws the classified error; an empty 2xx body gives
   * `undefined`; a non-JSON 2xx body throws `malformed`.
   */
  async json(spec: CallSpec): Promise<{ status: number; body: unknown; text: string }> {
    const res = await this.text(spec);
    if (res.status >= 400) {
      const err = this.classified(res, spec.apiKey);
      this.observe(spec.route, res.started, res.attempts, res.status, err.kind);
      throw err;
    }
    let body: unknown;
    if (res.text.trim() !== '') {
      try {
        body = JSON.parse(res.text) as unknown;
      } catch {
        const err = new GatewayError(
          'malformed',
          `${spec.route} answered HTTP ${res.status} with a non-JSON body`,
          {
            status: res.status,
          },
        );
        this.observe(spec.route, res.started, res.attempts, res.status, err.kind);
        throw err;
      }
    }
    if (spec.errorBody?.(body)) {
      const err = this.classified(res, spec.apiKey);
      this.observe(spec.route, res.started, res.attempts, res.status, err.kind);
      throw err;
    }
    this.observe(spec.route, res.started, res.attempts, res.status);
    return { status: res.status, body, text: res.text };
  }

  /** Classifies a response and removes any key from the message. */
  classified(res: TextResponse, apiKey?: string): GatewayError {
    const ra = parseRetryAfter(header(res.headers, 'retry-after'));
    const err = classify(res.status, res.text, res.contentType, ra);
    // Also catches keys that do not look like `sk-…` (users may link any token).
    if (apiKey) err.message = scrubKeys(err.message, [apiKey]);
    return err;
  }

  observe(
    route: string,
    started: number,
    attempts: number,
    status?: number,
    errorKind?: GatewayErrorKind,
  ): void {
    const info: RequestObservation = { route, ms: Date.now() - started, attempts };
    if (status !== undefined) info.status = status;
    if (errorKind !== undefined) info.errorKind = errorKind;
    this.logger?.debug(info, 'gateway request');
    try {
      this.onRequest?.(info);
    } catch {
      // A metrics hook must never break a generation.
    }
  }

  private once(spec: CallSpec, signal: AbortSignal): Promise<Dispatcher.ResponseData> {
    const headers: Record<string, string> = {
      accept: 'application/json, */*;q=0.5',
      'user-agent': 'genbot-gateway-client/1',
    };
    if (spec.apiKey) {
      headers.authorization = `Bearer ${spec.apiKey}`;
    }
    let body: string | FormData | undefined;
    if (spec.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(spec.json);
    } else if (spec.form) {
      body = spec.form; // undici sets the multipart boundary
    }
    // Per-call limits: the Agent's defaults would otherwise cut a long generation short.
    const total = spec.timeoutMs ?? this.defaultTimeout(spec);
    // Keyed on the whole origin: the gateway's host name on another port is not the gateway.
    const own = new URL(spec.url).origin === this.origin;
    return request(spec.url, {
      method: spec.method,
      headers,
      body,
      signal,
      dispatcher: own ? this.dispatcher : this.foreign,
      headersTimeout: total,
      bodyTimeout: Math.min(spec.idleTimeoutMs ?? total, total),
    });
  }

  private retryDelay(
    spec: CallSpec,
    attempts: number,
    deadline: Deadline,
    started: number,
    eligible: boolean,
    retryAfterSec?: number,
  ): number | undefined {
    if (spec.billed || !eligible || attempts > (spec.retries ?? this.retry.retries))
      return undefined;
    if (deadline.signal.aborted) return undefined;
    const delay =
      retryAfterSec !== undefined ? retryAfterSec * 1000 : backoffMs(attempts - 1, this.retry);
    if (delay > this.retry.maxDelayMs) return undefined;
    if (Date.now() - started + delay >= deadline.ms) return undefined;
    return delay;
  }

  private mapError(e: unknown, deadline: Deadline, spec: CallSpec): GatewayError {
    if (e instanceof GatewayError) return e;
    if (deadline.callerAborted)
      return new GatewayError('aborted', `${spec.route}: cancelled`, { cause: e });
    const code = errCode(e);
    if (code === PRIVATE_TARGET) return privateTarget(new URL(spec.url).host);
    if (
      deadline.timedOut ||
      code === 'UND_ERR_HEADERS_TIMEOUT' ||
      code === 'UND_ERR_BODY_TIMEOUT'
    ) {
      const secs = Math.round(deadline.ms / 100) / 10;
      return new GatewayError('timeout', `${spec.route}: no complete answer within ${secs}s`, {
        // A billed submit may have been accepted before we gave up: do not blindly resubmit.
        retryable: !spec.billed,
        ...(code ? { code } : {}),
      });
    }
    const connectPhase = code !== undefined && CONNECT_PHASE.has(code);
    return new GatewayError(
      'network',
      `${spec.route}: connection failed (${code ?? 'unknown error'})`,
      {
        retryable: connectPhase || !spec.billed,
        ...(code ? { code } : {}),
      },
    );
  }
}

/** Buffers a body with a hard cap. */
export async function readAll(body: Readable, maxBytes: number, route: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of body) {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
    total += buf.length;
    if (total > maxBytes) {
      body.destroy();
      throw new GatewayError('too_large', `${route}: response exceeds ${maxBytes} bytes`);
    }
    chunks.push(buf);
  }
  return Buffer.concat(chunks, total);
}
