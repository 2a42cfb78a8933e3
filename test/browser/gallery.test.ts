import fs from 'node:fs';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getJob } from '../../src/jobs/store.js';
import { fund, jobsOf, waitForJob } from '../bot/images/helpers.js';
import { initDataFor, serveMiniApp } from '../bot/miniapp/helpers.js';
import * as mj from '../bot/mj/helpers.js';
import { type TestBot, useTestBot } from '../helpers/bot-harness.js';

/** Debian's package; no browser is downloaded at install time. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const available = fs.existsSync(CHROMIUM);
const inCi = process.env.CI === 'true';
if (!available && !inCi)
  console.warn(`[tests] no Chromium at ${CHROMIUM}: skipping the browser test`);

/** Set to a folder (e.g. docs) to keep the screenshots. */
const SHOTS = process.env.MINI_APP_SCREENSHOTS;

/**
 * What Telegram's client injects (telegram-web-app.js): signed initData, the theme, and the
 * back button, whose calls the test reads back.
 */
function telegramShim(initData: string, theme: Record<string, string>): string {
  return `
    window.__tg = { back: [] };
    window.Telegram = { WebApp: {
      initData: ${JSON.stringify(initData)},
      themeParams: ${JSON.stringify(theme)},
      ready() {}, expand() {}, onEvent() {},
      switchInlineQuery(query, types) { window.__tg.inline = [query, types]; },
      BackButton: {
        show() { window.__tg.back.push('show'); }, hide() { window.__tg.back.push('hide'); },
        onClick(fn) { window.__tg.backClick = fn; },
      },
      MainButton: {
        text: '', visible: false,
        setText(t) { this.text = t; }, show() { this.visible = true; }, hide() { this.visible = false; },
        showProgress() {}, hideProgress() {},
        onClick(fn) { window.__tg.mainClick = fn; },
      },
    } };`;
}

const DARK = {
  bg_color: '#17212b',
  text_color: '#f5f5f5',
  hint_color: '#708499',
  button_color: '#5288c1',
  button_text_color: '#ffffff',
  secondary_bg_color: '#232e3c',
};

/**
 * Chromium and the bot's HTTP server (the Mini App only) for one suite; `open` makes a
 * phone-sized page (360 px) with the shim, where nothing but the bot's server is reachable.
 */
function useGalleryBrowser(bot: () => TestBot) {
  let server: Awaited<ReturnType<typeof serveMiniApp>> | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await serveMiniApp(bot());
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    url: () => {
      if (!server) throw new Error('the server has not started');
      return server.url;
    },
    async open(initData: string): Promise<Page> {
      if (!browser || !server) throw new Error('the browser has not started');
      const origin = server.url;
      const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
      await page.route('**/*', (route) =>
        route.request().url().startsWith(origin) ? route.continue() : route.abort(),
      );
      await page.addInitScript(telegramShim(initData, DARK));
      return page;
    },
  };
}

