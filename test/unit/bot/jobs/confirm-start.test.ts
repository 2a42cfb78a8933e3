import { describe, expect, it } from 'vitest';
import {
  confirmButton,
  needsConfirm,
  parseConfirmButton,
} from '../../../../src/bot/jobs/confirm-start.js';

describe('CONFIRM_ABOVE questions', () => {
  it('asks only for the balance, strictly above the threshold', () => {
    expect(needsConfirm(undefined, 'balance', 1_000)).toBe(false);
    expect(needsConfirm(50, 'balance', 50)).toBe(false);
    expect(needsConfirm(50, 'balance', 51)).toBe(true);
    expect(needsConfirm(50, 'own_key', 1_000)).toBe(false);
    expect(needsConfirm(0, 'balance', 1)).toBe(true);
  });

  it('buttons round-trip; forged data is refused', () => {
    expect(parseConfirmButton(confirmButton('AbCd_-12', 'go'))).toEqual({
      id: 'AbCd_-12',
      choice: 'go',
    });
    for (const forged of ['jc:AbCd_-12:yes', 'jc:short:go', 'jc:AbCd_-12:go:x', 'j:AbCd_-12:go'])
      expect(parseConfirmButton(forged)).toBeUndefined();
  });
});
