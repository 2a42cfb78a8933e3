import { afterAll, beforeAll } from 'vitest';

/**
 * A stand-in object for a fixture that beforeAll fills in later: every property read goes to what
 * `current()` returns at that moment (methods bound to it), so a suite can hold the fixture in a
 * `const` at describe level and still see a bot that was replaced by a restart.
 */
export function readThrough<T extends object>(current: () => T | undefined, what: string): T {
  return new Proxy({} as T, {
    get(_target, key) {
      const now = current();
      if (!now) throw new Error(`${what} is used before beforeAll ran`);
      const value: unknown = Reflect.get(now, key);
      return typeof value === 'function' ? value.bind(now) : value;
    },
  });
}

/**
 * A fixture shared by a describe block: beforeAll starts it and runs `setup` on it, afterAll
 * hands it to `stop` (its own close() by default). The returned object reads through to it (see
 * readThrough).
 */
export function suiteFixture<T extends { close(): Promise<void> }>(
  what: string,
  start: () => Promise<T>,
  {
    setup,
    stop = (fixture) => fixture.close(),
  }: {
    setup?: ((fixture: T) => void | Promise<void>) | undefined;
    stop?: (fixture: T) => Promise<void>;
  } = {},
): T {
  let current: T | undefined;
  beforeAll(async () => {
    current = await start();
    await setup?.(current);
  });
  afterAll(async () => {
    if (current) await stop(current);
  });
  return readThrough(() => current, what);
}
