import type { Message } from 'grammy/types';
import { describe, expect, it } from 'vitest';
import { mjResultOf } from '../../../src/jobs/midjourney/result.js';
import { getJob } from '../../../src/jobs/store.js';
import type { TestUser } from '../../fakes/telegram/index.js';
import * as mj from './helpers.js';

const modalBodies = (h: mj.MjHarness) =>
  mj.mjSubmits(h.sim, 'modal').map((r) => r.body as { taskId: string; prompt?: string });

describe('Midjourney Custom Zoom (bot level)', () => {
  const h = mj.useMjBot();
  const db = () => h.bot.app.deps.db;

  /** A funded user's grid for `prompt`, upscaled with `button`: the user and the upscale. */
  async function upscaledFor(prompt: string, button: string) {
    const user = mj.fundedUser(h, 1_000);
    const first = await mj.mjGrid(h, user, prompt);
    const up = await mj.pressChild(h, user, first, button);
    await mj.pump(h, () => getJob(db(), up.id)?.status === 'done', { what: 'upscale' });
    return { user, upscaled: await mj.waitForResult(user) };
  }

  it('asks for the zoom prompt, continues through /mj/submit/modal and delivers a grid', async () => {
    const { user, upscaled } = await upscaledFor('a castle on a hill', 'U1');

    const zoom = await mj.pressChild(h, user, upscaled, '🔍 Custom Zoom');
    const ask = await user.waitFor({ text: /Custom Zoom/ });
    expect(ask.message?.text).toContain('a castle on a hill');
    await mj.pump(h, () => !!mjResultOf(getJob(db(), zoom.id) ?? zoom).modal, { what: 'MODAL' });
    user.send('1.5');
    await user.waitFor({ text: /On it|Got it/ });
    const modalJob = await mj.jobAppears(h, user.id, (j) => j.kind === 'modal');
    await mj.pump(h, () => getJob(db(), modalJob.id)?.status === 'done', { what: 'zoomed grid' });
    const zoomed = await mj.waitForResult(user);
    expect(mj.buttonTexts(zoomed)[0]).toEqual(['U1', 'U2', 'U3', 'U4']);
    mj.expectCallbackDataFits(zoomed);

    const action = mj.mjSubmits(h.sim, 'action').at(-1)?.body as { customId?: string } | undefined;
    expect(action?.customId).toMatch(/^MJ::CustomZoom::/);
    const zoomTask = getJob(db(), zoom.id)?.upstreamId;
    expect(modalBodies(h).at(-1)).toEqual({
      taskId: zoomTask,
      prompt: 'a castle on a hill --zoom 1.5',
    });
    // The action job handed over to the modal job and ended.
    expect(getJob(db(), zoom.id)).toMatchObject({ status: 'done' });
    expect(mjResultOf(getJob(db(), zoom.id) ?? zoom).modal?.continuedBy).toBe(modalJob.id);
    expect(getJob(db(), modalJob.id)?.parentJobId).toBe(zoom.id);
    // imagine 10 + upscale 5 + custom zoom 0 + modal 10.
    expect(mj.balanceOf(h, user.id)).toBe(975);
  });

  it('/cancel in the zoom conversation calls it off: no modal submit, nothing charged', async () => {
    const { user, upscaled } = await upscaledFor('a bridge in fog', 'U2');
    const modals = modalBodies(h).length;
    const zoom = await mj.pressChild(h, user, upscaled, '🔍 Custom Zoom');
    await user.waitFor({ text: /Custom Zoom/ });
    user.send('/cancel');
    await user.waitFor({ text: /Cancelled/ });
    expect(getJob(db(), zoom.id)).toMatchObject({ status: 'failed', errorCode: 'cancelled' });
    await mj.pump(h, () => false, { maxSteps: 10 }).catch(() => {});
    expect(modalBodies(h)).toHaveLength(modals);
    expect(mj.balanceOf(h, user.id)).toBe(985);
    // The next message is an ordinary one again.
    user.send('/mj after the cancel');
    await mj.jobAppears(h, user.id, (j) => j.params.prompt === 'after the cancel');
  });
});

