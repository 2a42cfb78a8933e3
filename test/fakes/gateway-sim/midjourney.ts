/** HTTP side of the Midjourney routes (/mj/submit/*, /mj/task/*, /mj/image/*), newapi or raw proxy flavour. */

import { charge, checkFunds, checkModel, type KeyState } from './auth.js';
import {
  bannedWordIn,
  isObject,
  type JsonObject,
  parseDataUrl,
  type Result,
  requireObject,
  str,
} from './body.js';
import { FALLBACK_PRICE, keyOf, priceOf, type SimContext, type SimRequest } from './context.js';
import { mjRelayError, mjSubmitResult, openAiError } from './errors.js';
import { json, raw, type SimResponse } from './http.js';
import { parseMarkers } from './markers.js';
import {
  isUnsupportedAction,
  type MjActionInfo,
  type MjModalKind,
  type MjResultKind,
  newApiAction,
  proxyAction,
} from './mj-buttons.js';
import { buttonsOf, taskDto, viewOf } from './mj-dto.js';
import { speedWord } from './mj-relay.js';
import { type MjTaskRecord, MjTaskStore, runLength } from './mj-tasks.js';

export type MjSpeedMode = 'fast' | 'relax' | 'turbo' | null;

const INSTANCE = { discordInstanceId: '1648406635623804928' };

/** Proxy validation (200 + code 4) vs new-api's own 400 relay error. */
function invalid(ctx: SimContext, newApiCode: string, proxyText: string): SimResponse {
  return ctx.opts.mjMode === 'newapi'
    ? mjRelayError(newApiCode)
    : mjSubmitResult(4, proxyText, null);
}

function ownedTask(
  ctx: SimContext,
  key: KeyState,
  id: string | undefined,
): MjTaskRecord | undefined {
  if (id === undefined) return undefined;
  const t = ctx.mj.tasks.get(id);
  return t && t.owner === key.name ? t : undefined;
}

interface NewTask {
  action: string;
  kind: MjResultKind;
  prompt: string;
  model: string;
  price: number;
  botType?: string;
  customId?: string;
  modal?: MjModalKind | 'remix';
  /** For code 21 responses: keep 21 through new-api (Inpaint / CustomZoom). */
  keep21?: boolean;
  finalPrompt?: string;
  originId?: string;
  describeInput?: Buffer;
  describeMime?: string;
  state?: string;
}

/** Queue admission, billing, task creation and the SubmitResultVO (with new-api's 21/22 → 1 rewrite). */
function submit(ctx: SimContext, key: KeyState, mode: MjSpeedMode, spec: NewTask): SimResponse {
  const t = ctx.clock.taskNow();
  const { coreSize, queueSize } = ctx.opts.mjQueue;
  const needsModal = spec.modal !== undefined;
  const adm = needsModal ? undefined : ctx.mj.tasks.admit(t, coreSize, queueSize);
  const id = ctx.mj.tasks.newId(ctx.clock.now());
  if (adm?.kind === 'full') return mjSubmitResult(23, '队列已满，请稍后尝试', id, { ...INSTANCE });

  const markers = parseMarkers(spec.prompt);
  const timings = ctx.opts.timings;
  const startAt = adm === undefined ? Number.POSITIVE_INFINITY : adm.startAt;
  const task: MjTaskRecord = {
    id,
    owner: key.name,
    action: spec.action,
    kind: spec.kind,
    prompt: spec.prompt,
    promptEn: spec.prompt,
    description: '',
    state: spec.state ?? '',
    botType: spec.botType ?? 'MID_JOURNEY',
    customId: spec.customId ?? '',
    mode,
    submitAt: t,
    submitEpoch: ctx.clock.now(),
    startAt,
    runMs: runLength(spec.kind, timings),
    neverFinish: false,
    modalSubmitted: false,
    maskBase64: '',
    finalPrompt: spec.finalPrompt ?? spec.prompt,
    hash: MjTaskStore.newHash(),
    model: spec.model,
    price: spec.price,
    refunded: false,
  };
  if (spec.modal) task.modal = spec.modal;
  if (ctx.opts.mjRelay) task.waitingWord = speedWord(mode ?? 'fast');
  if (spec.originId) task.originId = spec.originId;
  if (spec.kind === 'describe') {
    task.result = ctx.files.add({
      kind: 'bytes',
      data: spec.describeInput ?? Buffer.alloc(0),
      contentType: spec.describeMime ?? 'image/png',
    });
    task.describeLines = describeLines();
  } else {
    task.result = ctx.files.addPng(markers, { width: 512, height: 512 });
    task.preview = ctx.files.add({ kind: 'webp' });
  }
  scheduleInjectedFailure(ctx, task);

  let code = 1;
  let description = '提交成功';
  let properties: Record<string, unknown> = {
    ...INSTANCE,
    discordChannelId: '1050703772185268251',
  };
  if (needsModal) {
    code = 21;
    description = '等待窗口确认';
    properties = { remix: ctx.opts.remix, finalPrompt: task.finalPrompt };
  } else if (adm?.kind === 'queued') {
    code = 22;
    description = `排队中，前面还有${adm.ahead}个任务`;
    properties = { numberOfQueues: adm.ahead, ...INSTANCE };
  }
  task.description = description;
  ctx.mj.tasks.add(task);
  charge(key, spec.price);
  // new-api string-replaces the code: 22 → 1 always, 21 → 1 unless INPAINT / CUSTOM_ZOOM.
  if (ctx.opts.mjMode === 'newapi' && (code === 22 || (code === 21 && !spec.keep21))) code = 1;
  return mjSubmitResult(code, description, id, properties);
}

