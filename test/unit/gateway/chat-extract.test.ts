import { describe, expect, it } from 'vitest';
import { extractChatImages } from '../../../src/gateway/chat-extract.js';
import { isRefusal } from '../../../src/gateway/chat-images.js';

// Smallest valid-looking payloads per signature (only the prefix matters for sniffing).
const PNG_B64 = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(24, 1),
]).toString('base64');
const JPEG_B64 = Buffer.concat([
  Buffer.from([0xff, 0xd8, 0xff, 0xe0]),
  Buffer.alloc(24, 2),
]).toString('base64');
const WEBP_B64 = Buffer.concat([
  Buffer.from('RIFF'),
  Buffer.alloc(4),
  Buffer.from('WEBPVP8 '),
  Buffer.alloc(16, 3),
]).toString('base64');
const GIF_B64 = Buffer.concat([Buffer.from('GIF89a'), Buffer.alloc(24, 4)]).toString('base64');

describe('extractChatImages (§2.3)', () => {
  it('1. message.images[] wins over markdown in content (no duplicates)', () => {
    const url = `data:image/png;base64,${PNG_B64}`;
    const r = extractChatImages({
      content: `Here: ![image](${url})`,
      images: [{ type: 'image_url', image_url: { url } }],
    });
    expect(r.images).toHaveLength(1);
    expect(r.images[0]).toMatchObject({ kind: 'bytes', mime: 'image/png' });
  });

  it('1. images[] with https URLs and with string image_url', () => {
    const r = extractChatImages({
      content: null,
      images: [
        { image_url: { url: 'https://cdn.example.com/a.png' } },
        { image_url: 'https://cdn.example.com/b' },
      ],
    });
    expect(r.images).toEqual([
      { kind: 'url', url: 'https://cdn.example.com/a.png' },
      { kind: 'url', url: 'https://cdn.example.com/b' },
    ]);
  });

  it('1. array content with image_url parts', () => {
    const r = extractChatImages({
      content: [
        { type: 'text', text: 'done' },
        { type: 'image_url', image_url: { url: `data:image/jpeg;base64,${JPEG_B64}` } },
      ],
    });
    expect(r.images[0]).toMatchObject({ kind: 'bytes', mime: 'image/jpeg' });
    expect(r.text).toBe('done');
  });

  it('2. markdown data URI (Gemini adaptor, parts joined with "")', () => {
    const content = `![image](data:image/png;base64,${PNG_B64})![image](data:image/webp;base64,${WEBP_B64})`;
    const r = extractChatImages({ role: 'assistant', content });
    expect(r.images.map((i) => (i.kind === 'bytes' ? i.mime : i.url))).toEqual([
      'image/png',
      'image/webp',
    ]);
    expect(r.text).toBe('');
  });

  it('2. markdown data URI with line-wrapped base64', () => {
    const wrapped = PNG_B64.replace(/(.{10})/g, '$1\n');
    const r = extractChatImages({ content: `![img](data:image/png;base64,${wrapped})` });
    expect(r.images).toHaveLength(1);
    const img = r.images[0];
    expect(img?.kind === 'bytes' && img.data.equals(Buffer.from(PNG_B64, 'base64'))).toBe(true);
  });

  it('2. markdown https URL', () => {
    const r = extractChatImages({ content: 'Done!\n![image](https://files.example.com/abc.png)' });
    expect(r.images).toEqual([{ kind: 'url', url: 'https://files.example.com/abc.png' }]);
    expect(r.text).toBe('Done!');
  });

  it('2. mixed text and several images', () => {
    const content = `Here you go:\n![image](data:image/png;base64,${PNG_B64})\n![image](data:image/gif;base64,${GIF_B64})\nEnjoy`;
    const r = extractChatImages({ content });
    expect(r.images).toHaveLength(2);
    expect(r.text).toBe('Here you go:\n\nEnjoy');
  });

  it('3. bare URLs with an image extension (also inside a markdown link)', () => {
    const r = extractChatImages({
      content:
        '[点击下载](https://files.example.com/x/abc.jpg?sig=1) or see https://example.com/page',
    });
    expect(r.images).toEqual([{ kind: 'url', url: 'https://files.example.com/x/abc.jpg?sig=1' }]);
    const bare = extractChatImages({ content: 'result: https://cdn.example.com/r.webp.' });
    expect(bare.images).toEqual([]); // trailing dot makes the path end in ".webp." → not an image
    const ok = extractChatImages({ content: 'result: https://cdn.example.com/r.webp done' });
    expect(ok.images).toEqual([{ kind: 'url', url: 'https://cdn.example.com/r.webp' }]);
  });

  it('3. non-image URLs are ignored', () => {
    expect(extractChatImages({ content: 'see https://example.com/docs' }).images).toEqual([]);
  });

  it.each([
    [PNG_B64, 'image/png'],
    [JPEG_B64, 'image/jpeg'],
    [WEBP_B64, 'image/webp'],
    [GIF_B64, 'image/gif'],
  ])('4. whole-content raw base64 sniffed by magic prefix (%#)', (b64, mime) => {
    const r = extractChatImages({ content: `  ${b64}\n` });
    expect(r.images).toHaveLength(1);
    expect(r.images[0]).toMatchObject({ kind: 'bytes', mime });
  });

  it('4. whole-content data URL', () => {
    const r = extractChatImages({ content: `data:image/png;base64,${PNG_B64}` });
    expect(r.images[0]).toMatchObject({ kind: 'bytes', mime: 'image/png' });
  });

  it('plain text, unknown base64 and junk give no image but keep the text', () => {
    expect(extractChatImages({ content: "I can't draw that." })).toEqual({
      images: [],
      text: "I can't draw that.",
    });
    expect(extractChatImages({ content: 'SGVsbG8gd29ybGQgaGVsbG8gd29ybGQ=' }).images).toEqual([]);
    expect(extractChatImages(undefined)).toEqual({ images: [], text: '' });
    expect(extractChatImages({ content: '![image](data:image/png;base64,)' }).images).toEqual([]);
  });
});

