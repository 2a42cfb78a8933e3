import fc from 'fast-check';
import { BotError } from 'grammy';
import type { Update } from 'grammy/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBot, type TestBot } from '../helpers/bot-harness.js';
import { assertBooksBalanced, fund } from './helpers.js';

const COUNT = 3_000;
const SEED = 20_261_124;

/** Pieces the bot's parsers care about, mixed with noise. */
const word = fc.oneof(
  fc.constantFrom(
    '/start',
    '/help',
    '/imagine',
    '/mj',
    '/edit',
    '/video',
    '/balance',
    '/redeem',
    '/key',
    '/jobs',
    '/settings',
    '/language',
    '/cancel',
    '/support',
    '/models',
    '/stats',
    '/ban',
    '/codes',
    '/start redeem-ABCD-EFGH',
    '/start@genbot_test_bot',
    'sk-AAAAAAAAAAAAAAAA',
    'ABCD-EFGH-JKLM-NPQR',
    '--ar 16:9',
    '--v 6',
    '::',
    '<b>',
    '&amp;',
    '\u0000',
    '\u202e',
    '🦊',
    'x'.repeat(5000),
  ),
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
);
const text = fc.array(word, { maxLength: 6 }).map((w) => w.join(' '));
const callbackData = fc.oneof(
  fc.string({ maxLength: 80 }),
  fc
    .tuple(
      fc.constantFrom('mj', 'job', 'set', 'lang', 'jobs', 'bc', 'sup'),
      fc.string({ maxLength: 20 }),
      fc.nat(12),
    )
    .map(([a, b, c]) => `${a}:${b}:${c}`),
);

interface Ids {
  users: number[];
}

function arbitraryUpdate(ids: Ids): fc.Arbitrary<Record<string, unknown>> {
  const userId = fc.oneof(fc.constantFrom(...ids.users), fc.integer({ min: 1, max: 2 ** 40 }));
  const chat = fc.oneof(
    userId.map((id) => ({ id, type: 'private', first_name: 'F' })),
    fc.integer({ min: -(10 ** 13), max: -1 }).map((id) => ({ id, type: 'supergroup', title: 'G' })),
    fc.constant({ id: -5, type: 'group', title: 'g' }),
    fc.constant({ id: -100_777, type: 'channel', title: 'c' }),
    fc.constant({}),
  );
  const from = fc.option(
    fc.record({
      id: userId,
      is_bot: fc.boolean(),
      first_name: fc.string({ maxLength: 10 }),
      language_code: fc.option(fc.constantFrom('en', 'ru', 'de', '', 'zz-ZZ'), { nil: undefined }),
    }),
    { nil: undefined },
  );
  const message = fc.record(
    {
      message_id: fc.nat(),
      date: fc.oneof(fc.nat(), fc.constant(-1)),
      chat,
      from,
      text: fc.option(text, { nil: undefined }),
      caption: fc.option(text, { nil: undefined }),
      entities: fc.option(
        fc.array(
          fc.record({
            type: fc.constantFrom('bot_command', 'bold', 'url'),
            offset: fc.integer({ min: -2, max: 40 }),
            length: fc.integer({ min: 0, max: 40 }),
          }),
          { maxLength: 3 },
        ),
        { nil: undefined },
      ),
      photo: fc.option(
        fc.array(
          fc.record({
            file_id: fc.string({ maxLength: 12 }),
            file_unique_id: fc.string({ maxLength: 5 }),
            width: fc.nat(5000),
            height: fc.nat(5000),
            file_size: fc.option(fc.nat(), { nil: undefined }),
          }),
          { maxLength: 3 },
        ),
        { nil: undefined },
      ),
      document: fc.option(
        fc.record({
          file_id: fc.string({ maxLength: 8 }),
          file_unique_id: fc.string({ maxLength: 5 }),
          mime_type: fc.constantFrom('image/png', 'application/pdf', ''),
        }),
        { nil: undefined },
      ),
      reply_to_message: fc.option(
        fc.record({
          message_id: fc.nat(),
          date: fc.nat(),
          chat: fc.constant({ id: 1, type: 'private' }),
        }),
        { nil: undefined },
      ),
      media_group_id: fc.option(fc.constantFrom('g1', 'g2'), { nil: undefined }),
    },
    { requiredKeys: ['message_id', 'date', 'chat'] },
  );
  return fc.oneof(
    message.map((m) => ({ message: m })),
    message.map((m) => ({ edited_message: m })),
    fc
      .record({
        id: fc.string({ maxLength: 8 }),
        from: from.map((f) => f ?? { id: 1, is_bot: false, first_name: 'x' }),
        chat_instance: fc.string(),
        data: fc.option(callbackData, { nil: undefined }),
        message: fc.option(message, { nil: undefined }),
      })
      .map((q) => ({ callback_query: q })),
    fc
      .record({
        chat,
        from,
        date: fc.nat(),
        old_chat_member: fc.constant({ status: 'member' }),
        new_chat_member: fc.constantFrom({ status: 'kicked' }, { status: 'member' }, {}),
      })
      .map((m) => ({ my_chat_member: m })),
    fc.dictionary(fc.string({ maxLength: 12 }), fc.anything(), { maxKeys: 3 }),
    fc.constant({ inline_query: { id: '1', from: { id: 1 }, query: '' } }),
    fc.constant({ message: null }),
  );
}

/**
 * A few thousand random and malformed updates, straight into the bot's middleware stack: no
 * update may crash it or wedge a chat, and it keeps answering real users afterwards.
 */
describe('chaos: fuzzed updates', () => {
  let bot: TestBot;

  beforeAll(async () => {
    bot = await startTestBot({ env: { ADMIN_IDS: '4242' } });
  });
  afterAll(async () => {
    await bot.close();
  });

  it(`survives ${COUNT} random and malformed updates and keeps answering`, {
    timeout: 120_000,
  }, async () => {
    const known = Array.from({ length: 5 }, () => bot.tg.user({ language_code: 'en' }));
    for (const u of known.slice(0, 2)) fund(bot.app.deps.db, u.id, 50);
    const samples = fc.sample(arbitraryUpdate({ users: [...known.map((u) => u.id), 4242] }), {
      numRuns: COUNT,
      seed: SEED,
    });
    // As the runner and the webhook do: whatever a middleware throws goes to bot.catch (the
    // error boundary: logged, the user told). Nothing may escape that handler.
    let escaped = 0;
    const batch = 25;
    for (let i = 0; i < samples.length; i += batch) {
      await Promise.all(
        samples.slice(i, i + batch).map(async (body, j) => {
          const update = { ...body, update_id: 900_000_000 + i + j } as unknown as Update;
          try {
            await bot.app.bot.handleUpdate(update).catch((err: unknown) => {
              if (err instanceof BotError) return bot.app.bot.errorHandler(err);
              throw err;
            });
          } catch {
            escaped++;
          }
        }),
      );
    }
    expect(escaped).toBe(0);

    // Malformed updates through the real polling path too.
    for (let i = 0; i < 50; i++) bot.tg.pushUpdate({ [`weird_${i}`]: { nothing: i } } as never);
    bot.tg.pushUpdate({ message: { message_id: 1, date: 0 } } as never);

    const probe = bot.tg.user({ first_name: 'Probe', language_code: 'en' });
    probe.send('/start');
    await probe.waitFor({ text: /Hi, Probe/ }, { timeoutMs: 15_000 });
    await bot.app.executor.drain();
    assertBooksBalanced(bot.app.deps.db);
  });
});