(available || inCi ? describe : describe.skip)('the gallery in a real browser', () => {
  const bot = useTestBot({ env: { MINI_APP_URL: 'http://127.0.0.1/app' } });
  const { open, url } = useGalleryBrowser(() => bot);

  it('shows the user’s results in their theme and language, opens one, and goes back', async () => {
    const user = bot.tg.user({ language_code: 'ru' });
    fund(bot.app, user.id, 100);
    for (const prompt of ['a red fox in the snow', 'a lighthouse at dusk']) {
      user.send(`/imagine ${prompt}`);
      await waitForJob(bot.app, user.id, (j) => j.status === 'done' && j.params.prompt === prompt);
    }
    // Someone else's result must not show up.
    const other = bot.tg.user({ language_code: 'en' });
    fund(bot.app, other.id, 100);
    other.send('/imagine a secret garden');
    await waitForJob(bot.app, other.id, (j) => j.status === 'done');

    const page = await open(initDataFor(bot, { id: user.id, language_code: 'ru' }));
    await page.goto(`${url()}/app/`);
    await page.locator('.card img').nth(1).waitFor();
    // From the start of navigation, as the page's own clock counts it (a figure, not a gate).
    const loadedMs = Math.round(await page.evaluate<number>('performance.now()'));
    console.info(`[gallery] two results with thumbnails shown ${loadedMs} ms after navigation`);

    expect(await page.title()).toBe('Мои результаты');
    const cards = page.locator('.card');
    expect(await cards.count()).toBe(2);
    expect(await cards.nth(0).getAttribute('title')).toBe('a lighthouse at dusk');
    expect(await page.content()).not.toContain('secret garden');
    // Two results fit one page: no "show more".
    expect(await page.locator('#more').isVisible()).toBe(false);
    // The theme of the client, not a hard-coded one.
    const bg = await page.evaluate<string>('getComputedStyle(document.body).backgroundColor');
    expect(bg).toBe('rgb(23, 33, 43)');
    // Fits a 360 px phone: no horizontal scrolling.
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(
      360,
    );
    if (SHOTS) await page.screenshot({ path: path.join(SHOTS, 'mini-app-gallery.png') });

    await cards.nth(1).click();
    await page.locator('#media img').waitFor();
    expect(await page.locator('#prompt').textContent()).toBe('a red fox in the snow');
    expect(await page.locator('#caption').textContent()).toBe('FLUX · 0,03 USD');
    expect(await page.locator('#original').textContent()).toBe('⬇️ Исходный файл');
    const natural = await page.evaluate<number>(
      "document.querySelector('#media img')?.naturalWidth ?? 0",
    );
    expect(natural).toBeGreaterThan(320); // the full file, not the thumbnail
    if (SHOTS) await page.screenshot({ path: path.join(SHOTS, 'mini-app-result.png') });
    // ↗️ hands the prompt to inline mode, which finds this result among the user's own.
    await page.locator('#share', { hasText: 'Отправить в чат' }).click();
    expect(await page.evaluate<unknown>('window.__tg.inline')).toEqual([
      'a red fox in the snow',
      ['users', 'groups', 'channels'],
    ]);
    // 🔁 asks in the chat with the price; ✅ there starts it like any job.
    await page.locator('#again', { hasText: 'Ещё раз' }).click();
    await page.locator('#detail-status', { hasText: 'Подтвердите в чате' }).waitFor();
    const question = await user.waitFor({ text: '🔁 FLUX ещё раз — 0,03 USD. Запустить?' });
    const jobsBefore = jobsOf(bot.app, user.id).length;
    await user.press(question.message ?? 0, /0,03 USD/);
    await waitForJob(bot.app, user.id, (j) => j.status === 'done' && j.parentJobId !== null);
    expect(jobsOf(bot.app, user.id).length).toBe(jobsBefore + 1);
    await page.evaluate('window.__tg.backClick()');
    await page.locator('#gallery').waitFor();
    expect(await page.evaluate<string[]>('window.__tg.back')).toEqual(['show', 'hide']);
    await page.close();
  });

  it('edits a result with ✏️: a brush for a model that takes a mask, the mask reaches the gateway', async () => {
    const user = bot.tg.user({ language_code: 'en' });
    fund(bot.app, user.id, 100);
    user.send('/imagine a quiet harbour');
    const source = await waitForJob(bot.app, user.id, (j) => j.status === 'done');

    const page = await open(initDataFor(bot, { id: user.id, language_code: 'en' }));
    await page.goto(`${url()}/app/`);
    await page.locator(`.card[data-id="${source.id}"]`).click();
    await page.locator('#media img').waitFor();
    await page.locator('#edit', { hasText: '✏️ Edit' }).click();
    // The first model with a brush is chosen; one without hides the brush.
    expect(await page.locator('#edit-model').inputValue()).toBe('dall-e-2');
    expect(await page.locator('#region-canvas').isVisible()).toBe(true);
    const noBrush = await page.evaluate<string>(
      "[...document.querySelectorAll('#edit-model option')].find((o) => !o.textContent.includes('🖌'))?.value ?? ''",
    );
    expect(noBrush).not.toBe('');
    await page.locator('#edit-model').selectOption(noBrush);
    expect(await page.locator('#region-canvas').isVisible()).toBe(false);
    expect(await page.locator('#region-hint').textContent()).toBe(
      'The model changes the whole image as you describe.',
    );
    await page.locator('#edit-model').selectOption('dall-e-2');
    expect(await page.evaluate<unknown>('Telegram.WebApp.MainButton.text')).toBe('Send to edit');
    // An instruction is required; nothing reaches the bot without one.
    await page.evaluate('window.__tg.mainClick()');
    await page.locator('#region-status', { hasText: 'Write what to change first.' }).waitFor();

    const canvas = page.locator('#region-canvas');
    const box = await canvas.boundingBox();
    if (!box) throw new Error('no canvas');
    await page.mouse.move(box.x + 30, box.y + 30);
    await page.mouse.down();
    for (let i = 1; i <= 8; i++) await page.mouse.move(box.x + 30 + i * 10, box.y + 30 + i * 5);
    await page.mouse.up();
    await page.locator('#region-prompt').fill('add a red boat');
    if (SHOTS) await page.screenshot({ path: path.join(SHOTS, 'mini-app-edit.png') });
    const masksBefore = bot.gateway.masks.length;
    await page.evaluate('window.__tg.mainClick()');
    await page.locator('#region-status', { hasText: 'Confirm it in the chat' }).waitFor();
    await page.close();

    const question = await user.waitFor({ text: /Editing the painted part with DALL·E 2 Edit/ });
    await user.press(question.message ?? 0, /USD/);
    const edited = await waitForJob(
      bot.app,
      user.id,
      (j) => j.status === 'done' && j.kind === 'edit' && j.parentJobId === source.id,
    );
    expect(edited.params.prompt).toBe('add a red boat');
    const mask = bot.gateway.masks.slice(masksBefore);
    expect(mask).toHaveLength(1);
    expect(mask[0]?.refused).toBeUndefined();
    expect(mask[0]?.hasAlpha).toBe(true);
    expect([mask[0]?.width, mask[0]?.height]).toEqual([
      mask[0]?.image.width,
      mask[0]?.image.height,
    ]);
    // Painted a stroke, not the whole picture.
    const pixels = (mask[0]?.width ?? 0) * (mask[0]?.height ?? 0);
    expect(mask[0]?.transparent).toBeGreaterThan(0);
    expect(mask[0]?.transparent).toBeLessThan(pixels / 2);
  });

  it('says the gallery was opened again when an older page calls after a newer one', async () => {
    const user = bot.tg.user({ language_code: 'uk' });
    const now = Math.floor(Date.now() / 1000);
    const newer = await open(initDataFor(bot, { id: user.id, language_code: 'uk' }, now));
    await newer.goto(`${url()}/app/`);
    await newer.locator('#status').filter({ hasText: /\S/ }).waitFor();
    const older = await open(initDataFor(bot, { id: user.id, language_code: 'uk' }, now - 600));
    await older.goto(`${url()}/app/`);
    await older.locator('#status', { hasText: 'відкрили знову' }).waitFor();
    expect(await older.locator('.card').count()).toBe(0);
    await Promise.all([newer.close(), older.close()]);
  });

  it('says so, in the user’s language, when initData is expired or forged', async () => {
    const stale = initDataFor(
      bot,
      { id: 77, language_code: 'es' },
      Math.floor(Date.now() / 1000) - 3 * 86_400,
    );
    const page = await open(stale);
    await page.goto(`${url()}/app/`);
    await page.locator('#status', { hasText: 'no pudo confirmar' }).waitFor();
    expect(await page.locator('.card').count()).toBe(0);
    await page.close();
  });
});

