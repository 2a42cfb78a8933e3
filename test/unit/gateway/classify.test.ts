import { describe, expect, it } from 'vitest';
import {
  classify,
  GatewayError,
  mjSubmitError,
  stripRequestId,
} from '../../../src/gateway/errors.js';

const RID = ' (request id: 20250411123456789abcdEFGH)';
const openai = (message: string, code: string | number | null = null, type = 'one_api_error') =>
  JSON.stringify({ error: { message: `${message}${RID}`, type, param: '', code } });
const middleware = (message: string) =>
  JSON.stringify({ error: { message: `${message}${RID}`, type: 'new_api_error' } });

describe('stripRequestId', () => {
  it('removes the suffix and nothing else', () => {
    expect(stripRequestId(`无效的令牌${RID}`)).toBe('无效的令牌');
    expect(stripRequestId('plain message')).toBe('plain message');
    expect(stripRequestId('a (b) c')).toBe('a (b) c');
  });
});

describe('classify: no body / non-JSON', () => {
  it.each([
    [429, '', 'rate_limited'],
    [500, '', 'upstream'],
    [401, '', 'bad_key'],
    [404, '404 page not found', 'not_implemented'],
    [501, '', 'not_implemented'],
    [413, '', 'invalid_request'],
    [408, '', 'timeout'],
    [200, 'not json', 'malformed'],
  ] as const)('%i %j → %s', (status, body, kind) => {
    expect(classify(status, body, 'text/plain').kind).toBe(kind);
  });

  it('HTML 502/504 from a proxy is upstream and does not echo the page', () => {
    const html = '<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>';
    for (const status of [502, 504]) {
      const e = classify(status, html, 'text/html');
      expect(e.kind).toBe('upstream');
      expect(e.retryable).toBe(true);
      expect(e.status).toBe(status);
      expect(e.message).not.toContain('<html');
    }
    // Even when mislabelled as JSON.
    expect(classify(502, html, 'application/json').kind).toBe('upstream');
  });

  it('empty 429 is rate limited and carries Retry-After', () => {
    const e = classify(429, '', undefined, 7);
    expect(e.kind).toBe('rate_limited');
    expect(e.retryAfterSec).toBe(7);
    expect(e.retryable).toBe(true);
  });

  it('truncated JSON is treated as non-JSON', () => {
    expect(classify(500, '{"error":{"message":"x"', 'application/json').kind).toBe('upstream');
  });
});

