import { GrammyError, InputFile } from 'grammy';
import { describe, expect, it } from 'vitest';
import { makePng, TEXTS } from '../../../fakes/telegram/index.js';
import { type Harness, harness, useHarnesses } from './helpers.js';

let h: Harness;

useHarnesses();

/** Runs a grammY call that must fail and returns the GrammyError. */
async function failure(p: Promise<unknown>): Promise<GrammyError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof GrammyError) return e;
    throw e;
  }
  throw new Error('call succeeded');
}

describe('text and caption limits', () => {
  it('accepts 4096 characters and rejects 4097 with "message is too long"', async () => {
    h = await harness();
    const u = h.standIn.user();
    await h.bot.api.sendMessage(u.id, 'x'.repeat(4096));
    const e = await failure(h.bot.api.sendMessage(u.id, 'x'.repeat(4097)));
    expect([e.error_code, e.description]).toEqual([400, 'Bad Request: message is too long']);
  });

  it('counts characters after HTML parsing', async () => {
    h = await harness();
    const u = h.standIn.user();
    const msg = await h.bot.api.sendMessage(u.id, `<b>${'y'.repeat(4096)}</b>`, {
      parse_mode: 'HTML',
    });
    expect(msg.text).toHaveLength(4096);
  });

  it('rejects empty text with "message text is empty"', async () => {
    h = await harness();
    const u = h.standIn.user();
    const e = await failure(h.bot.api.sendMessage(u.id, '   '));
    expect(e.description).toBe('Bad Request: message text is empty');
  });

  it('rejects a 1025-character caption', async () => {
    h = await harness();
    const u = h.standIn.user();
    const e = await failure(
      h.bot.api.sendPhoto(u.id, new InputFile(makePng(10, 10)), { caption: 'c'.repeat(1025) }),
    );
    expect(e.description).toBe('Bad Request: message caption is too long');
  });
});

describe("parser errors are Telegram's", () => {
  it.each([
    [
      'HTML',
      'a <b>bold',
      'Bad Request: can\'t parse entities: Can\'t find end tag corresponding to start tag "b"',
    ],
    [
      'HTML',
      'x<br>y',
      'Bad Request: can\'t parse entities: Unsupported start tag "br" at byte offset 1',
    ],
    [
      'MarkdownV2',
      'Done. *Saved*',
      "Bad Request: can't parse entities: Character '.' is reserved and must be escaped with the preceding '\\'",
    ],
  ] as const)('%s %j is rejected', async (parse_mode, text, description) => {
    h = await harness();
    const u = h.standIn.user();
    const e = await failure(h.bot.api.sendMessage(u.id, text, { parse_mode }));
    expect(e.description).toBe(description);
  });
});

describe('MarkdownV2 over the API', () => {
  it('parses valid markup', async () => {
    h = await harness();
    const u = h.standIn.user();
    const ok = await h.bot.api.sendMessage(u.id, 'Done\\. *Saved*', { parse_mode: 'MarkdownV2' });
    expect(ok).toMatchObject({
      text: 'Done. Saved',
      entities: [{ type: 'bold', offset: 6, length: 5 }],
    });
  });
});

