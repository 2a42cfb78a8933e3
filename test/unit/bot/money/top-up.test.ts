import { describe, expect, it } from 'vitest';
import { createI18n, LOCALES } from '../../../../src/bot/i18n.js';
import { topUpLine, topUpOf } from '../../../../src/bot/money/top-up.js';
import { loadConfig } from '../../../../src/config.js';

const i18n = createI18n();
const t = (locale: string) => (key: string, vars?: Record<string, string | number>) =>
  i18n.t(locale, key, vars);
const minimal = {
  BOT_TOKEN: '123456789:AAEhBP0av28PJTDtRcMi6HmLp3RdLuFBU0Q',
  GATEWAY_API_KEY: 'sk-abcdefghijklmnop',
};

describe('top-up line', () => {
  it('names only /redeem when the operator configured no shop, no contact and no Stars', () => {
    const topUp = topUpOf(loadConfig({ ...minimal, STARS_PACKS: 'off' }));
    expect(topUp).toEqual({ kind: 'redeem' });
    for (const locale of LOCALES) {
      const line = topUpLine(t(locale), topUp);
      expect(line).toContain('/redeem');
      expect(line).not.toMatch(/@|https?:/);
    }
  });

  it('puts Stars (/topup) first where packs are sold, the code line after it', () => {
    const topUp = topUpOf(loadConfig(minimal));
    expect(topUp).toEqual({ kind: 'redeem', stars: true });
    for (const locale of LOCALES) {
      const [stars, codes] = topUpLine(t(locale), topUp).split('\n');
      expect(stars).toContain('/topup');
      expect(codes).toContain('/redeem');
    }
  });

  it('names the configured contact, escaped, and prefers a shop page', () => {
    const contact = topUpOf({ SUPPORT_CONTACT: '@codes<shop>' });
    expect(topUpLine(t('en'), contact)).toContain('buy a code from @codes&lt;shop&gt;');
    const shop = topUpOf({ BUY_CODES_URL: 'https://shop.example/c', SUPPORT_CONTACT: '@x' });
    expect(topUpLine(t('ru'), shop)).toContain('купите код на https://shop.example/c');
  });
});
