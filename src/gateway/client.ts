/** The gateway client facade: one transport (one undici Agent) shared by every key. */
import type { Logger } from 'pino';
import type { Dispatcher } from 'undici';
import { getQuota, type Quota } from './billing.js';
import { type ChatImageRequest, type ChatImageResult, chatImage } from './chat-images.js';
import type { CallOptions, GatewayContext, KeyRejection } from './context.js';
import {
  type Downloaded,
  type DownloadOptions,
  download,
  type OpenedStream,
  openStream,
  type StreamOptions,
} from './download.js';
import { GatewayError } from './errors.js';
import { type RequestObservation, Transport } from './http.js';
import {
  type EditImageRequest,
  editImage,
  type GenerateImagesRequest,
  generateImages,
  type ImageResult,
} from './images.js';
import * as mj from './midjourney.js';
import type { MjSubmitResult, MjTask } from './mj-normalize.js';
import { listModels } from './models.js';
import type { RetryPolicy } from './retry.js';
import {
  fetchVideo,
  openVideoContent,
  type SubmitVideoRequest,
  submitVideo,
  type VideoSubmitResult,
} from './video.js';
import type { VideoTask } from './video-normalize.js';

export interface GatewayClientOptions {
  /** e.g. `https://api.designapi.ink` (a trailing `/v1` is tolerated). */
  baseUrl: string;
  apiKey: string;
  /** Total time per non-billed call (fetch, list, billing, models, downloads), retries included. Default 60 s. */
  timeoutMs?: number;
  /** Total time per billed submit (sync image/chat generations, MJ/video submits). Default 300 s. */
  generationTimeoutMs?: number;
  /** Default 10 s. */
  connectTimeoutMs?: number;
  headersTimeoutMs?: number;
  bodyTimeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  logger?: Logger;
  /** For tests (MockAgent) or a proxy; the client then does not own or close it. */
  dispatcher?: Dispatcher;
  /** Called once per call with route/status/duration: the hook for metrics. */
  onRequest?: (info: RequestObservation) => void;
  /**
   * Let result downloads reach private addresses on hosts other than the gateway's (a CDN on an
   * internal network). Off by default: a result URL must not lead into this machine's network.
   */
  allowPrivateUrls?: boolean;
  /** Told when the gateway rejects the operator's key (not a user's: see withKey). */
  onKeyRejected?: (kind: KeyRejection) => void;
}

export interface GatewayClient {
  readonly baseUrl: string;
  generateImages(req: GenerateImagesRequest, opts?: CallOptions): Promise<ImageResult>;
  editImage(req: EditImageRequest, opts?: CallOptions): Promise<ImageResult>;
  chatImage(req: ChatImageRequest, opts?: CallOptions): Promise<ChatImageResult>;

  imagine(req: mj.ImagineRequest, opts?: CallOptions): Promise<MjSubmitResult>;
  action(req: mj.ActionRequest, opts?: CallOptions): Promise<MjSubmitResult>;
  modal(req: mj.ModalRequest, opts?: CallOptions): Promise<MjSubmitResult>;
  blend(req: mj.BlendRequest, opts?: CallOptions): Promise<MjSubmitResult>;
  describe(req: mj.DescribeRequest, opts?: CallOptions): Promise<MjSubmitResult>;
  change(req: mj.ChangeRequest, opts?: CallOptions): Promise<MjSubmitResult>;
  fetchTask(id: string, opts?: CallOptions): Promise<MjTask | null>;
  listTasks(ids: readonly string[], opts?: CallOptions): Promise<MjTask[]>;

  submitVideo(req: SubmitVideoRequest, opts?: CallOptions): Promise<VideoSubmitResult>;
  fetchVideo(taskId: string, opts?: CallOptions): Promise<VideoTask>;

