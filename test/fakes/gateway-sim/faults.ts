/** Fault injection: matched before auth and routing, consumed `times` times. */
import type { SimContext } from './context.js';
import { modelDeniedMessage, openAiError } from './errors.js';
import { empty, json, raw, type SimResponse } from './http.js';
import type { Fault, FaultPreset } from './types.js';

interface ActiveFault {
  fault: Fault;
  left: number;
}

export class FaultStore {
  #faults: ActiveFault[] = [];

  inject(fault: Fault): void {
    this.#faults.push({ fault, left: fault.times ?? 1 });
  }

  clear(): void {
    this.#faults = [];
  }

  /** Takes one use of the first fault matching this request. */
  take(method: string, path: string): Fault | undefined {
    const hit = this.#faults.find(
      (f) =>
        f.left > 0 &&
        (f.fault.method === undefined || f.fault.method.toUpperCase() === method) &&
        routeMatches(f.fault.route, path),
    );
    if (!hit) return undefined;
    hit.left -= 1;
    if (hit.left <= 0) this.#faults = this.#faults.filter((f) => f !== hit);
    return hit.fault;
  }
}

function routeMatches(route: string | RegExp | undefined, path: string): boolean {
  if (route === undefined) return true;
  if (typeof route === 'string') return route === path;
  route.lastIndex = 0;
  return route.test(path);
}

/** True when the fault only delays: the normal handler answers afterwards. */
export function isDelayOnly(f: Fault): boolean {
  return !f.hang && f.preset === undefined && f.status === undefined && f.body === undefined;
}

/** Builds the fault's response with its extra headers. */
export function faultResponse(ctx: SimContext, f: Fault, model: string): SimResponse {
  const r = faultBody(ctx, f, model);
  if (!f.headers || r.kind === 'hang') return r;
  return { ...r, headers: { ...('headers' in r ? r.headers : {}), ...f.headers } };
}

/** Explicit status/body/contentType override the preset's. */
function faultBody(ctx: SimContext, f: Fault, model: string): SimResponse {
  if (f.hang) return { kind: 'hang' };
  const base: SimResponse = f.preset
    ? presetResponse(ctx, f.preset, model)
    : empty(f.status ?? 500);
  if (f.status === undefined && f.body === undefined && f.contentType === undefined) return base;
  const status = f.status ?? ('status' in base ? base.status : 500);
  if (f.body === undefined) {
    if (base.kind === 'hang' || base.kind === 'stream') return base;
    return { ...base, status };
  }
  if (f.body === null) return empty(status);
  if (typeof f.body === 'string')
    return raw(status, f.body, f.contentType ?? 'text/plain; charset=utf-8');
  const r = json(status, f.body);
  return f.contentType
    ? { kind: 'raw', status, body: JSON.stringify(f.body), contentType: f.contentType }
    : r;
}

const nginxPage = (status: number, text: string): string =>
  `<html>\r\n<head><title>${status} ${text}</title></head>\r\n<body>\r\n<center><h1>${status} ${text}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;

export function presetResponse(ctx: SimContext, preset: FaultPreset, model: string): SimResponse {
  switch (preset) {
    case 'bad-key':
      return openAiError(ctx, 401, '无效的令牌');
    case 'expired':
      return openAiError(ctx, 401, '该令牌已过期');
    case 'exhausted':
      return openAiError(ctx, 401, '该令牌额度已用尽');
    case 'banned-user':
      return openAiError(ctx, 403, '用户已被封禁');
    case 'model-not-allowed':
      return openAiError(ctx, 403, modelDeniedMessage(ctx, model, true));
    case 'ip':
      return openAiError(
        ctx,
        403,
        ctx.opts.errorType === 'new_api_error'
          ? '您的 IP 不在令牌允许访问的列表中'
          : '该令牌只能在指定网段使用：10.0.0.0/8',
      );
    case 'rate-limit-empty':
      return empty(429);
    case 'rate-limit-json':
      return openAiError(ctx, 429, '当前分组上游负载已饱和，请稍后再试');
    case 'channel-failed':
      return openAiError(ctx, 500, 'get_channel_failed', { code: 'get_channel_failed' });
    case 'no-channel':
      return openAiError(ctx, 503, `当前分组 default 下对于模型 ${model} 无可用渠道`);
    case 'html-502':
      return raw(502, nginxPage(502, 'Bad Gateway'), 'text/html');
    case 'html-504':
      return raw(504, nginxPage(504, 'Gateway Time-out'), 'text/html');
    case 'malformed-json':
      return raw(200, '{"created":1744358400,"data":[{"url":"https://', 'application/json');
    case 'insufficient-user-quota':
      return openAiError(ctx, 403, 'user quota is not enough', { code: 'insufficient_user_quota' });
  }
}
