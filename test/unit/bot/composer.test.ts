import { type Context, Composer as GrammyComposer } from 'grammy';
import { describe, expect, it, vi } from 'vitest';
import { Composer } from '../../../src/bot/composer.js';

type Ctx = Context & { seen: string[] };
const ctx = () => ({ seen: [] as string[] }) as unknown as Ctx;
const run = (c: Composer<Ctx>, context: Ctx) =>
  c.middleware()(context, async () => {
    context.seen.push('next');
  });

describe('the cheaper branch behind every filter', () => {
  it('is the one grammY’s composers (and so Bot) use', () => {
    expect(Composer).toBe(GrammyComposer);
    expect(Composer.prototype.use.toString()).toContain('handler');
    const lazy = vi.spyOn(GrammyComposer.prototype, 'lazy');
    new Composer<Ctx>().filter(
      () => true,
      () => {},
    );
    expect(lazy).not.toHaveBeenCalled();
    lazy.mockRestore();
  });

  it('routes on sync and async predicates, passing on to next on false', async () => {
    const c = new Composer<Ctx>();
    c.filter(
      () => false,
      (x) => void x.seen.push('no'),
    );
    c.filter(
      async () => false,
      (x) => void x.seen.push('no async'),
    );
    c.filter(
      async () => true,
      async (x, next) => {
        x.seen.push('yes async');
        await next();
      },
    );
    c.filter(
      () => true,
      (x) => void x.seen.push('yes'),
    );
    const context = ctx();
    await run(c, context);
    expect(context.seen).toEqual(['yes async', 'yes']);
  });

  it('reads a composer side when called: handlers added after the filter count', async () => {
    const c = new Composer<Ctx>();
    const branch = c.filter(() => true);
    branch.use((x) => void x.seen.push('added later'));
    const context = ctx();
    await run(c, context);
    expect(context.seen).toEqual(['added later']);
  });

  it('takes arrays as either side, as grammY’s does', async () => {
    const c = new Composer<Ctx>();
    c.branch(
      () => false,
      [],
      [
        async (x, next) => {
          x.seen.push('a');
          await next();
        },
        (x) => void x.seen.push('b'),
      ],
    );
    const context = ctx();
    await run(c, context);
    expect(context.seen).toEqual(['a', 'b']);
  });

  it('lets a predicate’s error reach the caller', async () => {
    const c = new Composer<Ctx>();
    c.filter(() => {
      throw new Error('sync boom');
    });
    await expect(run(c, ctx())).rejects.toThrow('sync boom');
    const d = new Composer<Ctx>();
    d.filter(async () => {
      throw new Error('async boom');
    });
    await expect(run(d, ctx())).rejects.toThrow('async boom');
  });

  it('answers with a promise at every link, refuses a second next, rejects on a throw', async () => {
    const c = new Composer<Ctx>();
    let fromNext: unknown;
    c.use((_x, next) => {
      fromNext = next();
      return fromNext as Promise<void>;
    });
    c.use((x) => void x.seen.push('sync end'));
    const context = ctx();
    const whole = run(c, context);
    expect(whole).toBeInstanceOf(Promise);
    await whole;
    expect(fromNext).toBeInstanceOf(Promise);
    expect(context.seen).toEqual(['sync end']);

    const twice = new Composer<Ctx>();
    twice.use(async (_x, next) => {
      await next();
      await next();
    });
    twice.use(() => {});
    await expect(run(twice, ctx())).rejects.toThrow('`next` already called before!');

    const throwing = new Composer<Ctx>();
    throwing.use(() => {
      throw new Error('sync middleware');
    });
    await expect(run(throwing, ctx())).rejects.toThrow('sync middleware');
  });
});
