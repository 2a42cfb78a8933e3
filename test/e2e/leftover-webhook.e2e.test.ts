import { describe, expect, it } from 'vitest';
import { useSpawnedBot } from '../helpers/spawned-world.js';

describe('polling after another deployment left a webhook set', () => {
  const world = useSpawnedBot({
    key: 'sk-e2eWebhookLeftover0123456789abc',
    env: async (tg) => {
      // While a webhook is set, Telegram answers getUpdates with 409 Conflict.
      const set = await fetch(`${tg.apiRoot}/bot${tg.token}/setWebhook`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ url: 'http://127.0.0.1:9/old-deployment' }),
      });
      expect(((await set.json()) as { ok: boolean }).ok).toBe(true);
      return {};
    },
  });

  it('clears it and answers', async () => {
    const user = world.tg.user({ first_name: 'Lea', language_code: 'en' });
    user.send('/start');
    await user.waitFor({ text: /Hi, Lea/ }, { timeoutMs: 10_000 });
    expect(world.tg.callsTo('deleteWebhook').length).toBeGreaterThan(0);
    expect(
      world.tg.callsTo('getUpdates').filter((c) => !c.response.ok && c.response.error_code === 409),
    ).toHaveLength(0);
  });
});
