import { and, eq } from 'drizzle-orm';
import type { Message } from 'grammy/types';
import { describe, expect, it } from 'vitest';
import { linkKey } from '../../../src/accounts/own-keys.js';
import { MAX_ACTIVE_JOBS_PER_USER } from '../../../src/bot/jobs/submit-job.js';
import { ledger } from '../../../src/db/schema.js';
import { getJob } from '../../../src/jobs/store.js';
import { DEFAULT_TEST_KEY } from '../../fakes/gateway-sim/index.js';
import type { TestUser } from '../../fakes/telegram/index.js';
import * as mj from './helpers.js';

const OWN_KEY = 'sk-user-own-key-0123456789';

/** Midjourney goes through submitJob: cancellable status message, active-jobs cap, rate limit. */
describe('Midjourney through submitJob (bot level)', () => {
  const h = mj.useMjBot({
    sim: { keys: { [DEFAULT_TEST_KEY]: { unlimited: true }, [OWN_KEY]: { unlimited: true } } },
    // Previews off: the result helper tells them apart by their English caption.
    asyncJobs: { previews: false },
    // One submit at a time, so a slow submit keeps the next job queued (cancellable); the
    // pace limit is out of the way here (its own block below).
    env: { KEY_CONCURRENCY: '1', GENERATION_RATE_PER_MINUTE: '100' },
  });

  const db = () => h.bot.app.deps.db;
  const database = () => h.bot.app.deps.database;
  const ledgerRows = (jobId: string, kind: 'charge' | 'refund') =>
    db()
      .select()
      .from(ledger)
      .where(and(eq(ledger.jobId, jobId), eq(ledger.kind, kind)))
      .all();

  /** A finished grid to press buttons on. */
  async function grid(user: TestUser, prompt: string): Promise<Message> {
    user.send(`/mj ${prompt}`);
    const job = await mj.jobAppears(h, user.id, (j) => j.params.prompt === prompt);
    await mj.pump(h, () => getJob(db(), job.id)?.status === 'done', { what: 'the grid' });
    return mj.waitForResult(user);
  }

  it('an imagine has a cancel button; cancelled before submission it is refunded exactly once', async () => {
    const user = mj.fundedUser(h, 1_000);
    h.sim.inject({ route: '/mj-fast/mj/submit/imagine', delayMs: 1_000 });
    user.send('/mj slow first');
    const first = await mj.jobAppears(h, user.id, (j) => j.status === 'submitting');
    const request = user.send('/mj queued second');
    const status = await user.waitFor(
      (_c, m) =>
        m?.reply_to_message?.message_id === request.message_id && /Queued/.test(m.text ?? ''),
    );
    expect(mj.buttonTexts(status.message)).toEqual([['✖️ Cancel']]);
    const second = await mj.jobAppears(h, user.id, (j) => j.params.prompt === 'queued second');
    expect(second.status).toBe('queued');
    expect(mj.balanceOf(h, user.id)).toBe(980);

    const answer = await user.press(status.message as Message, /Cancel/);
    expect(answer.text).toMatch(/Cancelled/);
    const edited = await user.waitFor({ edit: true, text: /Cancelled/ });
    expect(edited.message?.reply_markup).toBeUndefined();
    expect(getJob(db(), second.id)?.status).toBe('cancelled');
    expect(mj.balanceOf(h, user.id)).toBe(990);

    // A second press (a stale client) refunds nothing more.
    const again = await user.pressData(status.message as Message, `j:${second.id}:cancel`);
    expect(again.text).toMatch(/already cancelled/);
    expect(ledgerRows(second.id, 'refund')).toHaveLength(1);
    expect(mj.balanceOf(h, user.id)).toBe(990);

    // The slow one goes on; the cancelled one never reaches the gateway, and a job already
    // submitted cannot be cancelled.
    await mj.pump(h, () => getJob(db(), first.id)?.status === 'running', { what: 'first submit' });
    expect(
      mj.mjSubmits(h.sim, 'imagine').map((r) => (r.body as { prompt: string }).prompt),
    ).toEqual(expect.not.arrayContaining(['queued second']));
    const late = await user.pressData(status.message as Message, `j:${first.id}:cancel`);
    expect(late.text).toMatch(/already started/);
    await mj.pump(h, () => getJob(db(), first.id)?.status === 'done', { what: 'first result' });
    await mj.waitForResult(user);
    expect(ledgerRows(first.id, 'refund')).toHaveLength(0);
    expect(mj.balanceOf(h, user.id)).toBe(990);
  });

  it('a button action pays like its parent, even after a key was linked', async () => {
    const user = mj.fundedUser(h, 1_000);
    const shown = await grid(user, 'a paper boat');
    const parent = mj.jobsOf(h, user.id)[0];
    expect(parent?.payer).toBe('balance');
    expect((await linkKey(database(), h.bot.app.deps.keyBox, user.id, OWN_KEY)).ok).toBe(true);

    await user.press(shown, 'U1');
    const child = await mj.jobAppears(h, user.id, (j) => j.kind === 'action');
    expect(child).toMatchObject({ payer: 'balance', parentJobId: parent?.id });
    const status = await user.waitFor(
      (_c, m) =>
        m?.reply_to_message?.message_id === shown.message_id && /Queued/.test(m.text ?? ''),
    );
    expect(mj.buttonTexts(status.message)).toEqual([['✖️ Cancel']]);
    await mj.pump(h, () => getJob(db(), child.id)?.status === 'done', { what: 'the upscale' });
    expect((await mj.waitForResult(user)).photo).toBeDefined();
    expect(mj.balanceOf(h, user.id)).toBe(985);
    // A new request is paid with the key now.
    user.send('/mj a second boat');
    const next = await mj.jobAppears(h, user.id, (j) => j.params.prompt === 'a second boat');
    expect(next.payer).toBe('own_key');
    await mj.pump(h, () => getJob(db(), next.id)?.status === 'done', { what: 'the own-key grid' });
    await mj.waitForResult(user);
    expect(mj.balanceOf(h, user.id)).toBe(985);
  });

  it(`the active-jobs cap refuses an 11th job (imagine or button) in the user's language, charging nothing`, async () => {
    const user = mj.fundedUser(h, 1_000, 'ru');
    const shown = await grid(user, 'a lantern');
    for (let i = 0; i < MAX_ACTIVE_JOBS_PER_USER; i++) user.send(`/mj busy ${i}`);
    await mj.jobAppears(
      h,
      user.id,
      () => mj.jobsOf(h, user.id).filter((j) => j.status !== 'done').length === 10,
    );
    const balance = mj.balanceOf(h, user.id);
    expect(balance).toBe(1_000 - 10 * (MAX_ACTIVE_JOBS_PER_USER + 1));
    const jobs = mj.jobsOf(h, user.id).length;

    user.send('/mj one too many');
    const refused = await user.waitFor({ text: /генераций в работе/ });
    expect(refused.message?.text).toContain(String(MAX_ACTIVE_JOBS_PER_USER));
    await user.press(shown, 'U1');
    await user.waitFor({ text: /генераций в работе/ });
    expect(mj.jobsOf(h, user.id)).toHaveLength(jobs);
    expect(mj.balanceOf(h, user.id)).toBe(balance);

    // Once they are done there is room again.
    await mj.pump(h, () => mj.jobsOf(h, user.id).every((j) => j.status === 'done'), {
      what: 'all ten',
    });
  });
});

describe('Midjourney buttons and the generation pace', () => {
  const h = mj.useMjBot({ env: { GENERATION_RATE_PER_MINUTE: '2' } });

  it('a button action counts against the per-user rate limit', async () => {
    const user = mj.fundedUser(h, 1_000);
    user.send('/mj a kite');
    const job = await mj.jobAppears(h, user.id, (j) => j.kind === 'imagine');
    await mj.pump(h, () => getJob(h.bot.app.deps.db, job.id)?.status === 'done');
    const shown = await mj.waitForResult(user);
    await user.press(shown, 'U1');
    await mj.jobAppears(h, user.id, (j) => j.kind === 'action');
    await user.press(shown, 'U2');
    await user.waitFor({ text: /2 generation requests in a minute/ });
    expect(mj.jobsOf(h, user.id)).toHaveLength(2);
    expect(mj.balanceOf(h, user.id)).toBe(985);
    await mj.pump(h, () => mj.jobsOf(h, user.id).every((j) => j.status === 'done'));
  });
});
