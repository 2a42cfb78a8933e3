import { describe, expect, it } from 'vitest';
import { parseMarkdownV1, parseMarkdownV2 } from '../../../fakes/telegram/markdown.js';

const error = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    return (e as Error).message;
  }
  return 'no error';
};
const P = "Bad Request: can't parse entities: ";

describe('MarkdownV2', () => {
  it('parses the entity set with UTF-16 offsets and escapes', () => {
    const r = parseMarkdownV2('😀*b* _i_ __u__ ~s~ ||p|| `c\\`` [l](https://x.y/\\)) 1\\.5');
    expect(r.text).toBe('😀b i u s p c` l 1.5');
    expect(r.entities).toEqual([
      { type: 'bold', offset: 2, length: 1 },
      { type: 'italic', offset: 4, length: 1 },
      { type: 'underline', offset: 6, length: 1 },
      { type: 'strikethrough', offset: 8, length: 1 },
      { type: 'spoiler', offset: 10, length: 1 },
      { type: 'code', offset: 12, length: 2 },
      { type: 'text_link', offset: 15, length: 1, url: 'https://x.y/)' },
    ]);
  });

  it('parses pre blocks with a language and block quotes', () => {
    expect(parseMarkdownV2('```ts\nlet a```')).toEqual({
      text: 'let a',
      entities: [{ type: 'pre', offset: 0, length: 5, language: 'ts' }],
    });
    expect(parseMarkdownV2('>quote\nnext')).toEqual({
      text: 'quote\nnext',
      entities: [{ type: 'blockquote', offset: 0, length: 6 }],
    });
  });

  it('rejects unescaped reserved characters and unclosed entities like Telegram', () => {
    expect(error(() => parseMarkdownV2('Price: 1.5'))).toBe(
      `${P}Character '.' is reserved and must be escaped with the preceding '\\'`,
    );
    expect(error(() => parseMarkdownV2('a-b'))).toBe(
      `${P}Character '-' is reserved and must be escaped with the preceding '\\'`,
    );
    expect(error(() => parseMarkdownV2('x *bold'))).toBe(
      `${P}Can't find end of Bold entity at byte offset 2`,
    );
    expect(error(() => parseMarkdownV2('[a](http://x'))).toBe(
      `${P}Can't find end of a URL at byte offset 4`,
    );
  });
});

describe('legacy Markdown', () => {
  it('parses bold, italic, code, pre and links; fails on an unterminated entity', () => {
    expect(parseMarkdownV1('*b* _i_ `c` [t](http://u) a\\_b')).toEqual({
      text: 'b i c t a_b',
      entities: [
        { type: 'bold', offset: 0, length: 1 },
        { type: 'italic', offset: 2, length: 1 },
        { type: 'code', offset: 4, length: 1 },
        { type: 'text_link', offset: 6, length: 1, url: 'http://u' },
      ],
    });
    expect(error(() => parseMarkdownV1('snake_case'))).toBe(
      `${P}Can't find end of the entity starting at byte offset 5`,
    );
  });
});