(available || inCi ? describe : describe.skip)('the mask editor in a real browser', () => {
  const h = mj.useMjBot({ env: { MINI_APP_URL: 'http://127.0.0.1/app' } });
  const { open, url } = useGalleryBrowser(() => h.bot);

  it('paints a region on an upscale, and the Vary (Region) job reaches Midjourney with that mask', async () => {
    const user = mj.fundedUser(h, 1_000);
    const grid = await mj.mjGrid(h, user, 'a castle on a hill');
    const up = await mj.pressChild(h, user, grid, 'U1');
    await mj.pump(h, () => getJob(h.bot.app.deps.db, up.id)?.status === 'done', {
      what: 'upscale',
    });
    await mj.waitForResult(user);

    const page = await open(initDataFor(h.bot, { id: user.id, language_code: 'en' }));
    await page.goto(`${url()}/app/`);
    await page.locator(`.card[data-id="${up.id}"] img`).waitFor();
    await page.locator(`.card[data-id="${up.id}"]`).click();
    await page.locator('#media img').waitFor();
    await page.locator('#region', { hasText: 'Vary (Region)' }).click();
    const canvas = page.locator('#region-canvas');
    await canvas.waitFor();
    // Telegram's main button sends (the page's own button is for other browsers).
    expect(
      await page.evaluate<unknown>(
        '[Telegram.WebApp.MainButton.text, Telegram.WebApp.MainButton.visible]',
      ),
    ).toEqual(['Send to Midjourney', true]);
    expect(await page.locator('#region-send').isVisible()).toBe(false);
    // Sending before painting says what to do; nothing reaches the bot.
    await page.evaluate('window.__tg.mainClick()');
    await page.locator('#region-status', { hasText: 'Nothing is painted yet' }).waitFor();

    const box = await canvas.boundingBox();
    if (!box) throw new Error('no canvas');
    await page.mouse.move(box.x + 40, box.y + 40);
    await page.mouse.down();
    for (let i = 1; i <= 10; i++) await page.mouse.move(box.x + 40 + i * 12, box.y + 40 + i * 6);
    await page.mouse.up();
    await page.locator('#region-prompt').fill('a blue flag');
    if (SHOTS) await page.screenshot({ path: path.join(SHOTS, 'mini-app-editor.png') });
    await page.evaluate('window.__tg.mainClick()');
    await page.locator('#region-status', { hasText: 'Confirm it in the chat' }).waitFor();
    await page.close();

    const question = await user.waitFor({ text: /Vary \(Region\) with your mask costs/ });
    await user.press(question.message ?? grid, /Start/);
    await mj.pump(h, () => mj.jobsOf(h, user.id).some((j) => j.kind === 'modal'), {
      what: 'the modal job',
    });
    const modal = mj.latestJob(h, user.id, 'modal');
    await mj.pump(h, () => getJob(h.bot.app.deps.db, modal?.id ?? '')?.status === 'done', {
      what: 'the region result',
    });
    const body = mj.mjSubmits(h.sim, 'modal').at(-1)?.body as {
      maskBase64?: string;
      prompt?: string;
    };
    expect(body.prompt).toBe('a blue flag');
    const mask = Buffer.from((body.maskBase64 ?? '').replace(/^data:[^,]*,/, ''), 'base64');
    const image = mj.jobsOf(h, user.id).find((j) => j.id === up.id);
    const file =
      (image?.result as { files?: { path: string }[] } | undefined)?.files?.[0]?.path ?? '';
    const [maskMeta, imageMeta] = await Promise.all([
      sharp(mask).metadata(),
      sharp(file).metadata(),
    ]);
    expect([maskMeta.width, maskMeta.height]).toEqual([imageMeta.width, imageMeta.height]);
    // Painted near the top left, nothing elsewhere: white there, black in the far corner.
    const { data, info } = await sharp(mask)
      .greyscale()
      .raw()
      .toBuffer({ resolveWithObject: true });
    const at = (x: number, y: number) => data[y * info.width + x];
    const scale = info.width / box.width;
    expect(at(Math.round(40 * scale), Math.round(40 * scale))).toBe(255);
    expect(at(info.width - 2, info.height - 2)).toBe(0);
    await mj.waitForResult(user);
  });
});
