/** The four error envelopes of the gateway (protocol note §1.2) plus the request-id suffix. */
import { randomBytes } from 'node:crypto';
import type { SimContext } from './context.js';
import { json, type SimResponse } from './http.js';

const ALNUM = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** new-api style id: yyyyMMddHHmmssSSS + 8 random alphanumerics, e.g. 20250411123456789abcdEFGH. */
export function newRequestId(epochMs: number): string {
  const d = new Date(epochMs);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  const stamp = `${d.getUTCFullYear()}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}${p(d.getUTCMilliseconds(), 3)}`;
  const bytes = randomBytes(8);
  let tail = '';
  for (const b of bytes) tail += ALNUM[b % ALNUM.length];
  return stamp + tail;
}

export interface OpenAiErrorOpts {
  type?: string;
  code?: string | number | null;
  param?: string | null;
  /** Default: the sim's requestIdSuffix option. */
  suffix?: boolean;
}

/** Envelope #1: {"error":{"message","type","param","code"}}. */
export function openAiError(
  ctx: SimContext,
  status: number,
  message: string,
  opts: OpenAiErrorOpts = {},
): SimResponse {
  const suffix = opts.suffix ?? ctx.opts.requestIdSuffix;
  const msg = suffix ? `${message} (request id: ${newRequestId(ctx.clock.now())})` : message;
  return json(status, {
    error: {
      message: msg,
      type: opts.type ?? ctx.opts.errorType,
      param: opts.param === undefined ? '' : opts.param,
      code: opts.code ?? null,
    },
  });
}

/** Envelope #2: new-api's own /mj error. The description ends with a space (Sprintf("%s %s", desc, result)). */
export function mjRelayError(description: string, code = 4, status = 400): SimResponse {
  return json(status, { description: `${description} `, type: 'upstream_error', code });
}

/** Envelope #3: midjourney-proxy SubmitResultVO (HTTP 200 even for business errors). */
export function mjSubmitResult(
  code: number,
  description: string,
  result: string | null,
  properties: Record<string, unknown> = {},
): SimResponse {
  return json(200, { code, description, result, properties });
}

/** Envelope #4: flat task error of /v1/video*, /v1/videos*. */
export function taskError(status: number, code: string, message: string): SimResponse {
  return json(status, { code, message, data: null });
}

/** Model-not-allowed message differs between one-api and new-api. */
export function modelDeniedMessage(ctx: SimContext, model: string, anyAllowed: boolean): string {
  if (ctx.opts.errorType === 'new_api_error') {
    return anyAllowed ? `该令牌无权访问模型 ${model}` : '该令牌无权访问任何模型';
  }
  return `该令牌无权使用模型：${model}`;
}
