/** What /start says the bot can do, from the catalog (pure: no grammY, no I/O). */
import type { Catalog, Family } from '../../catalog/index.js';

/** The /start lines, in order; image and chat-image models are one line for users. */
export const START_LINES = ['images', 'edit', 'midjourney', 'video'] as const;
export type StartLine = (typeof START_LINES)[number];

const LINE_OF: Record<Family, StartLine> = {
  image: 'images',
  'chat-image': 'images',
  edit: 'edit',
  midjourney: 'midjourney',
  video: 'video',
};

export interface Highlight {
  line: StartLine;
  /** A few model names, one per brand, in catalog order. */
  names: string[];
  /** How many enabled models the names leave out. */
  more: number;
}

/** "FLUX 1.1 Pro (BFL)" → "FLUX 1.1 Pro": the qualifier in brackets says nothing to a newcomer. */
const shortTitle = (title: string) => title.replace(/\s*\(.*\)\s*$/, '');

/**
 * Per line with at least one enabled model: up to `max` names, one per brand (the title's first
 * word), so ten FLUX variants show as "FLUX" and leave room for the others.
 */
export function catalogHighlights(catalog: Catalog, max = 5): readonly Highlight[] {
  // Every /start and /help asks; a catalog never changes (/reload makes a new one).
  const byMax = computed.get(catalog) ?? new Map<number, readonly Highlight[]>();
  computed.set(catalog, byMax);
  const highlights = byMax.get(max) ?? Object.freeze(compute(catalog, max));
  byMax.set(max, highlights);
  return highlights;
}

const computed = new WeakMap<Catalog, Map<number, readonly Highlight[]>>();

function compute(catalog: Catalog, max: number): Highlight[] {
  const byLine = new Map<StartLine, { names: string[]; brands: Set<string>; total: number }>();
  for (const model of catalog.list()) {
    const line = LINE_OF[model.family];
    const entry = byLine.get(line) ?? { names: [], brands: new Set(), total: 0 };
    byLine.set(line, entry);
    entry.total += 1;
    const name = shortTitle(model.title);
    const brand = name.split(/\s+/)[0]?.toLowerCase() ?? name;
    if (entry.names.length < max && !entry.brands.has(brand)) {
      entry.brands.add(brand);
      entry.names.push(name);
    }
  }
  return START_LINES.flatMap((line) => {
    const entry = byLine.get(line);
    return entry ? [{ line, names: entry.names, more: entry.total - entry.names.length }] : [];
  });
}
