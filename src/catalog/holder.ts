/**
 * The catalog the bot serves right now. `/reload` swaps it; every reader goes through `current`
 * (deps.catalog is a getter over it), so nobody keeps a stale copy by accident.
 */
import type { Catalog } from './catalog.js';
import { CatalogError } from './errors.js';

export type CatalogReload =
  | { ok: true; catalog: Catalog; previous: Catalog }
  | { ok: false; error: CatalogError };

export interface CatalogHolder {
  readonly current: Catalog;
  /** When `current` was loaded (ms). */
  readonly loadedAt: number;
  /** Loads again; on any problem the current catalog stays and the error says where. */
  reload(): CatalogReload;
}

export function createCatalogHolder(
  initial: Catalog,
  load: () => Catalog,
  now: () => number = Date.now,
): CatalogHolder {
  let current = initial;
  let loadedAt = now();
  return {
    get current() {
      return current;
    },
    get loadedAt() {
      return loadedAt;
    },
    reload(): CatalogReload {
      let next: Catalog;
      try {
        next = load();
      } catch (err) {
        if (err instanceof CatalogError) return { ok: false, error: err };
        throw err;
      }
      const previous = current;
      current = next;
      loadedAt = now();
      return { ok: true, catalog: next, previous };
    },
  };
}
