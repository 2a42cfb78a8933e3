import { isGatewayError } from '../gateway/errors.js';
import type { Logger } from '../infra/logger.js';
import type { JobFailure } from './lifecycle.js';

/** How a job's gateway call is tried again while the gateway refuses it before doing any work. */
export interface RefusalRetry {
  /** Wait before each further try; its length is the number of retries. */
  delaysMs: readonly number[];
  /** Failures where the gateway did no work (429, no channel): a retry cannot bill twice. */
  isTransient: (failure: JobFailure) => boolean;
  toFailure: (err: unknown) => JobFailure;
  logger: Logger;
  sleep?: (ms: number) => Promise<void>;
}

export const DEFAULT_RETRY_DELAYS_MS: readonly number[] = [2_000, 6_000];

/** A Retry-After longer than this is not waited for: the user would rather hear "busy". */
const MAX_RETRY_AFTER_MS = 30_000;

const defaultSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * Runs `call`, trying again after each planned delay (or the gateway's Retry-After, when longer
 * and still reasonable) while it fails with a refusal. Any other failure, the last refusal, or
 * an abort goes to the caller as thrown.
 */
export async function retryRefusals<T>(
  o: RefusalRetry,
  jobId: string,
  signal: AbortSignal,
  call: () => Promise<T>,
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await call();
    } catch (err) {
      const failure = o.toFailure(err);
      const planned = o.delaysMs[attempt];
      if (planned === undefined || !o.isTransient(failure) || signal.aborted) throw err;
      const asked = isGatewayError(err) ? (err.retryAfterSec ?? 0) * 1000 : 0;
      if (asked > MAX_RETRY_AFTER_MS) throw err;
      const delay = Math.max(planned, asked);
      o.logger.info({ job: jobId, failure, delay }, 'gateway busy, trying again');
      await (o.sleep ?? defaultSleep)(delay);
    }
  }
}