function scheduleInjectedFailure(ctx: SimContext, task: MjTaskRecord): void {
  const reason = ctx.mj.failNext.shift();
  if (reason === undefined) return;
  const tm = ctx.opts.timings;
  task.failReason = reason;
  // Fails right after 15% (or half-way through a describe), so clients see progress first.
  task.failAt =
    task.kind === 'describe'
      ? task.startAt + tm.mjDescribeMs / 2
      : task.startAt + tm.mjSubmittedMs + tm.mjWaitingMs + tm.mjStepMs;
}

function describeLines(): string[] {
  return [
    '1️⃣ a soft gradient square in teal and coral, minimalist digital art, smooth color transition --ar 1:1',
    '2️⃣ abstract color field painting, pastel tones, clean composition, high resolution --ar 1:1',
    '3️⃣ a glowing horizon made of light, vaporwave palette, calm atmosphere --ar 1:1',
    '4️⃣ minimalist wallpaper with subtle texture, muted colors, studio lighting --ar 1:1',
  ];
}

/** Model limit + funds + banned words, the common prologue of billed submits. */
function guard(
  ctx: SimContext,
  key: KeyState,
  model: string,
  price: number,
  prompt: string | undefined,
): SimResponse | null {
  const denied = checkModel(ctx, key, model) ?? checkFunds(ctx, key, price);
  if (denied) return denied;
  const banned = prompt === undefined ? undefined : bannedWordIn(ctx, prompt);
  if (banned !== undefined) {
    return mjSubmitResult(24, '可能包含敏感词', null, { promptEn: prompt, bannedWord: banned });
  }
  return null;
}

/** The JSON body of a submit for `model`, or the answer refusing it (no JSON object, model denied). */
function allowedBody(ctx: SimContext, req: SimRequest, model: string): Result<JsonObject> {
  const b = requireObject(ctx, req);
  if (!b.ok) return b;
  const denied = checkModel(ctx, keyOf(req), model);
  return denied ? { ok: false, res: denied } : b;
}

const mjPrice = (ctx: SimContext, model: string) => priceOf(ctx, model, FALLBACK_PRICE.mj);

export function imagine(ctx: SimContext, req: SimRequest, mode: MjSpeedMode): SimResponse {
  const key = keyOf(req);
  const b = allowedBody(ctx, req, 'mj_imagine');
  if (!b.ok) return b.res;
  const prompt = str(b.value.prompt) ?? '';
  if (prompt.trim() === '') return invalid(ctx, 'prompt_is_required', 'prompt不能为空');
  const images = b.value.base64Array;
  if (images !== undefined && !validDataUrls(images, 0, 5)) {
    return mjSubmitResult(4, 'base64格式错误', null);
  }
  const price = mjPrice(ctx, 'mj_imagine');
  const g = guard(ctx, key, 'mj_imagine', price, prompt);
  if (g) return g;
  const spec: NewTask = { action: 'IMAGINE', kind: 'grid', prompt, model: 'mj_imagine', price };
  const botType = str(b.value.botType);
  if (botType) spec.botType = botType;
  const state = str(b.value.state);
  if (state) spec.state = state;
  return submit(ctx, key, mode, spec);
}

