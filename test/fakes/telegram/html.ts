import type { MessageEntity } from 'grammy/types';
import { badRequest } from './errors.js';
import { byteInput, fail, isSpace } from './parse-bytes.js';

/**
 * Telegram's HTML parse mode, following tdlib's parser: same tag set, same
 * error texts with UTF-8 byte offsets, entity offsets in UTF-16 code units.
 */
const TAGS = new Set([
  'a',
  'b',
  'strong',
  'i',
  'em',
  's',
  'strike',
  'del',
  'u',
  'ins',
  'tg-spoiler',
  'tg-emoji',
  'tg-time',
  'span',
  'pre',
  'code',
  'blockquote',
]);

const SIMPLE: Record<string, MessageEntity['type']> = {
  b: 'bold',
  strong: 'bold',
  i: 'italic',
  em: 'italic',
  s: 'strikethrough',
  strike: 'strikethrough',
  del: 'strikethrough',
  u: 'underline',
  ins: 'underline',
  'tg-spoiler': 'spoiler',
  span: 'spoiler',
};

interface Open {
  tag: string;
  arg: string;
  utf16: number;
  outPos: number;
}

const isAlpha = (c: number): boolean => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
const isHex = (c: number): boolean =>
  isDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);

export function parseHtml(input: string): { text: string; entities: MessageEntity[] } {
  const { src, n, at, out, entities } = byteInput(input);
  const stack: Open[] = [];
  let utf16 = 0;

  /** Decodes &lt; &gt; &amp; &quot; &#N; &#xN; at i; returns [codepoint, nextIndex] or undefined. */
  const entity = (i: number): [number, number] | undefined => {
    let end = i + 1;
    let code = 0;
    if (at(i + 1) === 0x23) {
      end++;
      if (at(i + 2) === 0x78) {
        end++;
        while (isHex(at(end)))
          code = code * 16 + Number.parseInt(String.fromCharCode(at(end++)), 16);
      } else {
        while (isDigit(at(end))) code = code * 10 + at(end++) - 0x30;
      }
      if (code === 0 || code >= 0x10ffff || end - i >= 10) return undefined;
    } else {
      while (isAlpha(at(end))) end++;
      const name = src.toString('latin1', i + 1, end);
      const known: Record<string, number> = { lt: 60, gt: 62, amp: 38, quot: 34 };
      const k = known[name];
      if (k === undefined) return undefined;
      code = k;
    }
    return [code, at(end) === 0x3b ? end + 1 : end];
  };

  const pushCodePoint = (code: number): void => {
    out.push(...Buffer.from(String.fromCodePoint(code), 'utf8'));
  };

  for (let i = 0; i < n; i++) {
    const c = at(i);
    if (c === 0x26) {
      const dec = entity(i);
      if (dec) {
        utf16 += dec[0] > 0xffff ? 2 : 1;
        pushCodePoint(dec[0]);
        i = dec[1] - 1;
        continue;
      }
    }
    if (c !== 0x3c) {
      if ((c & 0xc0) !== 0x80) utf16 += c >= 0xf0 ? 2 : 1;
      out.push(c);
      continue;
    }
    const begin = i++;
    if (at(i) !== 0x2f) {
      while (!isSpace(at(i)) && at(i) !== 0x3e) i++;
      if (i >= n) fail(`Unclosed start tag at byte offset ${begin}`);
      const tag = src.toString('utf8', begin + 1, i).toLowerCase();
      if (!TAGS.has(tag)) fail(`Unsupported start tag "${tag}" at byte offset ${begin}`);
      let arg = '';
      while (at(i) !== 0x3e) {
        while (i < n && isSpace(at(i))) i++;
        if (at(i) === 0x3e) break;
        const nameStart = i;
        while (!isSpace(at(i)) && ![0x3d, 0x3e, 0x2f, 0x22, 0x27].includes(at(i))) i++;
        const attr = src.toString('utf8', nameStart, i);
        if (attr === '') fail(`Empty attribute name in the tag "${tag}" at byte offset ${begin}`);
        while (i < n && isSpace(at(i))) i++;
        if (at(i) !== 0x3d) {
          if (i >= n) fail(`Unclosed start tag "${tag}" at byte offset ${begin}`);
          if (tag === 'blockquote' && attr === 'expandable') arg = '1';
          continue;
        }
        i++;
        while (i < n && isSpace(at(i))) i++;
        if (i >= n) fail(`Unclosed start tag "${tag}" at byte offset ${begin}`);
        let value: string;
        const q = at(i);
        if (q !== 0x27 && q !== 0x22) {
          const tokenStart = i;
          while (isAlpha(at(i)) || isDigit(at(i)) || at(i) === 0x2e || at(i) === 0x2d) i++;
          value = src.toString('latin1', tokenStart, i).toLowerCase();
          if (!isSpace(at(i)) && at(i) !== 0x3e)
            fail(`Unexpected end of name token at byte offset ${tokenStart}`);
        } else {
          i++;
          const bytes: number[] = [];
          while (at(i) !== q && i < n) {
            const dec = at(i) === 0x26 ? entity(i) : undefined;
            if (dec) {
              bytes.push(...Buffer.from(String.fromCodePoint(dec[0]), 'utf8'));
              i = dec[1];
              continue;
            }
            bytes.push(at(i++));
          }
          if (at(i) === q) i++;
          value = Buffer.from(bytes).toString('utf8');
        }
        if (i >= n) fail(`Unclosed start tag at byte offset ${begin}`);
        if (tag === 'a' && attr === 'href') arg = value;
        else if (tag === 'code' && attr === 'class' && value.startsWith('language-'))
          arg = value.slice(9);
        else if (tag === 'span' && attr === 'class' && value.startsWith('tg-'))
          arg = value.slice(3);
        else if (tag === 'tg-emoji' && attr === 'emoji-id') arg = value;
        else if (tag === 'blockquote' && attr === 'expandable') arg = '1';
      }
      if (tag === 'span' && arg !== 'spoiler') {
        fail(`Tag "span" must have class "tg-spoiler" at byte offset ${begin}`);
      }
      stack.push({ tag, arg, utf16, outPos: out.length });
      continue;
    }
    // End tag.
    const open = stack.at(-1);
    if (!open) return fail(`Unexpected end tag at byte offset ${begin}`);
    while (!isSpace(at(i)) && at(i) !== 0x3e) i++;
    const endTag = src.toString('utf8', begin + 2, i).toLowerCase();
    while (i < n && isSpace(at(i))) i++;
    if (at(i) !== 0x3e) fail(`Unclosed end tag at byte offset ${begin}`);
    if (endTag !== '' && endTag !== open.tag) {
      fail(
        `Unmatched end tag at byte offset ${begin}, expected "</${open.tag}>", found "</${endTag}>"`,
      );
    }
    stack.pop();
    if (utf16 > open.utf16) addEntity(entities, open, utf16 - open.utf16, out);
  }
  const unclosed = stack.at(-1);
  if (unclosed) fail(`Can't find end tag corresponding to start tag "${unclosed.tag}"`);
  entities.sort((a, b) => a.offset - b.offset || b.length - a.length);
  return { text: Buffer.from(out).toString('utf8'), entities: finishEntities(entities) };
}

