import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { getJob } from '../../../src/jobs/store.js';
import type { GalleryItem } from '../../../src/miniapp/gallery.js';
import * as mj from '../mj/helpers.js';
import { initDataFor, maskPng, resultImageSize, useMjMiniApp } from './helpers.js';

/**
 * Vary (Region) from the Mini App: a mask checked against the image, a question with the price
 * in the chat, ✅, and `/mj/submit/modal` with that mask; bad masks refused, nothing charged.
 */
describe('Mini App: Vary (Region) (bot level)', () => {
  const { h, call, db } = useMjMiniApp();

  it('sends the drawn mask through the modal step after ✅ in the chat', async () => {
    const user = mj.fundedUser(h, 1_000);
    const initData = initDataFor(h.bot, { id: user.id, language_code: 'en' });
    const grid = await mj.mjGrid(h, user, 'a castle on a hill');
    const up = await mj.pressChild(h, user, grid, 'U1');
    await mj.pump(h, () => getJob(db(), up.id)?.status === 'done', { what: 'upscale' });
    await mj.waitForResult(user);

    const page = (await (await call('/results', initData)).json()) as { items: GalleryItem[] };
    const byId = new Map(page.items.map((i) => [i.id, i]));
    expect(byId.get(up.id)?.region).toBe(true);
    // A grid has no Vary (Region): Midjourney offers it on upscales only.
    const gridItem = page.items.find((i) => i.id !== up.id);
    expect(gridItem?.region).toBe(false);
    const refusedGrid = await call(`/results/${gridItem?.id}/region`, initData, {
      mask: await maskPng(64, 64),
    });
    expect(refusedGrid.status).toBe(409);

    const { width, height } = await resultImageSize(call, up.id, initData);
    const before = mj.balanceOf(h, user.id);

    // Bad masks: each refused with its reason, in the user's language, nothing charged.
    const wrongSize = await call(`/results/${up.id}/region`, initData, {
      mask: await maskPng(width + 1, height),
    });
    expect(wrongSize.status).toBe(400);
    expect(await wrongSize.json()).toEqual({
      error: 'wrong_size',
      message: 'The mask could not be read. Draw it again.',
    });
    const empty = await call(`/results/${up.id}/region`, initData, {
      mask: await maskPng(width, height, false),
    });
    expect(await empty.json()).toMatchObject({ error: 'empty' });
    const notPng = await call(`/results/${up.id}/region`, initData, { mask: 'aGVsbG8=' });
    expect(await notPng.json()).toMatchObject({ error: 'not_png' });
    const garbage = await call(`/results/${up.id}/region`, initData, { mask: '<script>' });
    expect(garbage.status).toBe(400);
    const stranger = mj.fundedUser(h, 100);
    const foreign = await call(
      `/results/${up.id}/region`,
      initDataFor(h.bot, { id: stranger.id, language_code: 'en' }),
      { mask: await maskPng(width, height) },
    );
    expect(foreign.status).toBe(404);
    expect(mj.balanceOf(h, user.id)).toBe(before);

    const mask = await maskPng(width, height);
    const sent = await call(`/results/${up.id}/region`, initData, { mask, prompt: 'a blue flag' });
    expect(await sent.json()).toEqual({
      ok: true,
      message: '✅ Sent. Confirm it in the chat: the price is shown there.',
    });
    // Inpaint is free in the default catalog; the modal step that sends the mask costs 0.10.
    const question = await user.waitFor({
      text: '🖌 Vary (Region) with your mask costs 0.10 USD. Start it?',
    });
    expect(mj.balanceOf(h, user.id)).toBe(before);

    await user.press(question.message ?? grid, /Start/);
    const action = await mj.jobAppears(h, user.id, (j) => j.kind === 'action' && j.id !== up.id);
    expect(action.params).toMatchObject({
      op: 'action',
      action: 'inpaint',
      modalPrompt: 'a blue flag',
    });
    // The task reaches MODAL and goes on at once with the prompt and mask from the page.
    await mj.pump(h, () => mj.jobsOf(h, user.id).some((j) => j.kind === 'modal'), {
      what: 'the modal job',
    });
    const modalJob = mj.latestJob(h, user.id, 'modal');
    if (!modalJob) throw new Error('no modal job');
    await mj.pump(h, () => getJob(db(), modalJob.id)?.status === 'done', { what: 'region result' });
    const body = mj.mjSubmits(h.sim, 'modal').at(-1)?.body as {
      maskBase64?: string;
      prompt?: string;
    };
    expect(body.prompt).toBe('a blue flag');
    // The mask as checked and re-encoded (two levels), of the image's size, white where painted.
    const sentMask = Buffer.from((body.maskBase64 ?? '').replace(/^data:[^,]*,/, ''), 'base64');
    const meta = await sharp(sentMask).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['png', width, height]);
    const stats = await sharp(sentMask).stats();
    expect(stats.channels[0]?.max).toBe(255);
    expect(stats.channels[0]?.min).toBe(0);
    const result = await mj.waitForResult(user);
    expect(result.photo).toBeDefined();
    expect(mj.balanceOf(h, user.id)).toBeLessThan(before);
  });
});
