import { describe, expect, it } from 'vitest';
import { updateSettings } from '../../../src/accounts/users.js';
import { videoResultOf } from '../../../src/jobs/video/result.js';
import { DEFAULT_TEST_KEY } from '../../fakes/gateway-sim/index.js';
import type { TestUser } from '../../fakes/telegram/index.js';
import { startTestBot, type TestBot, useTestBot } from '../../helpers/bot-harness.js';
import { balanceOf, fund, jobsOf, waitForJob } from '../images/helpers.js';
import { FAST_ASYNC, startVideo, videoSubmits } from './helpers.js';

/** The stand-in takes uploads up to 300 KB; the bot is told 1 MB (a limit set too high). */
const STANDIN_LIMIT = 300 * 1024;

const options = {
  gateway: {
    // Queued only briefly: the first look already sees a running task with its progress.
    timings: { videoQueuedMs: 100, videoRunMs: 12_000 },
    videoDialect: { 'kling-video-v2-6': 'kling-metadata', 'sora-2': 'openai' } as const,
  },
  telegram: { uploadLimitBytes: STANDIN_LIMIT },
  env: { TELEGRAM_UPLOAD_LIMIT_MB: '1' },
  app: { asyncJobs: { ...FAST_ASYNC.asyncJobs, videoDeadlineMs: 3_000 } },
};

