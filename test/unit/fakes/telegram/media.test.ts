import { InputFile } from 'grammy';
import type { Message } from 'grammy/types';
import { describe, expect, it } from 'vitest';
import { makePng, TEXTS } from '../../../fakes/telegram/index.js';
import { type Harness, harness, useHarnesses } from './helpers.js';

let h: Harness;

useHarnesses();

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

describe('video thumbnails', () => {
  const mp4 = Buffer.concat([
    Buffer.from('000000186674797069736f6d0000020069736f6d69736f32', 'hex'),
    Buffer.alloc(200_000, 0x5a),
  ]);

  it('answers sendVideo of a readable video with a JPEG thumbnail, as Telegram does', async () => {
    h = await harness();
    const user = h.standIn.user();
    const msg = await h.bot.api.sendVideo(user.id, new InputFile(mp4, 'clip.mp4'), {
      width: 720,
      height: 1280,
    });
    const thumb = msg.video?.thumbnail;
    expect(thumb).toMatchObject({ width: 180, height: 320 });
    const bytes = h.standIn.fileBytes(thumb?.file_id ?? '');
    // A real JPEG of a real thumbnail's size, downloadable by getFile.
    expect(Buffer.from(bytes ?? []).subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    expect(bytes?.byteLength).toBeGreaterThan(5_000);
    const file = await h.bot.api.getFile(thumb?.file_id ?? '');
    expect(file.file_path).toMatch(/^thumbnails\/.+\.jpg$/);
    // Resent by file id: the same thumbnail. Not a photo of its own.
    const again = await h.bot.api.sendVideo(user.id, msg.video?.file_id ?? '');
    expect(again.video?.thumbnail?.file_id).toBe(thumb?.file_id);
    await expect(h.bot.api.sendPhoto(user.id, thumb?.file_id ?? '')).rejects.toThrow(
      /type of file mismatch/,
    );
  });

  it('gives no thumbnail for bytes it cannot read as a video', async () => {
    h = await harness();
    const user = h.standIn.user();
    const msg = await h.bot.api.sendVideo(user.id, new InputFile(Buffer.alloc(4096, 1), 'x.mp4'));
    expect(msg.video).toBeDefined();
    expect(msg.video?.thumbnail).toBeUndefined();
  });
});

describe('media groups', () => {
  it('sends an album uploaded with attach:// and mixed file_id items', async () => {
    h = await harness();
    const user = h.standIn.user();
    const reused =
      (await h.bot.api.sendPhoto(user.id, new InputFile(makePng(30, 20)))).photo?.at(-1)?.file_id ??
      '';
    const album: Message[] = await h.bot.api.sendMediaGroup(user.id, [
      {
        type: 'photo',
        media: new InputFile(makePng(40, 40), 'a.png'),
        caption: '<b>first</b>',
        parse_mode: 'HTML',
      },
      { type: 'photo', media: reused },
      {
        type: 'video',
        media: new InputFile(Buffer.from('fake mp4'), 'clip.mp4'),
        width: 640,
        height: 360,
      },
    ]);
    expect(album).toHaveLength(3);
    const groupId = album[0]?.media_group_id;
    expect(groupId).toBeDefined();
    expect(album.every((m) => m.media_group_id === groupId)).toBe(true);
    expect(album[0]).toMatchObject({
      caption: 'first',
      caption_entities: [{ type: 'bold', offset: 0, length: 5 }],
    });
    expect(album[2]?.video).toMatchObject({
      width: 640,
      height: 360,
      mime_type: 'video/mp4',
      file_name: 'clip.mp4',
    });
    const media = h.standIn.callsTo('sendMediaGroup')[0]?.params.media as { media: unknown }[];
    expect(media[0]?.media).toMatchObject({ filename: 'a.png' });
    expect(media[1]?.media).toBe(reused);
    expect(album.map((m) => m.message_id)).toEqual([2, 3, 4]);
    const wait = await user.waitFor({ mediaGroup: true });
    expect(wait.messages).toHaveLength(3);
  });

  it('rejects 1 or 11 items and mixed documents', async () => {
    h = await harness();
    const user = h.standIn.user();
    const one = await h.raw('sendMediaGroup', {
      chat_id: user.id,
      media: [{ type: 'photo', media: 'x' }],
    });
    expect(one.json.description).toMatch(/^Bad Request: wrong number of media/);
    const eleven = Array.from({ length: 11 }, () => ({ type: 'photo', media: 'x' }));
    const many = await h.raw('sendMediaGroup', { chat_id: user.id, media: eleven });
    expect(many.json.description).toBe('Bad Request: too many messages to send as an album');
    const mixed = await h.raw('sendMediaGroup', {
      chat_id: user.id,
      media: [
        { type: 'document', media: 'x' },
        { type: 'photo', media: 'y' },
      ],
    });
    expect(mixed.json.description).toBe(
      "Bad Request: document can't be mixed with other media types",
    );
    const withKeyboard = await h.raw('sendMediaGroup', {
      chat_id: user.id,
      media: [
        { type: 'photo', media: 'x' },
        { type: 'photo', media: 'y' },
      ],
      reply_markup: { inline_keyboard: [[{ text: 'a', callback_data: 'a' }]] },
    });
    // reply_markup is ignored for albums, as by Telegram; the unknown file_ids fail instead.
    expect(withKeyboard.json.description).toBe(`Bad Request: ${TEXTS.wrongFile}`);
  });
});

describe('user media and getFile', () => {
  it('lets the bot download a photo a user sent', async () => {
    h = await harness();
    const user = h.standIn.user();
    const png = makePng(1200, 800);
    const msg = user.sendPhoto(png, { caption: 'ref' });
    expect(msg.photo?.map((p) => p.width)).toEqual([90, 320, 800, 1200]);
    const largest = msg.photo?.at(-1)?.file_id ?? '';
    const file = await h.bot.api.getFile(largest);
    expect(file.file_path).toMatch(/^photos\/file_\d+\.jpg$/);
    const res = await fetch(`${h.standIn.apiRoot}/file/bot${h.standIn.token}/${file.file_path}`);
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer())).toEqual(Buffer.from(png));
    const wrong = await fetch(`${h.standIn.apiRoot}/file/bot${h.standIn.token}/photos/nope.jpg`);
    expect(wrong.status).toBe(404);
  });

  it('generates albums, documents and stickers from users', async () => {
    h = await harness();
    const user = h.standIn.user();
    const album = user.sendAlbum(
      [
        { width: 100, height: 50 },
        { width: 50, height: 100 },
      ],
      { caption: 'two' },
    );
    expect(album[0]?.media_group_id).toBe(album[1]?.media_group_id);
    expect(album[0]?.caption).toBe('two');
    expect(album[1]?.caption).toBeUndefined();
    const doc = user.sendDocument(Buffer.from('{}'), { filename: 'x.json' });
    expect(doc.document?.mime_type).toBe('application/json');
    expect(user.sendSticker().sticker?.type).toBe('regular');
    const reply = user.reply(doc, 'about that');
    expect(reply.reply_to_message?.message_id).toBe(doc.message_id);
    expect(h.standIn.updates.map((u) => u.update_id)).toHaveLength(5);
  });
});

