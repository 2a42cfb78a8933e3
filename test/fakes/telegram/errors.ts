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

/**
 * Telegram Stars payment texts (all answered as `Bad Request: <text>`).
 *
 * Seen in real answers (GitHub issues against Bot API libraries and tdlib):
 * CHARGE_ALREADY_REFUNDED (tdlib/telegram-bot-api#690), STARS_INVOICE_INVALID (XTR invoice with
 * tips or several prices, go-telegram-bot-api#751, rubenlagus/TelegramBots#1410),
 * PAYMENT_PROVIDER_INVALID (a non-Stars currency with no provider token, TelegramBots#1445),
 * CURRENCY_TOTAL_AMOUNT_INVALID (TelegramBot/Api#136), "can't parse prices JSON object" and
 * 'parameter "currency" is required' (node-red-contrib-telegrambot#302), QUERY_ID_INVALID.
 * From tdlib's InputInvoice.cpp: "Total price must be positive".
 * From MTProto's error list for invoices: INVOICE_PAYLOAD_INVALID, CHARGE_NOT_FOUND.
 *
 * Not verified (plausible picks): the title/description texts and the empty error_message text;
 * STARS_INVOICE_INVALID for an XTR invoice with a provider token.
 */
export const STAR_TEXTS = {
  currencyRequired: 'parameter "currency" is required',
  pricesUnparsable: "can't parse prices JSON object",
  totalNotPositive: 'Total price must be positive',
  totalInvalid: 'CURRENCY_TOTAL_AMOUNT_INVALID',
  starsInvoiceInvalid: 'STARS_INVOICE_INVALID',
  providerInvalid: 'PAYMENT_PROVIDER_INVALID',
  payloadInvalid: 'INVOICE_PAYLOAD_INVALID',
  titleInvalid: 'INVOICE_TITLE_INVALID',
  descriptionInvalid: 'INVOICE_DESCRIPTION_INVALID',
  errorMessageEmpty: 'error_message must be non-empty',
  queryIdInvalid: 'QUERY_ID_INVALID',
  chargeNotFound: 'CHARGE_NOT_FOUND',
  chargeAlreadyRefunded: 'CHARGE_ALREADY_REFUNDED',
} as const;
