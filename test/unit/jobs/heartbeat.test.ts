import { describe, expect, it } from 'vitest';
import { heartbeatDelay } from '../../../src/jobs/executor.js';

describe('progress refresh budget', () => {
  it('refreshes every base interval while few calls run', () => {
    expect(heartbeatDelay(5_000, 0, 10)).toBe(5_000);
    expect(heartbeatDelay(5_000, 1, 10)).toBe(5_000);
    expect(heartbeatDelay(5_000, 50, 10)).toBe(5_000);
  });

  it('spreads refreshes out so all running calls stay under the edit budget', () => {
    expect(heartbeatDelay(5_000, 200, 10)).toBe(20_000);
    expect(heartbeatDelay(5_000, 64, 10)).toBe(6_400);
    // 200 calls × one refresh per 20 s = 10 edits a second.
    expect(200 / (heartbeatDelay(5_000, 200, 10) / 1000)).toBeLessThanOrEqual(10);
  });
});
