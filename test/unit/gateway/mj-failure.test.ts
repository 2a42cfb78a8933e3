import { describe, expect, it } from 'vitest';
import { classifyMjFailure, heldForModeration } from '../../../src/gateway/mj-failure.js';

describe('Midjourney failure reasons', () => {
  it.each([
    [
      '[Banned prompt detected] Sorry! Our AI moderator thinks this prompt is probably against our community standards.',
      'mj_moderation',
    ],
    [
      '[Action needed to continue] Your prompt may violate our Community Guidelines. Appeal?',
      'mj_moderation',
    ],
    ['[Pending mod message] Your job will start once a moderator reviews it', 'mj_moderation'],
    ['可能包含敏感词', 'mj_moderation'],
    ['[Invalid parameter] Invalid value for --ar: 100:1', 'mj_invalid_parameter'],
    ['[Unrecognized parameter(s)] `--foo`', 'mj_invalid_parameter'],
    ['[Invalid parameter] --niji is not compatible with --v', 'mj_invalid_parameter'],
    ['[Queue full] Your job queue is full. Please wait for a job to finish first', 'queue_full'],
    ['[Credits exhausted] You have run out of fast hours', 'mj_account'],
    ['[Subscription required] You need an active subscription', 'mj_account'],
    ['无可用的账号实例', 'mj_account'],
    ['获取渠道信息失败，请联系管理员，渠道ID：3', 'mj_account'],
    ['[Invalid link] Could not download the image at https://x/y.png', 'mj_image_fetch'],
    // Titles trueai-org/midjourney-proxy writes.
    ['[Account usage exhausted] Please renew', 'mj_account'],
    ['[Blocked] You have been blocked from accessing Midjourney', 'mj_account'],
    ['[Plan Cancelled] Your subscription was cancelled', 'mj_account'],
    ['[Image denied] This image may break our rules', 'mj_moderation'],
    ['[Request cancelled due to output filters] Sorry', 'mj_moderation'],
    ['[Invalid prompt] The prompt is empty', 'mj_moderation'],
    // Not failures of that kind: a queued notice, a word that contains "appeal".
    ['Job queued, 3 ahead', 'task_failed'],
    ['an appealing error', 'task_failed'],
    ['任务超时', 'deadline'],
    ['上游任务超时（超过1小时）', 'deadline'],
  ])('%s → %s', (reason, code) => {
    expect(classifyMjFailure(reason).code).toBe(code);
  });

  it('the embed title is dropped from the detail; unknown text stays task_failed, whole', () => {
    expect(classifyMjFailure('[Invalid parameter] Invalid value for --ar')).toEqual({
      code: 'mj_invalid_parameter',
      detail: 'Invalid value for --ar',
    });
    expect(classifyMjFailure('[Something new] the sky fell')).toEqual({
      code: 'task_failed',
      detail: '[Something new] the sky fell',
    });
    expect(classifyMjFailure('')).toEqual({ code: 'task_failed', detail: 'failed' });
    expect(classifyMjFailure(undefined).code).toBe('task_failed');
  });

  it('a running task held for a moderator is recognised from its progress text', () => {
    expect(heldForModeration('Action needed to continue')).toBe(true);
    expect(heldForModeration('Pending mod message')).toBe(true);
    expect(heldForModeration('46%')).toBe(false);
    expect(heldForModeration('Waiting to start')).toBe(false);
  });
});
