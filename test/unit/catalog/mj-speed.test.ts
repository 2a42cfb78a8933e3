import { describe, expect, it } from 'vitest';
import { loadCatalog, modelForSpeed, speedFlag } from '../../../src/catalog/index.js';

const catalog = loadCatalog();
const model = (id: string) => {
  const m = catalog.get(id, 'midjourney');
  if (!m) throw new Error(`no ${id}`);
  return m;
};

describe('Midjourney speed flags', () => {
  it('reads the last --fast/--relax/--turbo (an em dash counts as --), nothing else', () => {
    expect(speedFlag('a cat --relax')).toBe('relax');
    expect(speedFlag('a cat —turbo --ar 1:1')).toBe('turbo');
    expect(speedFlag('a cat --fast --relax')).toBe('relax');
    expect(speedFlag('a cat --relaxed --fastest')).toBeUndefined();
    expect(speedFlag('a cat')).toBeUndefined();
  });

  it('picks the sibling of the same bot at that speed, or says which speeds exist', () => {
    expect(modelForSpeed(catalog, model('mj_fast'), 'x --relax')).toEqual({
      ok: true,
      model: model('mj_relax'),
    });
    expect(modelForSpeed(catalog, model('niji_relax'), 'x --fast')).toEqual({
      ok: true,
      model: model('niji_fast'),
    });
    expect(modelForSpeed(catalog, model('mj_fast'), 'x')).toEqual({
      ok: true,
      model: model('mj_fast'),
    });
    expect(modelForSpeed(catalog, model('niji_fast'), 'x --turbo')).toEqual({
      ok: false,
      mode: 'turbo',
      offered: ['fast', 'relax'],
    });
  });
});
