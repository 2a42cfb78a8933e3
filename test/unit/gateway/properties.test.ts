import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractChatImages } from '../../../src/gateway/chat-extract.js';
import { classify, GatewayError } from '../../../src/gateway/errors.js';
import { normalizeMjTask, parseSubmitResult } from '../../../src/gateway/mj-normalize.js';
import { normalizeVideoTask } from '../../../src/gateway/video-normalize.js';

const KEY = 'sk-PropertyKey0123456789';
const json = fc.jsonValue();
const status = fc.integer({ min: 100, max: 599 });

/** Either the value parses, or it fails as a typed GatewayError, never anything else. */
function typedOrOk(fn: () => unknown): void {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(GatewayError);
  }
}

describe('properties', () => {
  it('classify never throws, always strips request ids and masks sk- keys', () => {
    fc.assert(
      fc.property(
        status,
        fc.oneof(
          fc.string(),
          json.map((v) => JSON.stringify(v)),
        ),
        fc.string(),
        (s, body, msg) => {
          const withKey = JSON.stringify({
            error: { message: `${msg} ${KEY} (request id: abc)`, code: null },
          });
          for (const b of [body, withKey]) {
            const e = classify(s, b, 'application/json');
            expect(e).toBeInstanceOf(GatewayError);
            expect(e.message).not.toContain(KEY);
            expect(e.message).not.toMatch(/\(request id: [^)]*\)$/);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('normalisers reject garbage only with GatewayError', () => {
    fc.assert(
      fc.property(json, (v) => {
        typedOrOk(() => normalizeVideoTask(v, 'https://gw.example.com'));
        typedOrOk(() => normalizeMjTask(v));
        typedOrOk(() => parseSubmitResult(v, 'POST /mj/submit/imagine'));
        expect(() => extractChatImages(v)).not.toThrow();
      }),
      { numRuns: 150 },
    );
  });

  it('video status is always one of the four values', () => {
    fc.assert(
      fc.property(fc.string(), fc.oneof(fc.integer(), fc.string()), (st, progress) => {
        const t = normalizeVideoTask({ id: 'x', status: st, progress }, 'https://gw');
        expect(['queued', 'running', 'completed', 'failed']).toContain(t.status);
        if (t.progress !== undefined) expect(t.progress).toBeGreaterThanOrEqual(0);
        if (t.progress !== undefined) expect(t.progress).toBeLessThanOrEqual(100);
      }),
    );
  });
});
