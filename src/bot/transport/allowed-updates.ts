/** Updates the bot handles; also sent to Telegram so it does not queue others. */
export const ALLOWED_UPDATES = [
  'message',
  'edited_message',
  'callback_query',
  'my_chat_member',
  'pre_checkout_query',
  // Inline sharing (`@bot words`); also needs inline mode on in @BotFather (/setinline).
  'inline_query',
] as const;
