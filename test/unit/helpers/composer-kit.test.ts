import { Composer } from 'grammy';
import { describe, expect, it } from 'vitest';
import type { BotContext } from '../../../src/bot/context.js';
import { callbackQuery, mountComposer, textMessage } from '../../helpers/composer-kit.js';

describe('composer kit', () => {
  it('records the calls a composer makes, answers them, and shows what it passed on', async () => {
    const feature = new Composer<BotContext>();
    feature.command('ping', async (ctx) => {
      const sent = await ctx.reply('pong');
      await ctx.api.editMessageText(sent.chat.id, sent.message_id, 'pong!');
    });
    feature.callbackQuery('tap', (ctx) => ctx.answerCallbackQuery({ text: 'tapped' }));
    const kit = mountComposer(feature);
    const ping = textMessage('/ping');
    await kit.send({ message: ping });
    await kit.send(callbackQuery('tap', ping));
    await kit.send({ message: textMessage('something else') });
    expect(kit.calls.map((c) => c.method)).toEqual([
      'sendMessage',
      'editMessageText',
      'answerCallbackQuery',
    ]);
    expect(kit.calls[0]?.payload).toMatchObject({ chat_id: ping.chat.id, text: 'pong' });
    expect(kit.calls[2]?.payload).toMatchObject({ text: 'tapped' });
    expect(kit.passedOn.map((u) => u.message?.text)).toEqual(['something else']);
  });
});
