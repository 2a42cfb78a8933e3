import { describe, expect, it } from 'vitest';
import { modalPriceOf, priceMidjourney } from '../../../src/catalog/index.js';
import { mjResultOf } from '../../../src/jobs/midjourney/result.js';
import { getJob } from '../../../src/jobs/store.js';
import type { GalleryItem } from '../../../src/miniapp/gallery.js';
import * as mj from '../mj/helpers.js';
import { initDataFor, useMjMiniApp } from './helpers.js';

/**
 * Midjourney's buttons in the gallery: the chat keyboard's rows, each asked in the chat with its
 * price, ✅ there starts the child job; forged or stale buttons refused, nothing charged.
 */
describe('Mini App: Midjourney buttons (bot level)', () => {
  const { h, call, db } = useMjMiniApp();
  const items = async (initData: string) =>
    new Map(
      ((await (await call('/results', initData)).json()) as { items: GalleryItem[] }).items.map(
        (i) => [i.id, i],
      ),
    );
  /** The newest message in the user's chat whose keyboard has `button` (the result's). */
  const keyboardWith = (user: ReturnType<typeof mj.fundedUser>, button: string) =>
    user.messages().findLast((m) => mj.buttonTexts(m).flat().includes(button));
  const texts = (item: GalleryItem | undefined) => item?.mj.map((row) => row.map((b) => b.text));
  const cell = (item: GalleryItem | undefined, text: string) => {
    const found = item?.mj.flat().find((b) => b.text === text);
    if (!found) throw new Error(`no ${text} in the gallery`);
    return found;
  };

  it('shows the chat keyboard’s buttons and starts one through the question in the chat', async () => {
    const user = mj.fundedUser(h, 1_000, 'ru');
    const initData = initDataFor(h.bot, { id: user.id, language_code: 'ru' });
    const grid = await mj.mjGrid(h, user, 'a castle on a hill');
    const gridJob = mj.latestJob(h, user.id, 'imagine');
    const item = (await items(initData)).get(gridJob?.id ?? '');
    // The same rows, texts and order as the keyboard under the grid in the chat.
    expect(texts(item)).toEqual(mj.buttonTexts(keyboardWith(user, 'U1')));
    expect(texts(item)?.[0]).toEqual(['U1', 'U2', 'U3', 'U4']);
    expect(item?.mj.flat().every((b) => !b.prompt)).toBe(true);

    const before = mj.balanceOf(h, user.id);
    const u2 = cell(item, 'U2');
    const sent = await call(`/results/${gridJob?.id}/action`, initData, { button: u2.index });
    expect(await sent.json()).toEqual({
      ok: true,
      message: '✅ Отправлено. Подтвердите в чате — там указана цена.',
    });
    const model = h.bot.app.deps.catalog.get(gridJob?.model ?? '', 'midjourney');
    if (!model) throw new Error('no model');
    const price = h.bot.app.deps.money(priceMidjourney(model, 'upscale'), 'ru');
    const question = await user.waitFor({
      text: `U2 для вашего результата Midjourney — ${price}. Запустить?`,
    });
    expect(mj.balanceOf(h, user.id)).toBe(before);
    await user.press(question.message ?? grid, /✅/);
    const up = await mj.jobAppears(h, user.id, (j) => j.kind === 'action');
    expect(up).toMatchObject({
      parentJobId: gridJob?.id,
      price: priceMidjourney(model, 'upscale'),
    });
    expect(up.params).toMatchObject({
      op: 'action',
      action: 'upscale',
      customId: gridJob && mjResultOf(gridJob).buttons?.[u2.index]?.customId,
    });
    await mj.pump(h, () => getJob(db(), up.id)?.status === 'done', { what: 'upscale' });
    expect(mj.balanceOf(h, user.id)).toBe(before - priceMidjourney(model, 'upscale'));
  });

  it('refuses forged, hidden, stale and foreign buttons in the user’s language, charging nothing', async () => {
    const user = mj.fundedUser(h, 1_000);
    const initData = initDataFor(h.bot, { id: user.id, language_code: 'en' });
    const grid = await mj.mjGrid(h, user, 'a quiet harbour');
    const up = await mj.pressChild(h, user, grid, 'U1');
    await mj.pump(h, () => getJob(db(), up.id)?.status === 'done', { what: 'upscale' });
    const upscale = await mj.waitForResult(user);
    const keyboard = keyboardWith(user, 'Upscale (Subtle)');
    const item = (await items(initData)).get(up.id);
    // The keyboard's rows but Vary (Region), which opens the page's own editor; ❤️ is never there.
    expect(mj.buttonTexts(keyboard).flat()).toContain('🖌️ Vary (Region)');
    const chat = mj
      .buttonTexts(keyboard)
      .map((row) => row.filter((t) => !t.includes('Vary (Region)')));
    expect(texts(item)).toEqual(chat.filter((row) => row.length > 0));
    expect(item?.region).toBe(true);

    const before = mj.balanceOf(h, user.id);
    const jobs = mj.jobsOf(h, user.id).length;
    const buttons = mjResultOf(getJob(db(), up.id) ?? up).buttons ?? [];
    const at = (re: RegExp) => buttons.findIndex((b) => re.test(b.customId));
    const refusals: [unknown, number, string, string][] = [
      [
        { button: at(/BOOKMARK/) },
        409,
        'unsupported',
        'This button is no longer available for this result.',
      ],
      [
        { button: at(/Inpaint/) },
        409,
        'region',
        'This button is no longer available for this result.',
      ],
      [{ button: 40 }, 409, 'stale', 'This button is no longer available for this result.'],
      [{ button: '1' }, 400, 'malformed', 'This button is no longer available for this result.'],
      ['{not json', 400, 'malformed', 'This button is no longer available for this result.'],
      [
        { button: at(/CustomZoom/) },
        400,
        'prompt_needed',
        'Write the prompt for Custom Zoom first.',
      ],
      [
        { button: at(/CustomZoom/), prompt: '--relax' },
        400,
        'prompt_bad',
        'Midjourney cannot take this prompt (it may be too long). Change it and send again.',
      ],
      [
        { button: 0, prompt: 'y'.repeat(20_000) },
        413,
        'too_large',
        'Something went wrong. Close the gallery and open it again.',
      ],
    ];
    for (const [body, status, error, message] of refusals) {
      const res = await call(`/results/${up.id}/action`, initData, body);
      expect([res.status, await res.json()]).toEqual([status, { error, message }]);
    }
    // Someone else's result, and one that does not exist: gone, as for any other endpoint.
    const stranger = mj.fundedUser(h, 100, 'es');
    const foreign = await call(
      `/results/${up.id}/action`,
      initDataFor(h.bot, { id: stranger.id, language_code: 'es' }),
      { button: 0 },
    );
    expect([foreign.status, await foreign.json()]).toEqual([
      404,
      { error: 'gone', message: 'Este resultado ya no está disponible.' },
    ]);
    const missing = await call('/results/abcdefghjk/action', initData, { button: 0 });
    expect(missing.status).toBe(404);
    expect(mj.balanceOf(h, user.id)).toBe(before);
    expect(mj.balanceOf(h, stranger.id)).toBe(100);
    expect(mj.jobsOf(h, user.id)).toHaveLength(jobs);
    expect(
      h.bot.tg
        .callsTo('sendMessage')
        .some((c) => /costs/.test(String(c.params.text ?? '')) && c.params.chat_id === user.id),
    ).toBe(false);

    // Custom Zoom with a prompt from the page: the question names the action and its modal step.
    const zoom = cell(item, '🔍 Custom Zoom');
    expect(zoom.prompt).toBe(true);
    const asked = await call(`/results/${up.id}/action`, initData, {
      button: zoom.index,
      prompt: 'a quiet harbour at night --zoom 1.8',
    });
    expect(asked.status).toBe(200);
    const model = h.bot.app.deps.catalog.get(up.model, 'midjourney');
    if (!model) throw new Error('no model');
    const total =
      priceMidjourney(model, 'custom_zoom') + (modalPriceOf(h.bot.app.deps.catalog, up) ?? 0);
    const question = await user.waitFor({
      text: `Custom Zoom on your Midjourney result costs ${h.bot.app.deps.money(total, 'en')}. Start it?`,
    });
    await user.press(question.message ?? upscale, /✅/);
    await mj.pump(h, () => mj.jobsOf(h, user.id).some((j) => j.kind === 'modal'), {
      what: 'the modal job',
    });
    const modal = mj.latestJob(h, user.id, 'modal');
    await mj.pump(h, () => getJob(db(), modal?.id ?? '')?.status === 'done', { what: 'zoom' });
    const body = mj.mjSubmits(h.sim, 'modal').at(-1)?.body as { prompt?: string };
    expect(body.prompt).toBe('a quiet harbour at night --zoom 1.8');
    expect(mj.balanceOf(h, user.id)).toBe(before - total);
  });
});
