import { describe, expect, it } from 'vitest';
import type { SessionData } from '../../../../src/bot/context.js';
import { createI18n, LOCALES } from '../../../../src/bot/i18n.js';
import {
  AWAIT_TTL_MS,
  clearEditAwaiting,
  readEditAwaiting,
  writeEditAwaiting,
} from '../../../../src/bot/images/awaiting.js';
import { problemMessage } from '../../../../src/bot/jobs/job-draft.js';
import { formatAgo, renderJobsList } from '../../../../src/bot/jobs/jobs-list.js';
import type { ProblemCode } from '../../../../src/catalog/index.js';
import type { JobRow } from '../../../../src/jobs/store.js';

const i18n = createI18n();
const CODES: ProblemCode[] = [
  'prompt_empty',
  'prompt_too_long',
  'size_unsupported',
  'n_out_of_range',
  'duration_unsupported',
  'mode_unsupported',
  'aspect_unsupported',
  'image_required',
  'image_not_supported',
  'too_many_images',
  'too_few_images',
];

describe('validation problems → messages', () => {
  it.each(LOCALES)('every problem code has a %s message that tells the limits', (locale) => {
    for (const code of CODES) {
      const { key, vars } = problemMessage({
        ok: false,
        model: 'FLUX',
        promptLength: 10_000,
        problem: { code, limit: 4, allowed: ['1024x1024', '768x1024'] },
      });
      const text = i18n.t(locale, key, vars);
      expect(text, key).not.toBe(key);
      if (code !== 'prompt_empty') expect(text, key).toContain('FLUX');
      if (
        [
          'size_unsupported',
          'aspect_unsupported',
          'n_out_of_range',
          'duration_unsupported',
          'mode_unsupported',
        ].includes(code)
      )
        expect(text, key).toContain('1024x1024, 768x1024');
      if (['prompt_too_long', 'n_out_of_range', 'too_many_images', 'too_few_images'].includes(code))
        expect(text, key).toContain('4');
    }
  });

  it('says the prompt length next to the limit', () => {
    const { key, vars } = problemMessage({
      ok: false,
      model: 'FLUX',
      promptLength: 10_000,
      problem: { code: 'prompt_too_long', limit: 2000 },
    });
    expect(i18n.t('en', key, vars)).toContain('10,000 characters, and FLUX accepts at most 2,000');
  });
});

describe('/jobs list', () => {
  const job = (over: Partial<JobRow>): JobRow =>
    ({
      id: 'abcdefghjk',
      userId: 1,
      chatId: 1,
      family: 'image',
      kind: 'generate',
      model: 'flux',
      params: { prompt: 'a <b>bold</b> fox' },
      status: 'done',
      price: 3,
      payer: 'balance',
      createdAt: 1_000_000,
      ...over,
    }) as JobRow;
  const t = (key: string, vars?: Record<string, string | number>) => i18n.t('en', key, vars);

  it('lists jobs with status, escapes prompts, and offers cancel only for queued ones', () => {
    const screen = renderJobsList(
      [
        job({ id: 'qqqqqqqqqq', status: 'queued' }),
        job({ status: 'failed', createdAt: 1_000_000 - 3_600_000 }),
      ],
      t,
      { now: 1_000_000 + 90_000, locale: 'en', title: (id) => (id === 'flux' ? 'FLUX.1' : id) },
    );
    expect(screen.text).toContain('<code>qqqqqqqqqq</code> · FLUX.1 · queued · 2 minutes ago');
    expect(screen.text).toContain('failed · 1 hour ago');
    expect(screen.text).toContain('a &lt;b&gt;bold&lt;/b&gt; fox');
    const buttons = screen.keyboard?.inline_keyboard.flat() ?? [];
    expect(buttons.map((b) => ('callback_data' in b ? b.callback_data : ''))).toEqual([
      'j:qqqqqqqqqq:cancel',
    ]);
  });

  it('says how to start when there are none', () => {
    expect(renderJobsList([], t, { now: 0, locale: 'en', title: String })).toEqual({
      text: t('jobs-empty'),
      keyboard: undefined,
    });
  });

  it('formats how long ago in the user’s language', () => {
    expect(formatAgo(5_000, 'en')).toBe('5 seconds ago');
    expect(formatAgo(3 * 86_400_000, 'ru')).toBe('3 дня назад');
  });
});

describe('edit waits in the session', () => {
  it('round-trips, expires, and leaves other features’ waits alone', () => {
    const session: SessionData = {};
    writeEditAwaiting(
      session,
      { kind: 'edit-prompt', images: [{ fileId: 'F' }], group: 'g' },
      1000,
    );
    expect(readEditAwaiting(session, 1000)).toEqual({
      kind: 'edit-prompt',
      images: [{ fileId: 'F' }],
      group: 'g',
    });
    expect(readEditAwaiting(session, 1000 + AWAIT_TTL_MS + 1)).toBeUndefined();
    writeEditAwaiting(session, { kind: 'edit-photo', prompt: 'blue' }, 1000);
    expect(readEditAwaiting(session, 2000)).toEqual({ kind: 'edit-photo', prompt: 'blue' });
    clearEditAwaiting(session);
    expect(session.awaiting).toBeUndefined();

    session.awaiting = { kind: 'key', since: 1000 };
    expect(readEditAwaiting(session, 1000)).toBeUndefined();
    clearEditAwaiting(session);
    expect(session.awaiting).toEqual({ kind: 'key', since: 1000 });
  });

  it('ignores a stored shape it does not understand', () => {
    const session: SessionData = {
      awaiting: { kind: 'edit-prompt', since: 0, data: { images: 'nope' } },
    };
    expect(readEditAwaiting(session, 0)).toBeUndefined();
  });
});
