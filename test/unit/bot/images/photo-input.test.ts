import type { Message } from 'grammy/types';
import { describe, expect, it } from 'vitest';
import {
  captionCommand,
  MAX_INPUT_BYTES,
  pickImage,
} from '../../../../src/bot/images/photo-input.js';

const size = (id: string, bytes: number, w = 100) => ({
  file_id: id,
  file_unique_id: `u${id}`,
  width: w,
  height: w,
  file_size: bytes,
});

describe('pickImage', () => {
  it('takes the largest size of a photo', () => {
    const msg = {
      photo: [size('s', 1000, 90), size('m', 5000, 320), size('x', 9000, 800)],
    } as Partial<Message>;
    expect(pickImage(msg)).toEqual({
      ok: true,
      image: { fileId: 'x', uniqueId: 'ux', size: 9000 },
    });
  });

  it('refuses a photo bots may not download (over 20 MB), with its size', () => {
    const msg = { photo: [size('big', 30 * 1024 * 1024)] } as Partial<Message>;
    expect(pickImage(msg)).toEqual({ ok: false, reason: 'too_large', size: 30 * 1024 * 1024 });
    expect(pickImage({ photo: [size('edge', MAX_INPUT_BYTES)] } as Partial<Message>)?.ok).toBe(
      true,
    );
  });

  it('accepts PNG, JPEG and WebP files; refuses other files and stickers', () => {
    const doc = (mime: string | undefined, name = 'f') =>
      ({
        document: {
          file_id: 'd',
          file_unique_id: 'ud',
          file_size: 10,
          file_name: name,
          ...(mime ? { mime_type: mime } : {}),
        },
      }) as Partial<Message>;
    expect(pickImage(doc('image/png'))?.ok).toBe(true);
    expect(pickImage(doc('image/jpeg'))?.ok).toBe(true);
    expect(pickImage(doc('image/webp'))?.ok).toBe(true);
    expect(pickImage(doc(undefined, 'cat.JPG'))?.ok).toBe(true);
    expect(pickImage(doc('application/pdf', 'x.pdf'))).toEqual({ ok: false, reason: 'not_image' });
    expect(pickImage(doc('image/svg+xml', 'x.svg'))).toEqual({ ok: false, reason: 'not_image' });
    expect(pickImage({ sticker: {} } as Partial<Message>)).toEqual({
      ok: false,
      reason: 'not_image',
    });
    expect(pickImage({ text: 'hello' } as Partial<Message>)).toBeUndefined();
  });
});

describe('captionCommand', () => {
  it.each([
    ['/edit make it blue', { command: 'edit', args: 'make it blue' }],
    ['/edit@GenBot_test_bot  make it blue ', { command: 'edit', args: 'make it blue' }],
    ['/edit', { command: 'edit', args: '' }],
    ['/EDIT\nsecond line', { command: 'edit', args: 'second line' }],
    ['/video a cat walks', { command: 'video', args: 'a cat walks' }],
  ])('%s', (caption, expected) => {
    expect(captionCommand(caption, 'genbot_test_bot')).toEqual(expected);
  });

  it('is undefined for plain captions and commands for another bot', () => {
    expect(captionCommand('make it blue', 'genbot_test_bot')).toBeUndefined();
    expect(captionCommand('/edit@other_bot x', 'genbot_test_bot')).toBeUndefined();
    expect(captionCommand('/editx', 'genbot_test_bot')).toEqual({ command: 'editx', args: '' });
    expect(captionCommand(undefined, 'genbot_test_bot')).toBeUndefined();
  });
});