describe('keyboards and callbacks', () => {
  it('rejects callback_data over 64 bytes with BUTTON_DATA_INVALID', async () => {
    h = await harness();
    const u = h.standIn.user();
    const ok = { inline_keyboard: [[{ text: 'ok', callback_data: 'é'.repeat(32) }]] };
    await h.bot.api.sendMessage(u.id, 'fits', { reply_markup: ok });
    const bad = { inline_keyboard: [[{ text: 'no', callback_data: `${'é'.repeat(32)}x` }]] };
    const e = await failure(h.bot.api.sendMessage(u.id, 'too long', { reply_markup: bad }));
    expect(e.description).toBe('Bad Request: BUTTON_DATA_INVALID');
  });

  it('rejects an answerCallbackQuery text over 200 characters, and old or repeated answers', async () => {
    let now = 1_700_000_000_000;
    h = await harness({ now: () => now, callbackQueryTimeoutMs: 15_000 });
    const u = h.standIn.user();
    const msg = await h.bot.api.sendMessage(u.id, 'pick', {
      reply_markup: { inline_keyboard: [[{ text: 'A', callback_data: 'a' }]] },
    });
    const answered = u.press(msg, 'A');
    const q1 = (await h.raw('getUpdates')).json.result as { callback_query: { id: string } }[];
    const id1 = q1.at(-1)?.callback_query.id ?? '';
    const long = await h.raw('answerCallbackQuery', {
      callback_query_id: id1,
      text: 't'.repeat(201),
    });
    expect([long.status, long.json.description]).toEqual([400, 'Bad Request: MESSAGE_TOO_LONG']);
    expect(
      (await h.raw('answerCallbackQuery', { callback_query_id: id1, text: 'ok' })).json.ok,
    ).toBe(true);
    await expect(answered).resolves.toEqual({ text: 'ok' });
    const again = await h.raw('answerCallbackQuery', { callback_query_id: id1 });
    expect(again.json.description).toBe(`Bad Request: ${TEXTS.queryTooOld}`);

    void u.press(msg, 'a', { timeoutMs: 200 }).catch(() => undefined);
    const q2 = (await h.raw('getUpdates')).json.result as { callback_query: { id: string } }[];
    now += 15_001;
    const old = await h.raw('answerCallbackQuery', {
      callback_query_id: q2.at(-1)?.callback_query.id,
    });
    expect([old.status, old.json.description]).toEqual([400, `Bad Request: ${TEXTS.queryTooOld}`]);
  });
});

describe('edits and deletes', () => {
  it('answers "message is not modified" for an identical edit', async () => {
    h = await harness();
    const u = h.standIn.user();
    const kb = { inline_keyboard: [[{ text: 'x', callback_data: 'x' }]] };
    const m = await h.bot.api.sendMessage(u.id, '<i>same</i>', {
      parse_mode: 'HTML',
      reply_markup: kb,
    });
    const e = await failure(
      h.bot.api.editMessageText(u.id, m.message_id, '<i>same</i>', {
        parse_mode: 'HTML',
        reply_markup: kb,
      }),
    );
    expect(e.description).toBe(`Bad Request: ${TEXTS.notModified}`);
    // Dropping the keyboard is a change (an edit without reply_markup removes it).
    const edited = await h.bot.api.editMessageText(u.id, m.message_id, '<i>same</i>', {
      parse_mode: 'HTML',
    });
    expect(edited).toMatchObject({ text: 'same', edit_date: expect.any(Number) });
    expect(u.messages().at(-1)?.reply_markup).toBeUndefined();
  });

  it('answers "message to edit not found" and "message to delete not found"', async () => {
    h = await harness();
    const u = h.standIn.user();
    const edit = await failure(h.bot.api.editMessageText(u.id, 999, 'x'));
    expect(edit.description).toBe('Bad Request: message to edit not found');
    const del = await failure(h.bot.api.deleteMessage(u.id, 999));
    expect(del.description).toBe('Bad Request: message to delete not found');
    const m = await h.bot.api.sendMessage(u.id, 'bye');
    expect(await h.bot.api.deleteMessage(u.id, m.message_id)).toBe(true);
    expect(u.messages()).toEqual([]);
  });

  it('edits captions, keyboards and media', async () => {
    h = await harness();
    const u = h.standIn.user();
    const m = await h.bot.api.sendPhoto(u.id, new InputFile(makePng(20, 20)), { caption: 'old' });
    const c = await h.bot.api.editMessageCaption(u.id, m.message_id, { caption: 'new' });
    expect(c).toMatchObject({ caption: 'new' });
    const kb = { inline_keyboard: [[{ text: 'Go', callback_data: 'go' }]] };
    const k = await h.bot.api.editMessageReplyMarkup(u.id, m.message_id, { reply_markup: kb });
    expect(k).toMatchObject({ reply_markup: kb, caption: 'new' });
    const doc = await h.bot.api.editMessageMedia(u.id, m.message_id, {
      type: 'document',
      media: new InputFile(Buffer.from('data'), 'a.txt'),
      caption: 'as file',
    });
    expect(doc).toMatchObject({
      document: { file_name: 'a.txt', mime_type: 'text/plain' },
      caption: 'as file',
    });
    expect(doc).not.toHaveProperty('photo');
    const txt = await failure(h.bot.api.editMessageText(u.id, m.message_id, 'x'));
    expect(txt.description).toBe('Bad Request: there is no text in the message to edit');
  });
});