describe('/video: progress, delivery fallbacks, failures, deadlines, restarts (bot level)', () => {
  const bot = useTestBot(options);

  const newUser = (balance = 10_000) => {
    const user = bot.tg.user({ language_code: 'en' });
    fund(bot.app, user.id, balance);
    return user;
  };
  /** The user's job failed with `errorCode` and the 10,000 they started with are all back. */
  const expectRefundedFailure = async (user: TestUser, errorCode: string) => {
    const job = await waitForJob(bot.app, user.id, (j) => j.status === 'failed');
    expect(job.errorCode).toBe(errorCode);
    expect(balanceOf(bot.app, user.id)).toBe(10_000);
  };

  it('shows progress on the status message while the task runs', async () => {
    const user = newUser();
    await startVideo(user, 'a slow sunrise');
    // Held running (progress 30 → 70, then steady) until the edit was seen, however slow the host.
    const running = await waitForJob(bot.app, user.id, (j) => j.upstreamId !== null);
    const task = bot.gateway.videoTask(running.upstreamId ?? '');
    if (task) task.neverFinish = true;
    const progress = await user.waitFor({ text: /Kling 2.6: \d+% · /, edit: true });
    expect(progress.call.method).toBe('editMessageText');
    if (task) task.neverFinish = false;
    await user.waitFor({ method: 'sendVideo' }, { timeoutMs: 8_000 });
    expect((await waitForJob(bot.app, user.id, (j) => j.status === 'done')).progress).toBe('100%');
  });

  it('a video Telegram refuses as a video goes as a document', async () => {
    const user = newUser();
    bot.tg.failNext('sendVideo', {
      error_code: 400,
      description: 'Bad Request: VIDEO_CONTENT_TYPE_INVALID',
    });
    await startVideo(user, 'a document please');
    const doc = await user.waitFor({ method: 'sendDocument' }, { timeoutMs: 8_000 });
    expect(doc.message?.document?.file_name).toMatch(/\.mp4$/);
    expect(doc.message?.caption).toContain('a document please');
    const job = await waitForJob(bot.app, user.id, (j) => j.status === 'done');
    expect(videoResultOf(job)).toMatchObject({ deliveredAs: 'document' });
  });

  it('above the server’s upload limit (413 as a video): a link, no second upload', async () => {
    const user = newUser();
    const uploadsBefore = bot.tg.callsTo('sendDocument').length;
    await startVideo(user, 'a big one [[big:500kb]]');
    const link = await user.waitFor(
      { text: /too large to upload here \(500 KB\)/ },
      {
        timeoutMs: 8_000,
      },
    );
    expect(link.message?.text).toMatch(new RegExp(`${bot.gateway.url}/files/\\w+\\.mp4`));
    expect(link.message?.text).not.toContain(DEFAULT_TEST_KEY);
    expect(bot.tg.callsTo('sendDocument').length).toBe(uploadsBefore);
    const failed = bot.tg.calls.filter(
      (c) => c.method === 'sendVideo' && String(c.params.chat_id) === String(user.id),
    );
    expect(failed.map((c) => c.response.ok)).toEqual([false]);
    const job = await waitForJob(bot.app, user.id, (j) => j.status === 'done');
    expect(videoResultOf(job)).toMatchObject({ deliveredAs: 'link', size: 500 * 1024 });
    expect(balanceOf(bot.app, user.id)).toBe(10_000 - job.price);
  });

  it('video refused, then the document too large: a link', async () => {
    const user = newUser();
    bot.tg.failNext('sendVideo', { error_code: 400, description: 'Bad Request: VIDEO_INVALID' });
    await startVideo(user, 'refused then big [[big:400kb]]');
    await user.waitFor({ text: /too large to upload here/ }, { timeoutMs: 8_000 });
    const sent = bot.tg.calls.filter((c) => String(c.params.chat_id) === String(user.id));
    expect(sent.filter((c) => c.method === 'sendDocument').map((c) => c.response.ok)).toEqual([
      false,
    ]);
    const job = await waitForJob(bot.app, user.id, (j) => j.status === 'done');
    expect(videoResultOf(job).deliveredAs).toBe('link');
  });

  it('above the configured limit: not downloaded at all, sent as a link', async () => {
    const user = newUser();
    await startVideo(user, 'huge [[big:2mb]]');
    const link = await user.waitFor(
      { text: /too large to upload here \(over 1\.0 MB\)/ },
      {
        timeoutMs: 8_000,
      },
    );
    expect(link.message?.text).toContain('/files/');
    const job = await waitForJob(bot.app, user.id, (j) => j.status === 'done');
    expect(videoResultOf(job)).toMatchObject({ linkOnly: true, deliveredAs: 'link' });
    expect(videoResultOf(job).file).toBeUndefined();
    const tried = bot.tg.calls.filter(
      (c) =>
        ['sendVideo', 'sendDocument'].includes(c.method) &&
        String(c.params.chat_id) === String(user.id),
    );
    expect(tried).toEqual([]);
  });

  it('a key-bound result (sora content route) too large: explained, no link, support offered', async () => {
    const user = newUser();
    await updateSettings(bot.app.deps.database, user.id, { videoModel: 'sora-2' });
    await startVideo(user, 'huge sora [[big:2mb]]');
    const note = await user.waitFor({ text: /cannot send a link/ }, { timeoutMs: 8_000 });
    const job = await waitForJob(bot.app, user.id, (j) => j.status === 'done');
    const text = note.message?.text ?? '';
    expect(text).toContain(job.upstreamId ?? 'no task id');
    expect(text).not.toContain('/v1/videos');
    expect(text).not.toContain(bot.gateway.url);
    expect(text).not.toContain(DEFAULT_TEST_KEY);
    expect(note.message?.reply_markup?.inline_keyboard.flat().map((b) => b.text)).toContain(
      '💬 Support',
    );
    expect(videoResultOf(job).deliveredAs).toBe('unlinkable');
  });

  it('a failed task shows its reason and refunds', async () => {
    const user = newUser();
    bot.gateway.failNextVideoTask('content policy violation: prompt contains "gore"');
    await startVideo(user, 'something forbidden');
    const failed = await user.waitFor(
      { text: /generation failed/, edit: true },
      { timeoutMs: 8_000 },
    );
    expect(failed.message?.text).toContain('content policy violation: prompt contains "gore"');
    expect(failed.message?.text).toMatch(/0\.35 USD reserved for it has been returned/);
    await expectRefundedFailure(user, 'task_failed');
  });

  it('a task past its deadline is refunded and the user is told', async () => {
    const user = newUser();
    bot.gateway.stallTasks(true);
    try {
      await startVideo(user, 'never finishes');
      const late = await user.waitFor(
        { text: /did not finish in time/, edit: true },
        {
          timeoutMs: 8_000,
        },
      );
      expect(late.message?.text).toMatch(/returned to your balance/);
    } finally {
      bot.gateway.stallTasks(false);
    }
    await expectRefundedFailure(user, 'deadline');
  });

  it('a restart mid-job resumes polling and delivers exactly once', async () => {
    const user = newUser();
    bot.gateway.stallTasks(true);
    let second: TestBot | undefined;
    try {
      await startVideo(user, 'survives a restart');
      const running = await waitForJob(
        bot.app,
        user.id,
        (j) => j.status === 'running' && j.upstreamId !== null,
      );
      await bot.stopBot();
      bot.gateway.stallTasks(false);
      second = await startTestBot({
        ...options,
        reuse: { tg: bot.tg, gateway: bot.gateway, dataDir: bot.dataDir },
      });
      await user.waitFor({ method: 'sendVideo' }, { timeoutMs: 8_000 });
      const app = second.app;
      const done = await waitForJob(app, user.id, (j) => j.status === 'done');
      expect(done.id).toBe(running.id);
      // Give a duplicate every chance to show up.
      await new Promise((r) => setTimeout(r, 500));
      const videos = bot.tg.calls.filter(
        (c) => c.method === 'sendVideo' && String(c.params.chat_id) === String(user.id),
      );
      expect(videos).toHaveLength(1);
      expect(
        videoSubmits(bot.gateway).filter((r) =>
          String((r.body as { prompt?: string }).prompt).includes('survives'),
        ),
      ).toHaveLength(1);
      expect(jobsOf(app, user.id)).toHaveLength(1);
      expect(balanceOf(app, user.id)).toBe(10_000 - done.price);
    } finally {
      bot.gateway.stallTasks(false);
      await second?.stopBot();
    }
  });
});
