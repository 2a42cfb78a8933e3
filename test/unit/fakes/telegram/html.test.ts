import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../fakes/telegram/index.js';

const error = (html: string): string => {
  try {
    parseHtml(html);
  } catch (e) {
    return (e as Error).message;
  }
  return 'no error';
};

describe('HTML parse mode', () => {
  it('produces entities with UTF-16 offsets and decodes entities', () => {
    const r = parseHtml(
      '😀 <b>bold &amp; <i>both</i></b> <a href="https://x.y/?a=1&amp;b=2">link</a> &lt;tag&gt; &#128512;',
    );
    expect(r.text).toBe('😀 bold & both link <tag> 😀');
    expect(r.entities).toEqual([
      { type: 'bold', offset: 3, length: 11 },
      { type: 'italic', offset: 10, length: 4 },
      { type: 'text_link', offset: 15, length: 4, url: 'https://x.y/?a=1&b=2' },
    ]);
  });

  it('supports pre with a language, spoilers, blockquotes and custom emoji', () => {
    const r = parseHtml(
      '<pre><code class="language-ts">let a</code></pre><tg-spoiler>s</tg-spoiler><span class="tg-spoiler">t</span><blockquote expandable>q</blockquote><tg-emoji emoji-id="5368324170671202286">👍</tg-emoji><code>c</code>',
    );
    expect(r.entities).toEqual([
      { type: 'pre', offset: 0, length: 5, language: 'ts' },
      { type: 'spoiler', offset: 5, length: 1 },
      { type: 'spoiler', offset: 6, length: 1 },
      { type: 'expandable_blockquote', offset: 7, length: 1 },
      { type: 'custom_emoji', offset: 8, length: 2, custom_emoji_id: '5368324170671202286' },
      { type: 'code', offset: 10, length: 1 },
    ]);
  });

  it('keeps unknown entities and lone ampersands as text', () => {
    expect(parseHtml('a &nbsp; & b').text).toBe('a &nbsp; & b');
  });

  it("reports tdlib's errors with byte offsets", () => {
    const p = "Bad Request: can't parse entities: ";
    expect(error('é<p>x</p>')).toBe(`${p}Unsupported start tag "p" at byte offset 2`);
    expect(error('1 < 2')).toBe(`${p}Unsupported start tag "" at byte offset 2`);
    expect(error('<b>x</i>')).toBe(
      `${p}Unmatched end tag at byte offset 4, expected "</b>", found "</i>"`,
    );
    expect(error('x</b>')).toBe(`${p}Unexpected end tag at byte offset 1`);
    expect(error('<b')).toBe(`${p}Unclosed start tag at byte offset 0`);
    expect(error('<span>x</span>')).toBe(
      `${p}Tag "span" must have class "tg-spoiler" at byte offset 0`,
    );
    expect(error('<b><i>x</i>')).toBe(`${p}Can't find end tag corresponding to start tag "b"`);
  });
});
