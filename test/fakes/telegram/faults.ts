import { ApiError, type ApiErrorBody } from './errors.js';

interface Fault {
  method: string;
  error: ApiErrorBody;
  remaining?: number;
  every?: number;
  seen: number;
}

/** Injected failures: failNext for one-off errors, failEvery for storms. */
export class Faults {
  private list: Fault[] = [];

  failNext(method: string, error: ApiErrorBody, times = 1): void {
    this.list.push({ method: method.toLowerCase(), error, remaining: times, seen: 0 });
  }

  failEvery(method: string, n: number, error: ApiErrorBody): void {
    this.list.push({ method: method.toLowerCase(), error, every: Math.max(1, n), seen: 0 });
  }

  clear(): void {
    this.list = [];
  }

  /** The error to answer for this call, if any. '*' matches every method except getUpdates. */
  take(method: string): ApiError | undefined {
    const m = method.toLowerCase();
    for (const f of this.list) {
      if (f.method !== m && !(f.method === '*' && m !== 'getupdates')) continue;
      f.seen++;
      if (f.remaining !== undefined) {
        if (f.remaining <= 0) continue;
        f.remaining--;
        this.list = this.list.filter((x) => x.remaining === undefined || x.remaining > 0);
        return toError(f.error);
      }
      if (f.every !== undefined && f.seen % f.every === 0) return toError(f.error);
    }
    return undefined;
  }
}

const toError = (e: ApiErrorBody): ApiError =>
  new ApiError(e.error_code, e.description, e.parameters);
