import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updateSettings } from '../../src/accounts/users.js';
import { LINK_TARGETS } from '../fakes/gateway-sim/markers.js';
import type { TestUser } from '../fakes/telegram/index.js';
import { startTestBot, type TestBot } from '../helpers/bot-harness.js';
import { balanceOf, fund, waitForJob } from './images/helpers.js';
import { FAST_ASYNC, startVideo } from './video/helpers.js';

/**
 * The gateway's answer is untrusted input: a chat model's reply is text the user's prompt
 * steers, and a broken upstream sends whatever it has. The simulator plays both (its hostile
 * markers); the bot must fetch nothing with the operator's key that it did not build itself,
 * deliver no body that is not media, take no more files than it asked for and give up on a
 * body that never ends, each time refunding exactly once.
 */
describe('hostile gateway answers (bot level)', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startTestBot({
      gateway: { chatImageVariant: { 'gpt-4o-image': 'markdown-url' } },
      env: { RESULT_DOWNLOAD_TIMEOUT_MS: '1500', KEY_CONCURRENCY: '1' },
      app: FAST_ASYNC,
    });
  });
  afterAll(async () => {
    expect(bot.gateway.leaks).toEqual([]);
    await bot.close();
  });

  const BALANCE = 1000;
  const newUser = async (imageModel: string, language_code = 'en') => {
    const user = bot.tg.user({ language_code });
    fund(bot.app, user.id, BALANCE);
    await updateSettings(bot.app.deps.database, user.id, { imageModel });
    return user;
  };

  /** Nothing but text reached the chat, and none of it is the gateway's or the operator's data. */
  function expectNothingLeaked(user: TestUser): void {
    for (const m of user.botMessages()) {
      expect(m.document ?? m.photo ?? m.video ?? m.animation).toBeUndefined();
      expect(m.text ?? '').not.toMatch(/hard_limit|billing_subscription|<html|DOCTYPE|"object"/i);
    }
  }

  /** The prompt fails with `text`, the job with `code`, and the reservation comes back once. */
  async function expectFailure(user: TestUser, prompt: string, code: string, text: RegExp) {
    user.send(prompt);
    const failure = await user.waitFor({ text }, { timeoutMs: 8_000 });
    const job = await waitForJob(bot.app, user.id, (j) => j.status === 'failed');
    expect(job.errorCode).toBe(code);
    expect(balanceOf(bot.app, user.id)).toBe(BALANCE);
    expectNothingLeaked(user);
    return failure;
  }

  /** Requests that reached the simulator carrying the operator's key, on paths a result named. */
  const keyedRequestsTo = (path: RegExp) =>
    bot.gateway.requests.filter((r) => path.test(r.path) && r.headers.authorization !== undefined);

  const OWN_ROUTES = /^\/v1\/(dashboard|models|videos\/video_)|^\/mj\/task\//;

  describe.each([
    ['flux', 'the images API'],
    ['gpt-4o-image', 'a chat reply'],
  ])('%s (%s) linking elsewhere', (model) => {
    it.each(LINK_TARGETS)(
      'a result URL at %s is fetched without the key and refused',
      async (target) => {
        const user = await newUser(model);
        // Fetched keyless, each answers with the gateway's JSON, which is no image.
        await expectFailure(user, `a cat [[link:${target}]]`, 'malformed', /could not read/);
        expect(keyedRequestsTo(OWN_ROUTES)).toEqual([]);
      },
    );
  });

  describe.each([
    ['flux', 'a URL'],
    ['gpt-image-1-mini', 'base64'],
    ['gpt-4o-image', 'a chat reply URL'],
  ])('%s (%s) answering with a page instead of an image', (model) => {
    it.each(['html', 'json'])('a %s body labelled image/png is refused', async (kind) => {
      const user = await newUser(model);
      await expectFailure(user, `a dog [[fake:${kind}]]`, 'malformed', /could not read/);
    });
  });

  it('a Russian user is told in Russian', async () => {
    const user = await newUser('flux', 'ru');
    await expectFailure(user, 'кот [[fake:html]]', 'malformed', /не смог прочитать|не удалась/);
  });

  it.each([
    ['flux', 'the images API'],
    ['gpt-4o-image', 'a chat reply'],
  ])('%s: 60 URLs for one image are one download and one photo (%s)', async (model) => {
    const user = await newUser(model);
    const downloads = () => bot.gateway.requests.filter((r) => r.path.startsWith('/files/')).length;
    const before = downloads();
    user.send('sixty owls [[urls:60]]');
    await user.waitFor({ photo: true, text: /sixty owls/ }, { timeoutMs: 8_000 });
    const job = await waitForJob(bot.app, user.id, (j) => j.status === 'done');
    expect(job.result?.files).toHaveLength(1);
    expect(downloads() - before).toBe(1);
    expect(balanceOf(bot.app, user.id)).toBe(BALANCE - job.price);
    expect(user.botMessages().filter((m) => m.photo)).toHaveLength(1);
  });

  it('a body that trickles for minutes fails at the download deadline, and the lane stays free', async () => {
    const slow = await newUser('flux');
    // 2 MB at 1 KB per 100 ms would take almost four minutes.
    slow.send('a slow river [[big:2mb]] [[trickle:100ms]]');
    await waitForJob(bot.app, slow.id, (j) => j.status !== 'queued');
    // With one operator slot, a second prompt completes while the first still downloads.
    const quick = await newUser('flux');
    quick.send('a quick hare');
    await quick.waitFor({ photo: true, text: /a quick hare/ }, { timeoutMs: 8_000 });
    expect(slow.botMessages().some((m) => m.photo)).toBe(false);
    await slow.waitFor({ text: /took too long/ }, { timeoutMs: 8_000 });
    const job = await waitForJob(bot.app, slow.id, (j) => j.status === 'failed');
    expect(job.errorCode).toBe('timeout');
    expect(balanceOf(bot.app, slow.id)).toBe(BALANCE);
  });

  it('a video whose content is an HTML page is refused, and refunded', async () => {
    const user = bot.tg.user({ language_code: 'en' });
    fund(bot.app, user.id, 10_000);
    await updateSettings(bot.app.deps.database, user.id, { videoModel: 'sora-2' });
    await startVideo(user, 'a wave [[fake:html]]');
    await user.waitFor({ text: /could not read/ }, { timeoutMs: 8_000 });
    const job = await waitForJob(bot.app, user.id, (j) => j.status === 'failed');
    expect(job.errorCode).toBe('malformed');
    expect(balanceOf(bot.app, user.id)).toBe(10_000);
    expectNothingLeaked(user);
  });

  it('a video that trickles (a byte now and then, never idle for long) fails at the total download deadline, refunded', async () => {
    const user = bot.tg.user({ language_code: 'en' });
    fund(bot.app, user.id, 10_000);
    await updateSettings(bot.app.deps.database, user.id, { videoModel: 'kling-video-v2-6' });
    // 2 MB at 1 KB per 100 ms: the idle timeout never fires, only the total deadline can.
    await startVideo(user, 'a slow tide [[big:2mb]] [[trickle:100ms]]');
    const job = await waitForJob(bot.app, user.id, (j) => j.status === 'failed', 15_000);
    expect(job.errorCode).toBe('timeout');
    expect(balanceOf(bot.app, user.id)).toBe(10_000);
    expect(user.botMessages().some((m) => m.video || m.document)).toBe(false);
  });
});
