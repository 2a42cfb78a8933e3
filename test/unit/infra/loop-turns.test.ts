import { describe, expect, it } from 'vitest';
import { LoopTurns } from '../../../src/infra/loop-turns.js';

describe('loop turns', () => {
  it('gives out one turn per loop iteration, in order, with other work in between', async () => {
    const turns = new LoopTurns();
    const order: string[] = [];
    const all = [0, 1, 2].map((i) => turns.take().then(() => order.push(`turn${i}`)));
    expect(turns.queued).toBe(3);
    // Other work queued after the three: it runs after the first turn, not after all of them.
    setImmediate(() => order.push('other'));
    await Promise.all(all);
    expect(order).toEqual(['turn0', 'other', 'turn1', 'turn2']);
    expect(turns.queued).toBe(0);
  });
});
