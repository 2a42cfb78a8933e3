import { afterEach, describe, expect, it } from 'vitest';
import { fund, waitForJob } from './images/helpers.js';
import { knownUser, type OperatorWorld, pause, startOperatorWorld } from './operator-helpers.js';

const OPERATOR_KEY = 'sk-operator-0123456789abcdef';
const FAST = { alerts: { checkMs: 100, downAfterMs: 400 } };

/** What the bot told the admin and the support chat, in order. */
const alertsIn = (w: OperatorWorld, chatId: number) =>
  w.tg.calls
    .filter((c) => c.method === 'sendMessage' && Number(c.params.chat_id) === chatId)
    .map((c) => String(c.params.text))
    .filter((t) => /^(🚨|✅)/.test(t));

async function until(check: () => boolean, what: string, ms = 5_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await pause(20);
  }
}

describe('operator alerts (bot level)', () => {
  let w: OperatorWorld | undefined;
  afterEach(async () => {
    await w?.close();
    w = undefined;
  });

  it('a rejected operator key alerts admins and the support chat once, then a recovery note', async () => {
    // The gateway does not know the operator's key: every call answers 401.
    w = await startOperatorWorld({
      support: 'group',
      env: { GATEWAY_API_KEY: OPERATOR_KEY },
      app: FAST,
    });
    const world = w;
    const groupId = world.group?.id ?? 0;
    const user = await knownUser(world.tg);
    fund(world.bot.app, user.id, 100);
    for (const prompt of ['a red fox', 'a blue fox']) {
      user.send(`/imagine ${prompt}`);
      const failed = await user.waitFor({ text: /API key was refused/ });
      expect(failed.message?.text).not.toMatch(/has been told/);
    }
    await until(() => alertsIn(world, world.admin.id).length > 0, 'the admin alert');
    await pause(400);
    expect(alertsIn(world, world.admin.id)).toHaveLength(1);
    expect(alertsIn(world, world.admin.id)[0]).toMatch(/rejects the bot's key/);
    expect(alertsIn(world, groupId)).toHaveLength(1);
    expect(alertsIn(world, world.admin.id)[0]).not.toContain(OPERATOR_KEY);

    world.gateway.addKey(OPERATOR_KEY, { unlimited: true });
    await until(() => alertsIn(world, world.admin.id).length === 2, 'the recovery note');
    expect(alertsIn(world, world.admin.id)[1]).toMatch(/accepts the bot's key again/);
    expect(alertsIn(world, groupId)).toHaveLength(2);
  });

  it('a low gateway balance is reported with what is left, in the admin’s language', async () => {
    w = await startOperatorWorld({
      env: { GATEWAY_API_KEY: OPERATOR_KEY, OPERATOR_BALANCE_ALERT_USD: '5' },
      gateway: { keys: { [OPERATOR_KEY]: { quota: 1_000_000 } } },
      app: FAST,
    });
    const world = w;
    world.admin.send('/language');
    await world.admin.waitFor({ text: /language|язык/i });
    world.bot.app.deps.db.$client
      .prepare("UPDATE users SET settings = json_set(settings, '$.locale', 'ru') WHERE id = ?")
      .run(world.admin.id);
    await until(() => alertsIn(world, world.admin.id).length > 0, 'the balance alert');
    expect(alertsIn(world, world.admin.id)[0]).toMatch(/мало средств.*2\.00 USD/s);
    world.gateway.addKey(OPERATOR_KEY, { quota: 50_000_000 });
    await until(() => alertsIn(world, world.admin.id).length === 2, 'the recovery note');
    expect(alertsIn(world, world.admin.id)[1]).toMatch(/снова выше порога/);
  });

  it('a gateway that answers only 502 for longer than the threshold is an outage; its end is noted', async () => {
    w = await startOperatorWorld({ app: FAST });
    const world = w;
    world.gateway.inject({ preset: 'html-502', times: 100_000 });
    const user = await knownUser(world.tg);
    fund(world.bot.app, user.id, 100);
    user.send('/imagine a lighthouse');
    await waitForJob(world.bot.app, user.id, (j) => j.status === 'failed', 15_000);
    await until(() => alertsIn(world, world.admin.id).length > 0, 'the outage alert', 10_000);
    expect(alertsIn(world, world.admin.id)[0]).toMatch(/has not answered for \d+ minutes?/);
    world.gateway.clearFaults();
    await until(() => alertsIn(world, world.admin.id).length === 2, 'the recovery note');
    expect(alertsIn(world, world.admin.id)[1]).toMatch(/answers again/);
  });
});
