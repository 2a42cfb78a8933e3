import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SendPacer } from '../../../../src/bot/transport/send-pacer.js';

describe('send pacer', () => {
  it('spaces calls to the configured rate, counting media-group items', async () => {
    const pacer = new SendPacer(200);
    const t0 = performance.now();
    const times: number[] = [];
    await Promise.all(
      Array.from({ length: 40 }, () =>
        pacer.acquire(1, false).then(() => times.push(performance.now() - t0)),
      ),
    );
    // 40 calls at 200/s: the last starts ~195 ms after the first; never more than 200 in a second.
    expect(Math.max(...times)).toBeGreaterThanOrEqual(190);
    expect(Math.max(...times)).toBeLessThan(600);
    const before = performance.now();
    await pacer.acquire(10, false);
    await pacer.acquire(1, false);
    expect(performance.now() - before).toBeGreaterThanOrEqual(45);
  });

  it('lets replies to users go before queued background sends', async () => {
    const pacer = new SendPacer(100);
    const order: string[] = [];
    const bulk = Array.from({ length: 20 }, (_, i) =>
      pacer.acquire(1, false).then(() => order.push(`bulk${i}`)),
    );
    const reply = pacer.acquire(1, true).then(() => order.push('reply'));
    await Promise.all([...bulk, reply]);
    expect(order.indexOf('reply')).toBeLessThanOrEqual(1);
  });

  it("marks calls through an update's own API as replies: they jump queued bulk sends", async () => {
    const pacer = new SendPacer(100);
    const paced = pacer.transformer();
    const order: string[] = [];
    const sent: unknown[] = [];
    const wire = async (_method: string, payload: unknown) => {
      sent.push(JSON.stringify(payload));
      order.push((payload as { text: string }).text);
      return { ok: true as const, result: true };
    };
    const botApi = (method: string, payload: unknown) =>
      paced(wire as never, method as never, payload as never);
    const updateApi = (method: string, payload: unknown) =>
      pacer.replyTransformer(botApi as never, method as never, payload as never);
    const bulk = Array.from({ length: 20 }, (_, i) =>
      botApi('sendMessage', { chat_id: 1, text: `bulk${i}` }),
    );
    const reply = updateApi('sendMessage', { chat_id: 2, text: 'reply' });
    await Promise.all([...bulk, reply]);
    expect(order.indexOf('reply')).toBeLessThanOrEqual(1);
    // The mark never reaches the wire.
    expect(sent).toContain('{"chat_id":2,"text":"reply"}');
  });

  it('passes other methods through untouched and paces sends', async () => {
    const pacer = new SendPacer(50);
    const t = pacer.transformer();
    const calls: string[] = [];
    const prev = async (method: string) => {
      calls.push(method);
      return { ok: true as const, result: true };
    };
    const t0 = performance.now();
    await Promise.all([
      ...Array.from({ length: 5 }, () => t(prev as never, 'sendMessage', {} as never)),
      t(prev as never, 'getMe', {} as never),
    ]);
    expect(calls).toContain('getMe');
    expect(calls.filter((c) => c === 'sendMessage')).toHaveLength(5);
    // Four gaps of 1.05 s / 50, less the 20% a late timer may make up.
    expect(performance.now() - t0).toBeGreaterThanOrEqual(60);
  });
});

