/**
 * normalizeMjTask reads the gateway's task objects by hand (no schema: the poller reads
 * thousands a minute). These tests hold it to what the zod schema it replaced accepted and
 * rejected: that schema is kept here, as the reference, and both read the same inputs.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { GatewayError } from '../../../src/gateway/errors.js';
import {
  type MjButton,
  type MjTask,
  normalizeMjStatus,
  normalizeMjTask,
  parseDescribePrompts,
  parseMjProgress,
  parseMjRanMode,
} from '../../../src/gateway/mj-normalize.js';
import { num, parseBody, record, text } from '../../../src/gateway/schemas.js';

const referenceList = <T extends z.ZodType>(item: T) =>
  z
    .unknown()
    .transform((v): z.output<T>[] =>
      Array.isArray(v)
        ? v.flatMap((el) => {
            const r = item.safeParse(el);
            return r.success ? [r.data] : [];
          })
        : [],
    )
    .optional();
const referenceButton = z.looseObject({
  customId: text,
  emoji: text,
  label: text,
  type: num,
  style: num,
});
const referenceTask = z.looseObject({
  id: text,
  action: text,
  status: text,
  progress: text,
  imageUrl: text,
  failReason: text,
  prompt: text,
  promptEn: text,
  buttons: referenceList(referenceButton),
  properties: record,
});
const str = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v : undefined);

/** The zod-based normaliser as it was. */
function reference(raw: unknown, fallbackId?: string): MjTask | null {
  if (raw === null || raw === undefined) return null;
  const t = parseBody(referenceTask, raw, 'MJ task');
  const id = t.id ?? fallbackId;
  if (!id) return null;
  const rawStatus = t.status ?? '';
  const status = normalizeMjStatus(rawStatus);
  const progressText = t.progress ?? '';
  const buttons: MjButton[] = [];
  for (const b of t.buttons ?? []) {
    if (!b.customId) continue;
    const btn: MjButton = { customId: b.customId, emoji: b.emoji ?? '', label: b.label ?? '' };
    if (b.type !== undefined) btn.type = b.type;
    if (b.style !== undefined) btn.style = b.style;
    buttons.push(btn);
  }
  const task: MjTask = { id, status, rawStatus, progressText, buttons };
  const pct =
    status === 'done' ? 100 : status === 'failed' ? undefined : parseMjProgress(progressText);
  if (pct !== undefined) task.progressPercent = pct;
  const ranMode = parseMjRanMode(progressText);
  if (ranMode) task.ranMode = ranMode;
  if (t.imageUrl) task.imageUrl = t.imageUrl;
  if (t.failReason) task.failReason = t.failReason;
  else if (status === 'failed') task.failReason = rawStatus === 'CANCEL' ? 'cancelled' : 'failed';
  if (t.prompt) task.prompt = t.prompt;
  const finalPrompt = str(t.properties?.finalPrompt) ?? t.promptEn;
  if (finalPrompt) task.finalPrompt = finalPrompt;
  if (t.action) task.action = t.action;
  if (t.action?.toUpperCase() === 'DESCRIBE' && status === 'done') {
    const source = str(t.properties?.finalPrompt) ?? t.promptEn ?? t.prompt;
    const prompts = source ? parseDescribePrompts(source) : [];
    if (prompts.length > 0) task.describePrompts = prompts;
  }
  return task;
}

/** Either both give the same task (or null), or both throw a malformed GatewayError. */
function sameAsReference(raw: unknown, fallbackId?: string): void {
  let expected: MjTask | null | GatewayError;
  try {
    expected = reference(raw, fallbackId);
  } catch (e) {
    expected = e as GatewayError;
  }
  if (expected instanceof GatewayError) {
    expect(() => normalizeMjTask(raw, fallbackId)).toThrow(GatewayError);
    return;
  }
  expect(normalizeMjTask(raw, fallbackId)).toEqual(expected);
}

/** Any JSON value, and the shapes gateways really send: strings, numbers, blanks, nulls. */
const loose = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom('', ' ', '46%', 'Waiting to start', 'relaxed', 'SUCCESS', 'FAILURE', 'CANCEL'),
  fc.constantFrom('MODAL', 'IN_PROGRESS', 'DESCRIBE', '1️⃣ a\n\n2️⃣ b', 0, 7, Number.NaN),
);
const button = fc.oneof(
  loose,
  fc.record(
    { customId: loose, emoji: loose, label: loose, type: loose, style: loose },
    { requiredKeys: [] },
  ),
);
const task = fc.record(
  {
    id: loose,
    action: loose,
    status: loose,
    progress: loose,
    imageUrl: loose,
    failReason: loose,
    prompt: loose,
    promptEn: loose,
    buttons: fc.oneof(loose, fc.array(button, { maxLength: 4 })),
    properties: fc.oneof(loose, fc.record({ finalPrompt: loose }, { requiredKeys: [] })),
    extra: loose,
  },
  { requiredKeys: [] },
);

describe('MJ task boundary', () => {
  it('accepts, rejects and reads exactly what the zod schema did', () => {
    fc.assert(
      fc.property(fc.oneof(task, loose), fc.option(fc.string(), { nil: undefined }), (raw, id) =>
        sameAsReference(raw, id),
      ),
      { numRuns: 2_000 },
    );
  });

  it('rejects entries that are not objects, skips ones without an id, drops bad buttons', () => {
    for (const raw of [[], [{ id: 'a' }], 'task', 5, true])
      expect(() => normalizeMjTask(raw)).toThrow(GatewayError);
    expect(normalizeMjTask({ status: 'SUCCESS' })).toBeNull();
    expect(normalizeMjTask({ id: '  ' })).toBeNull();
    expect(normalizeMjTask({ id: 17, status: 'IN_PROGRESS', progress: '46%' })).toMatchObject({
      id: '17',
      status: 'running',
      progressPercent: 46,
    });
    const t = normalizeMjTask({
      id: 'a',
      imageUrl: 42,
      properties: ['not', 'an', 'object'],
      buttons: [
        null,
        'x',
        [],
        { label: 'Web' },
        { customId: 'MJ::JOB::upsample::1::h', type: '2' },
      ],
    });
    expect(t?.imageUrl).toBe('42');
    expect(t?.finalPrompt).toBeUndefined();
    expect(t?.buttons).toEqual([
      { customId: 'MJ::JOB::upsample::1::h', emoji: '', label: '', type: 2 },
    ]);
    for (const raw of [[], [{ id: 'a' }], 'task', 5, true, { id: 'b', status: 1 }])
      sameAsReference(raw);
  });
});
