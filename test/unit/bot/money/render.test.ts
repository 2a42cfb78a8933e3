import { describe, expect, it } from 'vitest';
import type { User } from '../../../../src/accounts/users.js';
import { generateCode, parseCode } from '../../../../src/billing/code-format.js';
import type { LedgerEntry } from '../../../../src/billing/ledger.js';
import { formatMoney } from '../../../../src/billing/money.js';
import type { Translate } from '../../../../src/bot/i18n.js';
import { createI18n } from '../../../../src/bot/i18n.js';
import {
  amountErrorText,
  codeFromPayload,
  codesFileText,
  deepLink,
  formatUsd,
  formatWhen,
  ledgerWhat,
  minutesLeft,
  modelPrice,
  type RedeemFailure,
  redeemFailureText,
  redeemPayload,
  renderBalance,
  renderModels,
  renderUserCard,
  signedMoney,
} from '../../../../src/bot/money/render.js';
import { topUpOf } from '../../../../src/bot/money/top-up.js';
import { parseCatalog } from '../../../../src/catalog/index.js';
import type { JobRow } from '../../../../src/jobs/store.js';

const i18n = createI18n();
const tFor =
  (locale: string): Translate =>
  (key, vars) =>
    i18n.t(locale, key, vars);
const en = tFor('en');
const ru = tFor('ru');
const usd = (locale: string) => (amount: number) =>
  formatMoney(amount, { currency: 'USD', decimals: 2, locale });

const catalog = parseCatalog(
  `version: 1
defaults: { image: img, video: vid }
models:
  - { id: img, family: image, api: images, title: "Pic <b>", price: { perImage: 3 }, maxPromptLength: 100 }
  - { id: free, family: image, api: images, title: Free, price: { perCall: 0 }, maxPromptLength: 100 }
  - { id: off, family: image, api: images, title: Hidden, enabled: false, price: { perCall: 1 }, maxPromptLength: 100 }
  - id: vid
    family: video
    api: video
    title: Vid
    maxPromptLength: 100
    durations: { allowed: [5, 10], default: 5 }
    modes: { allowed: [std, pro], default: std }
    price: { perSecond: 7, modeMultipliers: { pro: 2 } }
`,
  'test.yaml',
);

let nextId = 1;
function entry(partial: Partial<LedgerEntry>): LedgerEntry {
  return {
    id: nextId++,
    userId: 1,
    kind: 'topup',
    amount: 500,
    balanceAfter: 500,
    ref: `x:${nextId}`,
    jobId: null,
    actorId: null,
    note: null,
    createdAt: Date.UTC(2026, 10, 23, 9, 5),
    ...partial,
  };
}

describe('small formatters', () => {
  it('signs credits, leaves debits with their minus', () => {
    expect(signedMoney(usd('en'), 500)).toBe('+5.00 USD');
    expect(signedMoney(usd('en'), -3)).toBe('-0.03 USD');
    expect(signedMoney(usd('ru'), 150)).toBe('+1,50 USD');
  });

  it('formats times in UTC in the reader’s locale', () => {
    const at = Date.UTC(2026, 10, 23, 9, 5);
    expect(formatWhen(at, 'en')).toBe('11/23/2026, 09:05');
    expect(formatWhen(at, 'ru')).toBe('23.11.2026, 09:05');
    expect(formatWhen(at, 'not a locale!')).toMatch(/2026/);
  });

  it('rounds minutes up, at least one', () => {
    expect(minutesLeft(1)).toBe(1);
    expect(minutesLeft(60_000)).toBe(1);
    expect(minutesLeft(60_001)).toBe(2);
    expect(minutesLeft(15 * 60_000)).toBe(15);
  });

  it('shows the gateway quota in dollars', () => {
    expect(formatUsd(7.5, 'en')).toBe('$7.50');
    expect(formatUsd(7.5, 'ru')).toMatch(/^7,50\s\$$/);
  });
});

describe('redeemFailureText', () => {
  const cases: [RedeemFailure, RegExp][] = [
    [
      { ok: false, reason: 'malformed', attemptsLeft: 4 },
      /not a redeem code[\s\S]*Attempts left: 4/,
    ],
    [{ ok: false, reason: 'bad_checksum', attemptsLeft: 3 }, /typo/],
    [{ ok: false, reason: 'not_found', attemptsLeft: 2 }, /no such code/],
    [{ ok: false, reason: 'expired' }, /expired/],
    [{ ok: false, reason: 'used_up' }, /already been used/],
    [{ ok: false, reason: 'already_redeemed' }, /You have already redeemed/],
    [{ ok: false, reason: 'disabled' }, /withdrawn/],
    [
      { ok: false, reason: 'not_found', attemptsLeft: 0, lockedForMs: 14.5 * 60_000 },
      /no such code[\s\S]*locked for 15 min/,
    ],
    [{ ok: false, reason: 'rate_limited', retryAfterMs: 125_000 }, /Try again in 3 min/],
  ];
  it.each(cases)('%j', (failure, pattern) => {
    const text = redeemFailureText(en, failure);
    expect(text).toMatch(pattern);
    if (failure.reason === 'expired') expect(text).not.toMatch(/Attempts/);
  });

  it('has a distinct message for every reason, in Russian too', () => {
    const reasons = [
      'malformed',
      'bad_checksum',
      'not_found',
      'expired',
      'used_up',
      'already_redeemed',
      'disabled',
    ] as const;
    const texts = reasons.map((reason) => redeemFailureText(ru, { ok: false, reason }));
    expect(new Set(texts).size).toBe(reasons.length);
    for (const t of texts) expect(t).toMatch(/[а-я]/);
  });
});

