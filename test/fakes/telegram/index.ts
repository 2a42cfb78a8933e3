export type { ApiResponse, CallPredicate, CallRecord } from './calls.js';
export type { CallbackAnswer, StandInOptions } from './core.js';
export type {
  InlineQueryOptions,
  PayOptions,
  PayResult,
  PhotoInput,
  PressOptions,
  SendOptions,
  UserOptions,
} from './driver.js';
export { ChatDriver } from './driver.js';
export type { ApiErrorBody } from './errors.js';
export { STAR_TEXTS, TEXTS } from './errors.js';
export type { FloodConfig, FloodStats } from './flood.js';
export { parseHtml } from './html.js';
export { makePng, sniffImage } from './image.js';
export type { InlineAnswer } from './inline.js';
export { INLINE_LIMITS, INLINE_TEXTS } from './inline.js';
export { parseMarkdownV1, parseMarkdownV2 } from './markdown.js';
export type { BotReply, ReplyMatcher, ReplyPredicate } from './matcher.js';
export { MAX_STARS_PER_INVOICE } from './methods/payments.js';
export { TestGroup, TestUser } from './people.js';
export type { GroupOptions } from './standin.js';
export { botInfoOf, startTelegramStandIn, TelegramStandIn } from './standin.js';
export type { InvoiceRecord } from './stars.js';
export type { ChatAction } from './world.js';
