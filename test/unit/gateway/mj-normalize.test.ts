import { describe, expect, it } from 'vitest';
import { GatewayError } from '../../../src/gateway/errors.js';
import {
  normalizeMjStatus,
  normalizeMjTask,
  parseCustomId,
  parseDescribePrompts,
  parseMjProgress,
  parseMjRanMode,
  parseSubmitResult,
} from '../../../src/gateway/mj-normalize.js';

const HASH = '0ddb91a0-af46-4ae9-8e8e-c271074eb6e6';
const newApiTask = (over: Record<string, unknown> = {}) => ({
  id: '1748339029401828',
  action: 'IMAGINE',
  customId: '',
  botType: '',
  prompt: 'dog playing ball --v 7',
  promptEn: 'dog playing ball --v 7',
  description: '提交成功',
  state: '',
  submitTime: 1748339029401,
  startTime: 1748339030665,
  finishTime: 0,
  imageUrl:
    'https://cdn.discordapp.com/attachments/1/2/lzn_progress.webp?ex=6836daff&is=6835897f&hm=abc&',
  videoUrl: '',
  videoUrls: null,
  status: 'IN_PROGRESS',
  progress: '46%',
  failReason: '',
  buttons: null,
  maskBase64: '',
  properties: null,
  ...over,
});

describe('normalizeMjStatus (§3.3)', () => {
  it.each([
    ['', 'queued'],
    ['NOT_START', 'queued'],
    ['SUBMITTED', 'queued'],
    ['IN_PROGRESS', 'running'],
    ['MODAL', 'needs_modal'],
    ['SUCCESS', 'done'],
    ['FAILURE', 'failed'],
    ['CANCEL', 'failed'],
    ['WHATEVER', 'running'],
  ] as const)('%j → %s', (raw, status) => {
    expect(normalizeMjStatus(raw)).toBe(status);
  });
});

describe('parseMjProgress', () => {
  it.each([
    ['0%', 0],
    ['46%', 46],
    ['100%', 100],
    ['Waiting to start', undefined],
    ['relaxed', undefined],
    ['', undefined],
    [undefined, undefined],
    ['46', undefined],
  ] as const)('%j → %j', (raw, n) => {
    expect(parseMjProgress(raw)).toBe(n);
  });
});

describe('parseMjRanMode', () => {
  it.each([
    ['relaxed', 'relax'],
    ['Relaxed ', 'relax'],
    ['fast', 'fast'],
    ['turbo', 'turbo'],
    ['Waiting to start', undefined],
    ['46%', undefined],
    ['paused', undefined],
    [undefined, undefined],
  ] as const)('%j → %j', (raw, mode) => {
    expect(parseMjRanMode(raw)).toBe(mode);
  });

  it('a task waiting in the relax queue says so', () => {
    const t = normalizeMjTask(newApiTask({ progress: 'relaxed' }));
    expect(t).toMatchObject({ status: 'running', ranMode: 'relax' });
    expect(normalizeMjTask(newApiTask())?.ranMode).toBeUndefined();
  });
});