describe('renderBalance', () => {
  const base = {
    balance: 1250,
    history: [],
    topUp: topUpOf({ SUPPORT_CONTACT: '@seller<x>' }),
  };

  it('balance, empty history and the contact to buy from (escaped)', () => {
    const text = renderBalance(en, usd('en'), 'en', base);
    expect(text).toContain('Balance: 12.50 USD');
    expect(text).toContain('No transactions yet.');
    expect(text).toContain('@seller&lt;x&gt;');
  });

  it('prefers the shop link when configured', () => {
    const text = renderBalance(ru, usd('ru'), 'ru', {
      ...base,
      topUp: topUpOf({
        BUY_CODES_URL: 'https://shop.example/a?b=1&c=2',
        SUPPORT_CONTACT: '@seller',
      }),
    });
    expect(text).toContain('Баланс: 12,50 USD');
    expect(text).toContain('https://shop.example/a?b=1&amp;c=2');
    expect(text).not.toContain('@seller');
  });

  it('lists history lines with what they were for', () => {
    const text = renderBalance(en, usd('en'), 'en', {
      ...base,
      history: [
        { entry: entry({ kind: 'charge', amount: -3, jobId: 'j1' }), model: 'FLUX' },
        { entry: entry({ kind: 'topup', amount: 500, ref: 'redeem:1:1', note: 'code ABCD…' }) },
      ],
    });
    expect(text).toContain('-0.03 USD · generation, FLUX · 11/23/2026, 09:05');
    expect(text).toContain('+5.00 USD · redeem code ABCD…');
  });

  it('shows the own key masked with its quota, or what is wrong with it', () => {
    const masked = 'sk-ab…wxyz';
    const quota = { unlimited: false, totalUsd: 10, usedUsd: 2.5, remainingUsd: 7.5 };
    expect(
      renderBalance(en, usd('en'), 'en', { ...base, key: { kind: 'ok', masked, quota } }),
    ).toContain('Key quota: <b>$7.50</b> left of $10.00 (used $2.50).');
    expect(
      renderBalance(en, usd('en'), 'en', {
        ...base,
        key: { kind: 'ok', masked, quota: { ...quota, unlimited: true } },
      }),
    ).toContain('Key quota: <b>unlimited</b>');
    expect(
      renderBalance(en, usd('en'), 'en', { ...base, key: { kind: 'invalid', masked } }),
    ).toMatch(/Your API key <code>sk-ab…wxyz<\/code> is refused/);
    expect(
      renderBalance(en, usd('en'), 'en', { ...base, key: { kind: 'exhausted', masked } }),
    ).toMatch(/no quota left/);
    expect(
      renderBalance(en, usd('en'), 'en', { ...base, key: { kind: 'quota-unavailable', masked } }),
    ).toMatch(/could not be read/);
  });
});

describe('ledgerWhat', () => {
  it('names each kind', () => {
    expect(ledgerWhat(en, entry({ kind: 'topup' }))).toBe('top-up');
    expect(ledgerWhat(en, entry({ kind: 'refund', jobId: 'j9' }))).toBe('refund, j9');
    expect(ledgerWhat(en, entry({ kind: 'charge', jobId: 'j9' }), 'A<B')).toBe(
      'generation, A&lt;B',
    );
    expect(ledgerWhat(ru, entry({ kind: 'adjustment', note: 'internal' }))).toBe(
      'корректировка оператора',
    );
  });
});

describe('models', () => {
  it('lists enabled models by family with prices, titles escaped', () => {
    const text = renderModels(en, usd('en'), catalog);
    expect(text).toContain('<b>🎨 Images</b>');
    expect(text).toContain('• Pic &lt;b&gt; — 0.03 USD per image');
    expect(text).toContain('• Free — free per request');
    expect(text).not.toContain('Hidden');
    expect(text).toContain('• Vid — 0.07 USD per second (5/10 s) · pro ×2');
    expect(text).toContain('Choose a model in /settings');
    expect(renderModels(en, usd('en'), catalog, { ownKey: true })).toContain(
      'Your own API key is linked',
    );
  });

  it('prices in Russian use the Russian number format', () => {
    const vid = catalog.get('vid');
    expect(vid && modelPrice(ru, usd('ru'), vid)).toBe('0,07 USD за секунду (5/10 с) · pro ×2');
  });
});

