/**
 * Telegram Mini App `initData` validation, as Telegram specifies it: the data-check string (every
 * field but `hash`, sorted, `key=value` joined by newlines) signed with HMAC-SHA256 under the key
 * HMAC-SHA256("WebAppData", bot token). Only the validated user is trusted, never a user id sent
 * alongside. Pure: no I/O.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/** How long a signed `initData` is accepted: Telegram re-signs it each time the app opens. */
export const INIT_DATA_MAX_AGE_S = 24 * 60 * 60;

const userSchema = z.object({
  id: z.number().int().positive(),
  first_name: z.string().max(256).default(''),
  language_code: z.string().max(35).optional(),
});

export type MiniAppUser = z.infer<typeof userSchema>;

export type InitDataCheck =
  | { ok: true; user: MiniAppUser; authDate: number }
  | { ok: false; reason: 'missing' | 'malformed' | 'bad_signature' | 'expired' | 'no_user' };

/** The HMAC key for a bot: computed once per token, not per request. */
export function initDataKey(botToken: string): Buffer {
  return createHmac('sha256', 'WebAppData').update(botToken).digest();
}

/** Signs fields as Telegram would (the test shim and the stand-in use this; so could a tool). */
export function signInitData(fields: Record<string, string>, key: Buffer): string {
  const params = new URLSearchParams(fields);
  params.delete('hash');
  params.set('hash', createHmac('sha256', key).update(checkString(params)).digest('hex'));
  return params.toString();
}

function checkString(params: URLSearchParams): string {
  return [...params.entries()]
    .filter(([k]) => k !== 'hash')
    .map(([k, v]) => `${k}=${v}`)
    .sort()
    .join('\n');
}

export function checkInitData(
  raw: string | undefined,
  key: Buffer,
  nowS: number,
  maxAgeS = INIT_DATA_MAX_AGE_S,
): InitDataCheck {
  if (!raw) return { ok: false, reason: 'missing' };
  if (raw.length > 8192) return { ok: false, reason: 'malformed' };
  const params = new URLSearchParams(raw);
  const hash = params.get('hash');
  if (!hash || !/^[0-9a-f]{64}$/.test(hash)) return { ok: false, reason: 'malformed' };
  const expected = createHmac('sha256', key).update(checkString(params)).digest();
  if (!timingSafeEqual(expected, Buffer.from(hash, 'hex')))
    return { ok: false, reason: 'bad_signature' };
  const authDate = Number(params.get('auth_date'));
  if (!Number.isSafeInteger(authDate)) return { ok: false, reason: 'malformed' };
  // A date in the future is a clock skew of the signer at most a minute, or a forgery.
  if (nowS - authDate > maxAgeS || authDate - nowS > 60) return { ok: false, reason: 'expired' };
  let user: unknown;
  try {
    user = JSON.parse(params.get('user') ?? 'null');
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  const parsed = userSchema.safeParse(user);
  return parsed.success
    ? { ok: true, user: parsed.data, authDate }
    : { ok: false, reason: 'no_user' };
}
