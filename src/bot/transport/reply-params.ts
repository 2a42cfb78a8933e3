/** Answers this message when given, and still sends when it is gone (deleted, or in a closed topic). */
export const replyParams = (messageId: number | null | undefined) =>
  messageId === undefined || messageId === null
    ? {}
    : { reply_parameters: { message_id: messageId, allow_sending_without_reply: true } };