describe('deep links and the codes file', () => {
  it('a payload Telegram accepts, that redeems the same code', () => {
    for (let i = 0; i < 50; i++) {
      const code = generateCode();
      const payload = redeemPayload(code);
      expect(payload).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
      const back = codeFromPayload(payload);
      expect(back && parseCode(back)).toEqual(parseCode(code));
      expect(deepLink('my_bot', code)).toBe(`https://t.me/my_bot?start=${payload}`);
    }
    expect(codeFromPayload('ref-123')).toBeUndefined();
    expect(codeFromPayload('')).toBeUndefined();
  });

  it('header, one code per line, one link per line', () => {
    const codes = [generateCode(), generateCode()];
    const text = codesFileText(en, {
      batchId: 'b_1',
      codes,
      amount: '5.00 USD',
      maxUses: 3,
      expiry: 'no expiry',
      created: '11/23/2026, 09:05',
      adminId: 1234567,
      botUsername: 'my_bot',
    });
    const lines = text.split('\n');
    expect(lines[0]).toBe('Redeem codes, batch b_1');
    expect(text).toContain('Amount: 5.00 USD per redemption');
    expect(text).toContain('Uses per code: 3');
    expect(text).toContain('by admin 1234567');
    for (const c of codes) {
      expect(lines).toContain(c);
      expect(lines).toContain(deepLink('my_bot', c));
    }
  });
});

describe('amountErrorText', () => {
  const info = { currency: 'USD', max: '1,000,000.00 USD' };
  it.each([
    ['not_a_number', /“a&lt;b” is not an amount/],
    ['empty', /is not an amount/],
    ['zero', /must not be zero/],
    ['negative', /must be positive/],
    ['too_many_decimals', /too many decimal places for USD/],
    ['ambiguous', /ambiguous/],
    ['too_large', /at most 1,000,000.00 USD/],
  ] as const)('%s', (reason, pattern) => {
    expect(amountErrorText(en, reason, 'a<b', info)).toMatch(pattern);
  });
});

describe('renderUserCard', () => {
  const user: User = {
    id: 123456789,
    firstName: 'Ann <script>',
    lastName: null,
    username: 'ann_b',
    languageCode: 'en',
    balance: 700,
    blockedBot: true,
    banned: false,
    settings: {},
    createdAt: Date.UTC(2026, 0, 2, 3, 4),
    lastSeenAt: Date.UTC(2026, 10, 23, 9, 5),
  };
  const job = {
    id: 'jOb1',
    model: 'img',
    status: 'done',
    price: 3,
    payer: 'balance',
    createdAt: Date.UTC(2026, 10, 23, 9, 0),
  } as JobRow;

  it('who, flags, balance, key, jobs and the ledger with actor and note (escaped)', () => {
    const text = renderUserCard(en, usd('en'), 'en', catalog, {
      user,
      key: { masked: 'sk-ab…wxyz', status: 'ok', verifiedAt: 0, linkedAt: 0 },
      jobs: [job, { ...job, id: 'jOb2', status: 'failed', payer: 'own_key' }],
      ledger: [
        {
          entry: entry({
            kind: 'adjustment',
            amount: 200,
            balanceAfter: 700,
            actorId: 42,
            note: 'sorry <3',
          }),
        },
        { entry: entry({ kind: 'topup', amount: 500, ref: 'redeem:1:1', note: 'code ABCD…' }) },
      ],
    });
    expect(text).toContain('Ann &lt;script&gt;');
    expect(text).toContain('@ann_b · id <code>123456789</code>');
    expect(text).toContain('🚫 blocked the bot');
    expect(text).toContain('Balance: <b>7.00 USD</b>');
    expect(text).toContain('<code>sk-ab…wxyz</code> (working)');
    expect(text).toContain('<code>jOb1</code> · Pic &lt;b&gt; · done · 0.03 USD');
    expect(text).toContain('<code>jOb2</code> · Pic &lt;b&gt; · failed · own key');
    expect(text).toContain('+2.00 USD → 7.00 USD · correction by the operator');
    expect(text).toContain('by <code>42</code> · <i>sorry &lt;3</i>');
    expect(text.match(/ABCD…/g)).toHaveLength(1);
  });

  it('a user with nothing', () => {
    const text = renderUserCard(ru, usd('ru'), 'ru', catalog, {
      user: { ...user, blockedBot: false, username: null },
      key: null,
      jobs: [],
      ledger: [],
    });
    expect(text).toContain('✅ активен');
    expect(text).toContain('Свой ключ: нет');
    expect(text).toContain('Заданий нет.');
    expect(text).toContain('Записей нет.');
  });
});
