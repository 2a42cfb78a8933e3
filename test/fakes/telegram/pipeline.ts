import type { ApiResponse } from './calls.js';
import type { Core, MethodCall, UploadedFile } from './core.js';
import { ApiError } from './errors.js';
import { isUpload } from './media.js';
import { FLOOD_METHODS, METHODS } from './methods/index.js';
import type { Params } from './params.js';

export interface Execution {
  status: number;
  body: ApiResponse;
}

/** Runs one Bot API call: faults, flood control, the handler, then the call log. */
export async function execute(
  core: Core,
  rawMethod: string,
  params: Params,
  files: Map<string, UploadedFile>,
  signal: AbortSignal,
): Promise<Execution> {
  const at = core.options.now();
  const entry = METHODS.get(rawMethod.toLowerCase());
  const method = entry?.name ?? rawMethod;
  const call: MethodCall = { method, params, files, signal, produced: [] };
  const logged = forLog(params, files);
  let body: ApiResponse;
  try {
    if (!entry) throw new ApiError(404, 'Not Found: method not found');
    gate(core, method, params, `${method} ${JSON.stringify(logged)}`);
    const result = await entry.handler(core, call);
    body = { ok: true, result: JSON.parse(JSON.stringify(result ?? true)) as unknown };
  } catch (e) {
    const err =
      e instanceof ApiError ? e : new ApiError(500, `Internal Server Error: ${String(e)}`);
    body = { ok: false, ...err.toJSON() };
  }
  core.log.add({
    method,
    params: logged,
    at,
    answeredAt: core.options.now(),
    response: body,
    messages: structuredClone(call.produced),
  });
  return { status: body.ok ? 200 : body.error_code, body };
}

/** Injected faults first (they model Telegram-side failures), then flood limits. */
function gate(core: Core, method: string, params: Params, fingerprint: string): void {
  const chatId =
    typeof params.chat_id === 'number' || typeof params.chat_id === 'string'
      ? params.chat_id
      : undefined;
  const fault = core.faults.take(method);
  if (fault) {
    const wait = fault.parameters?.retry_after;
    if (wait !== undefined) {
      // Only message-sending methods share a flood scope; others just must not retry early.
      const scope = !FLOOD_METHODS.has(method.toLowerCase())
        ? undefined
        : chatId !== undefined
          ? `chat:${chatId}`
          : 'global';
      core.flood.penalize(scope, wait, fingerprint);
    }
    throw fault;
  }
  if (!FLOOD_METHODS.has(method.toLowerCase())) return;
  const chat = chatId !== undefined ? core.world.findChat(chatId) : undefined;
  const isGroup = chat !== undefined && chat.chat.type !== 'private';
  const weight =
    method === 'sendMediaGroup' && Array.isArray(params.media) ? params.media.length : 1;
  const flood = core.flood.check(chatId, isGroup, Math.max(1, weight), fingerprint);
  if (flood) throw flood;
}

/** Params as tests want to read them: uploads become { filename, size, mime }. */
function forLog(params: Params, files: Map<string, UploadedFile>): Params {
  const summary = (f: UploadedFile) => ({
    filename: f.filename,
    size: f.bytes.byteLength,
    mime: f.mime,
  });
  const walk = (v: unknown): unknown => {
    if (isUpload(v)) return summary(v);
    if (typeof v === 'string' && v.startsWith('attach://')) {
      const f = files.get(v.slice(9));
      return f ? summary(f) : v;
    }
    if (Array.isArray(v)) return v.map(walk);
    if (typeof v === 'object' && v !== null) {
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    }
    return v;
  };
  return walk(params) as Params;
}
