import type { Message } from 'grammy/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ORIGINALS_RULE } from '../../../src/bot/jobs/feature.js';
import { getJob } from '../../../src/jobs/store.js';
import { startTestBot, type TestBot } from '../../helpers/bot-harness.js';
import { balanceOf, fund, generationCalls, jobsOf, until, waitForJob } from './helpers.js';

type Multipart = { fields: Record<string, string>; files: { size: number }[] };

describe('/jobs, cancel and the result buttons (bot level)', () => {
  let bot: TestBot;
  beforeAll(async () => {
    // One call at a time, so a slow call keeps the next job queued (cancellable).
    bot = await startTestBot({ env: { JOB_CONCURRENCY: '1' } });
  });
  afterAll(() => bot.close());

  const newUser = (balance = 1000, language_code = 'en') => {
    const user = bot.tg.user({ language_code });
    fund(bot.app, user.id, balance);
    return user;
  };

  /** Generates and waits for the result message. */
  async function generated(user: ReturnType<typeof newUser>, prompt: string): Promise<Message> {
    user.send(prompt);
    const result = await user.waitFor({ button: '🔁 Again', text: prompt });
    await waitForJob(bot.app, user.id, (j) => j.status === 'done');
    return result.message as Message;
  }

  it('/jobs with no jobs says how to start', async () => {
    const user = newUser();
    user.send('/jobs');
    await user.waitFor({ text: /no generations yet/ });
  });

  it('a queued job is cancelled from its status message and refunded; a started one cannot be', async () => {
    const user = newUser(100);
    bot.gateway.inject({ route: '/v1/images/generations', delayMs: 1_500 });
    user.send('slow first');
    await until(() => jobsOf(bot.app, user.id)[0]?.status === 'submitting', 5_000, 'first call');
    const request = user.send('queued second');
    const status = await user.waitFor(
      (_c, m) =>
        m?.reply_to_message?.message_id === request.message_id && /Queued/.test(m.text ?? ''),
    );
    const second = await waitForJob(bot.app, user.id, (j) => j.params.prompt === 'queued second');
    expect(balanceOf(bot.app, user.id)).toBe(94);
    const answer = await user.press(status.message as Message, /Cancel/);
    expect(answer.text).toMatch(/Cancelled/);
    const edited = await user.waitFor({ edit: true, text: /Cancelled/ });
    expect(edited.message?.text).toContain('0.03 USD');
    expect(edited.message?.reply_markup).toBeUndefined();
    expect(getJob(bot.app.deps.db, second.id)?.status).toBe('cancelled');
    expect(balanceOf(bot.app, user.id)).toBe(97);

    // The first one finishes; its cancel button (forged now) is too late.
    await user.waitFor({ photo: true, text: /slow first/ });
    const first = jobsOf(bot.app, user.id).find((j) => j.params.prompt === 'slow first');
    const late = await user.pressData(status.message as Message, `j:${first?.id}:cancel`);
    expect(late.text).toMatch(/already started/);
    const again = await user.pressData(status.message as Message, `j:${second.id}:cancel`);
    expect(again.text).toMatch(/already cancelled/);

    user.send('/jobs');
    const list = await user.waitFor({ text: /Your recent generations/ });
    expect(list.message?.text).toMatch(/✖️ .*cancelled/);
    expect(list.message?.text).toMatch(/✅ .*done/);
    expect(list.message?.text).toContain('queued second');
  });

  it('/jobs shows a cancel button for each queued job and refreshes after a cancel', async () => {
    const user = newUser(100);
    bot.gateway.inject({ route: '/v1/images/generations', delayMs: 1_500 });
    user.send('hold the line');
    await until(() => jobsOf(bot.app, user.id)[0]?.status === 'submitting', 5_000, 'first call');
    user.send('wait one');
    user.send('wait two');
    await until(() => jobsOf(bot.app, user.id).filter((j) => j.status === 'queued').length === 2);
    user.send('/jobs');
    const list = await user.waitFor({ text: /Your recent generations/ });
    const buttons = list.message?.reply_markup?.inline_keyboard.flat() ?? [];
    expect(buttons).toHaveLength(2);
    const waitTwo = jobsOf(bot.app, user.id).find((j) => j.params.prompt === 'wait two');
    await user.press(list.message as Message, `✖️ Cancel ${waitTwo?.id}`);
    const refreshed = await user.waitFor({ edit: true, text: /Your recent generations/ });
    expect(refreshed.message?.reply_markup?.inline_keyboard.flat()).toHaveLength(1);
    expect(getJob(bot.app.deps.db, waitTwo?.id ?? '')?.status).toBe('cancelled');
    await waitForJob(bot.app, user.id, () =>
      jobsOf(bot.app, user.id).every((j) => j.status === 'done' || j.status === 'cancelled'),
    );
    expect(balanceOf(bot.app, user.id)).toBe(100 - 6);
  });

  it('one user may have at most 10 jobs in the pipeline; the 11th is refused, not charged', async () => {
    const user = newUser(100);
    bot.gateway.inject({ route: '/v1/images/generations', delayMs: 2_000 });
    for (let i = 1; i <= 10; i++) user.send(`pile ${i}`);
    await until(() => jobsOf(bot.app, user.id).length === 10, 5_000, 'ten jobs');
    user.send('pile 11');
    await user.waitFor({ text: /already have 10 generations in progress/ });
    expect(jobsOf(bot.app, user.id)).toHaveLength(10);
    expect(balanceOf(bot.app, user.id)).toBe(70);
    await until(
      () => jobsOf(bot.app, user.id).every((j) => j.status === 'done'),
      10_000,
      'the pile to clear',
    );
  });

  it('🔁 runs the same request again as a new, charged job', async () => {
    const user = newUser(100);
    const result = await generated(user, 'a paper boat');
    const answer = await user.press(result, '🔁 Again');
    expect(answer.text).toMatch(/Once more/);
    await user.waitFor({ button: '🔁 Again', text: 'a paper boat' });
    await until(() => jobsOf(bot.app, user.id).every((j) => j.status === 'done'));
    const [latest, original] = jobsOf(bot.app, user.id);
    expect(latest?.parentJobId).toBe(original?.id);
    expect(latest?.params).toEqual(original?.params);
    expect(balanceOf(bot.app, user.id)).toBe(94);
  });

  it('✏️ edits the result: the next text is the instruction, the result’s bytes are sent', async () => {
    const user = newUser(100);
    const result = await generated(user, 'an old car');
    await user.press(result, '✏️ Edit this');
    await user.waitFor({ text: /What should I change/ });
    user.send('paint it red');
    await user.waitFor({ photo: true, text: /paint it red/ });
    const edit = jobsOf(bot.app, user.id)[0];
    expect(edit?.family).toBe('edit');
    const call = generationCalls(bot.gateway).find(
      (r) =>
        r.path === '/v1/images/edits' && (r.body as Multipart).fields.prompt === 'paint it red',
    );
    const sourceFile = (
      jobsOf(bot.app, user.id)[1]?.result?.files as { size: number }[] | undefined
    )?.[0];
    expect((call?.body as Multipart | undefined)?.files[0]?.size).toBe(sourceFile?.size);
    expect(bot.gateway.leaks).toEqual([]);
  });

  it('📎 sends the original file as a document, then re-sends it by file id', async () => {
    const user = newUser(100);
    const result = await generated(user, 'a bright comet');
    await user.press(result, '📎 Original file');
    const doc = await user.waitFor({ document: true });
    expect(doc.call.params.document).toMatchObject({ filename: expect.stringMatching(/\.png$/) });
    await user.press(result, '📎 Original file');
    const again = await user.waitFor({ document: true });
    expect(again.call.params.document).toBe(doc.message?.document?.file_id);
  });

  it('📎 is limited to three uploads a minute per user; the fourth press is told when to retry', async () => {
    const user = newUser(100);
    const result = await generated(user, 'a patient heron');
    for (let i = 0; i < ORIGINALS_RULE.limit; i++) {
      const press = await user.press(result, '📎 Original file');
      expect(press.text ?? '').toBe('');
      await user.waitFor({ document: true });
    }
    const refused = await user.press(result, '📎 Original file');
    expect(refused.text).toMatch(/^Too many originals at once: try again in \d+ seconds?\.$/);
    await new Promise((r) => setTimeout(r, 200));
    const docs = bot.tg.calls.filter(
      (c) => c.method === 'sendDocument' && Number(c.params.chat_id) === user.id,
    );
    expect(docs).toHaveLength(ORIGINALS_RULE.limit);
  });

  it('📎 and ✏️ work the moment the photo appears, before the send is answered', async () => {
    const user = newUser(100);
    // The photo is on screen; the bot has not had Telegram's answer yet (the job is delivering).
    const release = bot.tg.holdAnswers('sendPhoto');
    try {
      user.send('a fast kite');
      const result = (await user.waitFor({ button: '📎 Original file', text: /a fast kite/ }))
        .message as Message;
      expect(jobsOf(bot.app, user.id)[0]?.status).toBe('delivering');
      const original = await user.press(result, '📎 Original file');
      expect(original.text ?? '').not.toMatch(/not finished/);
      await user.waitFor({ document: true });
      const edit = await user.press(result, '✏️ Edit this');
      expect(edit.text ?? '').not.toMatch(/not finished/);
      await user.waitFor({ text: /What should I change/ });
    } finally {
      release();
    }
    await waitForJob(bot.app, user.id, (j) => j.status === 'done');
    user.send('/cancel');
  });

  it('buttons of someone else’s result, or of a job that no longer exists, are answered clearly', async () => {
    const owner = newUser(100);
    const result = await generated(owner, 'a private garden');
    const job = jobsOf(bot.app, owner.id)[0];
    const stranger = newUser(100, 'ru');
    stranger.send('/start');
    const hello = await stranger.waitFor({ text: /Привет/ });
    for (const action of ['again', 'edit', 'orig', 'cancel']) {
      const answer = await stranger.pressData(hello.message as Message, `j:${job?.id}:${action}`);
      expect(answer.text).toMatch(/чужой генерации/);
    }
    const gone = await owner.pressData(result, 'j:zzzzzzzzzz:again');
    expect(gone.text).toMatch(/no longer exists/);
    expect(jobsOf(bot.app, stranger.id)).toHaveLength(0);
    expect(balanceOf(bot.app, stranger.id)).toBe(100);
  });

  it('✏️ on several images asks to reply to the one to change', async () => {
    const user = newUser(100);
    user.send('/imagine two moons --n 2');
    const buttons = await user.waitFor({ button: '✏️ Edit this' });
    await waitForJob(bot.app, user.id, (j) => j.status === 'done');
    const answer = await user.press(buttons.message as Message, '✏️ Edit this');
    expect(answer.show_alert).toBe(true);
    expect(answer.text).toMatch(/Reply to the image/);
  });
});
