import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { BaseContext } from '../../../src/bot/context.js';
import { type Locale, Translations } from '../../../src/bot/i18n.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'genbot-i18n-'));
const files: Record<string, string> = {
  'en/a.ftl': 'hello = Hello, { $name }!\nonly-en = Only in English\n',
  'en/b.ftl': 'items = { $n ->\n    [one] { $n } item\n   *[other] { $n } items\n}\n',
  'ru/a.ftl': 'hello = Привет, { $name }!\n',
  'ru/b.ftl':
    'items = { $n ->\n    [one] { $n } штука\n    [few] { $n } штуки\n   *[many] { $n } штук\n}\n',
};
for (const [name, text] of Object.entries(files)) {
  fs.mkdirSync(path.join(dir, path.dirname(name)), { recursive: true });
  fs.writeFileSync(path.join(dir, name), text);
}
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('Translations', () => {
  it('formats in the locale, every file of its folder, with no isolation marks', () => {
    const i18n = new Translations(dir);
    expect(i18n.t('ru', 'hello', { name: 'Аня' })).toBe('Привет, Аня!');
    expect(i18n.t('ru', 'items', { n: 3 })).toBe('3 штуки');
    expect(i18n.t('ru', 'items', { n: 5 })).toBe('5 штук');
    expect(i18n.t('en', 'items', { n: 1 })).toBe('1 item');
  });

  it('falls back to English for a missing message or an unknown locale, then to {key}', () => {
    const i18n = new Translations(dir);
    expect(i18n.t('ru', 'only-en')).toBe('Only in English');
    expect(i18n.t('xx', 'hello', { name: 'A' })).toBe('Hello, A!');
    expect(i18n.t('ru', 'nowhere')).toBe('{nowhere}');
  });

  it('negotiates the reader’s locale only when the update needs a text, and once', async () => {
    let asked = 0;
    const i18n = new Translations(dir, () => {
      asked++;
      return 'ru' as Locale;
    });
    const run = async (use: (ctx: BaseContext) => void) => {
      const ctx = {} as BaseContext;
      await i18n.middleware()(ctx, async () => use(ctx));
    };
    await run(() => {});
    expect(asked).toBe(0);
    await run((ctx) => {
      expect(ctx.t('hello', { name: 'Б' })).toBe('Привет, Б!');
      expect(ctx.i18n.getLocale()).toBe('ru');
      ctx.i18n.useLocale('en');
      expect(ctx.t('hello', { name: 'B' })).toBe('Hello, B!');
    });
    expect(asked).toBe(1);
  });

  it('refuses a broken file at load, naming it', () => {
    const broken = fs.mkdtempSync(path.join(os.tmpdir(), 'genbot-i18n-bad-'));
    fs.mkdirSync(path.join(broken, 'en'));
    fs.writeFileSync(path.join(broken, 'en', 'x.ftl'), 'a = one\na = two\n');
    try {
      expect(() => new Translations(broken).t('en', 'a')).toThrow(/en\/x\.ftl/);
    } finally {
      fs.rmSync(broken, { recursive: true, force: true });
    }
  });
});
