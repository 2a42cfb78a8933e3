import { describe, expect, it } from 'vitest';
import { getJob } from '../../../src/jobs/store.js';
import { makePng } from '../../fakes/telegram/index.js';
import * as mj from './helpers.js';

type BlendBody = { base64Array: string[]; dimensions: string };

describe('Midjourney blend and describe (bot level)', () => {
  const h = mj.useMjBot();
  const db = () => h.bot.app.deps.db;

  it('an album captioned /blend asks for the shape and blends the photos', async () => {
    const user = mj.fundedUser(h, 1_000);
    const photos = [makePng(40, 40), makePng(50, 40), makePng(40, 60)];
    user.sendAlbum(photos, { caption: '/blend' });
    const chooser = await user.waitFor({ text: /Photos: \d/ });
    // The album's later photos arrive one by one: the count catches up.
    await user.waitFor({ text: /Photos: 3/ });
    expect(mj.buttonTexts(chooser.message).flat()).toEqual([
      '▯ Portrait',
      '◻️ Square',
      '▭ Landscape',
    ]);
    mj.expectCallbackDataFits(chooser.message);
    if (!chooser.message) throw new Error('no chooser');
    await user.press(chooser.message, '▭ Landscape');
    const job = await mj.jobAppears(h, user.id, (j) => j.kind === 'blend');
    await mj.pump(h, () => getJob(db(), job.id)?.status === 'done', { what: 'blend' });
    const result = await mj.waitForResult(user);
    expect(mj.buttonTexts(result)[0]).toEqual(['U1', 'U2', 'U3', 'U4']);

    const body = mj.mjSubmits(h.sim, 'blend').at(-1)?.body as BlendBody;
    expect(body.dimensions).toBe('LANDSCAPE');
    expect(body.base64Array).toHaveLength(3);
    for (const [i, url] of body.base64Array.entries()) {
      expect(url.startsWith('data:image/png;base64,')).toBe(true);
      expect(
        Buffer.from(url.slice(url.indexOf(',') + 1), 'base64').equals(photos[i] as Uint8Array),
      ).toBe(true);
    }
    expect(mj.balanceOf(h, user.id)).toBe(990);
  });

  it('an album captioned /mj is one imagine with every photo as a reference, nothing left for /edit', async () => {
    const user = mj.fundedUser(h, 1_000);
    const photos = [makePng(40, 40), makePng(48, 40), makePng(40, 52)];
    user.sendAlbum(photos, { caption: '/mj a castle on a hill' });
    const job = await mj.jobAppears(h, user.id, (j) => j.kind === 'imagine');
    await mj.pump(h, () => getJob(db(), job.id)?.status === 'done', { what: 'album imagine' });
    await mj.waitForResult(user);
    const body = mj.mjSubmits(h.sim, 'imagine').at(-1)?.body as { base64Array?: string[] };
    expect(body.base64Array).toHaveLength(3);
    for (const [i, url] of (body.base64Array ?? []).entries())
      expect(
        Buffer.from(url.slice(url.indexOf(',') + 1), 'base64').equals(photos[i] as Uint8Array),
      ).toBe(true);
    expect(mj.jobsOf(h, user.id)).toHaveLength(1);
    expect(user.botMessages().some((m) => /What should I change/.test(m.text ?? ''))).toBe(false);
  });

  it('/blend then photos one by one; a shape pressed too early asks for more', async () => {
    const user = mj.fundedUser(h, 1_000);
    user.send('/blend');
    const ask = await user.waitFor({ text: /send 2–5 photos/ });
    if (!ask.message) throw new Error('no question');
    user.sendPhoto({ width: 30, height: 30 });
    expect((await user.pressData(ask.message, 'mjb:s')).text).toMatch(/at least 2 photos/);
    user.sendPhoto({ width: 32, height: 30 });
    const chooser = await user.waitFor({ text: /Photos: 2/ });
    if (!chooser.message) throw new Error('no chooser');
    await user.press(chooser.message, '◻️ Square');
    const job = await mj.jobAppears(h, user.id, (j) => j.kind === 'blend');
    await mj.pump(h, () => getJob(db(), job.id)?.status === 'done', { what: 'blend' });
    await mj.waitForResult(user);
    expect(mj.mjSubmits(h.sim, 'blend').at(-1)?.body).toMatchObject({ dimensions: 'SQUARE' });

    // The shapes are taken off once chosen; a stale press is answered, not acted on.
    expect(
      mj
        .buttonTexts(user.messages().find((m) => m.message_id === chooser.message?.message_id))
        .flat(),
    ).toEqual([]);
    expect((await user.pressData(chooser.message, 'mjb:p')).text).toMatch(/no longer active/);
    expect(mj.mjSubmits(h.sim, 'blend')).toHaveLength(2);
  });

  it('/blend can be cancelled', async () => {
    const user = mj.fundedUser(h, 1_000);
    user.send('/blend');
    await user.waitFor({ text: /send 2–5 photos/ });
    user.send('/cancel');
    await user.waitFor({ text: /Blend cancelled/ });
    expect(mj.balanceOf(h, user.id)).toBe(1_000);
  });

  it('describe: a photo captioned /describe gives four prompts; a button imagines one', async () => {
    const user = mj.fundedUser(h, 1_000);
    user.sendPhoto({ width: 64, height: 64 }, { caption: '/describe' });
    const job = await mj.jobAppears(h, user.id, (j) => j.kind === 'describe');
    await mj.pump(h, () => getJob(db(), job.id)?.status === 'done', { what: 'describe' });
    const prompts = await user.waitFor({ text: /Four prompts/ });
    const text = prompts.message?.text ?? '';
    expect(text).toContain('1️⃣');
    expect(text).toContain('4️⃣');
    expect(text).toContain('abstract color field painting');
    expect(mj.buttonTexts(prompts.message).flat()).toEqual([
      '1️⃣ ✨ Imagine',
      '2️⃣ ✨ Imagine',
      '3️⃣ ✨ Imagine',
      '4️⃣ ✨ Imagine',
    ]);
    mj.expectCallbackDataFits(prompts.message);
    expect(mj.mjSubmits(h.sim, 'describe').at(-1)?.body).toMatchObject({
      base64: expect.stringMatching(/^data:image\/png;base64,/),
    });
    expect(mj.balanceOf(h, user.id)).toBe(995);

    if (!prompts.message) throw new Error('no prompts');
    await user.press(prompts.message, '2️⃣ ✨ Imagine');
    const imagine = await mj.jobAppears(h, user.id, (j) => j.kind === 'imagine');
    expect(imagine.parentJobId).toBe(job.id);
    await mj.pump(h, () => getJob(db(), imagine.id)?.status === 'done', { what: 'imagine' });
    await mj.waitForResult(user);
    expect(mj.mjSubmits(h.sim, 'imagine').at(-1)?.body).toMatchObject({
      prompt:
        'abstract color field painting, pastel tones, clean composition, high resolution --ar 1:1 --fast',
    });
    expect(mj.balanceOf(h, user.id)).toBe(985);

    const other = mj.fundedUser(h, 1_000);
    const foreign = await h.tg.driver(user.chatId, other.id).press(prompts.message, '1️⃣ ✨ Imagine');
    expect(foreign.text).toMatch(/someone else/);
  });

  it('/describe without a photo asks for one', async () => {
    const user = mj.fundedUser(h, 1_000);
    user.send('/describe');
    await user.waitFor({ text: /send a photo/ });
    user.send('hello?');
    await user.waitFor({ text: /Please send a photo/ });
    user.sendPhoto({ width: 40, height: 40 });
    const job = await mj.jobAppears(h, user.id, (j) => j.kind === 'describe');
    await mj.pump(h, () => getJob(db(), job.id)?.status === 'done', { what: 'describe' });
    await user.waitFor({ text: /Four prompts/ });
  });
});
