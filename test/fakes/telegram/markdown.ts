import type { MessageEntity } from 'grammy/types';
import { byteInput, fail, isSpace } from './parse-bytes.js';

/**
 * Telegram's MarkdownV2 and legacy Markdown parse modes, following tdlib's
 * parsers: same reserved characters, same error texts with UTF-8 byte offsets.
 */
type Kind =
  | 'Bold'
  | 'Italic'
  | 'Underline'
  | 'Strikethrough'
  | 'Spoiler'
  | 'Code'
  | 'Pre'
  | 'PreCode'
  | 'TextUrl'
  | 'CustomEmoji'
  | 'BlockQuote'
  | 'ExpandableBlockQuote';

interface Open {
  kind: Kind;
  arg: string;
  utf16: number;
  byteOffset: number;
  outPos: number;
}

const SIMPLE: Partial<Record<Kind, MessageEntity['type']>> = {
  Bold: 'bold',
  Italic: 'italic',
  Underline: 'underline',
  Strikethrough: 'strikethrough',
  Spoiler: 'spoiler',
  Code: 'code',
  Pre: 'pre',
  BlockQuote: 'blockquote',
  ExpandableBlockQuote: 'expandable_blockquote',
};

const reservedError = (c: number): never =>
  fail(
    `Character '${String.fromCharCode(c)}' is reserved and must be escaped with the preceding '\\'`,
  );
const ch = (s: string): number => s.charCodeAt(0);
const RESERVED = new Set([...'_*[]()~`>#+-=|{}.!\n'].map(ch));
const IN_CODE = new Set([ch('`')]);

