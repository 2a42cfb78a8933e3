import { describe, expect, it } from 'vitest';
import { checkSupportMessage, SUPPORT_TEXT_MAX } from '../../../src/support/validate.js';

describe('what may go to support', () => {
  it('text, and photos or documents with or without a caption', () => {
    expect(checkSupportMessage({ text: 'help' })).toEqual({ ok: true });
    expect(checkSupportMessage({ photo: [] })).toEqual({ ok: true });
    expect(checkSupportMessage({ document: {}, caption: 'log' })).toEqual({ ok: true });
  });

  it('empty: whitespace and invisible characters only', () => {
    expect(checkSupportMessage({ text: ' \n\t' })).toEqual({ ok: false, reason: 'empty' });
    expect(checkSupportMessage({ text: '\u200b\u200d\ufeff' })).toEqual({
      ok: false,
      reason: 'empty',
    });
  });

  it('too long, counted in characters (not UTF-16 units)', () => {
    expect(checkSupportMessage({ text: '😀'.repeat(SUPPORT_TEXT_MAX) })).toEqual({ ok: true });
    expect(checkSupportMessage({ text: 'x'.repeat(SUPPORT_TEXT_MAX + 1) })).toEqual({
      ok: false,
      reason: 'too_long',
      length: SUPPORT_TEXT_MAX + 1,
      max: SUPPORT_TEXT_MAX,
    });
    expect(
      checkSupportMessage({ photo: [], caption: 'x'.repeat(SUPPORT_TEXT_MAX + 5) }),
    ).toMatchObject({
      reason: 'too_long',
    });
  });

  it('anything else (stickers, voice, video…) is not passed on', () => {
    expect(checkSupportMessage({})).toEqual({ ok: false, reason: 'unsupported' });
    expect(checkSupportMessage({ caption: 'a video caption' })).toEqual({
      ok: false,
      reason: 'unsupported',
    });
  });
});
