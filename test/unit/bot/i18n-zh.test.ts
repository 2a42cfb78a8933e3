import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  LOCALES,
  LOCALES_DIR,
  pickLocale,
  translateIn,
  translator,
} from '../../../src/bot/i18n.js';

/** Midjourney's own speed names, the same in every locale. */
const KEPT_AS_IS = new Set(['mj-mode-fast', 'mj-mode-relax', 'mj-mode-turbo']);

/** Every message id of a locale with the variables it uses, in file order. */
function messages(locale: string): { id: string; vars: string[] }[] {
  const dir = path.join(LOCALES_DIR, locale);
  const out: { id: string; vars: string[] }[] = [];
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.ftl'))) {
    let current: { id: string; vars: string[] } | undefined;
    for (const line of fs.readFileSync(path.join(dir, file), 'utf8').split('\n')) {
      const id = /^([a-z][a-z0-9_-]*)\s*=/.exec(line)?.[1];
      if (id) {
        current = { id, vars: [] };
        out.push(current);
      }
      for (const m of line.matchAll(/\{\s*\$([a-zA-Z0-9_-]+)/g)) if (m[1]) current?.vars.push(m[1]);
    }
  }
  return out;
}

describe('Simplified Chinese (zh)', () => {
  const zh = translator('zh');

  it('is one of the locales', () => {
    expect(LOCALES).toContain('zh');
  });

  it('is picked for every Chinese language code Telegram reports', () => {
    for (const code of ['zh', 'zh-hans', 'zh-CN', 'zh-sg', 'zh-hant', 'zh-TW', 'zh-hk', 'zh_CN'])
      expect(pickLocale(code), code).toBe('zh');
    expect(pickLocale('ru-RU')).toBe('ru');
    expect(pickLocale('ja')).toBe('en');
    expect(pickLocale(undefined)).toBe('en');
  });

  it('greets on /start in Chinese', () => {
    const text = zh('start-greeting', { name: '小明' });
    expect(text).toMatch(/^👋 你好，小明！/);
    expect(text).toContain('Midjourney');
    expect(zh('start-balance', { balance: '1.00 USD' })).toBe('💰 余额：1.00 USD');
  });

  it('explains a failed job and its refund', () => {
    const refund = zh('job-refunded', { amount: '0.05 USD' });
    const text = zh('job-failed', { reason: zh('job-failed-timeout'), refund });
    expect(text).toBe('❌ 生成失败：模型响应超时。请重试。\n为此预扣的 0.05 USD 已退回你的余额。');
    expect(zh('job-failed-banned_prompt', { word: 'none' })).toBe(
      '提示词中含有违禁词。请换个说法再试。',
    );
    expect(zh('job-failed-banned_prompt', { word: 'x' })).toBe(
      '提示词中含有违禁词（“x”）。请换个说法再试。',
    );
    expect(zh('job-failed-unknown', { detail: 'boom' })).toBe('出了点问题：boom。');
  });

  it('confirms a Stars payment and describes the invoice', () => {
    expect(
      translateIn('zh', 'stars-paid', { stars: 50, credit: '1.00 USD', balance: '3.00 USD' }),
    ).toBe('✅ 已收到付款：50 ⭐ → <b>+1.00 USD</b>。余额：<b>3.00 USD</b>。');
    for (const stars of [1, 250])
      expect(
        translateIn('zh', 'stars-invoice-description', { stars, credit: '5 USD', bot: 'GenBot' }),
      ).toBe(`${stars} 个 Telegram Stars，兑换 GenBot 中 5 USD 的生成余额。`);
  });

  it('has no plural forms but keeps the zero and single-photo branches', () => {
    const invite = (invited: number) =>
      zh('invite-text', { bonus: '1 USD', link: 'https://t.me/b?start=r', invited, rewarded: 1 });
    expect(invite(0)).toContain('还没有人通过它加入。');
    expect(invite(1)).toContain('已有 1 人通过它加入；其中 1 人已充值。');
    expect(zh('job-original-limit', { seconds: 1 })).toContain('请在 1 秒后再试');
    expect(zh('video-screen-frames', { count: 1 })).toBe('🖼 从你的照片开始');
    expect(zh('video-screen-frames', { count: 2 })).toContain('第二张');
    expect(zh('alert-gateway_down', { minutes: 5, gateway: 'gw' })).toContain(
      '网关已有 5 分钟没有响应',
    );
  });

  it('renders every message, with no missing key, variable or English fallback', () => {
    for (const { id, vars } of messages('zh')) {
      const args = Object.fromEntries(vars.map((v) => [v, 2]));
      const text = zh(id, args);
      // A missing message renders as `{id}`.
      expect(text, id).not.toBe(`{${id}}`);
      expect(text, id).not.toMatch(/\{\s*\$|\{\?\?\?\}/);
      const english = translateIn('en', id, args);
      const words = english.replace(/<[^>]+>|\/[a-z_]+|--[a-z]+/g, '').match(/\b[a-z]{4,}\b/g);
      // Identical to English although English has words in it: an untranslated (fallback) text.
      if (words && !KEPT_AS_IS.has(id)) expect(text, id).not.toBe(english);
    }
  });

  it('offers 中文 on the language picker in every locale', () => {
    for (const locale of LOCALES) expect(translateIn(locale, 'language-button-zh')).toBe('🇨🇳 中文');
    expect(zh('language-set')).toBe('✅ 语言：简体中文');
  });
});
