/**
 * Maps a validation path (`['models', 3, 'sizes', 'default']`) to an offset in the YAML source.
 * A path that exists points at its value (or at its key when asked, for unknown keys); a path
 * that does not exist (a missing key) points at the key of the deepest object that does, which
 * is where the operator has to add it.
 */
import type { Document, Node } from 'yaml';
import { yaml } from './yaml.js';

type Segment = PropertyKey;

function keyText(key: unknown): string | undefined {
  if (yaml().isScalar(key)) return String(key.value);
  return typeof key === 'string' || typeof key === 'number' ? String(key) : undefined;
}

function start(node: unknown): number | undefined {
  const { isAlias, isMap, isScalar, isSeq } = yaml();
  if (isScalar(node) || isMap(node) || isSeq(node) || isAlias(node)) return node.range?.[0];
  return undefined;
}

export function locateOffset(doc: Document, path: readonly Segment[], atKey = false): number {
  let node: unknown = doc.contents;
  // Where to point if the walk stops here: the key that led to `node`, else `node` itself.
  let label = start(node) ?? 0;
  for (const [i, seg] of path.entries()) {
    if (yaml().isAlias(node)) node = node.resolve(doc);
    const last = i === path.length - 1;
    if (yaml().isMap(node)) {
      const pair = node.items.find((p) => keyText(p.key) === String(seg));
      if (!pair) return label;
      const keyAt = start(pair.key) ?? label;
      if (last && atKey) return keyAt;
      const valueAt = start(pair.value as Node | null);
      if (valueAt === undefined) return keyAt; // `key:` with nothing after it
      node = pair.value;
      label = last ? valueAt : keyAt;
    } else if (yaml().isSeq(node) && typeof seg === 'number') {
      const item: unknown = node.items[seg];
      const itemAt = start(item);
      if (itemAt === undefined) return label;
      node = item;
      label = itemAt;
    } else {
      return label;
    }
  }
  return label;
}

/** `['models', 3, 'sizes', 'default']` → `models[3].sizes.default`. */
export function formatPath(path: readonly Segment[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out === '' ? String(seg) : `.${String(seg)}`;
  }
  return out === '' ? '(root)' : out;
}
