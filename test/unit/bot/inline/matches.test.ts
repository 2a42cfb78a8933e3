import { describe, expect, it } from 'vitest';
import {
  inlinePage,
  matchesWords,
  matchingFiles,
  parseOffset,
  queryWords,
  shareCaption,
  sharedFiles,
} from '../../../../src/bot/inline/matches.js';
import type { RecentJob } from '../../../../src/jobs/store.js';

let seq = 0;
/** A finished image job with one delivered photo per prompt file, newer each call. */
function job(prompt: string, o: Partial<RecentJob> = {}): RecentJob {
  seq++;
  return {
    id: `j${seq}`,
    family: 'image',
    model: 'flux',
    status: 'done',
    params: { prompt },
    result: {
      files: [{ path: `/r/${seq}.png`, mime: 'image/png', size: 1, photoFileId: `P${seq}` }],
    },
    createdAt: 1_000 + seq,
    ...o,
  };
}
const file = (n: number, ids: { photoFileId?: string; documentFileId?: string }) => ({
  path: `/r/${n}.png`,
  mime: 'image/png',
  size: 1,
  ...ids,
});
const title = (model: string) => (model === 'flux' ? 'FLUX' : model);

describe('inline matches: words', () => {
  it('splits on any whitespace and folds case in every script', () => {
    expect(queryWords('  Red\u00a0FOX\tсНЕГ  ')).toEqual(['red', 'fox', 'снег']);
    expect(queryWords('')).toEqual([]);
    expect(queryWords('   ')).toEqual([]);
    expect(matchesWords('Лиса в СНЕГУ', queryWords('лиса снег'))).toBe(true);
    expect(matchesWords('ÉCOLE Ωmega', queryWords('école ωMEGA'))).toBe(true);
    // NFKC: full-width letters and ligatures match their plain forms.
    expect(matchesWords('ＦＯＸ ﬁre', queryWords('fox fire'))).toBe(true);
    expect(matchesWords('一只红色的狐狸', queryWords('狐狸'))).toBe(true);
  });

  it('needs every word, anywhere in the prompt (substrings count)', () => {
    expect(matchesWords('a red fox in the snow', ['fox', 'snow'])).toBe(true);
    expect(matchesWords('foxes', ['fox'])).toBe(true);
    expect(matchesWords('a red fox', ['fox', 'snow'])).toBe(false);
    expect(matchesWords('anything', [])).toBe(true);
  });
});

describe('inline matches: which results', () => {
  it('keeps only done jobs with a delivered file id', () => {
    const jobs = [
      job('done photo'),
      job('failed', { status: 'failed' }),
      job('running', { status: 'running' }),
      job('not delivered', { result: { files: [file(1, {})] } }),
      job('no result', { result: null }),
      job('malformed', { result: { files: [{ nope: true }, 'x'] } }),
      job('as document', { result: { files: [file(2, { documentFileId: 'D2' })] } }),
      job('describe', { family: 'midjourney', result: { prompts: ['a', 'b'] } }),
    ];
    expect(matchingFiles(jobs, '').map((f) => f.prompt)).toEqual(['as document', 'done photo']);
    const [doc] = matchingFiles(jobs, 'document');
    expect(doc).toMatchObject({ kind: 'document', fileId: 'D2' });
  });

  it('prefers the photo of a file, and reads video and Midjourney results their own way', () => {
    expect(
      sharedFiles(
        job('both', { result: { files: [file(1, { photoFileId: 'P', documentFileId: 'D' })] } }),
      ),
    ).toMatchObject([{ kind: 'photo', fileId: 'P', index: 0 }]);
    expect(
      sharedFiles(
        job('clip', { family: 'video', result: { videoFileId: 'V', deliveredAs: 'video' } }),
      ),
    ).toMatchObject([{ kind: 'video', fileId: 'V' }]);
    expect(
      sharedFiles(job('big clip', { family: 'video', result: { documentFileId: 'VD' } })),
    ).toMatchObject([{ kind: 'document', fileId: 'VD' }]);
    expect(sharedFiles(job('link', { family: 'video', result: { deliveredAs: 'link' } }))).toEqual(
      [],
    );
    // Midjourney's upscale keeps the prompt it ran in its result; its params may have none.
    const upscale = job('', {
      family: 'midjourney',
      params: {},
      result: { prompt: 'castle on a hill', files: [file(3, { photoFileId: 'M' })] },
    });
    expect(matchingFiles([upscale], 'castle')).toMatchObject([
      { fileId: 'M', prompt: 'castle on a hill' },
    ]);
  });

  it('orders newest first whatever order the jobs came in; an album keeps its order', () => {
    const old = job('old cat');
    const album = job('album cat', {
      result: { files: [file(1, { photoFileId: 'A0' }), file(2, { photoFileId: 'A1' })] },
    });
    const newest = job('new cat');
    expect(matchingFiles([old, newest, album], 'cat').map((f) => f.fileId)).toEqual([
      newest.id.replace('j', 'P'),
      'A0',
      'A1',
      old.id.replace('j', 'P'),
    ]);
  });
});