describe('normalizeMjTask', () => {
  it('new-api in-progress DTO', () => {
    const t = normalizeMjTask(newApiTask());
    expect(t).toMatchObject({
      id: '1748339029401828',
      status: 'running',
      rawStatus: 'IN_PROGRESS',
      progressPercent: 46,
      progressText: '46%',
      buttons: [],
      action: 'IMAGINE',
      prompt: 'dog playing ball --v 7',
    });
    expect(t?.imageUrl).toContain('progress.webp');
    expect(t?.failReason).toBeUndefined();
  });

  it('status "" before the first poll is queued with progress 0', () => {
    const t = normalizeMjTask(newApiTask({ status: '', progress: '0%', imageUrl: '' }));
    expect(t).toMatchObject({ status: 'queued', rawStatus: '', progressPercent: 0 });
    expect(t?.imageUrl).toBeUndefined();
  });

  it('FAILURE with "100%" is failed, not done, and has no percentage', () => {
    const t = normalizeMjTask(
      newApiTask({
        status: 'FAILURE',
        progress: '100%',
        failReason: '[Banned prompt detected] nude',
      }),
    );
    expect(t?.status).toBe('failed');
    expect(t?.progressPercent).toBeUndefined();
    expect(t?.progressText).toBe('100%');
    expect(t?.failReason).toBe('[Banned prompt detected] nude');
  });

  it('FAILURE without a reason still has one', () => {
    expect(normalizeMjTask(newApiTask({ status: 'FAILURE', progress: '' }))?.failReason).toBe(
      'failed',
    );
  });

  it('SUCCESS with the 9 grid buttons; link buttons dropped; numeric id accepted', () => {
    const numbered = (action: string, letter: string) =>
      [1, 2, 3, 4].map((i) => ({
        customId: `MJ::JOB::${action}::${i}::${HASH}`,
        emoji: '',
        label: `${letter}${i}`,
        type: 2,
        style: 2,
      }));
    const buttons = [
      ...numbered('upsample', 'U'),
      { customId: `MJ::JOB::reroll::0::${HASH}::SOLO`, emoji: '🔄', label: '', type: 2, style: 2 },
      ...numbered('variation', 'V'),
      { label: 'Web', type: 2, style: 5, url: 'https://midjourney.com' },
    ];
    const t = normalizeMjTask(
      newApiTask({
        id: 1748339029401828,
        status: 'SUCCESS',
        progress: '100%',
        imageUrl: 'https://x/grid.png',
        buttons,
      }),
    );
    expect(t?.id).toBe('1748339029401828');
    expect(t?.status).toBe('done');
    expect(t?.progressPercent).toBe(100);
    expect(t?.buttons).toHaveLength(9);
    expect(t?.buttons[4]).toEqual({
      customId: `MJ::JOB::reroll::0::${HASH}::SOLO`,
      emoji: '🔄',
      label: '',
      type: 2,
      style: 2,
    });
  });

  it('raw OSS task: no buttons key, progress "" on failure, extra properties', () => {
    const t = normalizeMjTask({
      id: '1',
      action: 'IMAGINE',
      status: 'NOT_START',
      prompt: 'p',
      promptEn: 'p en',
      progress: null,
      imageUrl: null,
      failReason: null,
      properties: { notifyHook: null },
    });
    expect(t).toMatchObject({
      id: '1',
      status: 'queued',
      progressText: '',
      buttons: [],
      finalPrompt: 'p en',
    });
  });

  it('MODAL', () => {
    const t = normalizeMjTask(
      newApiTask({ status: 'MODAL', properties: { finalPrompt: 'dog --zoom 2' } }),
    );
    expect(t?.status).toBe('needs_modal');
    expect(t?.finalPrompt).toBe('dog --zoom 2');
  });

  it('DESCRIBE results become describePrompts', () => {
    const text = '1️⃣ a red fox --ar 1:1\n\n2️⃣ fox in snow\n\n3️⃣ winter animal\n\n4️⃣ orange fox';
    const t = normalizeMjTask(
      newApiTask({
        action: 'DESCRIBE',
        status: 'SUCCESS',
        progress: '100%',
        prompt: '',
        properties: { finalPrompt: text },
      }),
    );
    expect(t?.describePrompts).toEqual([
      'a red fox --ar 1:1',
      'fox in snow',
      'winter animal',
      'orange fox',
    ]);
  });

  it('empty body → null; no id → uses fallback or null', () => {
    expect(normalizeMjTask(null)).toBeNull();
    expect(normalizeMjTask(undefined)).toBeNull();
    expect(normalizeMjTask({ status: 'SUCCESS' })).toBeNull();
    expect(normalizeMjTask({ status: 'SUCCESS' }, '42')?.id).toBe('42');
  });

  it('non-object is malformed', () => {
    expect(() => normalizeMjTask('oops')).toThrow(GatewayError);
  });
});

describe('parseDescribePrompts', () => {
  it('splits on blank lines when there are no keycaps', () => {
    expect(parseDescribePrompts('one\n\ntwo\n\n\nthree')).toEqual(['one', 'two', 'three']);
  });
  it('splits inline keycaps', () => {
    expect(parseDescribePrompts('1️⃣ a 2️⃣ b')).toEqual(['a', 'b']);
  });
});

