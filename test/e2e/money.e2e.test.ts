import { describe, expect, it } from 'vitest';
import { useSpawnedBot } from '../helpers/spawned-world.js';

const GATEWAY_KEY = 'sk-e2eMoneyOperatorKey0123456789';
const ADMIN_ID = 4_242_4242;
const CODE_RE = /^[2-9A-Z]{4}(?:-[2-9A-Z]{4}){5}$/;

describe('money end to end: the real process mints, redeems and shows the balance', () => {
  const world = useSpawnedBot({
    key: GATEWAY_KEY,
    env: () => ({ ADMIN_IDS: String(ADMIN_ID), CURRENCY: 'credits', CURRENCY_DECIMALS: '0' }),
  });

  it('admin /codes → document; a user pastes the code, then /balance shows it', async () => {
    const admin = world.tg.user({ id: ADMIN_ID, first_name: 'Admin', language_code: 'en' });
    admin.send('/codes 2 150');
    const doc = await admin.waitFor({ document: true }, { timeoutMs: 10_000 });
    expect(doc.message?.caption).toContain('2 codes × 150 credits');
    const file = Buffer.from(
      world.tg.fileBytes(doc.message?.document?.file_id ?? '') ?? [],
    ).toString();
    const codes = file.split('\n').filter((l) => CODE_RE.test(l));
    expect(codes).toHaveLength(2);

    const user = world.tg.user({ first_name: 'Buyer', language_code: 'en' });
    user.send(codes[0] ?? '');
    await user.waitFor(
      { text: '✅ Code redeemed: +150 credits. Balance: 150 credits.' },
      { timeoutMs: 10_000 },
    );

    // The second code through its deep link.
    const links = file.split('\n').filter((l) => l.includes('?start=redeem-'));
    expect(links).toHaveLength(2);
    const link = links[1] ?? '';
    const payload = new URL(link).searchParams.get('start') ?? '';
    const other = world.tg.user({ first_name: 'Second', language_code: 'en' });
    other.send(`/start ${payload}`);
    await other.waitFor({ text: /Code redeemed: \+150 credits/ }, { timeoutMs: 10_000 });

    user.send('/balance');
    const balance = await user.waitFor({ text: /Balance: 150 credits/ }, { timeoutMs: 10_000 });
    expect(balance.message?.text).toContain('+150 credits · redeem code');
  });

  it('stops cleanly and never logs a code or the gateway key', async () => {
    await world.bot.stop('SIGTERM');
    const logs = world.bot.output();
    expect(logs).toContain('stopped cleanly');
    expect(logs).toContain('redeem codes minted');
    expect(logs).not.toContain(GATEWAY_KEY);
    expect(logs).not.toMatch(/[2-9A-Z]{4}(?:-[2-9A-Z]{4}){5}/);
  });
});
