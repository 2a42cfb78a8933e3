import { describe, expect, it } from 'vitest';
import {
  classifyMjCustomId,
  layoutMjButtons,
  type MjButtonInput,
  mjActionPriceKind,
} from '../../../src/catalog/index.js';

const H = '0ddb91a0-af46-4ae9-8e8e-c271074eb6e6';

describe('classifyMjCustomId (gateway-protocol §3.4)', () => {
  it.each([
    // Grid buttons
    [`MJ::JOB::upsample::1::${H}`, { kind: 'upscale', index: 1 }],
    [`MJ::JOB::upsample::4::${H}`, { kind: 'upscale', index: 4 }],
    [`MJ::JOB::reroll::0::${H}::SOLO`, { kind: 'reroll', index: 1 }],
    [`MJ::JOB::variation::1::${H}`, { kind: 'variation', index: 1 }],
    [`MJ::JOB::variation::4::${H}`, { kind: 'variation', index: 4 }],
    // Upscale result buttons (v5/v6/v7), all run as UPSCALE by new-api
    [`MJ::JOB::upsample_v6_2x_subtle::1::${H}::SOLO`, { kind: 'upscale', index: 1 }],
    [`MJ::JOB::upsample_v6_2x_creative::1::${H}::SOLO`, { kind: 'upscale', index: 1 }],
    [`MJ::JOB::upsample_v7_2x_subtle::1::${H}::SOLO`, { kind: 'upscale', index: 1 }],
    [`MJ::JOB::upsample_v7_2x_creative::1::${H}::SOLO`, { kind: 'upscale', index: 1 }],
    [`MJ::JOB::upsample_v5_2x::1::${H}::SOLO`, { kind: 'upscale', index: 1 }],
    [`MJ::JOB::upsample_v5_4x::1::${H}::SOLO`, { kind: 'upscale', index: 1 }],
    [`MJ::JOB::low_variation::1::${H}::SOLO`, { kind: 'low_variation', index: 1 }],
    [`MJ::JOB::high_variation::1::${H}::SOLO`, { kind: 'high_variation', index: 1 }],
    [`MJ::Outpaint::50::1::${H}::SOLO`, { kind: 'zoom', index: 1, zoom: 2 }],
    [`MJ::Outpaint::75::1::${H}::SOLO`, { kind: 'zoom', index: 1, zoom: 1.5 }],
    [`MJ::JOB::pan_left::1::${H}::SOLO`, { kind: 'pan', index: 1, direction: 'left' }],
    [`MJ::JOB::pan_right::1::${H}::SOLO`, { kind: 'pan', index: 1, direction: 'right' }],
    [`MJ::JOB::pan_up::1::${H}::SOLO`, { kind: 'pan', index: 1, direction: 'up' }],
    [`MJ::JOB::pan_down::1::${H}::SOLO`, { kind: 'pan', index: 1, direction: 'down' }],
  ])('%s runs without a modal', (customId, expected) => {
    expect(classifyMjCustomId(customId)).toEqual({ ...expected, modal: null, supported: true });
  });

  it('Custom Zoom and Vary (Region) open a modal', () => {
    expect(classifyMjCustomId(`MJ::CustomZoom::${H}`)).toEqual({
      kind: 'custom_zoom',
      index: 1,
      modal: 'prompt',
      supported: true,
    });
    expect(classifyMjCustomId(`MJ::Inpaint::1::${H}::SOLO`)).toEqual({
      kind: 'inpaint',
      index: 1,
      modal: 'mask',
      supported: true,
    });
  });

  it.each([
    [`MJ::JOB::animate_high::1::${H}::SOLO`, { kind: 'animate', modal: null }],
    [`MJ::JOB::animate_low::1::${H}::SOLO`, { kind: 'animate', modal: null }],
    [`MJ::BOOKMARK::${H}`, { kind: 'bookmark', modal: null }],
    // Describe buttons use `Job`, which new-api does not read as JOB → unknown_action.
    ['MJ::Job::PicReader::1', { kind: 'describe_pick', index: 1, modal: 'prompt' }],
    ['MJ::Job::PicReader::4', { kind: 'describe_pick', index: 4, modal: 'prompt' }],
    ['MJ::Picread::Retry', { kind: 'describe_retry', modal: null }],
    ['MJ::Job::PicReader::all', { kind: 'describe_all', modal: null }],
  ])('%s is known but unsupported', (customId, expected) => {
    expect(classifyMjCustomId(customId)).toEqual({ ...expected, supported: false });
  });

  it.each([
    '',
    'upsample',
    'MJ',
    'MJ::JOB',
    `MJ::job::upsample::1::${H}`, // case-sensitive JOB
    `MJ::JOB::upsample::x::${H}`, // index must parse
    `MJ::JOB::something::1::${H}`,
    `MJ::Job::upsample::1::${H}`, // Job ≠ JOB: the action token is "Job"
  ])('%j is unknown', (customId) => {
    expect(classifyMjCustomId(customId)).toEqual({
      kind: 'unknown',
      modal: null,
      supported: false,
    });
  });

  it('maps supported actions to the price they cost', () => {
    expect(mjActionPriceKind(classifyMjCustomId(`MJ::JOB::upsample_v6_2x_subtle::1::${H}`))).toBe(
      'upscale',
    );
    expect(mjActionPriceKind(classifyMjCustomId(`MJ::Outpaint::50::1::${H}::SOLO`))).toBe('zoom');
    expect(mjActionPriceKind(classifyMjCustomId(`MJ::CustomZoom::${H}`))).toBe('custom_zoom');
    expect(mjActionPriceKind(classifyMjCustomId(`MJ::BOOKMARK::${H}`))).toBeNull();
    expect(mjActionPriceKind(classifyMjCustomId('MJ::Job::PicReader::1'))).toBeNull();
  });
});

