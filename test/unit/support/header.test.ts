import { describe, expect, it } from 'vitest';
import type { UserCard } from '../../../src/support/card.js';
import {
  displayName,
  formatUtc,
  renderTicketHeader,
  TOPIC_NAME_MAX,
  topicName,
} from '../../../src/support/header.js';

/** Shows which message and variables were used, so the test reads the structure. */
const t = (key: string, vars?: Record<string, string | number>) =>
  vars ? `${key} ${JSON.stringify(vars)}` : key;
const money = (n: number) => `${(n / 100).toFixed(2)} USD`;

const card = (over: Partial<UserCard> = {}): UserCard => ({
  id: 500000001,
  firstName: 'Ann',
  lastName: 'Lee',
  username: 'ann',
  languageCode: 'ru',
  balance: 1250,
  banned: false,
  blockedBot: false,
  ...over,
});

type LastJob = NonNullable<UserCard['lastJob']>;
/** A failed last job: the fields a test does not name are dull. */
const failedJob = (over: Partial<LastJob>): LastJob => ({
  id: 'j',
  family: 'image',
  model: 'm',
  status: 'failed',
  createdAt: 0,
  errorCode: null,
  errorMessage: null,
  ...over,
});

describe('ticket header', () => {
  it('says who wrote: name (linked), id, username, language, balance, last job and its error', () => {
    const html = renderTicketHeader(
      card({
        lastJob: failedJob({
          id: 'j1',
          model: 'flux',
          createdAt: Date.UTC(2025, 0, 2, 13, 45),
          errorCode: 'content_policy',
          errorMessage: 'bad <prompt> & more',
        }),
      }),
      t,
      { ticketId: 7, opened: true, forum: true, money },
    );
    const lines = html.split('\n');
    expect(lines[0]).toBe('support-header-new {"ticket":"7"}');
    expect(lines[1]).toBe(
      'support-header-user {"name":"<a href=\\"tg://user?id=500000001\\">Ann Lee</a>","id":"500000001","username":"@ann","language":"ru"}',
    );
    expect(lines[2]).toBe('support-header-balance {"balance":"12.50 USD"}');
    expect(lines[3]).toBe(
      'support-header-last-job {"job":"j1","family":"image","model":"flux","status":"failed","when":"2025-01-02 13:45 UTC"}',
    );
    expect(lines[4]).toBe(
      'support-header-last-error {"code":"content_policy","message":"bad &lt;prompt&gt; &amp; more"}',
    );
    expect(lines.at(-1)).toBe('support-header-hint-forum');
  });

  it('follow-up messages: no hint; flags for banned and blocked; no jobs; odd names escaped', () => {
    const html = renderTicketHeader(
      card({
        firstName: '<b>x</b>',
        lastName: null,
        username: null,
        languageCode: null,
        banned: true,
        blockedBot: true,
      }),
      t,
      { ticketId: 8, opened: false, forum: false, money },
    );
    for (const part of [
      'support-header-more {"ticket":"8"}',
      '&lt;b&gt;x&lt;/b&gt;',
      '"username":"—","language":"—"',
      'support-header-banned',
      'support-header-blocked',
      'support-header-no-jobs',
    ])
      expect(html).toContain(part);
    expect(html).not.toContain('hint');
  });

  it('a long error message is cut', () => {
    const html = renderTicketHeader(
      card({ lastJob: failedJob({ family: 'video', errorMessage: 'e'.repeat(1000) }) }),
      t,
      { ticketId: 1, opened: true, forum: false, money },
    );
    expect(html).toContain(`${'e'.repeat(299)}…`);
    expect(html).toContain('support-header-hint-group');
  });

  it('topic names: name, username and id, within Telegram’s 128 characters', () => {
    expect(topicName(card())).toBe('Ann Lee @ann · 500000001');
    expect(topicName(card({ username: null }))).toBe('Ann Lee · 500000001');
    const long = topicName(card({ firstName: '😀'.repeat(300) }));
    expect([...long].length).toBeLessThanOrEqual(TOPIC_NAME_MAX);
    expect(long.endsWith('@ann · 500000001')).toBe(true);
    expect(displayName({ firstName: '', lastName: null, id: 5 })).toBe('#5');
    expect(formatUtc(Date.UTC(2030, 11, 31, 23, 59, 59))).toBe('2030-12-31 23:59 UTC');
  });
});
