/**
 * Gateway calls of the last hour, in one-minute buckets, fed by the gateway client's
 * `onRequest` hook. In memory on purpose: it is a live health view (restarts start it over);
 * the jobs table keeps the lasting failure history.
 */
import type { RequestObservation } from '../gateway/http.js';

const BUCKET_MS = 60_000;

interface Bucket {
  minute: number;
  requests: number;
  errors: number;
  kinds: Map<string, number>;
}

export interface GatewayWindowSnapshot {
  minutes: number;
  requests: number;
  errors: number;
  /** Error kinds (or `http_<status>`), most frequent first. */
  kinds: Array<{ kind: string; count: number }>;
}

export class GatewayWindow {
  private readonly buckets: Bucket[] = [];

  constructor(
    private readonly minutes = 60,
    private readonly now: () => number = Date.now,
  ) {}

  record(info: RequestObservation): void {
    const minute = Math.floor(this.now() / BUCKET_MS);
    let bucket = this.buckets.at(-1);
    if (!bucket || bucket.minute !== minute) {
      bucket = { minute, requests: 0, errors: 0, kinds: new Map() };
      this.buckets.push(bucket);
      this.prune(minute);
    }
    bucket.requests++;
    const failed = info.errorKind !== undefined || (info.status ?? 200) >= 400;
    if (!failed) return;
    bucket.errors++;
    const kind = info.errorKind ?? `http_${info.status}`;
    bucket.kinds.set(kind, (bucket.kinds.get(kind) ?? 0) + 1);
  }

  snapshot(): GatewayWindowSnapshot {
    const minute = Math.floor(this.now() / BUCKET_MS);
    this.prune(minute);
    let requests = 0;
    let errors = 0;
    const kinds = new Map<string, number>();
    for (const b of this.buckets) {
      requests += b.requests;
      errors += b.errors;
      for (const [k, n] of b.kinds) kinds.set(k, (kinds.get(k) ?? 0) + n);
    }
    return {
      minutes: this.minutes,
      requests,
      errors,
      kinds: [...kinds]
        .map(([kind, count]) => ({ kind, count }))
        .sort((a, b) => b.count - a.count || a.kind.localeCompare(b.kind)),
    };
  }

  private prune(minute: number): void {
    while (this.buckets.length > 0 && (this.buckets[0]?.minute ?? 0) <= minute - this.minutes) {
      this.buckets.shift();
    }
  }
}
