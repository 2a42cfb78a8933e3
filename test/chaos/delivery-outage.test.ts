import { expect, it } from 'vitest';
import { balanceOf, fund, jobsOf, until } from '../bot/images/helpers.js';
import { useRedisPair } from '../helpers/redis-pair.js';
import { describeRedis } from '../helpers/services.js';

/*
 * Production timing scaled down 25×: sweeps every 5 s → 200 ms, a failed send waits 30 s × the
 * attempts → 1.2 s × the attempts (five attempts over 12 s instead of 5 min). The outage lasts
 * 2.5 s, the scaled 60 s: far longer than the 4–5 sweeps (~1 s, the old ~25 s) in which an
 * orphan sweep that ignored the back-off used up every attempt.
 */
const SWEEP_MS = 200;
const STEP_MS = 1_200;
const OUTAGE_MS = 2_500;
const USERS = 4;

describeRedis('chaos: Telegram down for a while, two instances on one Redis', () => {
  const pair = useRedisPair({
    name: 'outage',
    env: { GENERATION_RATE_PER_MINUTE: '100' },
    otherEnv: { TELEGRAM_SEND_RATE: '1000' },
    app: { executor: { sweepMs: SWEEP_MS, deliveryRetryStepMs: STEP_MS } },
  });

  it('every result is delivered once after the outage; nothing is refunded', async () => {
    const db = pair.bot.app.deps.db;
    pair.bot.tg.failEvery('sendPhoto', 1, {
      error_code: 400,
      description: 'Bad Request: injected outage',
    });
    const people = Array.from({ length: USERS }, (_, i) => {
      const user = pair.bot.tg.user({ language_code: 'en' });
      fund(pair.bot.app, user.id, 100);
      user.send(`an outage fox ${i}`);
      return user;
    });
    const jobStates = () =>
      JSON.stringify(
        people.map((u) => {
          const job = jobsOf(pair.bot.app, u.id)[0];
          return job && [job.status, job.attempts, job.leaseOwner, job.nextPollAt, job.errorCode];
        }),
      );
    // The outage starts with the first failed send of every result.
    await until(
      () => people.every((u) => (jobsOf(pair.bot.app, u.id)[0]?.attempts ?? 0) >= 2),
      // A wait, not a timing claim: under a full parallel suite on two cores it took >30 s once.
      60_000,
      () => `a failed send of every result; jobs: ${jobStates()}`,
    );
    await new Promise((r) => setTimeout(r, OUTAGE_MS));
    expect(people.map((u) => jobsOf(pair.bot.app, u.id)[0]?.status)).toEqual(
      people.map(() => 'delivering'),
    );
    pair.bot.tg.clearFaults();

    await until(
      () => people.every((u) => jobsOf(pair.bot.app, u.id)[0]?.status === 'done'),
      20_000,
      () => `every result delivered; jobs: ${jobStates()}`,
    );
    for (const user of people) {
      const [job] = jobsOf(pair.bot.app, user.id);
      expect(job?.errorCode).toBeNull();
      expect(balanceOf(pair.bot.app, user.id)).toBe(100 - (job?.price ?? 0));
      const photos = pair.bot.tg.calls.filter(
        (c) => c.method === 'sendPhoto' && c.params.chat_id === user.id && c.response.ok,
      );
      expect(photos).toHaveLength(1);
    }
    const refunds = db.$client
      .prepare("SELECT count(*) AS n FROM ledger WHERE kind = 'refund'")
      .get() as { n: number };
    expect(refunds.n).toBe(0);
  }, 120_000);
});
