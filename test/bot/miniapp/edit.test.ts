import type { Message } from 'grammy/types';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { Locale } from '../../../src/accounts/locale.js';
import { translateIn } from '../../../src/bot/i18n.js';
import { priceImage } from '../../../src/catalog/index.js';
import { MAX_MASK_BASE64 } from '../../../src/jobs/image-params.js';
import { getJob } from '../../../src/jobs/store.js';
import type { TestUser } from '../../fakes/telegram/index.js';
import { useTestBot } from '../../helpers/bot-harness.js';
import { balanceOf, fund, jobsOf, waitForJob } from '../images/helpers.js';
import * as mj from '../mj/helpers.js';
import { initDataFor, maskPng, resultImageSize, useMiniAppApi, useMjMiniApp } from './helpers.js';

type Multipart = { fields: Record<string, string>; files: { field: string }[] };

/** The bot's text in `locale`, checked to be a translation (a refusal in English would pass). */
function worded(locale: Locale, key: string, vars?: Record<string, string>): string {
  const text = translateIn(locale, key, vars);
  expect(text).not.toBe(translateIn('en', key, vars));
  return text;
}

/** Past the API's body limit whatever the endpoint: more than the largest mask it takes. */
const OVERSIZED = 'A'.repeat(MAX_MASK_BASE64 + 64 * 1024);

/** A PNG of `width`×`height` with nothing on it: every pixel fully transparent. */
const clearPng = async (width: number, height: number) =>
  (
    await sharp({
      create: { width, height, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } },
    })
      .png()
      .toBuffer()
  ).toString('base64');

/**
 * ✏️ from the Mini App: a finished image, an edit model and an instruction (and a mask for a
 * model that takes one), asked in the chat with its price; ✅ there sends it to
 * `/v1/images/edits`. Every refusal is worded in the user's language and charges nothing.
 */
