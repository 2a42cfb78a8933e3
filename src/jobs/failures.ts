import { isGatewayError } from '../gateway/errors.js';
import type { JobFailure } from './lifecycle.js';

/** A user-supplied file the worker could not use. */
export class InputFileError extends Error {
  constructor(
    readonly code:
      | 'input_too_large'
      | 'input_unavailable'
      | 'input_not_image'
      | 'input_not_audio'
      | 'input_not_video',
    message: string,
  ) {
    super(message);
    this.name = 'InputFileError';
  }
}

/** Gateway messages worth showing verbatim (already stripped of request ids and keys). */
const SHOW_MESSAGE = new Set(['invalid_request', 'not_implemented']);

/** Turns whatever a runner threw into the code (and detail) the user is told about. */
export function toFailure(err: unknown): JobFailure {
  if (isGatewayError(err)) {
    if (err.kind === 'banned_prompt')
      return err.bannedWord ? { code: err.kind, message: err.bannedWord } : { code: err.kind };
    if (err.kind === 'aborted') return { code: 'interrupted' };
    return SHOW_MESSAGE.has(err.kind)
      ? { code: err.kind, message: err.message }
      : { code: err.kind };
  }
  if (err instanceof InputFileError) return { code: err.code };
  return { code: 'unknown' };
}

/**
 * The gateway refused before doing any work (per-key limit, no channel right now): a later try
 * may pass and cannot double-bill. Timeouts and 5xx are not here: the call may have run.
 */
export const isTransientFailure = (failure: JobFailure) =>
  failure.code === 'rate_limited' || failure.code === 'no_channel';
