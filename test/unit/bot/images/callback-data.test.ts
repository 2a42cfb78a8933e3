import { describe, expect, it } from 'vitest';
import { jobButton, parseJobButton } from '../../../../src/bot/jobs/callback-data.js';
import {
  encodeSettings,
  modelToken,
  parseSettings,
  type SettingsAction,
} from '../../../../src/bot/settings/callback-data.js';
import { loadCatalog } from '../../../../src/catalog/index.js';
import { newJobId } from '../../../../src/jobs/ids.js';

const FORGED_JOB_DATA = [
  'j:abc',
  'j::again',
  'j:abc:delete',
  'x:abc:again',
  'j:abc:again:1',
  'j:a b:again',
];
const MALFORMED_SETTINGS = [
  's:',
  's:homeX',
  's:fams:x',
  's:fam:g:video',
  's:m:g:short',
  's:n:abc',
  's:n:1:2',
  's:ar:wide',
  's:sz:',
  'settings:home',
];

describe('job buttons', () => {
  it('round-trips every action and stays far below 64 bytes', () => {
    for (const action of ['again', 'edit', 'orig', 'cancel'] as const) {
      const id = newJobId();
      const data = jobButton(id, action);
      expect(parseJobButton(data)).toEqual({ jobId: id, action });
      expect(Buffer.byteLength(data)).toBeLessThanOrEqual(64);
    }
  });

  it('rejects forged or foreign data', () => {
    for (const data of FORGED_JOB_DATA) expect(parseJobButton(data)).toBeUndefined();
  });
});

describe('settings buttons', () => {
  const catalog = loadCatalog();

  it('round-trips every kind', () => {
    const actions: SettingsAction[] = [
      { kind: 'home' },
      { kind: 'close' },
      { kind: 'families', target: 'g' },
      { kind: 'family', target: 'e', family: 'chat-image' },
      { kind: 'model', target: 'g', token: modelToken('bfl/flux-pro-1.1-ultra') },
      { kind: 'sizes' },
      { kind: 'size', value: '1024x1792' },
      { kind: 'aspect', value: '16:9' },
      { kind: 'counts' },
      { kind: 'count', value: 4 },
    ];
    for (const a of actions) {
      const data = encodeSettings(a);
      expect(Buffer.byteLength(data), data).toBeLessThanOrEqual(64);
      expect(parseSettings(data)).toEqual(a);
    }
  });

  it('gives every catalog model a distinct 8-character token, whatever the id length', () => {
    const tokens = catalog.models.map((m) => modelToken(m.id));
    expect(new Set(tokens).size).toBe(tokens.length);
    expect(modelToken('x'.repeat(128))).toMatch(/^[A-Za-z0-9_-]{8}$/);
    const longest = encodeSettings({
      kind: 'model',
      target: 'e',
      token: modelToken('y'.repeat(128)),
    });
    expect(Buffer.byteLength(longest)).toBe(14);
  });

  it('rejects malformed data (the handler then lets the catch-all answer)', () => {
    for (const data of MALFORMED_SETTINGS) expect(parseSettings(data), data).toBeUndefined();
  });

  it('parses a forged but well-formed size: whether the model allows it is the handler’s call', () => {
    expect(parseSettings('s:sz:999x999')).toEqual({ kind: 'size', value: '999x999' });
  });
});
