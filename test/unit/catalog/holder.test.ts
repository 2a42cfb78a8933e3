import { describe, expect, it } from 'vitest';
import { createCatalogHolder } from '../../../src/catalog/holder.js';
import { type Catalog, CatalogError } from '../../../src/catalog/index.js';

const fake = (n: number) => ({ models: Array.from({ length: n }) }) as unknown as Catalog;

describe('catalog holder', () => {
  it('swaps on success, keeps the current one on a CatalogError, rethrows anything else', () => {
    const first = fake(1);
    let next: () => Catalog = () => fake(2);
    let t = 5;
    const holder = createCatalogHolder(
      first,
      () => next(),
      () => t,
    );
    expect(holder.current).toBe(first);
    t = 9;
    const ok = holder.reload();
    expect(ok).toMatchObject({ ok: true, previous: first });
    expect(holder.current.models).toHaveLength(2);
    expect(holder.loadedAt).toBe(9);

    const kept = holder.current;
    next = () => {
      throw new CatalogError([
        { file: 'c.yaml', line: 3, col: 5, path: 'models[0].x', message: 'bad' },
      ]);
    };
    const refused = holder.reload();
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toContain('c.yaml:3:5 models[0].x: bad');
    expect(holder.current).toBe(kept);

    next = () => {
      throw new TypeError('bug');
    };
    expect(() => holder.reload()).toThrow(TypeError);
    expect(holder.current).toBe(kept);
  });
});
