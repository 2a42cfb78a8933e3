import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CODE_ALPHABET,
  CODE_LENGTH,
  CODE_RANDOM_LENGTH,
  checkSymbol,
  formatCode,
  generateCode,
  looksLikeCode,
  normalizeCode,
  parseCode,
} from '../../../src/billing/code-format.js';

const SHAPE = /^[2-9A-HJKMNP-Z]{4}(?:-[2-9A-HJKMNP-Z]{4}){5}$/;

describe('redeem code format', () => {
  it('uses a readable 31-symbol alphabet and carries at least 100 random bits', () => {
    expect(CODE_ALPHABET).toHaveLength(31);
    expect(CODE_ALPHABET).not.toMatch(/[01OIL]/);
    expect(new Set(CODE_ALPHABET).size).toBe(31);
    expect(CODE_RANDOM_LENGTH * Math.log2(CODE_ALPHABET.length)).toBeGreaterThanOrEqual(100);
  });

  it('generates grouped codes with a valid check symbol, all distinct', () => {
    const codes = Array.from({ length: 2000 }, generateCode);
    for (const code of codes) {
      expect(code).toMatch(SHAPE);
      expect(parseCode(code)).toEqual({ ok: true, code: code.replaceAll('-', '') });
    }
    expect(new Set(codes).size).toBe(codes.length);
    // Every symbol shows up (crude check that randomInt covers the alphabet).
    expect(new Set(codes.join('').replaceAll('-', ''))).toEqual(new Set(CODE_ALPHABET));
  });

  it('catches every single-symbol substitution and every adjacent transposition', () => {
    for (let n = 0; n < 40; n++) {
      const compact = normalizeCode(generateCode());
      for (let i = 0; i < CODE_LENGTH; i++) {
        for (const sub of CODE_ALPHABET) {
          if (sub === compact[i]) continue;
          const typo = compact.slice(0, i) + sub + compact.slice(i + 1);
          expect(parseCode(typo), typo).toEqual({ ok: false, reason: 'bad_checksum' });
        }
        if (i + 1 < CODE_LENGTH && compact[i] !== compact[i + 1]) {
          const swapped = compact.slice(0, i) + compact[i + 1] + compact[i] + compact.slice(i + 2);
          expect(parseCode(swapped), swapped).toEqual({ ok: false, reason: 'bad_checksum' });
        }
      }
    }
  });

  it('computes the check symbol so the weighted sum is 0 mod 31 (any body)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...CODE_ALPHABET), { minLength: 23, maxLength: 23 }),
        (chars) => {
          const body = chars.join('');
          expect(parseCode(body + checkSymbol(body)).ok).toBe(true);
        },
      ),
    );
  });

  it('normalises case, separators, full-width and look-alike letters', () => {
    const code = generateCode();
    const compact = code.replaceAll('-', '');
    const variants = [
      code.toLowerCase(),
      ` ${code.replaceAll('-', ' ')} `,
      code.replaceAll('-', '—'),
      code.replaceAll('-', '–'),
      code.replaceAll('-', '\u2011'),
      compact,
      compact.replace(/(.{4})/g, '$1\u200b'),
      // Full-width forms, as some mobile keyboards produce.
      [...code]
        .map((c) => (c === '-' ? c : String.fromCharCode(c.charCodeAt(0) + 0xfee0)))
        .join(''),
    ];
    for (const v of variants) expect(parseCode(v), v).toEqual({ ok: true, code: compact });
    // Cyrillic capitals that look Latin (a Russian keyboard layout).
    expect(normalizeCode('АВЕКМНРСТХ')).toBe('ABEKMHPCTX');
    expect(normalizeCode('авекмнрстх')).toBe('ABEKMHPCTX');
  });

  it('reports malformed input without guessing', () => {
    const compact = normalizeCode(generateCode());
    for (const bad of [
      '',
      'hello',
      compact.slice(1),
      `${compact}A`,
      `O${compact.slice(1)}`,
      `0${compact.slice(1)}`,
      `I${compact.slice(1)}`,
      `1${compact.slice(1)}`,
      `L${compact.slice(1)}`,
    ]) {
      expect(parseCode(bad), bad).toEqual({ ok: false, reason: 'malformed' });
    }
  });

  it('formats compact codes in groups of four', () => {
    expect(formatCode('ABCDEFGHJKMNPQRSTUVWXYZ2')).toBe('ABCD-EFGH-JKMN-PQRS-TUVW-XYZ2');
  });

  it('recognises a pasted code but not ordinary prompts', () => {
    const code = generateCode();
    for (const text of [
      code,
      code.toLowerCase(),
      ` ${code}\n`,
      code.replaceAll('-', ' '),
      code.replaceAll('-', '—'),
    ]) {
      expect(looksLikeCode(text), text).toBe(true);
    }
    // A mistyped code is still "a code" so the user hears about the checksum.
    expect(looksLikeCode(`${code.slice(0, -1)}${code.endsWith('A') ? 'B' : 'A'}`)).toBe(true);
    for (const text of [
      'a cat in space',
      'ABCDEFGHJKMNPQRSTUVWXYZA', // 24 letters, no digit, no groups
      `my code is ${code}`,
      `${code}-ABCD`,
      code.slice(0, -5),
      'https://example.com/ABCD-EFGH',
      'sk-abcdefghijklmnopqrstu',
      '',
    ]) {
      expect(looksLikeCode(text), text).toBe(false);
    }
    expect(looksLikeCode(code.replaceAll('-', ''))).toBe(/\d/.test(code));
  });
});