describe('send by URL', () => {
  it("fetches loopback URLs and enforces Telegram's by-URL limits and errors", async () => {
    h = await harness({ urlPhotoLimitBytes: 5000, urlFileLimitBytes: 50 });
    const user = h.standIn.user();
    const { createServer } = await import('node:http');
    const small = makePng(30, 30);
    const big = Buffer.concat([Buffer.from(makePng(30, 30)), Buffer.alloc(6000)]);
    const server = createServer((req, res) => {
      if (req.url === '/small.png') res.writeHead(200, { 'content-type': 'image/png' }).end(small);
      else if (req.url === '/big.png') res.writeHead(200, { 'content-type': 'image/png' }).end(big);
      else if (req.url === '/page')
        res.writeHead(200, { 'content-type': 'text/html' }).end('<html></html>');
      else if (req.url === '/big.bin') res.writeHead(200).end(Buffer.alloc(51));
      else if (req.url === '/clip.mp4')
        res.writeHead(200, { 'content-type': 'video/mp4' }).end('mp4data');
      else res.writeHead(404).end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    try {
      const ok = await h.bot.api.sendPhoto(user.id, `${base}/small.png`);
      expect(ok.photo?.at(-1)).toMatchObject({ width: 30, height: 30 });
      const video = await h.bot.api.sendVideo(user.id, `${base}/clip.mp4`);
      expect(video.video).toMatchObject({ mime_type: 'video/mp4', file_name: 'clip.mp4' });
      const bigDoc = await h.raw('sendDocument', { chat_id: user.id, document: `${base}/big.bin` });
      expect(bigDoc.json.description).toBe(`Bad Request: ${TEXTS.urlFailed}`);
      const errors = await Promise.all(
        [
          `${base}/big.png`,
          `${base}/page`,
          `${base}/missing.png`,
          'https://example.com/a.png',
          'http://127.0.0.1:1/x.png',
        ].map(
          async (url) =>
            (await h.raw('sendPhoto', { chat_id: user.id, photo: url })).json.description,
        ),
      );
      expect(errors).toEqual([
        `Bad Request: ${TEXTS.wrongFile}`,
        `Bad Request: ${TEXTS.urlWrongType}`,
        `Bad Request: ${TEXTS.wrongFile}`,
        `Bad Request: ${TEXTS.urlFailed}`,
        `Bad Request: ${TEXTS.urlFailed}`,
      ]);
    } finally {
      server.close();
    }
  });
});

describe('copy and forward', () => {
  it('copies and forwards messages', async () => {
    h = await harness();
    const a = h.standIn.user();
    const b = h.standIn.user();
    const src = a.send('original');
    const copied = await h.bot.api.copyMessage(b.id, a.id, src.message_id);
    expect(b.messages().find((m) => m.message_id === copied.message_id)?.text).toBe('original');
    const fwd = await h.bot.api.forwardMessage(b.id, a.id, src.message_id);
    expect(fwd.forward_origin).toMatchObject({ type: 'user', sender_user: { id: a.id } });
  });
});