function validDataUrls(v: unknown, min: number, max: number): v is string[] {
  return (
    Array.isArray(v) &&
    v.length >= min &&
    v.length <= max &&
    v.every((s) => typeof s === 'string' && parseDataUrl(s) !== undefined)
  );
}

/** Runs a button click on `origin` (shared by /action, /change, /simple-change). */
function click(
  ctx: SimContext,
  key: KeyState,
  mode: MjSpeedMode,
  origin: MjTaskRecord,
  customId: string,
  info: MjActionInfo,
  requireButton: boolean,
  state: string | undefined,
): SimResponse {
  const price = info.free ? 0 : mjPrice(ctx, info.model);
  const denied = checkFunds(ctx, key, price);
  if (denied) return denied;
  if (viewOf(ctx, origin).status !== 'SUCCESS') return mjSubmitResult(4, '关联任务状态错误', null);
  if (requireButton && !buttonsOf(origin).some((b) => b.customId === customId)) {
    return mjSubmitResult(3, '关联动作不存在', null);
  }
  if (isUnsupportedAction(customId)) return mjSubmitResult(4, '不支持的动作', null);

  const spec: NewTask = {
    action: info.action,
    kind: info.result,
    prompt: origin.prompt,
    model: info.model,
    price,
    customId,
    originId: origin.id,
    botType: origin.botType,
  };
  if (state) spec.state = state;
  if (info.modal) {
    spec.modal = info.modal;
    spec.keep21 = info.modal !== 'picreader';
    if (info.modal === 'picreader') {
      spec.finalPrompt = (origin.describeLines?.[info.index - 1] ?? origin.prompt).replace(
        /^\S+\s/,
        '',
      );
      spec.prompt = spec.finalPrompt;
    }
  } else if (info.remixable && ctx.opts.remix) {
    spec.modal = 'remix';
  }
  if (info.result === 'describe') {
    const input = origin.result && ctx.files.bytes(origin.result);
    if (input) spec.describeInput = input;
    spec.prompt = '';
  }
  return submit(ctx, key, mode, spec);
}

export function action(ctx: SimContext, req: SimRequest, mode: MjSpeedMode): SimResponse {
  const key = keyOf(req);
  const b = requireObject(ctx, req);
  if (!b.ok) return b.res;
  const taskId = idString(b.value.taskId);
  const customId = str(b.value.customId);
  const newapi = ctx.opts.mjMode === 'newapi';
  if (!customId) return invalid(ctx, 'custom_id_is_required', 'customId不能为空');
  // The distributor derives the billed model first; customIds it cannot map fail before anything else.
  const info = newapi ? newApiAction(customId) : proxyAction(customId);
  if (newapi && !info) {
    return openAiError(ctx, 400, `Invalid request, unknown_action:${customId}`, {
      type: 'new_api_error',
    });
  }
  const denied = checkModel(ctx, key, info?.model ?? 'mj_imagine');
  if (denied) return denied;
  if (!taskId) return invalid(ctx, 'task_id_is_required', 'taskId不能为空');
  const origin = ownedTask(ctx, key, taskId);
  if (!origin) {
    return newapi
      ? mjRelayError('task_not_found')
      : mjSubmitResult(3, '关联任务不存在或已失效', null);
  }
  if (!info) {
    // Raw proxy: BOOKMARK / unknown ids are judged against the origin's buttons.
    if (viewOf(ctx, origin).status !== 'SUCCESS')
      return mjSubmitResult(4, '关联任务状态错误', null);
    if (!buttonsOf(origin).some((x) => x.customId === customId)) {
      return mjSubmitResult(3, '关联动作不存在', null);
    }
    return mjSubmitResult(4, '不支持的动作', null);
  }
  return click(ctx, key, mode, origin, customId, info, true, str(b.value.state));
}

