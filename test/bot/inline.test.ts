import type { InlineQueryResult } from 'grammy/types';
import { describe, expect, it } from 'vitest';
import { setBanned, updateSettings } from '../../src/accounts/users.js';
import { ALLOWED_UPDATES } from '../../src/bot/transport/allowed-updates.js';
import type { InlineAnswer, TestUser } from '../fakes/telegram/index.js';
import { useTestBot } from '../helpers/bot-harness.js';
import { fund, waitForJob } from './images/helpers.js';
import { FAST_ASYNC, startVideo } from './video/helpers.js';

/** The Telegram file id a result resends, whatever its type. */
const fileIdOf = (r: InlineQueryResult): string | undefined => {
  const fields = r as unknown as Record<string, unknown>;
  const id = fields.photo_file_id ?? fields.video_file_id ?? fields.document_file_id;
  return typeof id === 'string' ? id : undefined;
};
const captionOf = (r: InlineQueryResult): string =>
  String((r as unknown as { caption?: string }).caption ?? '');

/** A generous bound: the machine is shared, the answer itself takes milliseconds. */
const ANSWER_MS = 1_000;

function expectQuick(answer: InlineAnswer): void {
  expect(answer.answeredAt - answer.askedAt).toBeLessThan(ANSWER_MS);
}

