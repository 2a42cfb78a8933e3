/** Public surface of the gateway client. */

export type { Quota } from './billing.js';
export { quotaFrom } from './billing.js';
export type { ChatExtraction } from './chat-extract.js';
export { extractChatImages } from './chat-extract.js';
export type { ChatImageRequest, ChatImageResult } from './chat-images.js';
export { isRefusal } from './chat-images.js';
export type { GatewayClient, GatewayClientOptions } from './client.js';
export { createGatewayClient } from './client.js';
export type { CallOptions } from './context.js';
export type { Downloaded, DownloadOptions, OpenedStream, StreamOptions } from './download.js';
export type { GatewayErrorDetails, GatewayErrorKind } from './errors.js';
export { classify, GatewayError, isGatewayError, scrubKeys, stripRequestId } from './errors.js';
export type { RequestObservation } from './http.js';
export type {
  EditImageRequest,
  GeneratedImage,
  GenerateImagesRequest,
  ImageResult,
} from './images.js';
export { parseImageResponse } from './images.js';
export type {
  ActionRequest,
  BlendRequest,
  ChangeRequest,
  DescribeRequest,
  ImagineRequest,
  MjBotType,
  MjImageInput,
  MjMode,
  ModalRequest,
} from './midjourney.js';
export type { MediaKind } from './mime.js';
export type {
  MjActionKind,
  MjButton,
  MjCustomIdInfo,
  MjStatus,
  MjSubmitResult,
  MjTask,
} from './mj-normalize.js';
export {
  normalizeMjStatus,
  normalizeMjTask,
  parseCustomId,
  parseDescribePrompts,
  parseMjProgress,
  parseSubmitResult,
} from './mj-normalize.js';
export { parseModels } from './models.js';
export type { RetryPolicy } from './retry.js';
export type { SubmitVideoRequest, VideoSubmitResult } from './video.js';
export type { VideoStatus, VideoTask } from './video-normalize.js';
export { normalizeVideoStatus, normalizeVideoTask, parseVideoProgress } from './video-normalize.js';
export { isContentRouteOf, videoContentPath } from './video-path.js';