export function modal(ctx: SimContext, req: SimRequest): SimResponse {
  const key = keyOf(req);
  const b = allowedBody(ctx, req, 'mj_modal');
  if (!b.ok) return b.res;
  const taskId = idString(b.value.taskId);
  if (!taskId && ctx.opts.mjMode === 'newapi') return mjRelayError('task_id_is_required');
  const task = ownedTask(ctx, key, taskId);
  if (!task) return mjSubmitResult(3, '任务不存在或已失效', null);
  if (viewOf(ctx, task).status !== 'MODAL') return mjSubmitResult(4, '任务状态错误', null);
  const mask = str(b.value.maskBase64) ?? '';
  if (task.modal === 'inpaint' && mask.trim() === '') {
    return mjSubmitResult(4, '蒙版base64不能为空', null);
  }
  const given = str(b.value.prompt) ?? '';
  const prompt = given.trim() === '' ? task.finalPrompt : given;
  const price = mjPrice(ctx, 'mj_modal');
  const g = guard(ctx, key, 'mj_modal', price, prompt);
  if (g) return g;
  const { coreSize, queueSize } = ctx.opts.mjQueue;
  const t = ctx.clock.taskNow();
  const adm = ctx.mj.tasks.admit(t, coreSize, queueSize, true);
  task.modalSubmitted = true;
  task.startAt = adm.kind === 'full' ? t : adm.startAt;
  task.prompt = prompt;
  task.promptEn = prompt;
  task.maskBase64 = mask.replace(/^data:[^,]*,/, '');
  task.price += price;
  task.model = 'mj_modal';
  if (task.failReason !== undefined && task.failAt === undefined) task.failAt = task.startAt;
  charge(key, price);
  return mjSubmitResult(1, '提交成功', task.id, {
    ...INSTANCE,
    discordChannelId: '1050703772185268251',
  });
}

const CHANGE_ACTIONS: Record<string, { model: string; id: (h: string, i: number) => string }> = {
  UPSCALE: { model: 'mj_upscale', id: (h, i) => `MJ::JOB::upsample::${i}::${h}` },
  VARIATION: { model: 'mj_variation', id: (h, i) => `MJ::JOB::variation::${i}::${h}` },
  REROLL: { model: 'mj_reroll', id: (h) => `MJ::JOB::reroll::0::${h}::SOLO` },
};

const GRID_ACTIONS = new Set(['IMAGINE', 'VARIATION', 'REROLL', 'BLEND']);

function change(
  ctx: SimContext,
  key: KeyState,
  mode: MjSpeedMode,
  taskId: string,
  actionName: string,
  index: number,
): SimResponse {
  const def = CHANGE_ACTIONS[actionName];
  if (!def) return mjSubmitResult(4, 'action参数错误', null);
  const denied = checkModel(ctx, key, def.model);
  if (denied) return denied;
  const origin = ownedTask(ctx, key, taskId);
  if (!origin) {
    return ctx.opts.mjMode === 'newapi'
      ? mjRelayError('task_not_found')
      : mjSubmitResult(3, '关联任务不存在或已失效', null);
  }
  if (!GRID_ACTIONS.has(origin.action)) return mjSubmitResult(4, '关联任务状态错误', null);
  const customId = def.id(origin.hash, index);
  const info = newApiAction(customId);
  if (!info) return mjSubmitResult(4, 'action参数错误', null);
  return click(ctx, key, mode, origin, customId, info, false, undefined);
}

export function changeRoute(ctx: SimContext, req: SimRequest, mode: MjSpeedMode): SimResponse {
  const key = keyOf(req);
  const b = requireObject(ctx, req);
  if (!b.ok) return b.res;
  const taskId = idString(b.value.taskId);
  const act = str(b.value.action);
  const index = typeof b.value.index === 'number' ? b.value.index : 0;
  if (!taskId) return invalid(ctx, 'task_id_is_required', 'taskId不能为空');
  if (!act) return invalid(ctx, 'action_is_required', 'action不能为空');
  // new-api insists on index != 0 even for REROLL.
  if (index === 0 && (ctx.opts.mjMode === 'newapi' || act !== 'REROLL')) {
    return invalid(ctx, 'index_is_required', 'index不能为空');
  }
  return change(ctx, key, mode, taskId, act, index || 1);
}

