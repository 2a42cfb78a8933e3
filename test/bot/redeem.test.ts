import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CODE_ALPHABET, generateCode, normalizeCode } from '../../src/billing/code-format.js';
import { getBalance, recentEntries } from '../../src/billing/ledger.js';
import { disableBatch, mintCodes } from '../../src/billing/redeem-codes.js';
import { REDEEM_FAILURE_RULE } from '../../src/billing/redeem-guard.js';
import { redeemCodes } from '../../src/db/schema.js';
import { startTestBot, type TestBot } from '../helpers/bot-harness.js';

/** The code with one symbol changed: the check symbol catches it. */
function typo(code: string): string {
  const i = code.indexOf('-') - 1;
  const c = code[i] ?? '2';
  const other = CODE_ALPHABET[(CODE_ALPHABET.indexOf(c) + 1) % CODE_ALPHABET.length] ?? '3';
  return code.slice(0, i) + other + code.slice(i + 1);
}

describe('redeem codes (bot level)', () => {
  let bot: TestBot;
  const db = () => bot.app.deps.db;
  const mint = (amount: number, extra: { maxUses?: number; count?: number } = {}) =>
    mintCodes(db(), { count: extra.count ?? 1, amount, createdBy: 1, ...extra });

  beforeAll(async () => {
    bot = await startTestBot();
  });
  afterAll(() => bot.close());

  it('/redeem CODE credits the balance once, in the ledger', async () => {
    const user = bot.tg.user({ language_code: 'en' });
    const [code = ''] = mint(500).codes;
    user.send(`/redeem ${code}`);
    const ok = await user.waitFor({ text: /Code redeemed/ });
    expect(ok.message?.text).toBe('✅ Code redeemed: +5.00 USD. Balance: 5.00 USD.');
    expect(getBalance(db(), user.id)).toBe(500);
    expect(recentEntries(db(), user.id)).toMatchObject([{ kind: 'topup', amount: 500 }]);

    user.send(`/redeem ${code.toLowerCase()}`);
    await user.waitFor({ text: /You have already redeemed this code/ });
    expect(getBalance(db(), user.id)).toBe(500);
  });

  it('answers each wrong code clearly and changes nothing', async () => {
    const user = bot.tg.user({ language_code: 'en' });
    const [code = ''] = mint(100).codes;

    user.send('/redeem');
    await user.waitFor({ text: /Send me your code/ });

    user.send('/redeem hello');
    const malformed = await user.waitFor({ text: /not a redeem code/ });
    expect(malformed.message?.text).toContain('Attempts left: 4');

    user.send(`/redeem ${typo(code)}`);
    await user.waitFor({ text: /typo[\s\S]*Attempts left: 3/ });

    user.send(`/redeem ${generateCode()}`);
    await user.waitFor({ text: /no such code[\s\S]*Attempts left: 2/ });

    expect(getBalance(db(), user.id)).toBe(0);
  });

  it('expired, used up and withdrawn codes (not counted as guesses)', async () => {
    const first = bot.tg.user({ language_code: 'en' });
    const second = bot.tg.user({ language_code: 'ru' });

    const expired = mint(100);
    db()
      .update(redeemCodes)
      .set({ expiresAt: Date.now() - 1000 })
      .where(eq(redeemCodes.batchId, expired.batchId))
      .run();
    first.send(`/redeem ${expired.codes[0]}`);
    const text = (await first.waitFor({ text: /expired/ })).message?.text ?? '';
    expect(text).not.toContain('Attempts');

    const [once = ''] = mint(100).codes;
    first.send(`/redeem ${once}`);
    await first.waitFor({ text: /Code redeemed/ });
    second.send(`/redeem ${once}`);
    await second.waitFor({ text: /Этот код уже использован/ });

    const shared = mint(100, { maxUses: 2 });
    second.send(`/redeem ${shared.codes[0]}`);
    await second.waitFor({ text: /Код активирован: \+1,00 USD/ });

    const withdrawn = mint(100);
    disableBatch(db(), withdrawn.batchId);
    second.send(`/redeem ${withdrawn.codes[0]}`);
    await second.waitFor({ text: /отозван продавцом/ });
    expect(getBalance(db(), second.id)).toBe(100);
  });

  it('locks a guesser out after repeated failures and says for how long', async () => {
    const user = bot.tg.user({ language_code: 'en' });
    const [real = ''] = mint(100).codes;
    for (let i = 1; i < REDEEM_FAILURE_RULE.limit; i++) {
      user.send(`/redeem ${generateCode()}`);
      await user.waitFor({ text: `Attempts left: ${REDEEM_FAILURE_RULE.limit - i}` });
    }
    user.send(`/redeem ${generateCode()}`);
    await user.waitFor({ text: /redeeming is locked for 15 min/ });

    // Even the right code is refused while locked, with the time left.
    user.send(`/redeem ${real}`);
    await user.waitFor({ text: /Too many wrong codes\. Try again in 15 min\./ });
    expect(getBalance(db(), user.id)).toBe(0);

    // Pasting counts as redeeming.
    user.send(real);
    await user.waitFor({ text: /Try again in \d+ min/ });

    await bot.app.deps.limiter.reset(`redeem-fail:${user.id}`);
    user.send(real);
    await user.waitFor({ text: /Code redeemed/ });
  });

  it('redeems a code pasted on its own, in any reasonable shape', async () => {
    const user = bot.tg.user({ language_code: 'en' });
    const { codes } = mint(250, { count: 2 });
    user.send(codes[0] ?? '');
    await user.waitFor({ text: 'Balance: 2.50 USD' });
    user.send(`  ${(codes[1] ?? '').toLowerCase().replaceAll('-', ' ')}  `);
    await user.waitFor({ text: 'Balance: 5.00 USD' });
    // A pasted code with a typo is answered as a code, not taken for a prompt.
    user.send(typo(codes[0] ?? ''));
    await user.waitFor({ text: /typo/ });
  });

  it('redeems through the deep link t.me/<bot>?start=redeem-CODE', async () => {
    const user = bot.tg.user({ language_code: 'en', first_name: 'Link' });
    const [code = ''] = mint(300).codes;
    user.send(`/start redeem-${normalizeCode(code)}`);
    await user.waitFor({ text: '✅ Code redeemed: +3.00 USD. Balance: 3.00 USD.' });
    user.send(`/start redeem-${normalizeCode(code)}`);
    await user.waitFor({ text: /already redeemed/ });
    // Other payloads and a plain /start still greet.
    user.send('/start ref-42');
    await user.waitFor({ text: /Hi, Link/ });
    user.send('/start');
    await user.waitFor({ text: /Hi, Link/ });
  });

  it('keeps redeeming out of groups', async () => {
    const user = bot.tg.user({ language_code: 'en' });
    const [code = ''] = mint(100).codes;
    const inGroup = user.inGroup(bot.tg.group({ title: 'Chat', members: [user] }));
    inGroup.send(`/redeem ${code}`);
    await inGroup.waitFor({ text: /private chat/ });
    expect(getBalance(db(), user.id)).toBe(0);
  });
});