export function parseMarkdownV2(input: string): { text: string; entities: MessageEntity[] } {
  const { src, n, at, out, entities } = byteInput(input);
  const stack: Open[] = [];
  let utf16 = 0;
  let haveQuote = false;
  let canStartQuote = true;

  const readUrl = (start: number): [string, number] => {
    let i = start;
    const bytes: number[] = [];
    while (i < n && at(i) !== ch(')')) {
      if (at(i) === ch('\\') && at(i + 1) > 0 && at(i + 1) <= 126) {
        bytes.push(at(i + 1));
        i += 2;
        continue;
      }
      bytes.push(at(i++));
    }
    if (at(i) !== ch(')')) fail(`Can't find end of a URL at byte offset ${start}`);
    return [Buffer.from(bytes).toString('utf8'), i];
  };

  for (let i = 0; i < n; i++) {
    const c = at(i);
    if (c === ch('\\') && at(i + 1) > 0 && at(i + 1) <= 126) {
      i++;
      utf16 += 1;
      out.push(at(i));
      if (at(i) !== 0x0d) canStartQuote = at(i) === 0x0a;
      continue;
    }
    const top = stack.at(-1);
    const inCode = top?.kind === 'Code' || top?.kind === 'Pre' || top?.kind === 'PreCode';
    if (!(inCode ? IN_CODE : RESERVED).has(c)) {
      if ((c & 0xc0) !== 0x80) {
        utf16 += c >= 0xf0 ? 2 : 1;
        if (c !== 0x0d) canStartQuote = false;
      }
      out.push(c);
      continue;
    }
    const isEnd = ((): boolean => {
      if (!top) return false;
      if (haveQuote && c === 0x0a && (i + 1 === n || at(i + 1) !== ch('>'))) return true;
      switch (top.kind) {
        case 'Bold':
          return c === ch('*');
        case 'Italic':
          return c === ch('_') && at(i + 1) !== ch('_');
        case 'Code':
          return c === ch('`');
        case 'Pre':
        case 'PreCode':
          return c === ch('`') && at(i + 1) === ch('`') && at(i + 2) === ch('`');
        case 'TextUrl':
        case 'CustomEmoji':
          return c === ch(']');
        case 'Underline':
          return c === ch('_') && at(i + 1) === ch('_');
        case 'Strikethrough':
          return c === ch('~');
        case 'Spoiler':
          return c === ch('|') && at(i + 1) === ch('|');
        default:
          return false;
      }
    })();

    if (!isEnd) {
      const byteOffset = i;
      let kind: Kind | undefined;
      let arg = '';
      if (c === ch('_')) {
        kind = at(i + 1) === ch('_') ? 'Underline' : 'Italic';
        if (kind === 'Underline') i++;
      } else if (c === ch('*')) kind = 'Bold';
      else if (c === ch('~')) kind = 'Strikethrough';
      else if (c === ch('|')) {
        if (at(i + 1) !== ch('|')) reservedError(c);
        i++;
        kind = 'Spoiler';
      } else if (c === ch('[')) kind = 'TextUrl';
      else if (c === ch('`')) {
        if (at(i + 1) === ch('`') && at(i + 2) === ch('`')) {
          i += 3;
          kind = 'Pre';
          let end = i;
          while (!isSpace(at(end)) && at(end) !== ch('`')) end++;
          if (i !== end && end < n && at(end) !== ch('`')) {
            kind = 'PreCode';
            arg = src.toString('utf8', i, end);
            i = end;
          }
          // One leading newline after the opening fence is not part of the text.
          if (at(i) === 0x0a || at(i) === 0x0d) {
            if ((at(i + 1) === 0x0a || at(i + 1) === 0x0d) && at(i) !== at(i + 1)) i += 2;
            else i++;
          }
          i--;
        } else kind = 'Code';
      } else if (c === ch('!')) {
        if (at(i + 1) !== ch('[')) reservedError(c);
        i++;
        kind = 'CustomEmoji';
      } else if (c === 0x0a) {
        utf16 += 1;
        out.push(0x0a);
        canStartQuote = true;
      } else if (c === ch('>')) {
        if (!canStartQuote) reservedError(c);
        if (!haveQuote) {
          kind = 'BlockQuote';
          haveQuote = true;
        }
      } else reservedError(c);
      if (kind) stack.push({ kind, arg, utf16, byteOffset, outPos: out.length });
      continue;
    }

    // End of an entity.
    let open = stack.at(-1) as Open;
    let kind = open.kind;
    if (c === 0x0a && kind !== 'BlockQuote') {
      const expandableMark =
        kind === 'Spoiler' &&
        (open.byteOffset === i - 2 || (open.byteOffset === i - 3 && out.at(-1) === 0x0d));
      if (!expandableMark)
        fail(`Can't find end of ${kind} entity at byte offset ${open.byteOffset}`);
      stack.pop();
      open = stack.at(-1) as Open;
      if (open?.kind !== 'BlockQuote')
        fail(`Can't find end of ${open?.kind} entity at byte offset ${open?.byteOffset}`);
      kind = 'ExpandableBlockQuote';
    }
    let skip = utf16 === open.utf16;
    let extra: Record<string, string> = {};
    if (kind === 'Underline' || kind === 'Spoiler') i++;
    else if (kind === 'Pre' || kind === 'PreCode') i += 2;
    else if (kind === 'TextUrl') {
      let url: string;
      if (at(i + 1) !== ch('(')) url = Buffer.from(out.slice(open.outPos)).toString('utf8');
      else [url, i] = readUrl(i + 2);
      if (url === '') skip = true;
      extra = { url };
    } else if (kind === 'CustomEmoji') {
      if (at(i + 1) !== ch('(')) fail('The entity must contain a tg://emoji or tg://time URL');
      const [url, end] = readUrl(i + 2);
      i = end;
      const id = /^tg:\/\/emoji\?id=(\d+)$/.exec(url)?.[1];
      if (!id) fail('Invalid tg://emoji or tg://time URL specified');
      extra = { custom_emoji_id: id ?? '' };
    } else if (kind === 'BlockQuote' || kind === 'ExpandableBlockQuote') {
      haveQuote = false;
      out.push(at(i));
      canStartQuote = true;
      utf16 += 1;
      skip = false;
    }
    if (!skip) push(entities, kind, open, utf16 - open.utf16, extra);
    stack.pop();
  }
  if (haveQuote) {
    let kind: Kind = 'BlockQuote';
    const top = stack.at(-1);
    if (top?.kind === 'Spoiler' && top.byteOffset === n - 2) {
      stack.pop();
      kind = 'ExpandableBlockQuote';
    }
    const quote = stack.at(-1);
    if (quote?.kind === 'BlockQuote') {
      if (utf16 !== quote.utf16) push(entities, kind, quote, utf16 - quote.utf16, {});
      stack.pop();
    }
  }
  const left = stack.at(-1);
  if (left) fail(`Can't find end of ${left.kind} entity at byte offset ${left.byteOffset}`);
  entities.sort((a, b) => a.offset - b.offset || b.length - a.length);
  return { text: Buffer.from(out).toString('utf8'), entities };
}