export function simpleChange(ctx: SimContext, req: SimRequest, mode: MjSpeedMode): SimResponse {
  const key = keyOf(req);
  const b = requireObject(ctx, req);
  if (!b.ok) return b.res;
  const content = str(b.value.content) ?? '';
  if (content.trim() === '') return invalid(ctx, 'content_is_required', 'content参数错误');
  const m = /^\s*(\d+)\s+([UV])([1-4])\s*$|^\s*(\d+)\s+R\s*$/i.exec(content);
  if (!m) return invalid(ctx, 'content_parse_failed', 'content参数错误');
  if (m[4]) return change(ctx, key, mode, m[4], 'REROLL', 1);
  const act = m[2]?.toUpperCase() === 'U' ? 'UPSCALE' : 'VARIATION';
  return change(ctx, key, mode, m[1] ?? '', act, Number(m[3]));
}

export function describe(ctx: SimContext, req: SimRequest, mode: MjSpeedMode): SimResponse {
  const key = keyOf(req);
  const b = allowedBody(ctx, req, 'mj_describe');
  if (!b.ok) return b.res;
  const input = parseDataUrl(str(b.value.base64) ?? '');
  if (!input) return mjSubmitResult(4, 'base64格式错误', null);
  const price = mjPrice(ctx, 'mj_describe');
  const g = guard(ctx, key, 'mj_describe', price, undefined);
  if (g) return g;
  return submit(ctx, key, mode, {
    action: 'DESCRIBE',
    kind: 'describe',
    prompt: '',
    model: 'mj_describe',
    price,
    describeInput: input.data,
    describeMime: input.mime,
  });
}

const DIMENSIONS = new Set(['PORTRAIT', 'SQUARE', 'LANDSCAPE']);

export function blend(ctx: SimContext, req: SimRequest, mode: MjSpeedMode): SimResponse {
  const key = keyOf(req);
  const b = allowedBody(ctx, req, 'mj_blend');
  if (!b.ok) return b.res;
  if (!validDataUrls(b.value.base64Array, 2, 5))
    return mjSubmitResult(4, 'base64List参数错误', null);
  const dims = str(b.value.dimensions) ?? 'SQUARE';
  if (!DIMENSIONS.has(dims)) return mjSubmitResult(4, 'dimensions参数错误', null);
  const price = mjPrice(ctx, 'mj_blend');
  const g = guard(ctx, key, 'mj_blend', price, undefined);
  if (g) return g;
  const ar = dims === 'PORTRAIT' ? '2:3' : dims === 'LANDSCAPE' ? '3:2' : '1:1';
  return submit(ctx, key, mode, {
    action: 'BLEND',
    kind: 'grid',
    prompt: `--ar ${ar}`,
    model: 'mj_blend',
    price,
  });
}

export function fetchTask(ctx: SimContext, req: SimRequest, id: string): SimResponse {
  const task = ownedTask(ctx, keyOf(req), id);
  if (!task) {
    return ctx.opts.mjMode === 'newapi'
      ? mjRelayError('task_no_found')
      : { kind: 'raw', status: 200, body: '', contentType: 'application/json' };
  }
  return json(200, taskDto(ctx, task));
}

export function listByCondition(ctx: SimContext, req: SimRequest): SimResponse {
  const key = keyOf(req);
  const ids = isObject(req.body) && Array.isArray(req.body.ids) ? req.body.ids : [];
  const out: JsonObject[] = [];
  for (const id of ids) {
    const task = ownedTask(ctx, key, idString(id));
    if (task) out.push(taskDto(ctx, task));
  }
  return json(200, out);
}

/** No auth: streams the task's current image (result once done, preview before). */
export function mjImage(ctx: SimContext, id: string): SimResponse {
  const task = ctx.mj.tasks.get(id);
  if (!task) return json(400, { error: 'midjourney_task_not_found' });
  const done = viewOf(ctx, task).status === 'SUCCESS';
  const file = done ? task.result : (task.preview ?? task.result);
  if (!file) return raw(404, 'not found', 'text/plain');
  return ctx.files.body(file);
}

/** Task ids may arrive as JSON numbers (some docs show them that way). */
function idString(v: unknown): string | undefined {
  if (typeof v === 'string' && v !== '') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return undefined;
}
