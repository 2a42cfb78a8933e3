import { describe, expect, it } from 'vitest';
import { getJob } from '../../../src/jobs/store.js';
import * as mj from './helpers.js';

/**
 * The grid is on screen before Telegram's answer to the send is back (and before the job is
 * marked done): a press in that window is a normal press, not "out of date".
 */
describe('Midjourney: a button pressed the moment the grid appears', () => {
  // No previews: the grid is the only photo, so holding sendPhoto holds the delivery.
  const h = mj.useMjBot({ asyncJobs: { previews: false } });

  it('U1 pressed while the grid is still being delivered starts the upscale', async () => {
    const user = mj.fundedUser(h, 1_000);
    const release = h.tg.holdAnswers('sendPhoto');
    user.send('/mj a quick fox');
    const job = await mj.jobAppears(h, user.id, (j) => j.kind === 'imagine');
    const shown = mj.waitForResult(user, 10_000);
    let seen = false;
    void shown.then(() => {
      seen = true;
    });
    // Ticks until the grid is sent; the tick that delivers stays open while the answer is held.
    let delivering: Promise<unknown> = Promise.resolve();
    for (let i = 0; i < 400 && !seen; i++) {
      // Let HTTP replies (Telegram, gateway) land between ticks.
      await new Promise((r) => setTimeout(r, 2));
      await h.bot.app.submitter.drain();
      h.sim.advance(1_000);
      delivering = h.bot.app.poller.tick();
      await Promise.race([delivering, shown]);
    }
    const grid = await shown;
    expect(getJob(h.bot.app.deps.db, job.id)?.status).toBe('delivering');

    const answer = await user.press(grid, 'U1');
    expect(answer.text).toMatch(/⏳/);
    const upscale = await mj.jobAppears(h, user.id, (j) => j.parentJobId === job.id);
    release();
    await delivering;
    expect(getJob(h.bot.app.deps.db, job.id)?.status).toBe('done');
    await mj.pump(h, () => getJob(h.bot.app.deps.db, upscale.id)?.status === 'done', {
      what: 'the upscale',
    });
    expect(mj.jobsOf(h, user.id).map((j) => j.status)).toEqual(['done', 'done']);
    expect(mj.balanceOf(h, user.id)).toBeLessThan(990);
  });
});
