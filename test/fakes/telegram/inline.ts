import type { InlineQuery, InlineQueryResult, InlineQueryResultsButton } from 'grammy/types';

/** How a bot answered one inline query (what the user's client would list). */
export interface InlineAnswer {
  queryId: string;
  query: string;
  offset: string;
  results: InlineQueryResult[];
  /** Seconds; Telegram's default is 300. */
  cacheTime: number;
  isPersonal: boolean;
  /** '' when the bot said there is nothing more. */
  nextOffset: string;
  button?: InlineQueryResultsButton;
  /** Epoch ms the update was queued and the answer accepted: the user's wait. */
  askedAt: number;
  answeredAt: number;
}

/** An inline query the bot was sent, until it is answered or too old. */
export interface PendingInlineQuery {
  id: string;
  userId: number;
  query: string;
  offset: string;
  chatType?: InlineQuery['chat_type'];
  createdAt: number;
  answer?: InlineAnswer;
  /** Descriptions of answers Telegram refused (the query stays open for another try). */
  refusals: string[];
  resolve: (answer: InlineAnswer) => void;
}

/** Telegram's limits for inline answers. */
export const INLINE_LIMITS = {
  results: 50,
  idBytes: 64,
  nextOffsetBytes: 64,
  /** What a user can type after the bot's username. */
  queryChars: 256,
  startParameterChars: 64,
} as const;

/**
 * Telegram's answers to a refused answerInlineQuery (all `Bad Request: <text>`). From tdlib's
 * InlineQueriesManager.cpp (start_parameter, file types) and MTProto's errors for
 * messages.setInlineBotResults (RESULT_ID_*, *_TITLE_EMPTY, MEDIA_CAPTION_TOO_LONG,
 * NEXT_OFFSET_INVALID). Not verified: BUTTON_TEXT_INVALID for an empty button text, and the
 * wording for a results parameter that is not an array.
 */
export const INLINE_TEXTS = {
  resultsUnparsable: "can't parse inline query results JSON object",
  tooManyResults: 'too many inline query results specified',
  resultIdEmpty: 'RESULT_ID_EMPTY',
  resultIdInvalid: 'RESULT_ID_INVALID',
  resultIdDuplicate: 'RESULT_ID_DUPLICATE',
  resultTypeInvalid: 'RESULT_TYPE_INVALID',
  documentTitleEmpty: 'FILE_TITLE_EMPTY',
  videoTitleEmpty: 'VIDEO_TITLE_EMPTY',
  articleTitleEmpty: 'ARTICLE_TITLE_EMPTY',
  captionTooLong: 'MEDIA_CAPTION_TOO_LONG',
  fileIdInvalid: "wrong remote file identifier specified: can't unserialize it",
  nextOffsetInvalid: 'NEXT_OFFSET_INVALID',
  buttonTextInvalid: 'BUTTON_TEXT_INVALID',
  startParameterEmpty: "can't use empty start_parameter",
  startParameterTooLong: 'too long start_parameter specified',
  startParameterInvalid: 'unallowed characters in start_parameter are used',
} as const;
