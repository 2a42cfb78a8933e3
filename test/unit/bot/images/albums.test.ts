import { describe, expect, it } from 'vitest';
import { AlbumCollector, type Timers } from '../../../../src/bot/images/albums.js';

/** Timers driven by hand: `tick(ms)` fires what is due. */
function manualTimers() {
  let now = 0;
  let seq = 0;
  const due = new Map<number, { at: number; fn: () => void }>();
  const timers: Timers = {
    set: (fn, ms) => {
      seq += 1;
      due.set(seq, { at: now + ms, fn });
      return seq;
    },
    clear: (handle) => {
      due.delete(handle as number);
    },
  };
  const tick = (ms: number) => {
    now += ms;
    for (const [id, t] of [...due].sort((a, b) => a[1].at - b[1].at)) {
      if (t.at <= now) {
        due.delete(id);
        t.fn();
      }
    }
  };
  return { timers, tick, pending: () => due.size };
}

describe('album collector', () => {
  const setup = (o: { maxItems?: number; maxGroups?: number } = {}) => {
    const clock = manualTimers();
    const done: Array<[string, string[]]> = [];
    const albums = new AlbumCollector<string>({
      windowMs: 1000,
      timers: clock.timers,
      onComplete: (key, items) => done.push([key, items]),
      ...o,
    });
    return { ...clock, done, albums };
  };

  it('hands a group over once, after the window passed with no new item', () => {
    const { albums, tick, done, pending } = setup();
    albums.add('a', '1');
    tick(600);
    albums.add('a', '2');
    tick(600);
    expect(done).toEqual([]);
    albums.add('a', '3');
    expect(albums.peek('a')).toEqual(['1', '2', '3']);
    tick(999);
    expect(done).toEqual([]);
    tick(1);
    expect(done).toEqual([['a', ['1', '2', '3']]]);
    expect(albums.has('a')).toBe(false);
    expect(pending()).toBe(0);
    tick(5000);
    expect(done).toHaveLength(1);
  });

  it('keeps groups apart', () => {
    const { albums, tick, done } = setup();
    albums.add('a', 'a1');
    albums.add('b', 'b1');
    albums.add('a', 'a2');
    tick(1000);
    expect(done).toEqual([
      ['b', ['b1']],
      ['a', ['a1', 'a2']],
    ]);
  });

  it('drops items past the maximum (Telegram albums have at most 10)', () => {
    const { albums, tick, done } = setup({ maxItems: 2 });
    expect(albums.add('a', '1')).toBe(true);
    expect(albums.add('a', '2')).toBe(true);
    expect(albums.add('a', '3')).toBe(false);
    tick(1000);
    expect(done).toEqual([['a', ['1', '2']]]);
  });

  it('bounds the groups waiting at once: the oldest is handed over early', () => {
    const { albums, done } = setup({ maxGroups: 2 });
    albums.add('a', '1');
    albums.add('b', '1');
    albums.add('c', '1');
    expect(done).toEqual([['a', ['1']]]);
    expect(albums.size).toBe(2);
  });

  it('flushAll hands over everything now', () => {
    const { albums, done, pending } = setup();
    albums.add('a', '1');
    albums.add('b', '1');
    albums.flushAll();
    expect(done.map(([k]) => k)).toEqual(['a', 'b']);
    expect(pending()).toBe(0);
  });
});