describe('isRefusal', () => {
  it('detects refusals and filters', () => {
    expect(isRefusal("I'm sorry, but I can't help with that.")).toBe(true);
    expect(isRefusal('抱歉，我无法生成这张图片')).toBe(true);
    expect(isRefusal('This request violates our content policy')).toBe(true);
    expect(isRefusal('', 'content_filter')).toBe(true);
    expect(isRefusal('A cat sitting on a windowsill, watercolor.')).toBe(false);
  });
});

describe('extractChatImages: base64 inside other text (§2.3 step 4)', () => {
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    Buffer.alloc(300, 7),
  ]);
  const b64 = png.toString('base64');
  const wrapped = b64.match(/.{1,76}/g)?.join('\n') ?? '';

  it('a data: URL in the middle of a sentence is the image; the words around it stay', () => {
    const r = extractChatImages({
      content: `Here is your cat: data:image/png;base64,${b64} Enjoy!`,
    });
    expect(r.images).toEqual([{ kind: 'bytes', data: png, mime: 'image/png' }]);
    expect(r.text).toBe('Here is your cat:  Enjoy!');
  });

  it('bare base64 wrapped at 76 columns after a preface, a closing line after it', () => {
    const r = extractChatImages({ content: `Sure! Here it is:\n\n${wrapped}\nEnjoy` });
    expect(r.images).toEqual([{ kind: 'bytes', data: png, mime: 'image/png' }]);
    expect(r.text).toBe('Sure! Here it is:\n\nEnjoy');
  });

  it('one long unwrapped line does not swallow the word on the next line', () => {
    const r = extractChatImages({ content: `${b64}\nEnjoy` });
    expect(r.images).toEqual([{ kind: 'bytes', data: png, mime: 'image/png' }]);
    expect(r.text).toBe('Enjoy');
  });

  it('two images in one reply are both found; a long non-image token is left as text', () => {
    const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(60, 9)]);
    const hash = 'a'.repeat(64);
    const r = extractChatImages({
      content: `first ${b64} second data:image/jpeg;base64,${jpeg.toString('base64')} id ${hash}`,
    });
    expect(r.images.map((i) => i.kind === 'bytes' && i.mime)).toEqual(['image/png', 'image/jpeg']);
    expect(r.text).toBe(`first  second  id ${hash}`);
  });
});
