export type { ApiResponse, CallPredicate, CallRecord } from './calls.js';
export type { CallbackAnswer, StandInOptions } from './core.js';
export type {
  BotReply,
  PhotoInput,
  ReplyMatcher,
  ReplyPredicate,
  SendOptions,
  UserOptions,
} from './driver.js';
export { ChatDriver, TestGroup, TestUser } from './driver.js';
export type { ApiErrorBody } from './errors.js';
export { TEXTS } from './errors.js';
export type { FloodConfig, FloodStats } from './flood.js';
export { parseHtml } from './html.js';
export { makePng, sniffImage } from './image.js';
export type { GroupOptions } from './standin.js';
export { startTelegramStandIn, TelegramStandIn } from './standin.js';
export type { ChatAction } from './world.js';
