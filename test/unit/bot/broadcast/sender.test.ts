import { GrammyError, HttpError } from 'grammy';
import { describe, expect, it } from 'vitest';
import { classifySendError } from '../../../../src/bot/broadcast/sender.js';

const api = (code: number, description: string, retryAfter?: number) =>
  new GrammyError(
    'Call to copyMessage failed',
    {
      ok: false,
      error_code: code,
      description,
      ...(retryAfter !== undefined ? { parameters: { retry_after: retryAfter } } : {}),
    },
    'copyMessage',
    {},
  );

describe('broadcast: Telegram answers as outcomes', () => {
  it('maps flood, blocked, deleted source, bad chat, outages', () => {
    expect(classifySendError(api(429, 'Too Many Requests: retry after 75', 75))).toEqual({
      kind: 'retry_after',
      seconds: 75,
    });
    expect(classifySendError(api(403, 'Forbidden: bot was blocked by the user'))).toEqual({
      kind: 'blocked',
    });
    expect(classifySendError(api(403, 'Forbidden: user is deactivated'))).toEqual({
      kind: 'blocked',
    });
    expect(classifySendError(api(400, 'Bad Request: message to copy not found'))).toEqual({
      kind: 'source_gone',
    });
    expect(classifySendError(api(400, 'Bad Request: chat not found'))).toEqual({
      kind: 'failed',
      reason: 'Bad Request: chat not found',
    });
    expect(classifySendError(api(502, 'Bad Gateway')).kind).toBe('unavailable');
    expect(
      classifySendError(new HttpError('Network request for copyMessage failed!', new Error('x')))
        .kind,
    ).toBe('unavailable');
  });
});
