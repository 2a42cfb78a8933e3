/** Midjourney via `/mj/*` (§3). Submits are billed (never retried); fetch/list are not. */
import { type CallOptions, type GatewayContext, getJson, postJson } from './context.js';
import { GatewayError } from './errors.js';
import { toDataUrl } from './mime.js';
import {
  type MjSubmitResult,
  type MjTask,
  normalizeMjTask,
  parseSubmitResult,
} from './mj-normalize.js';

export type MjMode = 'fast' | 'relax' | 'turbo';
export type MjBotType = 'MID_JOURNEY' | 'NIJI_JOURNEY';
/** A `data:` URL string, or bytes we turn into one. */
export type MjImageInput = string | { data: Buffer; mime: string };

export interface ImagineRequest {
  prompt: string;
  botType?: MjBotType;
  mode?: MjMode;
  base64Array?: MjImageInput[];
}
export interface ActionRequest {
  taskId: string;
  customId: string;
  mode?: MjMode;
}
export interface ModalRequest {
  taskId: string;
  prompt?: string;
  maskBase64?: MjImageInput;
  mode?: MjMode;
}
export interface BlendRequest {
  base64Array: MjImageInput[];
  dimensions: 'PORTRAIT' | 'SQUARE' | 'LANDSCAPE';
  mode?: MjMode;
}
export interface DescribeRequest {
  base64: MjImageInput;
  mode?: MjMode;
}
/** OSS midjourney-proxy without buttons (§3.5). */
export interface ChangeRequest {
  taskId: string;
  action: 'UPSCALE' | 'VARIATION' | 'REROLL';
  /** 1..4; defaults to 1 (new-api rejects index 0 even for REROLL). */
  index?: number;
  mode?: MjMode;
}

/** new-api strips `/mj-fast`, `/mj-relax`, `/mj-turbo` and routes to that queue. */
function submitPath(endpoint: string, mode: MjMode | undefined): string {
  return `${mode ? `/mj-${mode}` : ''}/mj/submit/${endpoint}`;
}

const asDataUrl = (img: MjImageInput) =>
  typeof img === 'string' ? img : toDataUrl(img.data, img.mime);

/** A SubmitResultVO whose code is not one of the accepted 1/21/22. */
function isRejectedSubmit(body: unknown): boolean {
  if (typeof body !== 'object' || body === null) return false;
  const { code, description } = body as { code?: unknown; description?: unknown };
  return typeof code === 'number' && typeof description === 'string' && ![1, 21, 22].includes(code);
}

/**
 * The speed asked for the second way the protocol has (plus's account filter), for gateways that
 * forward it: new-api drops the path prefix before forwarding and deletes `accountFilter` unless
 * the operator enabled it, so neither alone is sure to arrive.
 */
const speedFilter = (mode: MjMode | undefined) =>
  mode ? { accountFilter: { modes: [mode.toUpperCase()] } } : {};

/**
 * The third way: Midjourney itself reads `--relax` in a prompt (the last flag wins), and a relay
 * that forwards neither prefix nor filter still passes the prompt unless its "mode clear" is on.
 */
const withSpeedFlag = (prompt: string, mode: MjMode | undefined) =>
  mode ? `${prompt} --${mode}` : prompt;

async function submit(
  ctx: GatewayContext,
  endpoint: string,
  mode: MjMode | undefined,
  json: Record<string, unknown>,
  opts: CallOptions,
): Promise<MjSubmitResult> {
  const route = `POST /mj/submit/${endpoint}`;
  const body = await postJson(ctx, {
    ...opts,
    route,
    path: submitPath(endpoint, mode),
    billed: true,
    json,
    // Business errors arrive as HTTP 200; classifying them here also reports them to onRequest.
    errorBody: isRejectedSubmit,
  });
  return parseSubmitResult(body, route);
}

