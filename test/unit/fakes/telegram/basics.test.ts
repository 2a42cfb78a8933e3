import { run } from '@grammyjs/runner';
import { InlineKeyboard } from 'grammy';
import { describe, expect, it } from 'vitest';
import { type Harness, harness, poll, useHarnesses } from './helpers.js';

let h: Harness;
const teardown = useHarnesses();

describe('telegram stand-in basics', () => {
  it('answers getMe with the bot and rejects a wrong token with 401', async () => {
    h = await harness();
    const me = await h.raw('getMe');
    expect(me.json).toMatchObject({
      ok: true,
      result: { id: 123456789, is_bot: true, username: 'genbot_test_bot' },
    });
    const res = await fetch(`${h.standIn.apiRoot}/bot123:wrong/getMe`);
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ ok: false, error_code: 401, description: 'Unauthorized' });
    expect(h.standIn.token).toMatch(/^\d+:[A-Za-z0-9_-]{35}$/);
  });

  it('round-trips /start through a polling grammY bot', async () => {
    h = await harness();
    h.bot.command('start', (ctx) =>
      ctx.reply(`Hello, <b>${ctx.from?.first_name}</b>!`, { parse_mode: 'HTML' }),
    );
    teardown.stop = poll(h.bot);
    const user = h.standIn.user({ first_name: 'Ann' });
    const sent = user.send('/start');
    expect(sent.entities).toEqual([{ type: 'bot_command', offset: 0, length: 6 }]);
    const reply = await user.waitFor({ text: 'Hello' });
    expect(reply.message?.text).toBe('Hello, Ann!');
    expect(reply.message?.entities).toEqual([{ type: 'bold', offset: 7, length: 3 }]);
    expect(reply.message?.from?.id).toBe(h.standIn.botInfo.id);
    expect(reply.message?.chat.id).toBe(user.id);
    expect(user.lastBotMessage()?.message_id).toBe(sent.message_id + 1);
  });

  it('delivers a callback press and returns the answer; edits show in the history', async () => {
    h = await harness();
    h.bot.command('menu', (ctx) =>
      ctx.reply('Pick', { reply_markup: new InlineKeyboard().text('One', 'pick:1') }),
    );
    h.bot.callbackQuery(/^pick:/, async (ctx) => {
      await ctx.answerCallbackQuery({ text: `got ${ctx.callbackQuery.data}` });
      await ctx.editMessageText('Picked one');
    });
    teardown.stop = poll(h.bot);
    const user = h.standIn.user();
    user.send('/menu');
    const menu = await user.waitFor({ buttons: true });
    const answer = await user.press(menu.message ?? 0, 'One');
    expect(answer).toEqual({ text: 'got pick:1' });
    const edit = await user.waitFor({ edit: true });
    expect(edit.message?.text).toBe('Picked one');
    expect(edit.message?.reply_markup).toBeUndefined();
    expect(user.lastBotMessage()?.text).toBe('Picked one');
  });

  it('works with @grammyjs/runner', async () => {
    h = await harness();
    h.bot.on('message:text', (ctx) => ctx.reply(`echo: ${ctx.message.text}`));
    const runner = run(h.bot, { runner: { fetch: { timeout: 1 } } });
    teardown.stop = () => runner.stop();
    const users = [h.standIn.user(), h.standIn.user()];
    for (const u of users) u.send('ping');
    for (const u of users)
      expect((await u.waitFor({ text: 'echo: ping' })).message?.chat.id).toBe(u.id);
  });
});
