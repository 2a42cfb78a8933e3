/** Renders MJ tasks as new-api's MidjourneyDto (all keys, §3.3) or the raw plus proxy Task. */
import type { SimContext } from './context.js';
import { describeButtons, gridButtons, type MjButton, upscaleButtons } from './mj-buttons.js';
import { type MjTaskRecord, type MjView, visibleView } from './mj-tasks.js';

const slug = (prompt: string): string =>
  prompt
    .toLowerCase()
    .replace(/\[\[[^\]]*\]\]/g, '')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 40) || 'image';

export function buttonsOf(task: MjTaskRecord): MjButton[] {
  switch (task.kind) {
    case 'grid':
      return gridButtons(task.hash);
    case 'upscale':
      return upscaleButtons(task.hash);
    case 'describe':
      return describeButtons();
  }
}

function imageUrl(ctx: SimContext, task: MjTaskRecord, v: MjView): string {
  const base = ctx.baseUrl();
  const forward = ctx.opts.mjImageUrls === 'forward';
  if (v.status === 'SUCCESS' && task.result) {
    if (forward) return `${base}/mj/image/${task.id}`;
    task.resultUrl ??= ctx.files.discordUrl(
      base,
      task.result,
      `lzn_${slug(task.prompt)}_${task.hash}.png`,
    );
    return task.resultUrl;
  }
  if (v.status === 'IN_PROGRESS' && v.previewTick > 0 && task.preview) {
    const rand = `${ctx.clock.now()}${v.previewTick}`;
    if (forward) return `${base}/mj/image/${task.id}?rand=${rand}`;
    return `${base}/attachments/1050703772185268251/${task.preview.id}/lzn_${slug(task.prompt)}_progress.webp?rand=${rand}`;
  }
  return '';
}

/** Sim epoch ms of a task-clock instant (0 stays 0). */
function epochOf(task: MjTaskRecord, taskMs: number): number {
  return taskMs === 0 ? 0 : Math.floor(task.submitEpoch + (taskMs - task.submitAt));
}

export function viewOf(ctx: SimContext, task: MjTaskRecord): MjView {
  return visibleView(task, ctx.clock.taskNow(), ctx.opts.timings, ctx.opts.mjMode === 'proxy');
}

/** Prompt fields: describe results replace prompt/promptEn with the four numbered lines once done. */
function promptsOf(
  task: MjTaskRecord,
  v: MjView,
): { prompt: string; promptEn: string; final: string } {
  if (task.kind === 'describe' && v.status === 'SUCCESS' && task.describeLines) {
    const text = task.describeLines.join('\n\n');
    return { prompt: text, promptEn: text, final: text };
  }
  return { prompt: task.prompt, promptEn: task.promptEn, final: task.finalPrompt };
}

export function newApiDto(ctx: SimContext, task: MjTaskRecord): Record<string, unknown> {
  const v = viewOf(ctx, task);
  const p = promptsOf(task, v);
  return {
    id: task.id,
    action: task.action,
    customId: '',
    botType: '',
    prompt: p.prompt,
    promptEn: p.promptEn,
    description: task.description,
    state: task.state,
    submitTime: task.submitEpoch,
    startTime: epochOf(task, v.startedAt),
    finishTime: epochOf(task, v.finishedAt),
    imageUrl: imageUrl(ctx, task, v),
    videoUrl: '',
    videoUrls: null,
    status: v.status,
    progress: v.progress,
    failReason: v.failReason ?? '',
    buttons: v.status === 'SUCCESS' ? buttonsOf(task) : null,
    maskBase64: '',
    properties: p.final === '' ? null : { finalPrompt: p.final, finalZhPrompt: '' },
  };
}

export function proxyDto(ctx: SimContext, task: MjTaskRecord): Record<string, unknown> {
  const v = viewOf(ctx, task);
  const p = promptsOf(task, v);
  return {
    id: task.id,
    action: task.action,
    customId: task.customId,
    botType: task.botType,
    prompt: p.prompt,
    promptEn: p.promptEn,
    description: task.kind === 'describe' ? '/describe' : `/imagine ${task.prompt}`,
    state: task.state,
    submitTime: task.submitEpoch,
    startTime: epochOf(task, v.startedAt),
    finishTime: epochOf(task, v.finishedAt),
    imageUrl: imageUrl(ctx, task, v),
    status: v.status === '' ? 'NOT_START' : v.status,
    progress: v.progress,
    failReason: v.failReason,
    properties: {
      finalPrompt: p.final,
      discordInstanceId: '1648406635623804928',
      discordChannelId: '1050703772185268251',
    },
    buttons: v.status === 'SUCCESS' ? buttonsOf(task) : [],
    maskBase64: task.maskBase64 === '' ? null : task.maskBase64,
  };
}

export function taskDto(ctx: SimContext, task: MjTaskRecord): Record<string, unknown> {
  return ctx.opts.mjMode === 'proxy' ? proxyDto(ctx, task) : newApiDto(ctx, task);
}
