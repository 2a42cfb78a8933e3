/**
 * Why a Midjourney task failed, from the text midjourney-proxy and new-api put in `failReason`
 * (`[<Discord embed title>] <description>`, or their own Chinese messages). Pure. The codes are
 * the job failure codes the bot explains; anything unrecognised stays `task_failed` with the text.
 */

export type MjFailureCode =
  | 'mj_moderation'
  | 'mj_invalid_parameter'
  | 'queue_full'
  | 'mj_account'
  | 'mj_image_fetch'
  | 'deadline'
  | 'task_failed';

/** Checked in order: the first that matches the embed title (or the whole text) wins. */
const RULES: ReadonlyArray<readonly [RegExp, MjFailureCode]> = [
  [
    /banned prompt|action needed|pending mod|\bappeal\b|community (standards|guidelines)|content policy|image denied|output filters?|invalid prompt|敏感词|违规|审核/i,
    'mj_moderation',
  ],
  [
    /invalid parameter|unrecognized parameter|unknown parameter|invalid (aspect|value|seed)|not compatible|unsupported parameter|参数(错误|无效)/i,
    'mj_invalid_parameter',
  ],
  [/queue (is )?full|too many (running|queued|concurrent)|队列已满/i, 'queue_full'],
  [
    /credits? (are )?exhausted|usage exhausted|subscription|plan cancell?ed|^blocked$|fast hours|free trial|account (is )?(banned|suspended|blocked|disabled)|no available account|无可用的?账号|账号(被封|不可用)|获取渠道信息失败/i,
    'mj_account',
  ],
  [
    /invalid (image )?(link|url)|failed to (download|fetch|load|read) (the )?image|could not (download|load) (the )?image|image (link|url) (is )?invalid|图片(下载|地址|链接)/i,
    'mj_image_fetch',
  ],
  [/timed? ?out|超时/i, 'deadline'],
];

const EMBED = /^\s*\[([^\]]{1,80})\]\s*([\s\S]*)$/;

export interface MjFailure {
  code: MjFailureCode;
  /** What Midjourney said, without the embed title: shown to the user where it helps. */
  detail: string;
}

export function classifyMjFailure(reason: string | undefined): MjFailure {
  const text = (reason ?? '').trim();
  const embed = EMBED.exec(text);
  const title = embed?.[1] ?? '';
  const detail = (embed?.[2] ?? text).trim() || text;
  for (const [re, code] of RULES) if (re.test(title)) return { code, detail };
  for (const [re, code] of RULES) if (re.test(text)) return { code, detail };
  // Unrecognised: the whole text, title included, is all the user can be told.
  return { code: 'task_failed', detail: text || 'failed' };
}

/** A running task held for moderation ("Action needed to continue", "Pending mod message"). */
export const heldForModeration = (progressText: string): boolean =>
  /action needed|pending mod/i.test(progressText);
