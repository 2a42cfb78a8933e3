import type { InlineQuery } from 'grammy/types';
import { describe, expect, it } from 'vitest';
import {
  INLINE_TEXTS,
  type InlineAnswer,
  TEXTS,
  type TestUser,
} from '../../../fakes/telegram/index.js';
import { type Harness, harness, poll, useHarnesses } from './helpers.js';

let h: Harness;
const teardown = useHarnesses();

/** The inline_query updates queued so far, newest last. */
const queries = (): InlineQuery[] =>
  h.standIn.updates.flatMap((u) => (u.inline_query ? [u.inline_query] : []));
const lastQuery = (): InlineQuery => {
  const q = queries().at(-1);
  if (!q) throw new Error('no inline query');
  return q;
};

/** Answers the last query over raw HTTP; resolves with Telegram's description when refused. */
async function answer(body: Record<string, unknown>): Promise<string | true> {
  const { json } = await h.raw('answerInlineQuery', { inline_query_id: lastQuery().id, ...body });
  return json.ok ? true : String(json.description);
}

/** A user who has sent a photo and a document, so the stand-in has issued their file ids. */
function filesOf(user: TestUser): { photo: string; document: string } {
  const photo = user.sendPhoto({ width: 64, height: 64 }).photo?.at(-1)?.file_id;
  const document = user.sendDocument(new Uint8Array([1, 2, 3]), { filename: 'a.bin' }).document
    ?.file_id;
  if (!photo || !document) throw new Error('no file ids');
  return { photo, document };
}

