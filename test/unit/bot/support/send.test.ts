import { describe, expect, it } from 'vitest';
import { translator } from '../../../../src/bot/i18n.js';
import { supportResultText } from '../../../../src/bot/support/send.js';

describe('what the user is told after sending to support', () => {
  const en = translator('en');
  const ru = translator('ru');

  it('names another way to write only when the operator configured one', () => {
    expect(supportResultText(en, { kind: 'failed' }, '@desk')).toMatch(/or write to @desk\.$/);
    expect(supportResultText(en, { kind: 'failed' }, undefined)).toBe(
      '⚠️ I could not reach support right now. Please try again later.',
    );
    expect(supportResultText(ru, { kind: 'failed' }, undefined)).not.toContain('{');
    expect(supportResultText(en, { kind: 'unconfigured' }, '@desk')).toContain('Support: @desk');
    expect(supportResultText(en, { kind: 'unconfigured' }, undefined)).toMatch(
      /Support is not set up/,
    );
    expect(supportResultText(ru, { kind: 'unconfigured' }, undefined)).toMatch(/не настроена/);
  });
});