describe('Midjourney remix variations (bot level)', () => {
  const h = mj.useMjBot({ sim: { remix: true } });
  const db = () => h.bot.app.deps.db;

  /** V<n> on a remix account: the task stops in MODAL and the bot asks. */
  async function remixQuestion(user: TestUser, on: Message, button: string) {
    const job = await mj.pressChild(h, user, on, button);
    await mj.pump(h, () => !!mjResultOf(getJob(db(), job.id) ?? job).modal, { what: 'MODAL' });
    const ask = await user.waitFor({ text: /Remix/ });
    if (!ask.message) throw new Error('no question');
    expect(mj.buttonTexts(ask.message).flat()).toEqual([
      '▶️ Keep the prompt',
      '✏️ New prompt',
      '✖️ Cancel',
    ]);
    mj.expectCallbackDataFits(ask.message);
    return { job, ask: ask.message };
  }

  it('a new prompt typed in the conversation goes through /mj/submit/modal', async () => {
    const user = mj.fundedUser(h, 1_000);
    const first = await mj.mjGrid(h, user, 'a red fox');
    const { job, ask } = await remixQuestion(user, first, 'V1');
    // Only the owner may answer.
    const other = mj.fundedUser(h, 0);
    const foreign = await h.tg.driver(user.chatId, other.id).press(ask, '✏️ New prompt');
    expect(foreign.text).toMatch(/someone else/);

    await user.press(ask, '✏️ New prompt');
    await user.waitFor({ text: /Send the new prompt/ });
    user.send('a blue fox');
    await user.waitFor({ text: /On it/ });
    const modalJob = await mj.jobAppears(h, user.id, (j) => j.kind === 'modal');
    await mj.pump(h, () => getJob(db(), modalJob.id)?.status === 'done', { what: 'remixed grid' });
    await mj.waitForResult(user);
    expect(modalBodies(h).at(-1)).toEqual({
      taskId: getJob(db(), job.id)?.upstreamId,
      prompt: 'a blue fox',
    });
    // imagine 10 + variation 10 + modal 10.
    expect(mj.balanceOf(h, user.id)).toBe(970);
  });

  it('"keep the prompt" submits the modal with a blank prompt', async () => {
    const user = mj.fundedUser(h, 1_000);
    const first = await mj.mjGrid(h, user, 'a green fox');
    const { job, ask } = await remixQuestion(user, first, 'V2');
    expect((await user.press(ask, '▶️ Keep the prompt')).text).toMatch(/On it/);
    const modalJob = await mj.jobAppears(h, user.id, (j) => j.kind === 'modal');
    await mj.pump(h, () => getJob(db(), modalJob.id)?.status === 'done', { what: 'grid' });
    await mj.waitForResult(user);
    expect(modalBodies(h).at(-1)).toEqual({ taskId: getJob(db(), job.id)?.upstreamId, prompt: '' });
    // A second tap finds nothing waiting.
    expect((await user.pressData(ask, `mjm:${job.id}:k`)).text).toMatch(/no longer waiting/);
    expect(mj.balanceOf(h, user.id)).toBe(970);
  });

  it('cancel refunds the variation and tells the user', async () => {
    const user = mj.fundedUser(h, 1_000);
    const first = await mj.mjGrid(h, user, 'a grey fox');
    const { job, ask } = await remixQuestion(user, first, 'V3');
    const modals = modalBodies(h).length;
    await user.press(ask, '✖️ Cancel');
    const edited = await user.waitFor({ text: /Cancelled/, edit: true });
    expect(edited.message?.text).toMatch(/returned to your balance/);
    expect(getJob(db(), job.id)).toMatchObject({ status: 'failed', errorCode: 'cancelled' });
    expect(modalBodies(h)).toHaveLength(modals);
    expect(mj.balanceOf(h, user.id)).toBe(990);
  });
});
