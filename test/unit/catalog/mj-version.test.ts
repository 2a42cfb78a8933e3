import { describe, expect, it } from 'vitest';
import { versionFor, withVersion } from '../../../src/catalog/index.js';
import { mjModel } from './fixtures.js';

describe('Midjourney version', () => {
  const mj = mjModel({ versions: ['7', '6.1'] });
  const niji = mjModel({ botType: 'NIJI_JOURNEY', versions: ['6'] });

  it('adds the picked version as --v, or --niji for Niji', () => {
    expect(withVersion(mj, 'a fox', '6.1')).toBe('a fox --v 6.1');
    expect(withVersion(niji, 'a fox', '6')).toBe('a fox --niji 6');
  });

  it.each([
    ['a fox --v 5', '7'],
    ['a fox --version 6', '7'],
    ['a fox —v 6', '7'],
    ['a fox --niji 5', '7'],
  ])('a prompt that names a version wins: %s', (prompt, picked) => {
    expect(withVersion(mj, prompt, picked)).toBe(prompt);
  });

  it('adds nothing without a pick, for a pick the model lacks, or on a model without versions', () => {
    expect(withVersion(mj, 'a fox', undefined)).toBe('a fox');
    expect(withVersion(niji, 'a fox', '6.1')).toBe('a fox');
    expect(withVersion(mjModel(), 'a fox', '7')).toBe('a fox');
    expect(versionFor(mj, '6.1')).toBe('6.1');
    expect(versionFor(mj, '5')).toBeUndefined();
    // "--vivid" is not a version flag.
    expect(withVersion(mj, 'a fox --vivid', '7')).toBe('a fox --vivid --v 7');
  });
});