describe('send pacer on a fake clock', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  /** Release times of `n` bulk sends (to `chats`, answered at once), from now. */
  async function releases(pacer: SendPacer, n: number, now: () => number, chats?: number[]) {
    const t0 = now();
    const times: number[] = [];
    const all = Array.from({ length: n }, (_, i) =>
      pacer.acquire(1, false, chats?.[i]).then((finish) => {
        times.push(now() - t0);
        finish();
      }),
    );
    await vi.advanceTimersByTimeAsync(120_000);
    await Promise.all(all);
    return times;
  }

  /**
   * `n` sends through the pacer; each reaches "Telegram" `transit(i)` ms after its release and
   * is answered 2 ms later. Returns release and arrival times on `now`'s clock.
   */
  async function traffic(
    pacer: SendPacer,
    n: number,
    now: () => number,
    transit: (i: number) => number,
    tick?: (step: number) => void,
  ) {
    const released: number[] = [];
    const arrived: number[] = [];
    const all = Array.from({ length: n }, (_, i) =>
      pacer.acquire(1, false).then(async (finish) => {
        released.push(now());
        await new Promise((r) => setTimeout(r, transit(i)));
        arrived.push(now());
        await new Promise((r) => setTimeout(r, 2));
        finish();
      }),
    );
    for (let step = 0; step < 6_000; step++) {
      tick?.(step);
      await vi.advanceTimersByTimeAsync(5);
    }
    await Promise.all(all);
    return { released, arrived: arrived.sort((a, b) => a - b) };
  }

  /** The most arrivals inside any one second. */
  const busiestSecond = (arrived: number[]) => {
    let most = 0;
    for (let i = 0, j = 0; j < arrived.length; j++) {
      while ((arrived[j] as number) - (arrived[i] as number) >= 1000) i++;
      most = Math.max(most, j - i + 1);
    }
    return most;
  };

  it('never lets `rate` + 1 sends arrive within a second, however late some of them leave', async () => {
    const now = () => performance.now();
    const pacer = new SendPacer(30, now);
    // Every 20th call is held up 300 ms between release and arrival (a blocked loop, an upload).
    const { arrived } = await traffic(pacer, 300, now, (i) => (i % 20 === 5 ? 300 : 3));
    expect(arrived).toHaveLength(300);
    expect(busiestSecond(arrived)).toBeLessThanOrEqual(30);
  });

  it('stays close to the limit when timers fire late', async () => {
    let late = 0;
    const now = () => performance.now() + late;
    const pacer = new SendPacer(30, now);
    const { released, arrived } = await traffic(
      pacer,
      300,
      now,
      () => 3,
      (step) => {
        // A busy loop: every timer fires a few ms late, and now and then 100 ms pass blocked.
        if (step % 7 === 0) late += 3;
        if (step % 1_000 === 500) late += 100;
      },
    );
    expect(busiestSecond(arrived)).toBeLessThanOrEqual(30);
    const seconds = ((released.at(-1) as number) - (released[0] as number)) / 1000;
    expect(299 / seconds).toBeGreaterThan(28);
  });

  it('takes a call unanswered for seconds as counted, so it holds nobody back for long', async () => {
    const pacer = new SendPacer(30);
    const hung = await pacer.acquire(1, false);
    const times = await releases(pacer, 60, () => performance.now());
    // The hung call counts as arrived 5 s after it left: the 30th after it waits 6 s, not forever.
    expect(Math.max(...times)).toBeGreaterThanOrEqual(6_000);
    expect(Math.max(...times)).toBeLessThan(8_000);
    hung();
  });

  it('keeps a group chat to 20 messages a minute without holding anyone else back', async () => {
    const pacer = new SendPacer(30);
    const chats = [...Array.from({ length: 25 }, () => -100123), 7, 8, 9];
    const t0 = performance.now();
    const times: number[] = [];
    const all = chats.map((chat, i) =>
      pacer.acquire(1, false, chat).then((finish) => {
        times[i] = performance.now() - t0;
        finish();
      }),
    );
    await vi.advanceTimersByTimeAsync(120_000);
    await Promise.all(all);
    const group = times.slice(0, 25);
    expect(group.filter((t) => t < 60_000)).toHaveLength(20);
    // The 21st goes a minute after the first was answered, not before.
    expect(Math.min(...group.slice(20))).toBeGreaterThanOrEqual(60_000);
    // The private chats queued behind them went at once.
    expect(Math.max(...times.slice(25))).toBeLessThan(2_000);
  });

  it('takes the same share of the group limit as of the bot-wide one (instances split a bot)', async () => {
    const pacer = new SendPacer(15);
    const t0 = performance.now();
    const times: number[] = [];
    const all = Array.from({ length: 12 }, () =>
      pacer.acquire(1, false, -100777).then((finish) => {
        times.push(performance.now() - t0);
        finish();
      }),
    );
    await vi.advanceTimersByTimeAsync(120_000);
    await Promise.all(all);
    expect(times.filter((t) => t < 60_000)).toHaveLength(10);
  });

  it('holds only the chat a 429 named; others keep going', async () => {
    const pacer = new SendPacer(100);
    pacer.penalize(7, 3);
    const times = await releases(pacer, 4, () => performance.now(), [7, 8, 9, 7]);
    // Chats 8 and 9 first (well inside the hold), chat 7's two sends after its 3 s.
    expect(times.filter((t) => t < 1_000)).toHaveLength(2);
    expect(times.filter((t) => t >= 3_000)).toHaveLength(2);
  });

  it('holds everything when a second chat is answered 429 during a hold (the bot-wide limit)', async () => {
    const pacer = new SendPacer(100);
    pacer.penalize(7, 1);
    pacer.penalize(8, 2);
    expect(pacer.congested()).toBe(true);
    const times = await releases(pacer, 3, () => performance.now(), [9, 10, 11]);
    expect(Math.min(...times)).toBeGreaterThanOrEqual(2_000);
    expect(pacer.congested()).toBe(false);
  });

  it("calls one chat congested while it is held or its group's minute is full", async () => {
    const pacer = new SendPacer(30);
    pacer.penalize(7, 2);
    expect(pacer.congested(7)).toBe(true);
    expect(pacer.congested(8)).toBe(false);
    const all = Array.from({ length: 20 }, () =>
      pacer.acquire(1, false, -100555).then((finish) => finish()),
    );
    await vi.advanceTimersByTimeAsync(5_000);
    await Promise.all(all);
    expect(pacer.congested(-100555)).toBe(true);
    expect(pacer.congested(7)).toBe(false);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(pacer.congested(-100555)).toBe(false);
  });

  it('calls itself congested when the queue is seconds long', async () => {
    const pacer = new SendPacer(10);
    const all = Array.from({ length: 30 }, () => pacer.acquire(1, false).then((done) => done()));
    expect(pacer.congested()).toBe(true);
    await vi.advanceTimersByTimeAsync(10_000);
    await Promise.all(all);
    expect(pacer.congested()).toBe(false);
  });

  it('reads a 429 off the answer and holds that chat for its retry_after', async () => {
    const pacer = new SendPacer(100);
    const t = pacer.transformer();
    const prev = async () => ({
      ok: false as const,
      error_code: 429,
      description: 'Too Many Requests: retry after 2',
      parameters: { retry_after: 2 },
    });
    await t(prev as never, 'sendMessage', { chat_id: 5, text: 'x' } as never);
    const times = await releases(pacer, 2, () => performance.now(), [5, 6]);
    expect(times[0]).toBeLessThan(100);
    expect(times[1]).toBeGreaterThanOrEqual(2_000);
  });
});