describe('telegram stand-in: inline queries', () => {
  it('sends the bot an inline_query from the user and resolves with the accepted answer', async () => {
    h = await harness();
    h.bot.on('inline_query', (ctx) =>
      ctx.answerInlineQuery(
        [
          {
            type: 'article',
            id: 'a1',
            title: `You typed ${ctx.inlineQuery.query}`,
            input_message_content: { message_text: 'hi' },
          },
        ],
        { is_personal: true, cache_time: 10, next_offset: '20' },
      ),
    );
    teardown.stop = poll(h.bot);
    const ann = h.standIn.user({ first_name: 'Ann' });
    const got = await ann.inlineQuery('red fox', { offset: '0' });
    expect(got).toMatchObject<Partial<InlineAnswer>>({
      query: 'red fox',
      offset: '0',
      isPersonal: true,
      cacheTime: 10,
      nextOffset: '20',
    });
    expect(got.results).toEqual([
      expect.objectContaining({ type: 'article', id: 'a1', title: 'You typed red fox' }),
    ]);
    expect(got.answeredAt).toBeGreaterThanOrEqual(got.askedAt);
    expect(lastQuery()).toMatchObject({
      from: { id: ann.id },
      query: 'red fox',
      offset: '0',
      chat_type: 'sender',
    });
    expect(h.standIn.inlineAnswers()).toEqual([got]);
    const call = await h.standIn.waitForCall('answerInlineQuery');
    expect(call.response.ok).toBe(true);
  });

  it("names the chat type: the user's own chat, a group, or what the test says", async () => {
    h = await harness();
    const ann = h.standIn.user();
    const group = h.standIn.group({ title: 'G', members: [ann] });
    void ann.inlineQuery('a', { timeoutMs: 50 }).catch(() => {});
    expect(lastQuery().chat_type).toBe('sender');
    void ann
      .inGroup(group)
      .inlineQuery('b', { timeoutMs: 50 })
      .catch(() => {});
    expect(lastQuery().chat_type).toBe('supergroup');
    void ann.inlineQuery('c', { chatType: 'channel', timeoutMs: 50 }).catch(() => {});
    expect(lastQuery().chat_type).toBe('channel');
    await expect(ann.inlineQuery('x'.repeat(257))).rejects.toThrow(/at most 256/);
  });

  it('takes cached photos, videos and documents by the file ids it issued', async () => {
    h = await harness();
    const ann = h.standIn.user();
    const { photo, document } = filesOf(ann);
    const pending = ann.inlineQuery('');
    expect(
      await answer({
        results: [
          {
            type: 'photo',
            id: 'p',
            photo_file_id: photo,
            caption: '<b>FLUX</b> · fox',
            parse_mode: 'HTML',
          },
          { type: 'document', id: 'd', title: 'file', document_file_id: document },
        ],
        button: { text: 'Open the bot', start_parameter: 'inline' },
      }),
    ).toBe(true);
    const got = await pending;
    expect(got.results.map((r) => r.id)).toEqual(['p', 'd']);
    expect(got.button).toEqual({ text: 'Open the bot', start_parameter: 'inline' });
    expect(got.cacheTime).toBe(300);
    expect(got.isPersonal).toBe(false);
  });

  it('refuses what Telegram refuses, and a refused answer leaves the query open', async () => {
    h = await harness();
    const ann = h.standIn.user();
    const { photo, document } = filesOf(ann);
    const pending = ann.inlineQuery('');
    const one = (r: Record<string, unknown>) => answer({ results: [r] });
    const p = (id: string, extra: Record<string, unknown> = {}) => ({
      type: 'photo',
      id,
      photo_file_id: photo,
      ...extra,
    });

    expect(await answer({ results: Array.from({ length: 51 }, (_, i) => p(`r${i}`)) })).toBe(
      `Bad Request: ${INLINE_TEXTS.tooManyResults}`,
    );
    expect(await answer({ results: [p('same'), p('same')] })).toBe(
      `Bad Request: ${INLINE_TEXTS.resultIdDuplicate}`,
    );
    expect(await one(p(''))).toBe(`Bad Request: ${INLINE_TEXTS.resultIdEmpty}`);
    expect(await one(p('я'.repeat(33)))).toBe(`Bad Request: ${INLINE_TEXTS.resultIdInvalid}`);
    expect(await one(p('x'.repeat(64)))).toBe(true);
    expect(await one(p('x'.repeat(64)))).toBe(`Bad Request: ${TEXTS.queryTooOld}`);

    const second = ann.inlineQuery('');
    expect(await one({ type: 'photo', id: 'p', photo_file_id: 'AgACAgIAAxkBAAIforged' })).toBe(
      `Bad Request: ${INLINE_TEXTS.fileIdInvalid}`,
    );
    expect(await one({ type: 'video', id: 'v', title: 'clip', video_file_id: photo })).toBe(
      "Bad Request: can't use file of type Photo as Video",
    );
    expect(await one({ type: 'photo', id: 'p', photo_file_id: document })).toBe(
      "Bad Request: can't use file of type Document as Photo",
    );
    expect(await one({ type: 'document', id: 'd', document_file_id: document })).toBe(
      `Bad Request: ${INLINE_TEXTS.documentTitleEmpty}`,
    );
    // 1024 characters after parsing are fine; tags do not count, 1025 characters do.
    expect(await one(p('c', { caption: `<i>${'x'.repeat(1025)}</i>`, parse_mode: 'HTML' }))).toBe(
      `Bad Request: ${INLINE_TEXTS.captionTooLong}`,
    );
    expect(await answer({ results: [], next_offset: 'o'.repeat(65) })).toBe(
      `Bad Request: ${INLINE_TEXTS.nextOffsetInvalid}`,
    );
    const button = (start_parameter: string) =>
      answer({ results: [], button: { text: 'Open', start_parameter } });
    expect(await button('')).toBe(`Bad Request: ${INLINE_TEXTS.startParameterEmpty}`);
    expect(await button('s'.repeat(65))).toBe(`Bad Request: ${INLINE_TEXTS.startParameterTooLong}`);
    expect(await button('has space')).toBe(`Bad Request: ${INLINE_TEXTS.startParameterInvalid}`);
    expect(await answer({ results: [], button: { text: '', start_parameter: 'ok' } })).toBe(
      `Bad Request: ${INLINE_TEXTS.buttonTextInvalid}`,
    );
    expect(await one(p('c', { caption: `<i>${'x'.repeat(1024)}</i>`, parse_mode: 'HTML' }))).toBe(
      true,
    );
    const got = await second;
    expect(got.results).toHaveLength(1);
    await expect(pending).resolves.toBeDefined();
  });

  it('refuses unknown ids and answers later than 10 s', async () => {
    let clock = 1_700_000_000_000;
    h = await harness({ now: () => clock });
    const ann = h.standIn.user();
    const { json } = await h.raw('answerInlineQuery', { inline_query_id: '42', results: [] });
    expect(json.description).toBe(`Bad Request: ${TEXTS.queryTooOld}`);
    const late = ann.inlineQuery('', { timeoutMs: 300 });
    clock += 10_001;
    expect(await answer({ results: [] })).toBe(`Bad Request: ${TEXTS.queryTooOld}`);
    await expect(late).rejects.toThrow(
      /did not answer inline query "" within 300 ms; refused: Bad Request: query is too old/,
    );
  });
});