describe('inline matches: pages and results', () => {
  const many = Array.from({ length: 45 }, (_, i) => job(`dog ${i}`));

  it('pages by offset, 20 at a time, with unique ids under 64 bytes', () => {
    const first = inlinePage(many, { query: 'dog', offset: '', title });
    expect(first.results).toHaveLength(20);
    expect(first.nextOffset).toBe('20');
    const second = inlinePage(many, { query: 'dog', offset: first.nextOffset, title });
    expect(second.nextOffset).toBe('40');
    const last = inlinePage(many, { query: 'dog', offset: second.nextOffset, title });
    expect(last.results).toHaveLength(5);
    expect(last.nextOffset).toBe('');
    const ids = [first, second, last].flatMap((p) => p.results.map((r) => r.id));
    expect(new Set(ids).size).toBe(45);
    for (const id of ids) expect(Buffer.byteLength(id)).toBeLessThanOrEqual(64);
    expect(first.empty).toBeUndefined();
  });

  it('starts over on an offset it never sent, and says nothing is beyond the end', () => {
    expect(parseOffset('abc')).toBe(0);
    expect(parseOffset('-5')).toBe(0);
    expect(parseOffset('20')).toBe(20);
    expect(inlinePage(many, { query: '', offset: 'zz', title }).results[0]?.id).toBe(
      `${many[44]?.id}:0`,
    );
    const beyond = inlinePage(many, { query: '', offset: '400', title });
    expect(beyond).toEqual({ results: [], nextOffset: '' });
  });

  it('tells nothing yet from nothing matching', () => {
    expect(inlinePage([], { query: '', offset: '', title }).empty).toBe('nothing-yet');
    expect(
      inlinePage([job('x', { status: 'failed' })], { query: '', offset: '', title }).empty,
    ).toBe('nothing-yet');
    expect(inlinePage([job('a cat')], { query: 'dog', offset: '', title }).empty).toBe('no-match');
  });

  it('maps to cached photo / video / document results with a short escaped caption', () => {
    const photo = job('<b>bold</b> & co');
    const video = job('a clip', { family: 'video', model: 'kling', result: { videoFileId: 'V' } });
    const doc = job('a doc', { result: { files: [file(9, { documentFileId: 'D' })] } });
    const { results } = inlinePage([photo, video, doc], { query: '', offset: '', title });
    expect(results).toEqual([
      {
        type: 'document',
        id: `${doc.id}:0`,
        document_file_id: 'D',
        title: 'FLUX',
        description: 'a doc',
        caption: 'FLUX · <i>a doc</i>',
        parse_mode: 'HTML',
      },
      {
        type: 'video',
        id: `${video.id}:0`,
        video_file_id: 'V',
        title: 'kling',
        description: 'a clip',
        caption: 'kling · <i>a clip</i>',
        parse_mode: 'HTML',
      },
      {
        type: 'photo',
        id: `${photo.id}:0`,
        photo_file_id: photo.id.replace('j', 'P'),
        title: 'FLUX',
        description: '<b>bold</b> & co',
        caption: 'FLUX · <i>&lt;b&gt;bold&lt;/b&gt; &amp; co</i>',
        parse_mode: 'HTML',
      },
    ]);
  });

  it('keeps a long prompt well within 1024 characters', () => {
    const caption = shareCaption('A model', 'x'.repeat(5000));
    expect([...caption.replace(/<[^>]+>/g, '')].length).toBeLessThanOrEqual(1024);
    expect(caption.endsWith('…</i>')).toBe(true);
    expect(shareCaption('FLUX', '   ')).toBe('FLUX');
  });
});