describe('parseSubmitResult (§3.2)', () => {
  const route = 'POST /mj/submit/imagine';
  it('code 1 with string or numeric result', () => {
    expect(
      parseSubmitResult(
        { code: 1, description: '提交成功', result: '1748339029401828', properties: {} },
        route,
      ),
    ).toEqual({
      taskId: '1748339029401828',
      modal: false,
    });
    expect(
      parseSubmitResult({ code: 1, description: 'submitted', result: 1745324567890123 }, route)
        .taskId,
    ).toBe('1745324567890123');
  });
  it('code 22 gives the queue position', () => {
    const r = parseSubmitResult(
      {
        code: 22,
        description: '排队中，前面还有1个任务',
        result: '1',
        properties: { numberOfQueues: 1 },
      },
      route,
    );
    expect(r).toEqual({ taskId: '1', modal: false, queuePosition: 1 });
    expect(
      parseSubmitResult({ code: 22, description: '排队中，前面还有3个任务', result: '2' }, route)
        .queuePosition,
    ).toBe(3);
  });
  it('code 21 plus MODAL vs OSS EXISTED', () => {
    expect(
      parseSubmitResult(
        {
          code: 21,
          description: '等待窗口确认',
          result: '9',
          properties: { finalPrompt: 'dog --v 7.0', remix: false },
        },
        route,
      ),
    ).toEqual({ taskId: '9', modal: true });
    expect(
      parseSubmitResult(
        {
          code: 21,
          description: '任务已存在',
          result: '8',
          properties: { status: 'SUCCESS', imageUrl: 'https://x/u.png' },
        },
        route,
      ),
    ).toEqual({
      taskId: '8',
      modal: false,
      existed: { status: 'done', imageUrl: 'https://x/u.png' },
    });
    expect(parseSubmitResult({ code: 21, description: '', result: '7' }, route).modal).toBe(true);
  });
  it('business codes throw typed errors', () => {
    const kinds: Array<[number, string]> = [
      [3, 'not_found'],
      [4, 'invalid_request'],
      [9, 'upstream'],
      [23, 'queue_full'],
      [24, 'banned_prompt'],
    ];
    for (const [code, kind] of kinds) {
      try {
        parseSubmitResult(
          { code, description: 'd', result: null, properties: { bannedWord: 'nude' } },
          route,
        );
        expect.unreachable();
      } catch (e) {
        expect(e).toBeInstanceOf(GatewayError);
        expect((e as GatewayError).kind).toBe(kind);
        if (code === 24) expect((e as GatewayError).bannedWord).toBe('nude');
      }
    }
  });
  it('accepted without id, empty body, no code → malformed', () => {
    for (const body of [
      { code: 1, result: null },
      { code: 1, result: '' },
      undefined,
      null,
      { description: 'x' },
    ]) {
      expect(() => parseSubmitResult(body, route)).toThrow(
        expect.objectContaining({ kind: 'malformed' }),
      );
    }
  });
});

describe('parseCustomId (§3.4)', () => {
  it.each([
    [`MJ::JOB::upsample::2::${HASH}`, 'UPSCALE', 2, 'mj_upscale', false, true],
    [`MJ::JOB::upsample_v7_2x_creative::1::${HASH}::SOLO`, 'UPSCALE', 1, 'mj_upscale', false, true],
    [`MJ::JOB::variation::4::${HASH}`, 'VARIATION', 4, 'mj_variation', false, true],
    [
      `MJ::JOB::low_variation::1::${HASH}::SOLO`,
      'LOW_VARIATION',
      1,
      'mj_low_variation',
      false,
      true,
    ],
    [
      `MJ::JOB::high_variation::1::${HASH}::SOLO`,
      'HIGH_VARIATION',
      1,
      'mj_high_variation',
      false,
      true,
    ],
    [`MJ::JOB::pan_left::1::${HASH}::SOLO`, 'PAN', 1, 'mj_pan', false, true],
    [`MJ::JOB::reroll::0::${HASH}::SOLO`, 'REROLL', 1, 'mj_reroll', false, true],
    [`MJ::Outpaint::50::1::${HASH}::SOLO`, 'ZOOM', 1, 'mj_zoom', false, true],
    [`MJ::CustomZoom::${HASH}`, 'CUSTOM_ZOOM', 1, 'mj_custom_zoom', true, true],
    [`MJ::Inpaint::1::${HASH}::SOLO`, 'INPAINT', 1, 'mj_inpaint', true, true],
  ] as const)('%s', (customId, action, index, billedModel, needsModal, supported) => {
    expect(parseCustomId(customId)).toEqual({ action, index, billedModel, needsModal, supported });
  });
  it.each([
    `MJ::BOOKMARK::${HASH}`,
    'MJ::Job::PicReader::1',
    'MJ::Picread::Retry',
    `MJ::JOB::animate_high::1::${HASH}::SOLO`,
    'garbage',
    'MJ::x',
  ])('unsupported: %s', (customId) => {
    expect(parseCustomId(customId).supported).toBe(false);
  });
  it('PicReader needs a modal', () => {
    expect(parseCustomId('MJ::Job::PicReader::1').needsModal).toBe(true);
  });
});