describe('inline sharing (bot level)', () => {
  const bot = useTestBot({ app: FAST_ASYNC });

  const newUser = (): TestUser => {
    const user = bot.tg.user({ language_code: 'en' });
    fund(bot.app, user.id, 10_000);
    return user;
  };

  /** Generates one image and waits until the job has kept its photo's file id. */
  const imagine = async (user: TestUser, prompt: string): Promise<string> => {
    user.send(`/imagine ${prompt}`);
    const photo = await user.waitFor({ photo: true, text: prompt });
    await waitForJob(bot.app, user.id, (j) => j.status === 'done' && j.params.prompt === prompt);
    const id = photo.message?.photo?.at(-1)?.file_id;
    if (!id) throw new Error('no photo file id');
    return id;
  };

  const fileIds = (answer: InlineAnswer) => answer.results.map(fileIdOf);

  it('asks Telegram for inline queries', () => {
    expect(ALLOWED_UPDATES).toContain('inline_query');
  });

  it("lists a user's own results matching the words, never another user's", async () => {
    const ann = newUser();
    const bob = newUser();
    const annFox = await imagine(ann, 'a red fox in the snow');
    const annOwl = await imagine(ann, 'an owl on a snowy branch');
    const bobFox = await imagine(bob, 'a red fox of Bob');

    const fox = await ann.inlineQuery('FOX snow');
    expectQuick(fox);
    expect(fileIds(fox)).toEqual([annFox]);
    expect(fox.isPersonal).toBe(true);
    expect(fox.cacheTime).toBe(10);
    expect(fox.button).toBeUndefined();
    const [first] = fox.results;
    expect(first?.type).toBe('photo');
    expect(captionOf(first as InlineQueryResult)).toBe('FLUX · <i>a red fox in the snow</i>');

    // Newest first; Bob's fox is not Ann's to share.
    const all = await ann.inlineQuery('');
    expectQuick(all);
    expect(fileIds(all)).toEqual([annOwl, annFox]);
    expect(all.nextOffset).toBe('');

    const bobs = await bob.inlineQuery('fox');
    expect(fileIds(bobs)).toEqual([bobFox]);
    const bobAll = await bob.inlineQuery('');
    expect(fileIds(bobAll)).not.toContain(annFox);
    expect(fileIds(bobAll)).not.toContain(annOwl);
  });

  it('pages with next_offset, 20 results at a time', async () => {
    const cat = newUser();
    await updateSettings(bot.app.deps.database, cat.id, { imageModel: 'flux', imageN: 4 });
    // Six albums of four: 24 results, so two pages.
    for (let i = 0; i < 6; i++) {
      cat.send(`/imagine kitten number ${i}`);
      await cat.waitFor({ button: '🔁 Again' }, { timeoutMs: 8_000 });
    }
    await waitForJob(
      bot.app,
      cat.id,
      (j) => j.status === 'done' && j.params.prompt === 'kitten number 5',
    );

    const first = await cat.inlineQuery('kitten');
    expectQuick(first);
    expect(first.results).toHaveLength(20);
    expect(first.nextOffset).toBe('20');
    const second = await cat.inlineQuery('kitten', { offset: first.nextOffset });
    expect(second.results).toHaveLength(4);
    expect(second.nextOffset).toBe('');
    const ids = [...first.results, ...second.results].map((r) => r.id);
    expect(new Set(ids).size).toBe(24);
    // The newest album comes first, in its own order.
    expect(captionOf(first.results[0] as InlineQueryResult)).toContain('kitten number 5');
    expect(first.results.slice(0, 4).map((r) => r.id.split(':')[1])).toEqual(['0', '1', '2', '3']);
    expect(captionOf(second.results[3] as InlineQueryResult)).toContain('kitten number 0');
  });

  it('shares a video as a cached video', async () => {
    const vic = newUser();
    await updateSettings(bot.app.deps.database, vic.id, { videoModel: 'kling-video-v2-6' });
    await startVideo(vic, 'a hummingbird near a flower');
    const sent = await vic.waitFor({ method: 'sendVideo' }, { timeoutMs: 8_000 });
    await waitForJob(bot.app, vic.id, (j) => j.status === 'done');
    const answer = await vic.inlineQuery('hummingbird');
    expect(answer.results).toHaveLength(1);
    const [video] = answer.results;
    expect(video?.type).toBe('video');
    expect(fileIdOf(video as InlineQueryResult)).toBe(sent.message?.video?.file_id);
    expect((video as { title?: string }).title).toBeTruthy();
  });

  it('a user with nothing to share gets the button that opens the bot', async () => {
    const newcomer = bot.tg.user({ language_code: 'ru' });
    const answer = await newcomer.inlineQuery('');
    expectQuick(answer);
    expect(answer.results).toEqual([]);
    expect(answer.button).toEqual({
      text: '🎨 Пока нечем поделиться: откройте бота и создайте что-нибудь',
      start_parameter: 'inline',
    });
    const writer = newUser();
    await imagine(writer, 'a lighthouse at dusk');
    const none = await writer.inlineQuery('submarine');
    expect(none.results).toEqual([]);
    expect(none.button?.text).toBe('🔍 Nothing matches: open the bot to create it');
  });

  it('a banned user gets an empty answer', async () => {
    const eve = newUser();
    await imagine(eve, 'a forbidden garden');
    await setBanned(bot.app.deps.database, eve.id, true);
    const answer = await eve.inlineQuery('garden');
    expect(answer.results).toEqual([]);
    expect(answer.button).toBeUndefined();
  });

  it('works from a group chat too (the query has no chat of its own)', async () => {
    const gus = newUser();
    const id = await imagine(gus, 'a tiny teapot');
    const group = bot.tg.group({ title: 'Friends', members: [gus] });
    const answer = await gus.inGroup(group).inlineQuery('teapot');
    expect(fileIds(answer)).toEqual([id]);
  });

  it('an answer Telegram refuses as too old does not stop the next one', async () => {
    const ivy = newUser();
    const id = await imagine(ivy, 'a paper boat');
    bot.tg.failNext('answerInlineQuery', {
      error_code: 400,
      description:
        'Bad Request: query is too old and response timeout expired or query ID is invalid',
    });
    (await expect(ivy.inlineQuery('boat', { timeoutMs: 500 }))).rejects.toThrow(/did not answer/);
    const again = await ivy.inlineQuery('boat');
    expect(fileIds(again)).toEqual([id]);
  });
});