describe('layoutMjButtons', () => {
  it('lays out the 9-button grid as U1–U4 / 🔄 V1–V4', () => {
    const grid: MjButtonInput[] = [
      ...[1, 2, 3, 4].map((i) => ({
        customId: `MJ::JOB::upsample::${i}::${H}`,
        emoji: '',
        label: `U${i}`,
      })),
      { customId: `MJ::JOB::reroll::0::${H}::SOLO`, emoji: '🔄', label: '' },
      ...[1, 2, 3, 4].map((i) => ({
        customId: `MJ::JOB::variation::${i}::${H}`,
        emoji: '',
        label: `V${i}`,
      })),
    ];
    expect(layoutMjButtons(grid)).toEqual([
      [
        { index: 0, text: 'U1' },
        { index: 1, text: 'U2' },
        { index: 2, text: 'U3' },
        { index: 3, text: 'U4' },
      ],
      [
        { index: 4, text: '🔄' },
        { index: 5, text: 'V1' },
        { index: 6, text: 'V2' },
        { index: 7, text: 'V3' },
        { index: 8, text: 'V4' },
      ],
    ]);
  });

  it('lays out an upscale result like Midjourney, hiding what new-api refuses', () => {
    // Discord order: buttons arrive row by row, with ❤️, Animate and Web mixed in.
    const upscale: MjButtonInput[] = [
      {
        customId: `MJ::JOB::upsample_v7_2x_subtle::1::${H}::SOLO`,
        emoji: 'upscale_1',
        label: 'Upscale (Subtle)',
      },
      {
        customId: `MJ::JOB::upsample_v7_2x_creative::1::${H}::SOLO`,
        emoji: 'upscale_1',
        label: 'Upscale (Creative)',
      },
      { customId: `MJ::JOB::low_variation::1::${H}::SOLO`, emoji: '🪄', label: 'Vary (Subtle)' },
      { customId: `MJ::JOB::high_variation::1::${H}::SOLO`, emoji: '🪄', label: 'Vary (Strong)' },
      { customId: `MJ::Inpaint::1::${H}::SOLO`, emoji: '🖌️', label: 'Vary (Region)' },
      { customId: `MJ::Outpaint::75::1::${H}::SOLO`, emoji: '🔍', label: 'Zoom Out 1.5x' },
      { customId: `MJ::Outpaint::50::1::${H}::SOLO`, emoji: '🔍', label: 'Zoom Out 2x' },
      { customId: `MJ::CustomZoom::${H}`, emoji: '🔍', label: 'Custom Zoom' },
      { customId: `MJ::JOB::pan_left::1::${H}::SOLO`, emoji: '⬅️', label: '' },
      { customId: `MJ::JOB::pan_right::1::${H}::SOLO`, emoji: '➡️', label: '' },
      { customId: `MJ::JOB::pan_up::1::${H}::SOLO`, emoji: '⬆️', label: '' },
      { customId: `MJ::JOB::pan_down::1::${H}::SOLO`, emoji: '⬇️', label: '' },
      { customId: `MJ::JOB::animate_high::1::${H}::SOLO`, label: 'Animate (High motion)' },
      { customId: `MJ::BOOKMARK::${H}`, emoji: '❤️', label: '' },
      { customId: '', label: 'Web' },
    ];
    expect(layoutMjButtons(upscale)).toEqual([
      [
        { index: 0, text: 'Upscale (Subtle)' },
        { index: 1, text: 'Upscale (Creative)' },
      ],
      [
        { index: 2, text: '🪄 Vary (Subtle)' },
        { index: 3, text: '🪄 Vary (Strong)' },
        { index: 4, text: '🖌️ Vary (Region)' },
      ],
      [
        { index: 6, text: '🔍 Zoom Out 2x' },
        { index: 5, text: '🔍 Zoom Out 1.5x' },
        { index: 7, text: '🔍 Custom Zoom' },
      ],
      [
        { index: 8, text: '⬅️' },
        { index: 9, text: '➡️' },
        { index: 10, text: '⬆️' },
        { index: 11, text: '⬇️' },
      ],
    ]);
  });

  it('hides describe buttons and fills in missing labels', () => {
    const describeButtons: MjButtonInput[] = [
      ...[1, 2, 3, 4].map((i) => ({ customId: `MJ::Job::PicReader::${i}`, emoji: `${i}️⃣` })),
      { customId: 'MJ::Picread::Retry', emoji: '🔄' },
      { customId: 'MJ::Job::PicReader::all', emoji: '🎉', label: 'Imagine all' },
    ];
    expect(layoutMjButtons(describeButtons)).toEqual([]);
    expect(
      layoutMjButtons([
        { customId: `MJ::JOB::pan_up::1::${H}::SOLO` },
        { customId: `MJ::JOB::upsample::2::${H}`, emoji: '<:u:123>' },
      ]),
    ).toEqual([[{ index: 1, text: 'U2' }], [{ index: 0, text: '⬆️' }]]);
  });
});
