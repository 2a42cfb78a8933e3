import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCALES, LOCALES_DIR } from '../../src/bot/i18n.js';

/** Message ids (and their variables) of one locale, from every .ftl file of its folder. */
function readLocale(locale: string): Map<string, Set<string>> {
  const dir = path.join(LOCALES_DIR, locale);
  const messages = new Map<string, Set<string>>();
  let current: Set<string> | undefined;
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.ftl'))) {
    for (const line of fs.readFileSync(path.join(dir, file), 'utf8').split('\n')) {
      const id = /^([a-z][a-z0-9-]*)\s*=/.exec(line)?.[1];
      if (id) {
        if (messages.has(id)) throw new Error(`${locale}/${file}: duplicate message ${id}`);
        current = new Set();
        messages.set(id, current);
      }
      for (const m of line.matchAll(/\{\s*\$([a-zA-Z0-9_-]+)/g)) if (m[1]) current?.add(m[1]);
    }
  }
  return messages;
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('locales', () => {
  const [first, ...rest] = LOCALES;
  const reference = readLocale(first);

  it.each(rest)('%s has exactly the messages and variables of English', (locale) => {
    const other = readLocale(locale);
    expect([...other.keys()].sort()).toEqual([...reference.keys()].sort());
    for (const [id, vars] of reference)
      expect([...(other.get(id) ?? [])].sort(), id).toEqual([...vars].sort());
  });

  it('every message id used in the code exists', () => {
    const used = new Set<string>();
    for (const file of sourceFiles(path.resolve(LOCALES_DIR, '../..'))) {
      const text = fs.readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bt\(\s*'([a-z][a-z0-9-]*)'/g)) if (m[1]) used.add(m[1]);
    }
    expect(used.size).toBeGreaterThan(5);
    expect([...used].filter((id) => !reference.has(id))).toEqual([]);
  });
});