describe('chats and users', () => {
  it('answers 403 for a user who blocked the bot and 400 for an unknown chat', async () => {
    h = await harness();
    const u = h.standIn.user();
    h.standIn.block(u.id);
    const blocked = await failure(h.bot.api.sendMessage(u.id, 'hello?'));
    expect([blocked.error_code, blocked.description]).toEqual([
      403,
      'Forbidden: bot was blocked by the user',
    ]);
    expect(h.standIn.updates.at(-1)?.my_chat_member?.new_chat_member.status).toBe('kicked');
    const unknown = await failure(h.bot.api.sendMessage(424242, 'anyone?'));
    expect([unknown.error_code, unknown.description]).toEqual([400, 'Bad Request: chat not found']);
    // Writing to the bot again unblocks it, with a my_chat_member update.
    u.send('/start');
    expect(h.standIn.updates.at(-2)?.my_chat_member?.new_chat_member.status).toBe('member');
    await h.bot.api.sendMessage(u.id, 'welcome back');
  });
});

describe('files', () => {
  it('rejects an unknown file_id', async () => {
    h = await harness();
    const u = h.standIn.user();
    const e = await failure(h.bot.api.sendPhoto(u.id, 'AgACAgIAAxkBAAIunknown'));
    expect(e.description).toBe(`Bad Request: ${TEXTS.wrongFile}`);
  });

  it('rejects a photo over the photo limit and with bad dimensions', async () => {
    h = await harness({ photoLimitBytes: 20_000 });
    const u = h.standIn.user();
    const big = new Uint8Array(Buffer.concat([Buffer.from(makePng(50, 50)), Buffer.alloc(30_000)]));
    const e = await failure(h.bot.api.sendPhoto(u.id, new InputFile(big)));
    expect(e.description).toMatch(/^Bad Request: file of size \d+ bytes is too big for a photo/);
    const thin = await failure(h.bot.api.sendPhoto(u.id, new InputFile(makePng(2100, 100))));
    expect(thin.description).toBe('Bad Request: PHOTO_INVALID_DIMENSIONS');
  });

  it('answers 413 for a document over the upload limit', async () => {
    h = await harness({ uploadLimitBytes: 1000 });
    const u = h.standIn.user();
    await h.bot.api.sendDocument(u.id, new InputFile(Buffer.alloc(1000, 1), 'ok.bin'));
    const e = await failure(
      h.bot.api.sendDocument(u.id, new InputFile(Buffer.alloc(1001, 1), 'big.bin')),
    );
    expect([e.error_code, e.description]).toEqual([413, 'Request Entity Too Large']);
    const v = await failure(
      h.bot.api.sendVideo(u.id, new InputFile(Buffer.alloc(5000, 1), 'big.mp4')),
    );
    expect(v.error_code).toBe(413);
  });

  it('answers getFile over the download limit with "file is too big"', async () => {
    h = await harness({ downloadLimitBytes: 100 });
    const u = h.standIn.user();
    const doc = u.sendDocument(Buffer.alloc(101, 7), { filename: 'big.zip' });
    const e = await failure(h.bot.api.getFile(doc.document?.file_id ?? ''));
    expect(e.description).toBe('Bad Request: file is too big');
  });
});
