import type { Message } from 'grammy/types';
import { Composer } from '../composer.js';
import type { BotContext } from '../context.js';

/**
 * In a group the bot answers only what is meant for it: a command for it, or a reply to one of
 * its messages. Ordinary chatter never reaches the features, so nothing there can take a group
 * conversation for prompts (a complaint about peer bots).
 */
export const groupPolicy = new Composer<BotContext>();

/**
 * `/cmd@thisbot`, or a bare `/cmd`: clients send bare commands (from the menu too) when the bot
 * is the group's only bot; `/cmd@otherbot` is for another bot.
 */
export function isCommandForBot(m: Message, botUsername: string): boolean {
  const text = m.text ?? m.caption;
  const first = (m.entities ?? m.caption_entities)?.[0];
  if (text === undefined || first?.type !== 'bot_command' || first.offset !== 0) return false;
  const command = text.slice(0, first.length);
  const at = command.indexOf('@');
  return at < 0 || command.slice(at + 1).toLowerCase() === botUsername.toLowerCase();
}

/** A reply to the bot's own message (not the root message of a forum topic). */
export function isReplyToBot(m: Message, botId: number): boolean {
  const target = m.reply_to_message;
  return (
    target !== undefined &&
    target.from?.id === botId &&
    target.forum_topic_created === undefined &&
    target.message_id !== m.message_thread_id
  );
}

export function isForBotInGroup(m: Message, me: { id: number; username: string }): boolean {
  return isCommandForBot(m, me.username) || isReplyToBot(m, me.id);
}

groupPolicy.use(async (ctx, next) => {
  const chat = ctx.chat;
  if (!chat || chat.type === 'private' || chat.id === ctx.deps.config.SUPPORT_CHAT_ID) {
    return next();
  }
  // Buttons on the bot's messages and membership changes are the bot's own business.
  if (ctx.callbackQuery || ctx.myChatMember || ctx.chatMember) return next();
  if (ctx.message && isForBotInGroup(ctx.message, ctx.me)) return next();
  // Chatter, edits and service messages: dropped here on purpose.
});
