/** Shared state handed to every handler: resolved options, clock, keys, files, request helpers. */

import type { IncomingHttpHeaders } from 'node:http';
import type { KeyState, KeyStore } from './auth.js';
import type { SimClock } from './clock.js';
import type { SimMask } from './edit-mask.js';
import type { FileStore } from './files.js';
import type { MjRelayOptions } from './mj-relay.js';
import type { MjTaskStore } from './mj-tasks.js';
import type {
  ChatImageVariant,
  ErrorType,
  GatewaySimOptions,
  MjMode,
  SimTimings,
  VideoDialect,
} from './types.js';
import type { VideoTaskStore } from './video-tasks.js';

export interface ResolvedOptions {
  errorType: ErrorType;
  requestIdSuffix: boolean;
  mjMode: MjMode;
  timings: SimTimings;
  bannedWords: string[];
  remix: boolean;
  mjQueue: { coreSize: number; queueSize: number };
  chatImageVariant: Record<string, ChatImageVariant>;
  videoDialect: Record<string, VideoDialect>;
  editsNotImplemented: boolean;
  prices: Record<string, number>;
  modelsShape: 'newapi' | 'oneapi';
  catalog: string[];
  mjImageUrls: 'discord' | 'forward';
  mjRelay?: MjRelayOptions;
}

export interface SimRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  rawBody: Buffer;
  /** Parsed body: JSON value, multipart form, or undefined. */
  body: unknown;
  form?: FormData;
  /** Set by the router for authenticated routes. */
  key?: KeyState;
  params: string[];
}

export interface SimContext {
  opts: ResolvedOptions;
  clock: SimClock;
  keys: KeyStore;
  files: FileStore;
  baseUrl(): string;
  /** Telegram file URLs that reached the gateway (a leaked bot token; tests assert this stays empty). */
  leaks: string[];
  mj: { tasks: MjTaskStore; failNext: string[] };
  video: { tasks: VideoTaskStore; failNext: string[] };
  /** Masks sent to /v1/images/edits, accepted or refused. */
  masks: SimMask[];
}

export const DEFAULT_TIMINGS: SimTimings = {
  mjLagMs: 0,
  mjSubmittedMs: 500,
  mjWaitingMs: 500,
  mjStepMs: 1000,
  mjDescribeMs: 2000,
  videoQueuedMs: 2000,
  videoRunMs: 4000,
  imageLatencyMs: 0,
};

export const DEFAULT_PRICES: Record<string, number> = {
  'dall-e-2': 10_000,
  'dall-e-3': 20_000,
  'gpt-image-1': 20_000,
  mj_imagine: 25_000,
  mj_upscale: 10_000,
  mj_variation: 25_000,
  mj_low_variation: 25_000,
  mj_high_variation: 25_000,
  mj_pan: 25_000,
  mj_reroll: 25_000,
  mj_zoom: 25_000,
  // Inpaint / CustomZoom clicks are free in new-api; the following modal is billed.
  mj_custom_zoom: 0,
  mj_inpaint: 0,
  mj_modal: 25_000,
  mj_describe: 5_000,
  mj_blend: 25_000,
};

/** Fallback prices by route family when a model has no entry. */
export const FALLBACK_PRICE = { image: 10_000, chat: 15_000, video: 250_000, mj: 25_000 } as const;

export const DEFAULT_CATALOG = [
  'dall-e-3',
  'flux',
  'flux-pro',
  'gpt-image-1',
  'flux-kontext-pro',
  'gemini-2.5-flash-image',
  'nano-banana',
  'gpt-4o-image',
  'mj_imagine',
  'mj_upscale',
  'mj_variation',
  'mj_low_variation',
  'mj_high_variation',
  'mj_pan',
  'mj_reroll',
  'mj_zoom',
  'mj_custom_zoom',
  'mj_inpaint',
  'mj_modal',
  'mj_describe',
  'mj_blend',
  'kling-v2-1-master',
  'sora-2',
  'veo3.1',
];

export function resolveOptions(o: GatewaySimOptions): ResolvedOptions {
  return {
    errorType: o.errorType ?? 'one_api_error',
    requestIdSuffix: o.requestIdSuffix ?? true,
    mjMode: o.mjMode ?? 'newapi',
    timings: { ...DEFAULT_TIMINGS, ...(o.timings ?? {}) },
    bannedWords: o.bannedWords ?? ['nude'],
    remix: o.remix ?? false,
    mjQueue: o.mjQueue ?? { coreSize: 3, queueSize: 10 },
    chatImageVariant: o.chatImageVariant ?? {},
    videoDialect: o.videoDialect ?? {},
    editsNotImplemented: o.editsNotImplemented ?? false,
    prices: { ...DEFAULT_PRICES, ...(o.prices ?? {}) },
    modelsShape: o.modelsShape ?? 'newapi',
    catalog: o.catalog ?? DEFAULT_CATALOG,
    mjImageUrls: o.mjImageUrls ?? 'discord',
    ...(o.mjRelay ? { mjRelay: o.mjRelay } : {}),
  };
}

export function priceOf(ctx: SimContext, model: string, fallback: number): number {
  return ctx.opts.prices[model] ?? fallback;
}

/** Picks a concrete duration from a fixed value or a [min, max] range. */
export function pickDuration(d: number | readonly [number, number]): number {
  if (typeof d === 'number') return d;
  const [min, max] = d;
  return Math.round(min + Math.random() * (max - min));
}

/** The authenticated key of a request; the router guarantees it for routes with auth. */
export function keyOf(req: SimRequest): KeyState {
  if (!req.key) throw new Error('gateway-sim: handler reached without authentication');
  return req.key;
}
