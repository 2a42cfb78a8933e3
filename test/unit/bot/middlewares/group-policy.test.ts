import type { Message } from 'grammy/types';
import { describe, expect, it } from 'vitest';
import {
  groupPolicy,
  isCommandForBot,
  isForBotInGroup,
  isReplyToBot,
} from '../../../../src/bot/middlewares/group-policy.js';
import {
  callbackQuery,
  KIT_BOT,
  mountComposer,
  textMessage,
} from '../../../helpers/composer-kit.js';

const me = KIT_BOT;
const group = { id: -100, type: 'supergroup' as const, title: 'G' };
const from = { id: 7, is_bot: false, first_name: 'U' };

type Reply = NonNullable<Message['reply_to_message']>;
const asReply = (m: Message) => m as Reply;

const msg = (text: string, extra: Partial<Message> = {}): Message =>
  textMessage(text, { message_id: 10, chat: group, from, ...extra });

describe('group policy: what counts as meant for the bot', () => {
  it('commands: bare or addressed to this bot, not to another; also in captions', () => {
    expect(isCommandForBot(msg('/imagine a cat'), 'gen_bot')).toBe(true);
    expect(isCommandForBot(msg('/imagine@gen_bot a cat'), 'gen_bot')).toBe(true);
    expect(isCommandForBot(msg('/imagine@GEN_BOT a cat'), 'gen_bot')).toBe(true);
    expect(isCommandForBot(msg('/imagine@other_bot a cat'), 'gen_bot')).toBe(false);
    expect(isCommandForBot(msg('draw a cat'), 'gen_bot')).toBe(false);
    // A command later in the text is not a command to the bot.
    const late = msg('please /imagine', {
      entities: [{ type: 'bot_command', offset: 7, length: 8 }],
    });
    expect(isCommandForBot(late, 'gen_bot')).toBe(false);
    const photo = {
      ...msg(''),
      text: undefined,
      caption: '/edit@gen_bot blue',
      caption_entities: [{ type: 'bot_command' as const, offset: 0, length: 13 }],
    } as Message;
    expect(isCommandForBot(photo, 'gen_bot')).toBe(true);
  });

  it('replies: to the bot, not to people and not to a topic root', () => {
    const botMsg = msg('hi', { from: me, message_id: 5 });
    expect(isReplyToBot(msg('thanks', { reply_to_message: asReply(botMsg) }), me.id)).toBe(true);
    expect(isReplyToBot(msg('thanks', { reply_to_message: asReply(msg('x')) }), me.id)).toBe(false);
    const root = msg('', {
      from: me,
      message_id: 3,
      forum_topic_created: { name: 't', icon_color: 1 },
    });
    expect(
      isReplyToBot(
        msg('in topic', { reply_to_message: asReply(root), message_thread_id: 3 }),
        me.id,
      ),
    ).toBe(false);
    expect(isForBotInGroup(msg('draw a cat'), me)).toBe(false);
  });

  it('the composer passes only those on (private chats and the support chat untouched)', async () => {
    const deps = { config: { SUPPORT_CHAT_ID: -999, ADMIN_IDS: [] } };
    const { send, passedOn } = mountComposer(groupPolicy, { deps: deps as never });
    await send({ message: msg('draw a cat') });
    await send({ message: msg('/imagine@gen_bot a cat') });
    await send({ message: msg('/imagine@other_bot a dog') });
    await send({ message: msg('nice', { reply_to_message: asReply(msg('pic', { from: me })) }) });
    await send({ edited_message: msg('edited chatter') });
    await send({
      message: msg('private text', { chat: { id: 7, type: 'private', first_name: 'U' } }),
    });
    await send({
      message: msg('support chat text', { chat: { id: -999, type: 'supergroup', title: 'S' } }),
    });
    await send(callbackQuery('menu:help', msg('x', { from: me }), from));
    const seen = passedOn.map(
      (u) => u.callback_query?.data ?? u.message?.text ?? u.edited_message?.text ?? 'other',
    );
    expect(seen).toEqual([
      '/imagine@gen_bot a cat',
      'nice',
      'private text',
      'support chat text',
      'menu:help',
    ]);
  });
});
