/** Read-only query API over a validated catalog. Lookups for users only see enabled models. */
import { FAMILIES, type Family } from './constants.js';
import type { CatalogData, ModelOfFamily, ModelSpec } from './schema.js';

export interface Catalog {
  readonly version: 1;
  /** Every model in file order, disabled ones included (e.g. to label old jobs). */
  readonly models: readonly ModelSpec[];
  /** An enabled model by id; with `family`, only if it belongs to that family. */
  get(id: string): ModelSpec | undefined;
  get<F extends Family>(id: string, family: F): ModelOfFamily<F> | undefined;
  /** Enabled models in file order, optionally of one family. */
  list(): ModelSpec[];
  list<F extends Family>(family: F): ModelOfFamily<F>[];
  /** The family's default; undefined only when the family has no enabled model. */
  defaultModel<F extends Family>(family: F): ModelOfFamily<F> | undefined;
  /** Families with at least one enabled model, in menu order. */
  families(): Family[];
  /** What users read for a model id: its title, disabled models included; the id when unknown. */
  title(id: string): string;
}

function ofFamily<F extends Family>(m: ModelSpec, family: F): m is ModelOfFamily<F> {
  return m.family === family;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

export function createCatalog(data: CatalogData): Catalog {
  const frozen = deepFreeze(data);
  const enabled = new Map<string, ModelSpec>();
  for (const m of frozen.models) if (m.enabled) enabled.set(m.id, m);

  function get(id: string): ModelSpec | undefined;
  function get<F extends Family>(id: string, family: F): ModelOfFamily<F> | undefined;
  function get(id: string, family?: Family): ModelSpec | undefined {
    const m = enabled.get(id);
    return m && (family === undefined || m.family === family) ? m : undefined;
  }

  function list(): ModelSpec[];
  function list<F extends Family>(family: F): ModelOfFamily<F>[];
  function list(family?: Family): ModelSpec[] {
    const all = [...enabled.values()];
    return family === undefined ? all : all.filter((m) => m.family === family);
  }

  const titles = new Map(frozen.models.map((m) => [m.id, m.title]));

  return {
    version: frozen.version,
    models: frozen.models,
    title: (id) => titles.get(id) ?? id,
    get,
    list,
    defaultModel<F extends Family>(family: F): ModelOfFamily<F> | undefined {
      const id = frozen.defaults[family];
      const m = id === undefined ? undefined : enabled.get(id);
      return m && ofFamily(m, family) ? m : undefined;
    },
    families: () => FAMILIES.filter((f) => list().some((m) => m.family === f)),
  };
}
