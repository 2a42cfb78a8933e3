/**
 * Local one-api/new-api gateway simulator (images, chat images, Midjourney, video tasks, billing) with
 * fault injection. See README.md for markers and defaults; docs/gateway-protocol.md §9 for the design.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { KeyStore, refund } from './auth.js';
import { createClock } from './clock.js';
import { resolveOptions, type SimContext } from './context.js';
import type { SimMask } from './edit-mask.js';
import { FaultStore } from './faults.js';
import { FileStore } from './files.js';
import { endAt, liveView, type MjTaskRecord, MjTaskStore } from './mj-tasks.js';
import { MJ_LIST_ROUTE, ROUTES } from './routes.js';
import { createHandler } from './server.js';
import type { Fault, GatewaySimOptions, KeyView, RecordedRequest, SimKey } from './types.js';
import { type VideoTaskRecord, VideoTaskStore, videoView } from './video-tasks.js';

export type { SimMask } from './edit-mask.js';
export type { MjTaskRecord } from './mj-tasks.js';
export type {
  ChatImageVariant,
  Duration,
  ErrorType,
  Fault,
  FaultPreset,
  GatewaySimOptions,
  KeyView,
  MjMode,
  RecordedRequest,
  SimKey,
  SimTimings,
  VideoDialect,
} from './types.js';
export type { VideoTaskRecord } from './video-tasks.js';

export interface GatewaySim {
  url: string;
  close(): Promise<void>;
  addKey(key: string, spec: SimKey): void;
  /** Live view of a key (mutations are visible to the sim). Throws for unknown keys. */
  key(key: string): KeyView;
  inject(fault: Fault): void;
  clearFaults(): void;
  advance(ms: number): void;
  now(): number;
  requests: RecordedRequest[];
  /** Live MJ task record: set `failReason` (+ optional `failAt`) to fail it, `neverFinish` to hold it at 78%. */
  mjTask(id: string): MjTaskRecord | undefined;
  failNextMjTask(reason?: string): void;
  failNextVideoTask(reason?: string): void;
  /** Live video task record: set `failReason` (+ optional `failAt`) or `neverFinish`. */
  videoTask(id: string): VideoTaskRecord | undefined;
  stallTasks(on: boolean): void;
  /** Telegram file URLs the client sent to the gateway (should always be empty). */
  leaks: string[];
  /** Masks that reached /v1/images/edits, in order (refused ones carry `refused`). */
  masks: SimMask[];
}

export const DEFAULT_TEST_KEY = 'sk-test-unlimited';

export async function startGatewaySim(options: GatewaySimOptions = {}): Promise<GatewaySim> {
  const opts = resolveOptions(options);
  const clock = createClock({ manual: options.manualClock ?? false, speed: options.speed ?? 1 });
  const keys = new KeyStore();
  for (const [name, spec] of Object.entries(
    options.keys ?? { [DEFAULT_TEST_KEY]: { unlimited: true } },
  )) {
    keys.add(name, spec);
  }
  let baseUrl = '';
  const ctx: SimContext = {
    opts,
    clock,
    keys,
    files: new FileStore(clock, options.pngVariety, options.resultImages),
    baseUrl: () => baseUrl,
    leaks: [],
    masks: [],
    mj: { tasks: new MjTaskStore(), failNext: [] },
    video: { tasks: new VideoTaskStore(), failNext: [] },
  };
  const faults = new FaultStore();
  const requests: RecordedRequest[] = [];

  /** Pins test-forced failures to "now" and refunds failed tasks (new-api's poller compensates quota). */
  const housekeeping = (): void => {
    const t = clock.taskNow();
    for (const task of ctx.mj.tasks.all()) {
      if (task.failReason !== undefined && task.failAt === undefined) task.failAt = t;
      if (task.refunded || task.price === 0) continue;
      if (liveView(task, t, opts.timings, false).status === 'FAILURE' && endAt(task) <= t) {
        const owner = keys.get(task.owner);
        if (owner) refund(owner, task.price);
        task.refunded = true;
      }
    }
    for (const task of ctx.video.tasks.all()) {
      if (task.failReason !== undefined && task.failAt === undefined) task.failAt = t;
      if (task.refunded || task.price === 0) continue;
      if (videoView(task, t, opts.timings).status === 'failed') {
        const owner = keys.get(task.owner);
        if (owner) refund(owner, task.price);
        task.refunded = true;
      }
    }
  };

  const server: Server = createServer(
    createHandler({
      ctx,
      faults,
      routes: options.mjNoList ? ROUTES.filter((r) => r !== MJ_LIST_ROUTE) : ROUTES,
      requests,
      beforeEach: housekeeping,
    }),
  );
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  baseUrl = `http://127.0.0.1:${port}`;

  return {
    url: baseUrl,
    async close() {
      clock.dispose();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Hung (fault) sockets and keep-alive connections would otherwise keep close() pending.
      server.closeAllConnections();
      await closed;
    },
    addKey(name, spec) {
      keys.add(name, spec);
    },
    key(name) {
      housekeeping();
      const k = keys.get(name);
      if (!k) throw new Error(`gateway-sim: unknown key ${name}`);
      return k;
    },
    inject: (f) => faults.inject(f),
    clearFaults: () => faults.clear(),
    advance: (ms) => clock.advance(ms),
    now: () => clock.now(),
    requests,
    mjTask: (id) => ctx.mj.tasks.get(id),
    failNextMjTask(reason = '[Invalid parameter] Invalid value') {
      ctx.mj.failNext.push(reason);
    },
    failNextVideoTask(reason = 'task failed: upstream generation error') {
      ctx.video.failNext.push(reason);
    },
    videoTask: (id) => ctx.video.tasks.get(id),
    stallTasks: (on) => clock.setStalled(on),
    leaks: ctx.leaks,
    masks: ctx.masks,
  };
}
