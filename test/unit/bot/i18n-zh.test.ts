import { describe, expect, it } from 'vitest';
import { LOCALES, pickLocale, translateIn, translator } from '../../../src/bot/i18n.js';

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
    expect(zh('start-line-midjourney', { names: 'Midjourney, Niji' })).toBe('🖼 Midjourney, Niji');
    expect(zh('start-balance', { balance: '1.00 USD' })).toContain('你的余额：<b>1.00 USD</b>。');
  });

  it('explains a failed job and its refund', () => {
    const refund = zh('job-refunded', { amount: '0.05 USD' });
    const text = zh('job-failed', { reason: zh('job-failed-timeout'), refund, job: 'abc123' });
    expect(text).toBe(
      '❌ 生成失败：模型响应超时。请重试。\n为此预扣的 0.05 USD 已退回你的余额。\n🆔 任务编号：<code>abc123</code>',
    );
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

  it('confirms the choice in Chinese', () => {
    expect(zh('language-set')).toBe('✅ 语言：简体中文');
  });
});