  /** A small file by URL (a preview), never with the key: URLs come from answers. */
  download(url: string, opts: DownloadOptions): Promise<Downloaded>;
  /** A result by URL, streamed, never with the key. */
  openStream(url: string, opts: StreamOptions): Promise<OpenedStream>;
  /** A task's video from the gateway's content route, built from the id, with the key. */
  openVideoContent(taskId: string, opts: Omit<StreamOptions, 'expect'>): Promise<OpenedStream>;

  getQuota(opts?: CallOptions): Promise<Quota>;
  listModels(opts?: CallOptions): Promise<string[]>;

  /**
   * Same connection pool, another key (a user's linked key). `onRejected` hears when the gateway
   * rejects exactly this key, so a late 401 for an old key never flags the one linked since.
   */
  withKey(apiKey: string, onRejected?: (kind: KeyRejection) => void): GatewayClient;
  /** Closes the pool; a no-op on clients made by withKey (they share their parent's). */
  close(): Promise<void>;
}

function checkKey(apiKey: string): string {
  const key = apiKey.trim();
  if (key === '' || /\s/.test(key))
    throw new GatewayError('bad_key', 'The API key is empty or invalid');
  return key;
}

function build(
  transport: Transport,
  apiKey: string,
  owner: boolean,
  onKeyRejected?: (kind: KeyRejection) => void,
): GatewayClient {
  const ctx: GatewayContext = {
    transport,
    apiKey: checkKey(apiKey),
    ...(onKeyRejected ? { onKeyRejected } : {}),
  };
  return {
    baseUrl: transport.baseUrl,
    generateImages: (req, opts) => generateImages(ctx, req, opts),
    editImage: (req, opts) => editImage(ctx, req, opts),
    chatImage: (req, opts) => chatImage(ctx, req, opts),
    imagine: (req, opts) => mj.imagine(ctx, req, opts),
    action: (req, opts) => mj.action(ctx, req, opts),
    modal: (req, opts) => mj.modal(ctx, req, opts),
    blend: (req, opts) => mj.blend(ctx, req, opts),
    describe: (req, opts) => mj.describe(ctx, req, opts),
    change: (req, opts) => mj.change(ctx, req, opts),
    fetchTask: (id, opts) => mj.fetchTask(ctx, id, opts),
    listTasks: (ids, opts) => mj.listTasks(ctx, ids, opts),
    submitVideo: (req, opts) => submitVideo(ctx, req, opts),
    fetchVideo: (id, opts) => fetchVideo(ctx, id, opts),
    download: (url, opts) => download(ctx, url, opts),
    openStream: (url, opts) => openStream(ctx, url, opts),
    openVideoContent: (id, opts) => openVideoContent(ctx, id, opts),
    getQuota: (opts) => getQuota(ctx, opts),
    listModels: (opts) => listModels(ctx, opts),
    withKey: (key, onRejected) => build(transport, key, false, onRejected),
    close: () => (owner ? transport.close() : Promise.resolve()),
  };
}

export function createGatewayClient(options: GatewayClientOptions): GatewayClient {
  const transport = new Transport({
    baseUrl: options.baseUrl,
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
    ...(options.generationTimeoutMs === undefined
      ? {}
      : { generationTimeoutMs: options.generationTimeoutMs }),
    ...(options.connectTimeoutMs === undefined
      ? {}
      : { connectTimeoutMs: options.connectTimeoutMs }),
    ...(options.headersTimeoutMs === undefined
      ? {}
      : { headersTimeoutMs: options.headersTimeoutMs }),
    ...(options.bodyTimeoutMs === undefined ? {} : { bodyTimeoutMs: options.bodyTimeoutMs }),
    ...(options.retry ? { retry: options.retry } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
    ...(options.dispatcher ? { dispatcher: options.dispatcher } : {}),
    ...(options.onRequest ? { onRequest: options.onRequest } : {}),
    ...(options.allowPrivateUrls ? { allowPrivateUrls: true } : {}),
  });
  return build(transport, options.apiKey, true, options.onKeyRejected);
}
