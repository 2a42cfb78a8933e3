import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { WorkTracker } from '../../../src/jobs/work-tracker.js';

/** A logger whose lines are kept. */
function recordingLogger() {
  const lines: Array<{ level: number; msg: string; job?: string }> = [];
  const logger = pino(
    { level: 'trace' },
    { write: (line: string) => void lines.push(JSON.parse(line) as (typeof lines)[number]) },
  );
  return { logger, lines };
}

describe('work tracker', () => {
  it('never works on one job twice at once; the id is free again once the work settled', async () => {
    const { logger } = recordingLogger();
    const work = new WorkTracker(logger);
    let release = () => {};
    const gate = new Promise<void>((r) => {
      release = r;
    });
    let runs = 0;
    const job = async () => {
      runs++;
      await gate;
    };
    expect(work.start('j1', job, 'crashed')).toBe(true);
    expect(work.start('j1', job, 'crashed')).toBe(false);
    expect(work.has('j1')).toBe(true);
    expect(work.size).toBe(1);
    release();
    await work.drain();
    expect(runs).toBe(1);
    expect(work.has('j1')).toBe(false);
    expect(work.start('j1', job, 'crashed')).toBe(true);
    await work.drain();
    expect(runs).toBe(2);
  });

  it('logs failures instead of throwing: job work as errors, side work as warnings', async () => {
    const { logger, lines } = recordingLogger();
    const work = new WorkTracker(logger);
    work.start(
      'j2',
      async () => {
        throw new Error('boom');
      },
      'job crashed',
    );
    work.start(
      'j3',
      () => {
        throw new Error('sync boom');
      },
      'job crashed',
    );
    work.add(Promise.reject(new Error('edit failed')), 'progress not shown');
    work.add(undefined, 'nothing to do');
    await work.drain();
    // 50 = error, 40 = warn; a synchronous throw settles first.
    expect(lines.map((l) => [l.level, l.msg, l.job]).sort()).toEqual([
      [40, 'progress not shown', undefined],
      [50, 'job crashed', 'j2'],
      [50, 'job crashed', 'j3'],
    ]);
  });

  it('drain waits for work started by work it was waiting for', async () => {
    const { logger } = recordingLogger();
    const work = new WorkTracker(logger);
    const done: string[] = [];
    work.start(
      'parent',
      async () => {
        await new Promise((r) => setTimeout(r, 10));
        work.add(
          new Promise((r) => setTimeout(r, 20)).then(() => done.push('child')),
          'child failed',
        );
        done.push('parent');
      },
      'parent failed',
    );
    await work.drain();
    expect(done).toEqual(['parent', 'child']);
  });
});
