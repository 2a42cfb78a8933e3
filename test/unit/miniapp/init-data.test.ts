import { describe, expect, it } from 'vitest';
import { checkInitData, initDataKey, signInitData } from '../../../src/miniapp/init-data.js';

const TOKEN = '123456:TEST-token';
const key = initDataKey(TOKEN);
const now = 1_800_000_000;
const user = JSON.stringify({ id: 42, first_name: 'Ada', language_code: 'ru' });
const signed = (fields: Record<string, string>, k = key) => signInitData(fields, k);

describe('Mini App initData', () => {
  it('accepts what Telegram signed and takes the user from it', () => {
    const raw = signed({ auth_date: String(now - 60), query_id: 'AAE', user });
    expect(checkInitData(raw, key, now)).toEqual({
      ok: true,
      authDate: now - 60,
      user: { id: 42, first_name: 'Ada', language_code: 'ru' },
    });
  });

  it('matches Telegram’s own algorithm (HMAC of the sorted data-check string)', async () => {
    const { createHmac } = await import('node:crypto');
    const fields = { user, auth_date: String(now), chat_type: 'private' };
    const check = Object.entries(fields)
      .map(([k, v]) => `${k}=${v}`)
      .sort()
      .join('\n');
    const secret = createHmac('sha256', 'WebAppData').update(TOKEN).digest();
    const hash = createHmac('sha256', secret).update(check).digest('hex');
    const raw = new URLSearchParams({ ...fields, hash }).toString();
    expect(checkInitData(raw, key, now).ok).toBe(true);
  });

  it('refuses forged, altered, stale, future-dated, missing and userless data', () => {
    const good = { auth_date: String(now), user };
    expect(checkInitData(undefined, key, now)).toMatchObject({ reason: 'missing' });
    expect(checkInitData('', key, now)).toMatchObject({ reason: 'missing' });
    expect(checkInitData('user=1', key, now)).toMatchObject({ reason: 'malformed' });
    // Signed with another bot's token.
    const other = signed(good, initDataKey('999:other'));
    expect(checkInitData(other, key, now)).toMatchObject({ reason: 'bad_signature' });
    // Another user id swapped in after signing.
    const swapped = signed(good).replace(
      encodeURIComponent('"id":42'),
      encodeURIComponent('"id":43'),
    );
    expect(checkInitData(swapped, key, now)).toMatchObject({ reason: 'bad_signature' });
    const stale = signed({ ...good, auth_date: String(now - 86_401) });
    expect(checkInitData(stale, key, now)).toMatchObject({ reason: 'expired' });
    const future = signed({ ...good, auth_date: String(now + 3600) });
    expect(checkInitData(future, key, now)).toMatchObject({ reason: 'expired' });
    expect(checkInitData(signed({ auth_date: String(now) }), key, now)).toMatchObject({
      reason: 'no_user',
    });
    const badUser = signed({ auth_date: String(now), user: '{"id":"42"}' });
    expect(checkInitData(badUser, key, now)).toMatchObject({ reason: 'no_user' });
    expect(checkInitData('x'.repeat(9000), key, now)).toMatchObject({ reason: 'malformed' });
  });
});