describe('classify: OpenAI envelope (§1.2 #1, §1.3)', () => {
  it.each([
    [401, '未提供令牌', 'bad_key'],
    [401, '无效的令牌', 'bad_key'],
    [401, '令牌验证失败', 'bad_key'],
    [401, '该令牌已过期', 'bad_key'],
    [401, '该令牌状态不可用', 'bad_key'],
    [401, '令牌 bot（#12）额度已用尽', 'key_exhausted'],
    [401, '该令牌额度已用尽', 'key_exhausted'],
    [
      401,
      '[sk-abc***xyz] 该令牌额度已用尽 !token.UnlimitedQuota && token.RemainQuota = 0',
      'key_exhausted',
    ],
    [401, '该令牌额度已用尽 TokenStatusExhausted[sk-abc***xyz]', 'key_exhausted'],
    [401, 'token quota exhausted', 'key_exhausted'],
    [403, '用户已被封禁', 'bad_key'],
    [403, '该令牌无权使用模型：dall-e-3', 'model_not_allowed'],
    [403, '该令牌无权访问模型 mj_upscale', 'model_not_allowed'],
    [403, '该令牌无权访问任何模型', 'model_not_allowed'],
    [403, '您的 IP 不在令牌允许访问的列表中', 'bad_key'],
    [403, '该令牌只能在指定网段使用：10.0.0.0/8', 'bad_key'],
    [403, '令牌分组 vip 已被禁用', 'bad_key'],
    [403, '普通用户不支持指定渠道', 'bad_key'],
    [403, 'insufficient quota', 'insufficient_balance'],
    [403, '用户额度不足, 剩余额度: $0.01', 'insufficient_balance'],
    [429, '您已达到请求数限制：1分钟内最多请求10次', 'rate_limited'],
    [429, '当前分组上游负载已饱和，请稍后再试', 'rate_limited'],
    [503, '当前分组 default 下对于模型 flux 无可用渠道', 'no_channel'],
    [503, '数据库一致性已被破坏，请联系管理员', 'upstream'],
    [500, 'get channel failed', 'upstream'],
    [400, 'Invalid request, unknown_action:MJ::Job::PicReader::1', 'invalid_request'],
    [400, 'prompt is required', 'invalid_request'],
    [404, 'Invalid URL (GET /v1/nope)', 'not_implemented'],
    [404, 'no such video', 'not_found'],
  ] as const)('%i %s → %s', (status, message, kind) => {
    const e = classify(status, openai(message), 'application/json');
    expect(e).toBeInstanceOf(GatewayError);
    expect(e.kind).toBe(kind);
    expect(e.status).toBe(status);
    expect(e.message).not.toMatch(/request id/);
  });

  it('middleware envelopes without code/param work too', () => {
    expect(classify(401, middleware('无效的令牌'), 'application/json').kind).toBe('bad_key');
  });

  it('branches on code, never on type', () => {
    for (const type of ['one_api_error', 'new_api_error', 'upstream_error', 'openai_error']) {
      expect(
        classify(403, openai('user quota is not enough', 'insufficient_user_quota', type)).kind,
      ).toBe('insufficient_balance');
      expect(classify(501, openai('API not implemented', 'api_not_implemented', type)).kind).toBe(
        'not_implemented',
      );
    }
    const e = classify(500, openai('no channel', 'get_channel_failed'));
    expect(e.kind).toBe('no_channel');
    expect(e.code).toBe('get_channel_failed');
  });

  it('content policy codes and messages', () => {
    const safety = classify(
      400,
      JSON.stringify({
        error: {
          message: 'Your request was rejected as a result of our safety system.',
          type: 'invalid_request_error',
          param: null,
          code: 'content_policy_violation',
        },
      }),
    );
    expect(safety.kind).toBe('content_policy');
    expect(classify(400, openai('Request blocked', 'moderation_blocked')).kind).toBe(
      'content_policy',
    );
    expect(classify(400, openai('rejected by the safety system')).kind).toBe('content_policy');
    expect(safety.retryable).toBe(false);
  });

  it('banned words from a new-api sensitive-word check', () => {
    const e = classify(400, openai('sensitive words detected: nude', 'sensitive_words_detected'));
    expect(e.kind).toBe('banned_prompt');
    expect(e.bannedWord).toBe('nude');
  });

  it('numeric codes (seed document) are kept', () => {
    const e = classify(
      403,
      JSON.stringify({
        error: { message: 'insufficient quota', type: 'one_api_error', code: 403 },
      }),
    );
    expect(e.kind).toBe('insufficient_balance');
    expect(e.code).toBe(403);
  });

  it.each([
    [403, 'insufficient quota', 'insufficient_balance'],
    [403, 'user is banned', 'bad_key'],
    [401, 'invalid token', 'bad_key'],
    [429, 'too many requests', 'rate_limited'],
    [400, 'size must be one of 1024x1024', 'invalid_request'],
  ] as const)(
    'HTTP 200 whose envelope carries code %i (%s) is classified by that code',
    (code, message, kind) => {
      const e = classify(200, openai(message, code));
      expect(e.kind).toBe(kind);
      expect(e.status).toBe(200);
      expect(e.code).toBe(code);
    },
  );

  it('HTTP 200 with an error (billing internal failure) is upstream', () => {
    expect(
      classify(200, JSON.stringify({ error: { message: 'db down', type: 'upstream_error' } })).kind,
    ).toBe('upstream');
  });

  it('masks key fragments echoed by the gateway', () => {
    const e = classify(401, openai('[sk-abc***xyz] 该令牌额度已用尽'));
    expect(e.message).not.toContain('sk-abc');
    const full = classify(401, openai('bad key sk-live1234567890abcdef'));
    expect(full.message).not.toContain('1234567890');
  });

  it('string `error` (from /mj/image) is not_found', () => {
    expect(classify(400, '{"error":"midjourney_task_not_found"}').kind).toBe('not_found');
  });
});

