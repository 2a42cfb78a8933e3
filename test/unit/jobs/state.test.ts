import { describe, expect, it } from 'vitest';
import { jobStatuses } from '../../../src/db/schema.js';
import { canTransition, isTerminal, recoveryAction } from '../../../src/jobs/state.js';

describe('job state machine', () => {
  it('allows the documented path and nothing out of terminal states', () => {
    expect(canTransition('queued', 'submitting')).toBe(true);
    expect(canTransition('submitting', 'running')).toBe(true);
    expect(canTransition('submitting', 'delivering')).toBe(true);
    expect(canTransition('running', 'delivering')).toBe(true);
    expect(canTransition('delivering', 'done')).toBe(true);
    expect(canTransition('queued', 'done')).toBe(false);
    expect(canTransition('delivering', 'queued')).toBe(false);
    for (const from of jobStatuses.filter(isTerminal)) {
      for (const to of jobStatuses) expect(canTransition(from, to)).toBe(false);
    }
  });

  it.each([
    [{ status: 'queued', family: 'image', upstreamId: null }, 'requeue'],
    [{ status: 'submitting', family: 'image', upstreamId: null }, 'fail_and_refund'],
    [{ status: 'submitting', family: 'midjourney', upstreamId: null }, 'fail_and_refund'],
    [
      { status: 'submitting', family: 'midjourney', upstreamId: '1748339029401828' },
      'resume_polling',
    ],
    [{ status: 'running', family: 'video', upstreamId: 'task_x' }, 'resume_polling'],
    [{ status: 'running', family: 'edit', upstreamId: null }, 'fail_and_refund'],
    [{ status: 'delivering', family: 'image', upstreamId: null }, 'redeliver'],
    [{ status: 'done', family: 'image', upstreamId: null }, 'none'],
  ] as const)('recovers %o as %s', (job, action) => {
    expect(recoveryAction(job)).toBe(action);
  });
});
