import type { ResponseParameters } from 'grammy/types';

/** An error answered to the bot in the Bot API error shape. */
export class ApiError extends Error {
  constructor(
    readonly error_code: number,
    readonly description: string,
    readonly parameters?: ResponseParameters,
  ) {
    super(description);
    this.name = 'ApiError';
  }

  toJSON(): ApiErrorBody {
    return {
      error_code: this.error_code,
      description: this.description,
      ...(this.parameters ? { parameters: this.parameters } : {}),
    };
  }
}

export interface ApiErrorBody {
  error_code: number;
  description: string;
  parameters?: ResponseParameters;
}

export const badRequest = (text: string): ApiError => new ApiError(400, `Bad Request: ${text}`);
export const forbidden = (text: string): ApiError => new ApiError(403, `Forbidden: ${text}`);
export const tooManyRequests = (retryAfter: number): ApiError =>
  new ApiError(429, `Too Many Requests: retry after ${retryAfter}`, { retry_after: retryAfter });
export const entityTooLarge = (): ApiError => new ApiError(413, 'Request Entity Too Large');

/** Telegram's texts, in one place so tests and handlers agree. */
export const TEXTS = {
  wrongFile: 'wrong file identifier/HTTP URL specified',
  urlFailed: 'failed to get HTTP URL content',
  urlWrongType: 'wrong type of the web page content',
  notModified:
    'message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message',
  queryTooOld: 'query is too old and response timeout expired or query ID is invalid',
} as const;