describe('classify: Midjourney relay envelope (§1.2 #2)', () => {
  it('task_no_found with a trailing space is not_found', () => {
    const e = classify(400, '{"description":"task_no_found ","type":"upstream_error","code":4}');
    expect(e.kind).toBe('not_found');
    expect(e.message).toBe('task_no_found');
  });
  it.each([
    [400, 'task_not_found ', 4, 'not_found'],
    [429, '当前分组负载已饱和，请稍后再试，或升级账户以提升服务质量。', 30, 'rate_limited'],
    [400, 'quota_not_enough ', 4, 'insufficient_balance'],
    [400, 'prompt_is_required ', 4, 'invalid_request'],
    [400, 'task_status_not_success ', 4, 'invalid_request'],
    [400, '该任务所属渠道已被禁用 ', 4, 'no_channel'],
    [500, 'do_request_failed ', 5, 'upstream'],
    [400, 'read_response_body_failed ', 5, 'upstream'],
  ] as const)('%i %s → %s', (status, description, code, kind) => {
    expect(
      classify(status, JSON.stringify({ description, type: 'upstream_error', code })).kind,
    ).toBe(kind);
  });
});

describe('classify / mjSubmitError: SubmitResultVO (§1.2 #3, §3.2)', () => {
  it('code 24 is banned_prompt with the word', () => {
    const body = JSON.stringify({
      code: 24,
      description: '可能包含敏感词',
      result: null,
      properties: { promptEn: 'nude body', bannedWord: 'nude' },
    });
    const e = classify(200, body);
    expect(e.kind).toBe('banned_prompt');
    expect(e.bannedWord).toBe('nude');
    expect(e.code).toBe(24);
  });
  it.each([
    [3, '关联任务不存在或已失效', 'not_found'],
    [3, '无可用的账号实例', 'no_channel'],
    [3, '账号不可用', 'no_channel'],
    [4, '关联任务状态错误', 'invalid_request'],
    [9, '执行动作(modal)超时', 'upstream'],
    [23, '队列已满，请稍后尝试', 'queue_full'],
    [30, 'busy', 'rate_limited'],
    [99, 'strange', 'upstream'],
  ] as const)('code %i → %s', (code, description, kind) => {
    const e = mjSubmitError(code, description);
    expect(e.kind).toBe(kind);
    expect(e.message).toBe(description);
  });
  it('queue_full is retryable, banned_prompt is not', () => {
    expect(mjSubmitError(23, 'x').retryable).toBe(true);
    expect(mjSubmitError(24, 'x').retryable).toBe(false);
  });
});

describe('classify: task error (§1.2 #4) and /api envelope', () => {
  it.each([
    [400, 'task_not_exist', 'task_not_exist', 'not_found'],
    [400, 'invalid_request', 'field prompt is required', 'invalid_request'],
    [400, 'task_failed', 'kling: image too small', 'invalid_request'],
    [400, 'task_failed', 'prompt violates content policy', 'content_policy'],
    [500, 'do_request_failed', '请求上游地址失败', 'upstream'],
    [502, 'fail_to_fetch_task', '<upstream body>', 'upstream'],
    [429, 'rate_limit', '当前分组上游负载已饱和，请稍后再试', 'rate_limited'],
    [200, 'task_not_exist', 'task_not_exist', 'not_found'],
  ] as const)('%i %s → %s', (status, code, message, kind) => {
    expect(classify(status, JSON.stringify({ code, message, data: null })).kind).toBe(kind);
  });

  it('{success:false}', () => {
    const e = classify(
      401,
      JSON.stringify({ success: false, message: '无权进行此操作，未提供 New-Api-User' }),
    );
    expect(e.kind).toBe('bad_key');
    expect(
      classify(200, JSON.stringify({ success: false, message: '兑换失败，无效的兑换码' })).kind,
    ).toBe('upstream');
  });

  it('unknown JSON falls back to the status', () => {
    expect(classify(503, '{"foo":1}').kind).toBe('upstream');
    expect(classify(429, '{}').kind).toBe('rate_limited');
  });
});
