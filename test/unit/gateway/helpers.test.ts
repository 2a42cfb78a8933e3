import { describe, expect, it } from 'vitest';
import { quotaFrom } from '../../../src/gateway/billing.js';
import { carriesError } from '../../../src/gateway/context.js';
import { parseImageResponse } from '../../../src/gateway/images.js';
import {
  decodeBase64,
  parseDataUrl,
  sniffBase64Mime,
  sniffMime,
  toDataUrl,
} from '../../../src/gateway/mime.js';
import { parseModels } from '../../../src/gateway/models.js';
import { backoffMs, DEFAULT_RETRY, parseRetryAfter } from '../../../src/gateway/retry.js';

const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(16),
]);

describe('mime', () => {
  it('sniffs magic bytes', () => {
    expect(sniffMime(PNG)).toBe('image/png');
    expect(sniffMime(Buffer.from([0xff, 0xd8, 0xff, 0xdb]))).toBe('image/jpeg');
    expect(sniffMime(Buffer.from('GIF89a'))).toBe('image/gif');
    expect(sniffMime(Buffer.concat([Buffer.alloc(4), Buffer.from('ftypisom')]))).toBe('video/mp4');
    // Sound files lip sync takes: MP3 (ID3 tag or a bare frame), M4A, WAV, ADTS AAC.
    expect(sniffMime(Buffer.from('ID3\u0004\u0000'))).toBe('audio/mpeg');
    expect(sniffMime(Buffer.from([0xff, 0xfb, 0x90, 0x64]))).toBe('audio/mpeg');
    expect(sniffMime(Buffer.concat([Buffer.alloc(4), Buffer.from('ftypM4A ')]))).toBe('audio/mp4');
    expect(sniffMime(Buffer.from('RIFF\u0000\u0000\u0000\u0000WAVEfmt '))).toBe('audio/wav');
    expect(sniffMime(Buffer.from([0xff, 0xf1, 0x50, 0x80]))).toBe('audio/aac');
    expect(sniffMime(Buffer.from('hello world!'))).toBeUndefined();
    expect(sniffMime(Buffer.alloc(0))).toBeUndefined();
    expect(sniffBase64Mime(PNG.toString('base64'))).toBe('image/png');
  });
  it('data URLs round-trip; empty or invalid ones are rejected', () => {
    const url = toDataUrl(PNG, 'image/png');
    expect(parseDataUrl(url)).toEqual({ mime: 'image/png', data: PNG });
    expect(parseDataUrl(`data:;base64,${PNG.toString('base64')}`)?.mime).toBe('image/png');
    expect(parseDataUrl('data:image/png;base64,')).toBeUndefined();
    expect(parseDataUrl('data:image/png;base64,@@@')).toBeUndefined();
    expect(parseDataUrl('https://x')).toBeUndefined();
    expect(decodeBase64('  ')).toBeUndefined();
  });
});

describe('retry helpers', () => {
  it('parses Retry-After seconds and dates', () => {
    expect(parseRetryAfter('3')).toBe(3);
    expect(parseRetryAfter(undefined)).toBeUndefined();
    expect(parseRetryAfter('soon')).toBeUndefined();
    const now = Date.parse('2025-01-01T00:00:00Z');
    expect(parseRetryAfter('Wed, 01 Jan 2025 00:00:05 GMT', now)).toBe(5);
  });
  it('backoff grows and is capped', () => {
    const p = { ...DEFAULT_RETRY, baseDelayMs: 100, maxDelayMs: 1000 };
    expect(backoffMs(0, p, () => 1)).toBe(100);
    expect(backoffMs(2, p, () => 1)).toBe(400);
    expect(backoffMs(10, p, () => 1)).toBe(1000);
    expect(backoffMs(0, p, () => 0)).toBe(50);
  });
});

