import { describe, expect, it } from 'vitest';
import { MAX_CODE_USES, MAX_MINT_COUNT } from '../../../../src/billing/redeem-codes.js';
import {
  ADMIN_MAX_MAJOR,
  adminMaxAmount,
  MAX_NOTE_LENGTH,
  parseCodesArgs,
  parseCreditArgs,
  parseExpiry,
  splitArgs,
} from '../../../../src/bot/money/args.js';

const NOW = Date.UTC(2026, 10, 23, 12, 0, 0); // 2026-11-23 12:00 UTC
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('parseExpiry', () => {
  it.each([
    ['90m', NOW + 90 * 60_000],
    ['90min', NOW + 90 * 60_000],
    ['12h', NOW + 12 * HOUR],
    ['30d', NOW + 30 * DAY],
    ['30D', NOW + 30 * DAY],
    ['2w', NOW + 14 * DAY],
  ])('%s is that long from now', (text, expected) => {
    expect(parseExpiry(text, NOW)).toEqual({ ok: true, expiresAt: expected });
  });

  it('a date is valid through that day, UTC', () => {
    expect(parseExpiry('2026-12-31', NOW)).toEqual({ ok: true, expiresAt: Date.UTC(2027, 0, 1) });
    expect(parseExpiry('2026-11-23', NOW)).toEqual({ ok: true, expiresAt: Date.UTC(2026, 10, 24) });
  });

  it.each(['never', 'none', '-', '0', 'NEVER'])('%s means no expiry', (text) => {
    expect(parseExpiry(text, NOW)).toEqual({ ok: true, expiresAt: null });
  });

  it.each([
    '2026-11-22', // yesterday
    '2026-02-30', // no such day
    '2026-13-01',
    '0d',
    '-5d',
    '5y',
    '3651d', // more than ten years
    '2040-01-01',
    'tomorrow',
    '',
    '1.5d',
  ])('refuses %j', (text) => {
    expect(parseExpiry(text, NOW)).toEqual({ ok: false });
  });
});

describe('splitArgs', () => {
  it('splits on any whitespace and drops empties', () => {
    expect(splitArgs('  10\t5\n 3  ')).toEqual(['10', '5', '3']);
    expect(splitArgs('')).toEqual([]);
  });
});

describe('parseCodesArgs', () => {
  const parse = (text: string, decimals = 2) => parseCodesArgs(text, decimals, NOW);

  it('count and amount in major units, single use and no expiry by default', () => {
    expect(parse('10 5')).toEqual({
      ok: true,
      value: { count: 10, amount: 500, maxUses: 1, expiresAt: null },
    });
    expect(parse('1 2.50')).toMatchObject({ ok: true, value: { amount: 250 } });
    expect(parse('1 2,5')).toMatchObject({ ok: true, value: { amount: 250 } });
    expect(parse('1 7', 0)).toMatchObject({ ok: true, value: { amount: 7 } });
  });

  it('uses and expiry; with three arguments a non-number is the expiry', () => {
    expect(parse('2 5 100 30d')).toEqual({
      ok: true,
      value: { count: 2, amount: 500, maxUses: 100, expiresAt: NOW + 30 * DAY },
    });
    expect(parse('2 5 100')).toMatchObject({ ok: true, value: { maxUses: 100, expiresAt: null } });
    expect(parse('2 5 12h')).toMatchObject({
      ok: true,
      value: { maxUses: 1, expiresAt: NOW + 12 * HOUR },
    });
    expect(parse('2 5 1 never')).toMatchObject({ ok: true, value: { expiresAt: null } });
  });

  it.each(['', '10', '1 2 3 4 5'])('%j is a usage error', (text) => {
    expect(parse(text)).toEqual({ ok: false, error: 'usage' });
  });

  it.each(['0 5', `${MAX_MINT_COUNT + 1} 5`, 'ten 5', '-1 5', '1.5 5', '99999999999 5'])(
    '%j has a bad count',
    (text) => {
      expect(parse(text)).toEqual({ ok: false, error: 'count' });
    },
  );

  it('refuses bad amounts with the reason', () => {
    expect(parse('1 abc')).toEqual({
      ok: false,
      error: 'amount',
      reason: 'not_a_number',
      value: 'abc',
    });
    expect(parse('1 -5')).toMatchObject({ error: 'amount', reason: 'negative' });
    expect(parse('1 0')).toMatchObject({ error: 'amount', reason: 'zero' });
    expect(parse('1 0.0001')).toMatchObject({ error: 'amount', reason: 'too_many_decimals' });
    expect(parse('1 1,000')).toMatchObject({ error: 'amount', reason: 'ambiguous' });
    expect(parse(`1 ${ADMIN_MAX_MAJOR + 1}`)).toMatchObject({
      error: 'amount',
      reason: 'too_large',
    });
    expect(parse(`1 ${ADMIN_MAX_MAJOR}`)).toMatchObject({ ok: true });
  });

  it.each(['1 5 0', `1 5 ${MAX_CODE_USES + 1}`, '1 5 x 30d', '1 5 1.5 30d'])(
    '%j has bad uses',
    (text) => {
      expect(parse(text)).toEqual({ ok: false, error: 'uses' });
    },
  );

  it('refuses a bad expiry with the value', () => {
    expect(parse('1 5 yesterday')).toEqual({ ok: false, error: 'expiry', value: 'yesterday' });
    expect(parse('1 5 2 2020-01-01')).toEqual({ ok: false, error: 'expiry', value: '2020-01-01' });
  });
});

describe('parseCreditArgs', () => {
  it('user, signed amount and the rest of the line as the note', () => {
    expect(parseCreditArgs('@ann 5 compensation for  the outage', 2)).toEqual({
      ok: true,
      value: { user: '@ann', amount: 500, note: 'compensation for  the outage' },
    });
    expect(parseCreditArgs('123 -2.5', 2)).toEqual({
      ok: true,
      value: { user: '123', amount: -250 },
    });
    expect(parseCreditArgs('123 +1', 2)).toMatchObject({ ok: true, value: { amount: 100 } });
  });

  it('cuts long notes', () => {
    const r = parseCreditArgs(`1 1 ${'x'.repeat(500)}`, 2);
    expect(r.ok && r.value.note?.length).toBe(MAX_NOTE_LENGTH);
  });

  it.each(['', '123', '   '])('%j is a usage error', (text) => {
    expect(parseCreditArgs(text, 2)).toEqual({ ok: false, error: 'usage' });
  });

  it('refuses zero, junk and absurd amounts', () => {
    expect(parseCreditArgs('1 0', 2)).toMatchObject({ error: 'amount', reason: 'zero' });
    expect(parseCreditArgs('1 five', 2)).toMatchObject({ error: 'amount', reason: 'not_a_number' });
    expect(parseCreditArgs('1 -99999999', 2)).toMatchObject({
      error: 'amount',
      reason: 'too_large',
    });
    expect(parseCreditArgs('1 1e9', 2)).toMatchObject({ error: 'amount', reason: 'not_a_number' });
  });

  it('the admin limit scales with the currency decimals and stays within MAX_AMOUNT', () => {
    expect(adminMaxAmount(0)).toBe(ADMIN_MAX_MAJOR);
    expect(adminMaxAmount(2)).toBe(ADMIN_MAX_MAJOR * 100);
    expect(adminMaxAmount(6)).toBeLessThanOrEqual(1_000_000_000_000);
  });
});