describe('Mini App: ✏️ edit (bot level)', () => {
  const bot = useTestBot({ env: { MINI_APP_URL: 'http://127.0.0.1/app' } });
  const call = useMiniAppApi(() => bot);
  const edits = () => bot.gateway.requests.filter((r) => r.path === '/v1/images/edits');

  /** A Russian-speaking user with a finished FLUX image, and the initData of their gallery. */
  async function userWithImage(prompt: string) {
    const user = bot.tg.user({ language_code: 'ru' });
    fund(bot.app, user.id, 100);
    user.send(`/imagine ${prompt}`);
    await user.waitFor({ photo: true });
    const job = await waitForJob(bot.app, user.id, (j) => j.status === 'done');
    const initData = initDataFor(bot, { id: user.id, language_code: 'ru' });
    return { user, job, initData, size: await resultImageSize(call, job.id, initData) };
  }

  /** Messages the bot sent to this user's chat (a question asked is one of them). */
  const sentTo = (user: TestUser) =>
    bot.tg.callsTo('sendMessage').filter((c) => c.params.chat_id === user.id).length;

  /** ✅ on the question in the chat: the edit job it starts, once done, and the result message. */
  async function confirmEdit(user: TestUser, question: Message | undefined) {
    if (!question) throw new Error('no question in the chat');
    await user.press(question, /✅/);
    const done = await waitForJob(
      bot.app,
      user.id,
      (j) => j.family === 'edit' && j.status === 'done',
    );
    const result = await user.waitFor({ photo: true });
    return { done, caption: result.message?.caption };
  }

  /** An edit model of the catalog and its price for one image. */
  function editModel(id: string) {
    const model = bot.app.deps.catalog.get(id, 'edit');
    if (!model) throw new Error(`no edit model ${id}`);
    return { model, price: priceImage(model, { n: 1 }) };
  }

  it('lists the edit models, with a brush exactly for those that take a mask', async () => {
    const user = bot.tg.user({ language_code: 'ru' });
    const res = await call('/edit-models', initDataFor(bot, { id: user.id, language_code: 'ru' }));
    expect(res.status).toBe(200);
    const { models } = (await res.json()) as {
      models: { id: string; title: string; mask: boolean }[];
    };
    expect(models.map((m) => m.id).sort()).toEqual(
      bot.app.deps.catalog
        .list('edit')
        .map((m) => m.id)
        .sort(),
    );
    expect(models.filter((m) => m.mask).map((m) => m.id)).toEqual(['dall-e-2']);
    expect(models).toContainEqual({
      id: 'flux-kontext-pro',
      title: 'FLUX Kontext Pro',
      mask: false,
    });
    expect(models.some((m) => m.id === 'flux')).toBe(false);
  });

  it('refuses bad requests with their reason in the user’s language, charging nothing', async () => {
    const { user, job, initData, size } = await userWithImage('a red fox in the snow');
    const { width, height } = size;
    const mask = await maskPng(width, height);
    const prompt = 'add a red balloon';
    const before = balanceOf(bot.app, user.id);
    const jobs = jobsOf(bot.app, user.id).length;
    const sent = edits().length;
    const masks = bot.gateway.masks.length;
    const messages = sentTo(user);

    const refusals: [string, unknown, number, string, string][] = [
      ['unknown model', { model: 'no-such-model', prompt }, 400, 'not_edit_model', 'app-edit-off'],
      ['a generation model', { model: 'flux', prompt }, 400, 'not_edit_model', 'app-edit-off'],
      [
        'a mask for a model without one',
        { model: 'flux-kontext-pro', prompt, mask },
        400,
        'no_mask',
        'app-edit-no-mask',
      ],
      ['empty prompt', { model: 'dall-e-2', prompt: '  ' }, 400, 'malformed', 'app-edit-no-prompt'],
      ['no prompt', { model: 'dall-e-2', mask }, 400, 'malformed', 'app-edit-no-prompt'],
      [
        'prompt over the model’s max',
        { model: 'dall-e-2', prompt: 'я'.repeat(1001), mask },
        400,
        'prompt_too_long',
        'app-edit-too-long',
      ],
      [
        'nothing painted',
        { model: 'dall-e-2', prompt, mask: await maskPng(width, height, false) },
        400,
        'empty',
        'app-edit-mask-empty',
      ],
      [
        'all transparent',
        { model: 'dall-e-2', prompt, mask: await clearPng(width, height) },
        400,
        'empty',
        'app-edit-mask-empty',
      ],
      [
        'wrong size',
        { model: 'dall-e-2', prompt, mask: await maskPng(width, height + 1) },
        400,
        'wrong_size',
        'app-region-bad',
      ],
      ['not JSON', '{"model":', 400, 'malformed', 'app-edit-bad'],
      [
        'body over the limit',
        { model: 'dall-e-2', prompt, mask: OVERSIZED },
        413,
        'too_large',
        'app-edit-bad',
      ],
    ];
    for (const [what, body, status, error, key] of refusals) {
      const res = await call(`/results/${job.id}/edit`, initData, body);
      const answer = { what, status: res.status, body: await res.json() };
      expect(answer).toEqual({ what, status, body: { error, message: worded('ru', key) } });
    }
    // Someone else's result, and one that does not exist: the same answer.
    const stranger = bot.tg.user({ language_code: 'uk' });
    fund(bot.app, stranger.id, 100);
    const theirs = initDataFor(bot, { id: stranger.id, language_code: 'uk' });
    const gone = { error: 'gone', message: worded('uk', 'app-error-gone') };
    for (const id of [job.id, 'abcdefghjk']) {
      const res = await call(`/results/${id}/edit`, theirs, { model: 'dall-e-2', prompt, mask });
      expect([res.status, await res.json()]).toEqual([404, gone]);
    }

    expect(balanceOf(bot.app, user.id)).toBe(before);
    expect(balanceOf(bot.app, stranger.id)).toBe(100);
    expect(jobsOf(bot.app, user.id)).toHaveLength(jobs);
    expect(jobsOf(bot.app, stranger.id)).toHaveLength(0);
    expect(edits()).toHaveLength(sent);
    expect(bot.gateway.masks).toHaveLength(masks);
    // No question was asked either (one is sent before the answer): nothing to press ✅ on.
    expect(sentTo(user)).toBe(messages);
    expect(sentTo(stranger)).toBe(0);
  });

  it('edits the painted part with dall-e-2 after ✅: the mask of the image’s size reaches the gateway', async () => {
    const { user, job, initData, size } = await userWithImage('a lighthouse at dusk');
    const { width, height } = size;
    const { model, price } = editModel('dall-e-2');
    const before = balanceOf(bot.app, user.id);

    const res = await call(`/results/${job.id}/edit`, initData, {
      model: 'dall-e-2',
      prompt: 'add a red balloon in the sky',
      mask: await maskPng(width, height),
    });
    expect(await res.json()).toEqual({ ok: true, message: worded('ru', 'app-sent-to-chat') });
    const question = worded('ru', 'gallery-edit-mask-confirm', {
      model: model.title,
      price: bot.app.deps.money(price, 'ru'),
    });
    // Asked, not charged: the price is only taken on ✅.
    const asked = await user.waitFor({ text: question });
    expect(balanceOf(bot.app, user.id)).toBe(before);
    expect(edits().some((r) => (r.body as Multipart).fields.prompt?.includes('balloon'))).toBe(
      false,
    );

    const { done, caption } = await confirmEdit(user, asked.message);
    expect(caption).toContain(model.title);
    expect(done).toMatchObject({ model: 'dall-e-2', parentJobId: job.id, price });
    const form = edits().at(-1)?.body as Multipart;
    expect(form.fields).toMatchObject({
      model: 'dall-e-2',
      prompt: 'add a red balloon in the sky',
    });
    expect(form.files.map((f) => f.field).sort()).toEqual(['image', 'mask']);
    // Transparent (editable) exactly where the rectangle was painted, opaque elsewhere.
    const painted = Math.ceil(width / 4) * Math.ceil(height / 4);
    expect(bot.gateway.masks.at(-1)).toEqual({
      model: 'dall-e-2',
      width,
      height,
      hasAlpha: true,
      transparent: painted,
      image: { width, height },
    });
    expect(balanceOf(bot.app, user.id)).toBe(before - price);
    expect(jobsOf(bot.app, user.id).filter((j) => j.family === 'edit')).toHaveLength(1);
  });

  it('edits the whole image with a model that takes no mask: none is sent', async () => {
    const { user, job, initData } = await userWithImage('a small boat');
    const { model, price } = editModel('flux-kontext-pro');
    const before = balanceOf(bot.app, user.id);
    const masks = bot.gateway.masks.length;

    const res = await call(`/results/${job.id}/edit`, initData, {
      model: model.id,
      prompt: 'make it night',
    });
    expect(res.status).toBe(200);
    const question = worded('ru', 'gallery-edit-confirm', {
      model: model.title,
      price: bot.app.deps.money(price, 'ru'),
    });
    const asked = await user.waitFor({ text: question });
    expect(balanceOf(bot.app, user.id)).toBe(before);
    const { done, caption } = await confirmEdit(user, asked.message);
    expect(caption).toContain(model.title);
    expect(done).toMatchObject({ model: model.id, parentJobId: job.id, price });
    const form = edits().find((r) => (r.body as Multipart).fields.prompt === 'make it night')
      ?.body as Multipart;
    expect(form.fields.model).toBe(model.id);
    expect(form.files.map((f) => f.field)).toEqual(['image']);
    expect(bot.gateway.masks).toHaveLength(masks);
    expect(balanceOf(bot.app, user.id)).toBe(before - price);
    expect(jobsOf(bot.app, user.id).filter((j) => j.family === 'edit')).toHaveLength(1);
  });
});

