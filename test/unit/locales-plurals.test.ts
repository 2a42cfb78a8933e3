import fs from 'node:fs';
import path from 'node:path';
import { FluentResource } from '@fluent/bundle';
import type { Pattern, PatternElement } from '@fluent/bundle/esm/ast.js';
import { describe, expect, it } from 'vitest';
import { LOCALES, LOCALES_DIR } from '../../src/bot/i18n.js';

/**
 * Variables that hold preformatted text, not a count: "12.50 USD", "4 MB", "1:05", a model
 * title, a name. A word after them does not agree with a number. Any variable not listed here
 * is treated as a count, so a new one must either get a plural selector or be added here.
 */
const TEXT_VARS = new Set([
  'action',
  'actor',
  'admin',
  'after',
  'allowed',
  'amount',
  'asked',
  'balance',
  'batch',
  'bonus',
  'bot',
  'charge',
  'chargeId',
  'code',
  'command',
  'codes',
  'contact',
  'cost',
  'created',
  'credit',
  'currency',
  'date',
  'day',
  'detail',
  'durations',
  'elapsed',
  'eta',
  'expiry',
  'extra',
  'factor',
  'family',
  'flag',
  'flags',
  'gateway',
  'hint',
  'icon',
  'id',
  'imagine',
  'job',
  'key',
  'kinds',
  'maxAmount',
  'sizeLimit',
  'language',
  'left',
  'link',
  'masked',
  'message',
  'mode',
  'model',
  'name',
  'names',
  'note',
  'offered',
  'option',
  'price',
  'progress',
  'prompt',
  'query',
  'reason',
  'refund',
  'refunds',
  'remaining',
  'reversed',
  'seen',
  'size',
  'spent',
  'status',
  'taken',
  'task',
  'ticket',
  'title',
  'typed',
  'topups',
  'upscale',
  'url',
  'user',
  'username',
  'value',
  'variation',
  'what',
  'when',
  'word',
]);

/**
 * What may follow a count unchanged: unit abbreviations ("5 min", "5 мин", "5 MB") and "of"
 * ("3 of 10", "3 из 10"). `\b` is ASCII-only in JS, hence the letter lookahead.
 */
const INVARIANT =
  /^\s*(?:%|×|(?:s|min|h|MB|KB|px|с|сек|мин|ч|хв|год|seg|of|из|з|із|de|от)(?!\p{L}))/u;

type Finding = { id: string; variable: string; text: string };

/** Places where a count is directly followed by a word, outside a selector on that count. */
function bareCounts(id: string, pattern: Pattern, selected: ReadonlySet<string>): Finding[] {
  if (typeof pattern === 'string') return [];
  const found: Finding[] = [];
  pattern.forEach((element: PatternElement, i) => {
    if (typeof element === 'string') return;
    if (element.type === 'select') {
      const on = element.selector.type === 'var' ? element.selector.name : undefined;
      const inner = on ? new Set([...selected, on]) : selected;
      for (const variant of element.variants) found.push(...bareCounts(id, variant.value, inner));
      return;
    }
    if (element.type !== 'var' || TEXT_VARS.has(element.name) || selected.has(element.name)) return;
    const next = pattern[i + 1];
    if (typeof next === 'string' && /^\s*\p{L}/u.test(next) && !INVARIANT.test(next))
      found.push({ id, variable: element.name, text: next.slice(0, 30) });
  });
  return found;
}

function findings(locale: string): Finding[] {
  const dir = path.join(LOCALES_DIR, locale);
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.ftl'))
    .flatMap((file) => {
      const resource = new FluentResource(fs.readFileSync(path.join(dir, file), 'utf8'));
      return resource.body.flatMap((message) =>
        message.value && !message.id.startsWith('-')
          ? bareCounts(message.id, message.value, new Set())
          : [],
      );
    });
}

const withPlurals = LOCALES.filter(
  (locale) => new Intl.PluralRules(locale).resolvedOptions().pluralCategories.length > 1,
);

describe('plural forms', () => {
  it.each(withPlurals)('%s puts a plural selector on every count followed by a word', (locale) => {
    expect(findings(locale)).toEqual([]);
  });

  it('catches a bare count (the check itself)', () => {
    const resource = new FluentResource(
      [
        'a = { $count } codes',
        'b = { $count ->',
        '    [one] one code',
        '   *[other] { $count } codes',
        '  }',
        '',
      ].join('\n'),
    );
    const [a, b] = resource.body;
    expect(a?.value && bareCounts('a', a.value, new Set())).toEqual([
      { id: 'a', variable: 'count', text: ' codes' },
    ]);
    expect(b?.value && bareCounts('b', b.value, new Set())).toEqual([]);
  });
});