function push(
  list: MessageEntity[],
  kind: Kind,
  open: Open,
  length: number,
  extra: Record<string, string>,
): void {
  const offset = open.utf16;
  if (kind === 'PreCode') list.push({ type: 'pre', offset, length, language: open.arg });
  else if (kind === 'TextUrl')
    list.push({ type: 'text_link', offset, length, url: extra.url ?? '' });
  else if (kind === 'CustomEmoji') {
    list.push({
      type: 'custom_emoji',
      offset,
      length,
      custom_emoji_id: extra.custom_emoji_id ?? '',
    });
  } else {
    const type = SIMPLE[kind];
    if (type) list.push({ type, offset, length } as MessageEntity);
  }
}

/**
 * Legacy Markdown: *bold*, _italic_, `code`, ```pre```, [text](url); no
 * nesting; an unterminated entity fails like Telegram does.
 */
export function parseMarkdownV1(input: string): { text: string; entities: MessageEntity[] } {
  const { src, n, out, entities } = byteInput(input);
  let utf16 = 0;
  const add = (bytes: Buffer): void => {
    for (const b of bytes) {
      if ((b & 0xc0) !== 0x80) utf16 += b >= 0xf0 ? 2 : 1;
      out.push(b);
    }
  };
  for (let i = 0; i < n; i++) {
    const c = src[i] ?? 0;
    if (c === ch('\\') && [ch('_'), ch('*'), ch('`'), ch('[')].includes(src[i + 1] ?? 0)) {
      add(src.subarray(i + 1, i + 2));
      i++;
      continue;
    }
    if (![ch('_'), ch('*'), ch('`'), ch('[')].includes(c)) {
      add(src.subarray(i, i + 1));
      continue;
    }
    const begin = i;
    const pre = c === ch('`') && src[i + 1] === ch('`') && src[i + 2] === ch('`');
    const close = pre ? '```' : c === ch('[') ? ']' : String.fromCharCode(c);
    const start = i + (pre ? 3 : 1);
    const end = src.indexOf(close, start);
    if (end < 0) fail(`Can't find end of the entity starting at byte offset ${begin}`);
    const offset = utf16;
    add(src.subarray(start, end));
    const length = utf16 - offset;
    i = end + close.length - 1;
    if (c === ch('[')) {
      if (src[i + 1] !== ch('(')) {
        continue;
      }
      const urlEnd = src.indexOf(')', i + 2);
      if (urlEnd < 0) fail(`Can't find end of a URL at byte offset ${i + 2}`);
      const url = src.toString('utf8', i + 2, urlEnd);
      i = urlEnd;
      if (length > 0 && url) entities.push({ type: 'text_link', offset, length, url });
      continue;
    }
    if (length === 0) continue;
    const type = pre ? 'pre' : c === ch('*') ? 'bold' : c === ch('_') ? 'italic' : 'code';
    entities.push({ type, offset, length } as MessageEntity);
  }
  return { text: Buffer.from(out).toString('utf8'), entities };
}