describe('carriesError', () => {
  it.each([
    [{ error: { message: 'x', type: 'upstream_error' } }, true],
    [{ error: 'midjourney_task_not_found' }, true],
    [{ code: 'task_not_exist', message: 'task_not_exist', data: null }, true],
    [{ success: false, message: 'no' }, true],
    [{ code: 'success', message: '', data: {} }, false],
    [{ id: 'v', status: 'failed', error: { message: 'blocked' } }, false],
    [{ task_id: 'v', status: 'completed', error: { code: 0, message: '' } }, false],
    [{ code: 24, description: 'x' }, false],
    [[], false],
    [null, false],
  ])('%j → %s', (body, expected) => {
    expect(carriesError(body)).toBe(expected);
  });
});

describe('parseImageResponse', () => {
  const route = 'POST /v1/images/generations';
  it('url, b64 and converted bodies with empty strings', () => {
    const b64 = PNG.toString('base64');
    const r = parseImageResponse(
      {
        created: 1,
        data: [
          { url: 'https://x/1.png', revised_prompt: 'A vivid fox' },
          { url: '', b64_json: b64, revised_prompt: '' },
          {
            url: null,
            b64_json: `data:image/jpeg;base64,${Buffer.from([0xff, 0xd8, 0xff, 1]).toString('base64')}`,
          },
          { url: '', b64_json: '' },
        ],
      },
      route,
    );
    expect(r.revisedPrompt).toBe('A vivid fox');
    expect(r.images).toHaveLength(3);
    expect(r.images[0]).toEqual({ kind: 'url', url: 'https://x/1.png' });
    expect(r.images[1]).toMatchObject({ kind: 'bytes', mime: 'image/png' });
    expect(r.images[2]).toMatchObject({ kind: 'bytes', mime: 'image/jpeg' });
  });
  it('no image or wrong shape is malformed', () => {
    expect(() => parseImageResponse({ data: [] }, route)).toThrow(
      expect.objectContaining({ kind: 'malformed' }),
    );
    expect(() => parseImageResponse({ data: [{ url: '' }] }, route)).toThrow(
      expect.objectContaining({ kind: 'malformed' }),
    );
    expect(() => parseImageResponse({ created: 1 }, route)).toThrow(
      expect.objectContaining({ kind: 'malformed' }),
    );
  });
});

describe('parseModels', () => {
  it('accepts one-api and new-api shapes', () => {
    expect(
      parseModels({ object: 'list', data: [{ id: 'flux', object: 'model' }, { id: 'dall-e-3' }] }),
    ).toEqual(['flux', 'dall-e-3']);
    expect(
      parseModels({
        success: true,
        data: [
          { id: 'mj_imagine', root: 'mj_imagine', parent: null },
          { id: '' },
          { id: 'mj_imagine' },
        ],
      }),
    ).toEqual(['mj_imagine']);
    expect(parseModels({ data: null })).toEqual([]);
    expect(parseModels(['a', 'b'])).toEqual(['a', 'b']);
    expect(() => parseModels('x')).toThrow(expect.objectContaining({ kind: 'malformed' }));
  });
});

describe('quotaFrom (§5)', () => {
  it('limited key: usage is in cents', () => {
    const q = quotaFrom(
      {
        object: 'billing_subscription',
        has_payment_method: true,
        soft_limit_usd: 12.5,
        hard_limit_usd: 12.5,
        system_hard_limit_usd: 12.5,
        access_until: 0,
      },
      { object: 'list', total_usage: 250.0 },
    );
    expect(q).toEqual({ unlimited: false, totalUsd: 12.5, usedUsd: 2.5, remainingUsd: 10 });
  });
  it('unlimited key and expiry', () => {
    const q = quotaFrom(
      { hard_limit_usd: 100000000, access_until: 1767225600 },
      { total_usage: 0 },
    );
    expect(q.unlimited).toBe(true);
    expect(q.accessUntil?.toISOString()).toBe('2026-01-01T00:00:00.000Z');
  });
  it('never negative; numeric strings accepted', () => {
    expect(quotaFrom({ hard_limit_usd: '1' }, { total_usage: '500' }).remainingUsd).toBe(0);
  });
});
