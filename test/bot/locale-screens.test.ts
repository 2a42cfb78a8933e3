import { describe, expect, it } from 'vitest';
import { useTestBot } from '../helpers/bot-harness.js';
import { fund, waitForJob } from './images/helpers.js';

/**
 * Every screen shows money in the reader's number format (one formatter) and models by their
 * catalog title (one name): the balance, settings, the video screen, the queued status, the
 * result caption, a refund note and /jobs, in Russian (decimal comma) and Chinese.
 */
describe.each([
  {
    locale: 'ru',
    balance: '12,50 USD',
    price: '0,03 USD',
    texts: { status: /В очереди/, failed: /не удалась/, jobs: /последние генерации/ },
  },
  {
    locale: 'zh',
    balance: '12.50 USD',
    price: '0.03 USD',
    texts: { status: /排队/, failed: /失败/, jobs: /最近的生成记录/ },
  },
])('screens in $locale (bot level)', ({ locale, balance, price, texts }) => {
  const bot = useTestBot();

  const newUser = () => {
    const user = bot.tg.user({ language_code: locale });
    fund(bot.app, user.id, 1250);
    return user;
  };
  /** Neither the en format of the amount nor a raw model id anywhere in the text. */
  const wellFormatted = (text: string | undefined) => {
    expect(text).toBeDefined();
    if (locale === 'ru') expect(text).not.toMatch(/\d\.\d\d USD/);
    expect(text).not.toMatch(/\bflux\b|bfl\/|kling-video/);
  };

  it('/balance, /settings and the video screen', async () => {
    const user = newUser();
    user.send('/balance');
    const shown = await user.waitFor({ text: new RegExp(balance) });
    wellFormatted(shown.message?.text);

    user.send('/settings');
    const settings = await user.waitFor({ text: /FLUX/ });
    expect(settings.message?.text).toContain(price);
    wellFormatted(settings.message?.text);

    user.send('/video a cat surfing');
    const screen = await user.waitFor({ text: /Kling/ });
    expect(screen.message?.text).toMatch(locale === 'ru' ? /\d,\d\d USD/ : /\d\.\d\d USD/);
    wellFormatted(screen.message?.text);
  });

  it('the queued status, the caption, a refund note and /jobs', async () => {
    const user = newUser();
    user.send('/imagine a red fox in the snow');
    const status = await user.waitFor({ text: texts.status });
    expect(status.message?.text).toMatch(/[(（]FLUX[)）]/);
    expect(status.message?.text).toContain(price);
    wellFormatted(status.message?.text);
    const photo = await user.waitFor({ photo: true });
    expect(photo.message?.caption).toMatch(new RegExp(`^FLUX · ${price}`));
    wellFormatted(photo.message?.caption);

    user.send('a nude statue');
    const failed = await user.waitFor({ text: texts.failed });
    expect(failed.message?.text).toContain(price);
    wellFormatted(failed.message?.text);
    await waitForJob(bot.app, user.id, (j) => j.status === 'failed');

    user.send('/jobs');
    const jobs = await user.waitFor({ text: texts.jobs });
    expect(jobs.message?.text).toContain(' · FLUX · ');
    wellFormatted(jobs.message?.text);
  });
});