/** Vary (Region)'s upload limit and replayed initData, on a Midjourney upscale. */
describe('Mini App: Vary (Region) limits (bot level)', () => {
  const { h, call, db } = useMjMiniApp();

  it('refuses an oversized mask (413) and a superseded initData (401), charging nothing', async () => {
    const user = mj.fundedUser(h, 1_000, 'ru');
    const nowS = Math.floor(Date.now() / 1000);
    const hourAgo = initDataFor(h.bot, { id: user.id, language_code: 'ru' }, nowS - 3600);
    const grid = await mj.mjGrid(h, user, 'a castle on a hill');
    const up = await mj.pressChild(h, user, grid, 'U1');
    await mj.pump(h, () => getJob(db(), up.id)?.status === 'done', { what: 'upscale' });
    await mj.waitForResult(user);
    const { width, height } = await resultImageSize(call, up.id, hourAgo);
    const before = mj.balanceOf(h, user.id);
    const jobs = mj.jobsOf(h, user.id).length;
    const submits = mj.mjSubmits(h.sim).length;
    const messages = h.tg.callsTo('sendMessage').filter((c) => c.params.chat_id === user.id);

    const big = await call(`/results/${up.id}/region`, hourAgo, { mask: OVERSIZED });
    expect([big.status, await big.json()]).toEqual([
      413,
      { error: 'too_large', message: worded('ru', 'app-region-bad') },
    ]);

    // The user opens the gallery again: the page from an hour ago no longer works.
    const reopened = initDataFor(h.bot, { id: user.id, language_code: 'ru' }, nowS);
    expect((await call('/me', reopened)).status).toBe(200);
    const mask = await maskPng(width, height);
    const replayed = await call(`/results/${up.id}/region`, hourAgo, { mask, prompt: 'a flag' });
    expect([replayed.status, await replayed.json()]).toEqual([
      401,
      { error: 'superseded', message: worded('ru', 'app-error-reopen') },
    ]);

    expect(mj.balanceOf(h, user.id)).toBe(before);
    expect(mj.jobsOf(h, user.id)).toHaveLength(jobs);
    expect(mj.mjSubmits(h.sim)).toHaveLength(submits);
    // No question in the chat (it is sent before the answer).
    expect(h.tg.callsTo('sendMessage').filter((c) => c.params.chat_id === user.id)).toEqual(
      messages,
    );
    // The reopened page still can.
    const fresh = await call(`/results/${up.id}/region`, reopened, { mask, prompt: 'a flag' });
    expect(fresh.status).toBe(200);
  });
});