export function imagine(ctx: GatewayContext, req: ImagineRequest, opts: CallOptions = {}) {
  return submit(
    ctx,
    'imagine',
    req.mode,
    {
      prompt: withSpeedFlag(req.prompt, req.mode),
      ...(req.botType ? { botType: req.botType } : {}),
      ...(req.base64Array?.length ? { base64Array: req.base64Array.map(asDataUrl) } : {}),
      ...speedFilter(req.mode),
    },
    opts,
  );
}

export function action(ctx: GatewayContext, req: ActionRequest, opts: CallOptions = {}) {
  // new-api indexes `customId.split("::")` blindly; anything else must never be sent.
  if (req.customId.split('::').length < 3) {
    return Promise.reject(new GatewayError('invalid_request', 'Not a Midjourney button id'));
  }
  return submit(
    ctx,
    'action',
    req.mode,
    { taskId: req.taskId, customId: req.customId, ...speedFilter(req.mode) },
    opts,
  );
}

export function modal(ctx: GatewayContext, req: ModalRequest, opts: CallOptions = {}) {
  return submit(
    ctx,
    'modal',
    req.mode,
    {
      taskId: req.taskId,
      ...(req.prompt !== undefined ? { prompt: req.prompt } : {}),
      ...(req.maskBase64 !== undefined ? { maskBase64: asDataUrl(req.maskBase64) } : {}),
    },
    opts,
  );
}

export function blend(ctx: GatewayContext, req: BlendRequest, opts: CallOptions = {}) {
  if (req.base64Array.length < 2 || req.base64Array.length > 5) {
    return Promise.reject(new GatewayError('invalid_request', 'Blend needs 2 to 5 images'));
  }
  return submit(
    ctx,
    'blend',
    req.mode,
    {
      base64Array: req.base64Array.map(asDataUrl),
      dimensions: req.dimensions,
      ...speedFilter(req.mode),
    },
    opts,
  );
}

export function describe(ctx: GatewayContext, req: DescribeRequest, opts: CallOptions = {}) {
  return submit(
    ctx,
    'describe',
    req.mode,
    { base64: asDataUrl(req.base64), ...speedFilter(req.mode) },
    opts,
  );
}

export function change(ctx: GatewayContext, req: ChangeRequest, opts: CallOptions = {}) {
  return submit(
    ctx,
    'change',
    req.mode,
    { taskId: req.taskId, action: req.action, index: req.index ?? 1 },
    opts,
  );
}

/** One task, or null when the gateway does not know it (400 task_no_found, or 200 empty/null). */
export async function fetchTask(
  ctx: GatewayContext,
  id: string,
  opts: CallOptions = {},
): Promise<MjTask | null> {
  let body: unknown;
  try {
    body = await getJson(ctx, {
      ...opts,
      route: 'GET /mj/task/:id/fetch',
      path: `/mj/task/${encodeURIComponent(id)}/fetch`,
    });
  } catch (e) {
    if (e instanceof GatewayError && e.kind === 'not_found') return null;
    throw e;
  }
  return normalizeMjTask(body, id);
}

const LIST_CHUNK = 50;

/** Several tasks in few requests; unknown ids are simply absent from the result. */
export async function listTasks(
  ctx: GatewayContext,
  ids: readonly string[],
  opts: CallOptions = {},
): Promise<MjTask[]> {
  const unique = [...new Set(ids)];
  const out: MjTask[] = [];
  for (let i = 0; i < unique.length; i += LIST_CHUNK) {
    const body = await postJson(ctx, {
      ...opts,
      route: 'POST /mj/task/list-by-condition',
      path: '/mj/task/list-by-condition',
      billed: false,
      json: { ids: unique.slice(i, i + LIST_CHUNK) },
    });
    if (body === undefined || body === null) continue;
    if (!Array.isArray(body)) {
      throw new GatewayError('malformed', 'list-by-condition did not return an array');
    }
    for (const raw of body) {
      try {
        const task = normalizeMjTask(raw);
        if (task) out.push(task);
      } catch {
        // One odd entry must not hide the others.
      }
    }
  }
  return out;
}
