import type { Message } from 'grammy/types';
import { describe, expect, it } from 'vitest';
import { getSettings } from '../../../src/accounts/users.js';
import {
  balanceOf,
  expectCallbackDataFits,
  fundedUser,
  jobAppears,
  latestJob,
  mjSubmits,
  pump,
  useMjBot,
  waitForResult,
} from './helpers.js';

/** Midjourney speed: chosen in /settings or by a flag in the prompt; the model sets queue and price. */
describe('Midjourney speed (bot level)', () => {
  const h = useMjBot({ asyncJobs: { previews: false } });

  const submitPath = (prompt: string) =>
    mjSubmits(h.sim, 'imagine').find((r) =>
      String((r.body as { prompt?: string }).prompt).includes(prompt),
    )?.path;

  it('/settings lists Midjourney and Niji per enabled speed with prices; the choice is stored and used', async () => {
    const user = fundedUser(h, 1_000);
    user.send('/settings');
    const home = await user.waitFor({ text: /Settings/ });
    expect(home.message?.text).toContain('Midjourney: Midjourney (fast) · 0.10 USD a grid');
    const screen = home.message as Message;
    await user.press(screen, '🖼 Midjourney: speed and version');
    const list = await user.waitFor({ edit: true, text: /Midjourney and Niji at each speed/ });
    expectCallbackDataFits(list.message);
    const labels = list.message?.reply_markup?.inline_keyboard.flat().map((b) => b.text) ?? [];
    expect(labels).toEqual([
      '✅ Midjourney (fast) · 0.10 USD a grid, 0.05 USD an upscale',
      'Midjourney (relax, slower) · 0.05 USD a grid, 0.03 USD an upscale',
      'Niji (fast) · 0.10 USD a grid, 0.05 USD an upscale',
      'Niji (relax, slower) · 0.05 USD a grid, 0.03 USD an upscale',
      '✅ Default',
      '--v 7',
      '--v 6.1',
      '--v 6',
      '--v 5.2',
      '⬅️ Back',
    ]);
    const saved = await user.press(screen, /^Midjourney \(relax/);
    expect(saved.text).toBe('✅ Model: Midjourney (relax, slower)');
    await user.waitFor({ edit: true, text: /Midjourney: Midjourney \(relax, slower\)/ });
    expect((await getSettings(h.bot.app.deps.database, user.id)).mjModel).toBe('mj_relax');

    user.send('/mj a quiet harbour at dawn');
    const job = await jobAppears(h, user.id, (j) => j.kind === 'imagine');
    expect(job).toMatchObject({ model: 'mj_relax', price: 5 });
    expect(balanceOf(h, user.id)).toBe(995);
    await pump(h, () => submitPath('quiet harbour') !== undefined, { what: 'the submit' });
    expect(submitPath('quiet harbour')).toBe('/mj-relax/mj/submit/imagine');
  });

  it('a version picked in /settings rides on prompts that name none; Niji writes it --niji; Default clears it', async () => {
    const user = fundedUser(h, 1_000, 'ru');
    user.send('/settings');
    const home = (await user.waitFor({ text: /Настройки/ })).message as Message;
    expect(home.text).toContain('🧬 Версия: по умолчанию сервиса');
    await user.press(home, '🖼 Midjourney: скорость и версия');
    await user.waitFor({ edit: true, text: /Midjourney и Niji/ });
    expect((await user.press(home, '--v 6.1')).text).toBe('✅ Сохранено: --v 6.1');
    expect((await getSettings(h.bot.app.deps.database, user.id)).mjVersion).toBe('6.1');
    // A forged version the model does not offer changes nothing.
    expect((await user.pressData(home, 's:mjv:9')).text).toMatch(/не предлагается/);
    expect((await getSettings(h.bot.app.deps.database, user.id)).mjVersion).toBe('6.1');

    user.send('/mj a red glider over dunes');
    const job = await jobAppears(h, user.id, (j) => j.kind === 'imagine');
    expect(job.params.prompt).toBe('a red glider over dunes --v 6.1');
    user.send('/mj a blue glider --v 5.2');
    const own = await jobAppears(h, user.id, (j) =>
      String(j.params.prompt).includes('blue glider'),
    );
    expect(own.params.prompt).toBe('a blue glider --v 5.2');

    // Niji offers 6 and 5, not 6.1: the pick does not apply there.
    await user.press(home, /^Niji \(fast\)/);
    user.send('/mj a green glider');
    const niji = await jobAppears(h, user.id, (j) =>
      String(j.params.prompt).includes('green glider'),
    );
    expect(niji).toMatchObject({ model: 'niji_fast', params: { prompt: 'a green glider' } });
    // The button of the Niji screen, pressed as its data.
    expect((await user.pressData(home, 's:mjv:6')).text).toBe('✅ Сохранено: --niji 6');
    user.send('/mj a white glider');
    const six = await jobAppears(h, user.id, (j) =>
      String(j.params.prompt).includes('white glider'),
    );
    expect(six.params.prompt).toBe('a white glider --niji 6');
    expect((await user.pressData(home, 's:mjv:default')).text).toBe('✅ Сохранено: По умолчанию');
    expect((await getSettings(h.bot.app.deps.database, user.id)).mjVersion).toBeUndefined();
  });

  it('--relax in the prompt picks the relax model of the same bot; the speed travels once, at the end', async () => {
    const user = fundedUser(h, 1_000);
    user.send('/mj a lighthouse in fog --ar 16:9 --relax');
    const job = await jobAppears(h, user.id, (j) => j.kind === 'imagine');
    expect(job).toMatchObject({ model: 'mj_relax', price: 5 });
    expect(job.params.prompt).toBe('a lighthouse in fog --ar 16:9');
    await pump(h, () => submitPath('lighthouse in fog') !== undefined, { what: 'the submit' });
    expect(submitPath('lighthouse in fog')).toBe('/mj-relax/mj/submit/imagine');
    const sent = mjSubmits(h.sim, 'imagine').find((r) =>
      String((r.body as { prompt?: string }).prompt).includes('lighthouse in fog'),
    )?.body;
    expect(sent).toMatchObject({
      prompt: 'a lighthouse in fog --ar 16:9 --relax',
      accountFilter: { modes: ['RELAX'] },
    });
  });

  it('a speed the catalog does not enable is refused before any charge, naming those it does', async () => {
    const user = fundedUser(h, 1_000);
    user.send('/mj a red kite --turbo');
    await user.waitFor({
      text: '--turbo is not offered here. Speeds you can use: --fast, --relax. Nothing was charged.',
    });
    expect(balanceOf(h, user.id)).toBe(1_000);
    expect(submitPath('red kite')).toBeUndefined();
  });
});

/**
 * Behind new-api's relay the path prefix never reaches Midjourney; what runs is what the task
 * says while it waits ("relaxed", "fast"), and the caption says so beside the price paid.
 */
describe.each([
  {
    relay: { modeClear: true },
    caption:
      '⚡ Ran in fast mode, not relax: the service did not pass the speed on. You paid the relax price.',
  },
  { relay: { modeClear: true, accountFilter: true }, caption: '⚡ Ran in relax mode.' },
  { relay: {}, caption: '⚡ Ran in relax mode.' },
])('Midjourney speed behind a relay $relay', ({ relay, caption }) => {
  const h = useMjBot({
    asyncJobs: { previews: false },
    sim: { mjRelay: relay, timings: { mjWaitingMs: 5_000 } },
  });

  it('the caption names the speed the task ran in', async () => {
    const user = fundedUser(h, 1_000);
    user.send('/mj a heron on one leg --relax');
    const job = await jobAppears(h, user.id, (j) => j.kind === 'imagine');
    expect(job).toMatchObject({ model: 'mj_relax', price: 5 });
    await pump(h, () => latestJob(h, user.id)?.status === 'done', {
      stepMs: 500,
      what: 'the grid delivered',
    });
    const grid = await waitForResult(user);
    expect(grid.caption?.split('\n')).toContain(caption);
    expect(balanceOf(h, user.id)).toBe(995);
  });
});
