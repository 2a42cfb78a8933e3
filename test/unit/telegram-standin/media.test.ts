import { InputFile } from 'grammy';
import { afterEach, describe, expect, it } from 'vitest';
import { makePng } from '../../fakes/telegram/index.js';
import { type Harness, harness } from './helpers.js';

let h: Harness;

afterEach(async () => {
  await h.standIn.close();
});

describe('telegram stand-in media', () => {
  it('accepts sendPhoto by multipart, then by file_id reuse', async () => {
    h = await harness();
    const user = h.standIn.user();
    const png = makePng(1600, 900);
    const first = await h.bot.api.sendPhoto(user.id, new InputFile(png, 'my image 1.png'), {
      caption: 'one',
    });
    expect(first.photo?.length).toBeGreaterThan(1);
    const largest = first.photo?.at(-1);
    expect(largest).toMatchObject({ width: 1600, height: 900, file_size: png.byteLength });
    expect(Buffer.from(h.standIn.fileBytes(largest?.file_id ?? '') ?? [])).toEqual(
      Buffer.from(png),
    );
    const call = h.standIn.callsTo('sendPhoto')[0];
    expect(call?.params.photo).toEqual({
      filename: 'my image 1.png',
      size: png.byteLength,
      mime: 'application/octet-stream',
    });
    expect(call?.params.chat_id).toBe(user.id);

    const again = await h.bot.api.sendPhoto(user.id, largest?.file_id ?? '');
    expect(again.photo?.at(-1)?.file_unique_id).toBe(largest?.file_unique_id);
  });

  it('accepts sendDocument by multipart with the file name and a mime type from the extension', async () => {
    h = await harness();
    const user = h.standIn.user();
    const msg = await h.bot.api.sendDocument(
      user.id,
      new InputFile(Buffer.from('%PDF-1.4 hi'), 'report.pdf'),
    );
    expect(msg.document).toMatchObject({
      file_name: 'report.pdf',
      mime_type: 'application/pdf',
      file_size: 11,
    });
  });
});
