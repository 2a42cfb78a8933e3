import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  LANGUAGE_NAMES,
  LOCALES,
  LOCALES_DIR,
  pickLocale,
  translateIn,
} from '../../src/bot/i18n.js';
import { callbackData } from '../../src/bot/transport/callback-data.js';

/** Midjourney's own speed names, the same in every locale. */
const KEPT_AS_IS = new Set(['mj-mode-fast', 'mj-mode-relax', 'mj-mode-turbo']);

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

  it.each(rest)(
    '%s renders every message, with no missing variable or English fallback',
    (locale) => {
      for (const [id, vars] of readLocale(locale)) {
        const args = Object.fromEntries([...vars].map((v) => [v, 2]));
        const text = translateIn(locale as (typeof LOCALES)[number], id, args);
        // A missing message renders as `{id}`.
        expect(text, id).not.toBe(`{${id}}`);
        expect(text, id).not.toMatch(/\{\s*\$|\{\?\?\?\}/);
        const english = translateIn('en', id, args);
        const words = english.replace(/<[^>]+>|\/[a-z_]+|--[a-z]+/g, '').match(/\b[a-z]{4,}\b/g);
        // Identical to English although English has words in it: an untranslated (fallback) text.
        if (words && !KEPT_AS_IS.has(id)) expect(text, id).not.toBe(english);
      }
    },
  );

  it('each language is offered under its own name, and Telegram codes find it', () => {
    expect(Object.keys(LANGUAGE_NAMES)).toEqual([...LOCALES]);
    for (const locale of LOCALES) expect(callbackData('lang', locale).length).toBeLessThan(64);
    const picks: Record<string, string> = {
      es: 'es',
      'es-419': 'es',
      ca: 'es',
      'pt-br': 'pt-BR',
      pt: 'pt-BR',
      'pt-PT': 'pt-BR',
      uk: 'uk',
      be: 'ru',
      kk: 'ru',
      ru: 'ru',
      'zh-hans': 'zh',
      de: 'en',
      '': 'en',
    };
    for (const [code, locale] of Object.entries(picks)) expect(pickLocale(code), code).toBe(locale);
  });

  it('every message id used in the code exists', () => {
    const used = new Set<string>();
    for (const file of sourceFiles(path.resolve(LOCALES_DIR, '../..'))) {
      const text = fs.readFileSync(file, 'utf8');
      // t('key'), t(locale, 'key'), t('en', 'key'): the id is the last quoted argument before a comma or paren.
      for (const m of text.matchAll(
        /\bt\(\s*(?:(?:'[a-z]{2}(?:-[A-Z]{2})?'|[a-zA-Z_.]+),\s*)?'([a-z][a-z0-9-]*)'/g,
      ))
        if (m[1]) used.add(m[1]);
    }
    expect(used.size).toBeGreaterThan(5);
    expect([...used].filter((id) => !reference.has(id))).toEqual([]);
  });
});
