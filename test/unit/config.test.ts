import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

const TOKEN = '123456789:AAEhBP0av28PJTDtRcMi6HmLp3RdLuFBU0Q';
const base = { BOT_TOKEN: TOKEN, GATEWAY_API_KEY: 'sk-abcdefghijklmnop' };

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
}

describe('config', () => {
  it('needs only the token and the gateway key, with embedded defaults for the rest', () => {
    const config = loadConfig(base);
    expect(config.BOT_API_ROOT).toBe('https://api.telegram.org');
    expect(config.GATEWAY_BASE_URL).toBe('https://api.designapi.ink');
    expect(config.DATABASE_PATH).toBe('./data/bot.sqlite');
    expect(config.BOT_MODE).toBe('polling');
    expect(config.TELEGRAM_SEND_RATE).toBe(30);
    expect(config.MJ_FETCHES_PER_POLL).toBe(25);
    expect(config.REDIS_URL).toBeUndefined();
    expect(config.ADMIN_IDS).toEqual([]);
    expect(config.isCloudBotApi).toBe(true);
    expect(config.uploadLimitBytes).toBe(50 * 1024 * 1024);
  });

  it('names each missing or malformed variable and says what is wrong', () => {
    const found = problems({
      BOT_TOKEN: 'not-a-token',
      GATEWAY_BASE_URL: 'ftp://x',
      ADMIN_IDS: '1, two',
      PORT: '99999',
      REDIS_URL: 'localhost:6379',
    });
    expect(found).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^BOT_TOKEN must look like/),
        expect.stringMatching(/^GATEWAY_API_KEY is required/),
        expect.stringMatching(/^GATEWAY_BASE_URL must be an http\(s\) URL/),
        expect.stringMatching(/^ADMIN_IDS "two" is not a Telegram user id/),
        expect.stringMatching(/^PORT must be at most 65535/),
        expect.stringMatching(/^REDIS_URL must be a redis:\/\/ URL/),
      ]),
    );
  });

  it('requires an https webhook URL and a well-formed secret in webhook mode', () => {
    expect(problems({ ...base, BOT_MODE: 'webhook' })).toEqual([
      'WEBHOOK_URL is required when BOT_MODE=webhook',
      'WEBHOOK_SECRET is required when BOT_MODE=webhook',
    ]);
    expect(
      problems({
        ...base,
        BOT_MODE: 'webhook',
        WEBHOOK_URL: 'http://bot.example.com/hook',
        WEBHOOK_SECRET: 'has space',
      }),
    ).toEqual([
      'WEBHOOK_SECRET may contain only A–Z, a–z, 0–9, _ and - (Telegram’s rule)',
      'WEBHOOK_SECRET must be at least 32 characters (generate one: openssl rand -hex 32)',
      'WEBHOOK_URL must be https:// (Telegram refuses plain http)',
    ]);
    const ok = loadConfig({
      ...base,
      BOT_MODE: 'webhook',
      WEBHOOK_URL: 'https://bot.example.com/hook',
      WEBHOOK_SECRET: 'abc_DEF-123'.padEnd(32, 'x'),
    });
    expect(ok.WEBHOOK_URL).toBe('https://bot.example.com/hook');
  });

  it('refuses a guessable or over-long webhook secret, accepting exactly 32–256 of Telegram’s set', () => {
    const webhook = { ...base, BOT_MODE: 'webhook', WEBHOOK_URL: 'https://bot.example.com/hook' };
    const secret = (WEBHOOK_SECRET: string) => problems({ ...webhook, WEBHOOK_SECRET });
    expect(secret('x')).toEqual([
      'WEBHOOK_SECRET must be at least 32 characters (generate one: openssl rand -hex 32)',
    ]);
    expect(secret('a'.repeat(31))).toHaveLength(1);
    expect(secret('aZ0_-'.repeat(6).padEnd(32, '9'))).toEqual([]);
    expect(secret('a'.repeat(256))).toEqual([]);
    expect(secret('a'.repeat(257))).toEqual([
      'WEBHOOK_SECRET must be at most 256 characters (Telegram’s limit)',
    ]);
    expect(secret(`${'a'.repeat(40)}+/=`)).toEqual([
      'WEBHOOK_SECRET may contain only A–Z, a–z, 0–9, _ and - (Telegram’s rule)',
    ]);
  });

  it('listens on loopback, names no support contact and keeps metrics private by default', () => {
    const config = loadConfig(base);
    expect(config.HOST).toBe('127.0.0.1');
    expect(config.SUPPORT_CONTACT).toBeUndefined();
    expect(config.BUY_CODES_URL).toBeUndefined();
    expect(config.METRICS_TOKEN).toBeUndefined();
    expect(config.METRICS_PUBLIC).toBe(false);
    expect(loadConfig({ ...base, SUPPORT_CONTACT: ' @my_shop ' }).SUPPORT_CONTACT).toBe('@my_shop');
    expect(problems({ ...base, METRICS_TOKEN: 'short' })).toEqual([
      'METRICS_TOKEN must be at least 32 characters (e.g. openssl rand -hex 32)',
    ]);
  });

  it('parses admin ids, the support chat and a self-hosted Bot API server', () => {
    const config = loadConfig({
      ...base,
      ADMIN_IDS: '111, 222 333',
      SUPPORT_CHAT_ID: '-1001234567890',
      BOT_API_ROOT: 'http://127.0.0.1:8081/',
    });
    expect(config.ADMIN_IDS).toEqual([111, 222, 333]);
    expect(config.SUPPORT_CHAT_ID).toBe(-1001234567890);
    expect(config.BOT_API_ROOT).toBe('http://127.0.0.1:8081');
    expect(config.isCloudBotApi).toBe(false);
    expect(config.uploadLimitBytes).toBe(2000 * 1024 * 1024);
  });

  it('treats empty values as unset', () => {
    expect(loadConfig({ ...base, REDIS_URL: '', PORT: '' }).PORT).toBe(8080);
  });
  it('CONFIRM_ABOVE is read in the currency and kept in minor units; unset means never', () => {
    expect(loadConfig({ ...base, CONFIRM_ABOVE: '0.50' }).confirmAboveMinor).toBe(50);
    expect(
      loadConfig({ ...base, CONFIRM_ABOVE: '5', CURRENCY_DECIMALS: '0' }).confirmAboveMinor,
    ).toBe(5);
    expect(loadConfig(base).confirmAboveMinor).toBeUndefined();
    expect(() => loadConfig({ ...base, CONFIRM_ABOVE: '-1' })).toThrow(/CONFIRM_ABOVE/);
  });

  it('Stars packs, the referral bonus and the welcome credit are read in the currency', () => {
    const money = { STARS_PACKS: '50:0.5', REFERRAL_BONUS: '1', WELCOME_CREDIT: '0.1' };
    const c = loadConfig({ ...base, ...money });
    expect(c.starsPacks).toEqual([{ stars: 50, credit: 50 }]);
    expect([c.referralBonusMinor, c.welcomeCreditMinor]).toEqual([100, 10]);
    const d = loadConfig(base);
    expect(d.starsPacks.map((p) => p.stars)).toEqual([100, 500, 2500]);
    expect([d.referralBonusMinor, d.welcomeCreditMinor]).toEqual([0, 0]);
    expect(problems({ ...base, STARS_PACKS: '50:x', REFERRAL_BONUS: 'lots' })).toEqual([
      'STARS_PACKS "50:x": the credit is not_a_number',
      'REFERRAL_BONUS is not an amount in USD (not_a_number)',
    ]);
  });
});