function addEntity(entities: MessageEntity[], open: Open, length: number, out: number[]): void {
  const offset = open.utf16;
  const last = entities.at(-1);
  const sameSpan = last !== undefined && last.offset === offset && last.length === length;
  const simple = SIMPLE[open.tag];
  if (simple) {
    entities.push({ type: simple, offset, length } as MessageEntity);
  } else if (open.tag === 'tg-emoji') {
    if (!/^[1-9]\d*$/.test(open.arg))
      throw badRequest("can't parse entities: Invalid custom emoji identifier specified");
    entities.push({ type: 'custom_emoji', offset, length, custom_emoji_id: open.arg });
  } else if (open.tag === 'a') {
    const url = open.arg || Buffer.from(out.slice(open.outPos)).toString('utf8');
    if (url) entities.push({ type: 'text_link', offset, length, url });
  } else if (open.tag === 'pre') {
    // <pre><code class="language-x">…</code></pre> becomes one pre entity with a language.
    if (sameSpan && last.type === 'code' && 'language' in last) {
      entities[entities.length - 1] = {
        type: 'pre',
        offset,
        length,
        language: String(last.language),
      };
    } else {
      entities.push({ type: 'pre', offset, length });
    }
  } else if (open.tag === 'code') {
    if (sameSpan && last.type === 'pre' && open.arg) {
      entities[entities.length - 1] = { type: 'pre', offset, length, language: open.arg };
    } else if (open.arg) {
      // Kept only until the enclosing </pre> decides; a bare code entity carries no language.
      entities.push({
        type: 'code',
        offset,
        length,
        language: open.arg,
      } as unknown as MessageEntity);
    } else {
      entities.push({ type: 'code', offset, length });
    }
  } else if (open.tag === 'blockquote') {
    entities.push({ type: open.arg ? 'expandable_blockquote' : 'blockquote', offset, length });
  } else if (open.tag === 'tg-time') {
    // Date-time entities need unix/format attributes; a stand-in keeps the text only.
  }
}

/** Drops the temporary language of code entities that were not wrapped in <pre>. */
function finishEntities(entities: MessageEntity[]): MessageEntity[] {
  return entities.map((e) =>
    e.type === 'code' && 'language' in e ? { type: 'code', offset: e.offset, length: e.length } : e,
  );
}
